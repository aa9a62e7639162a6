// One shard's process, started by the ShardingManager (shards.ts): the same bot as the single-process one, on the
// shard discord.js hands it in SHARDS / SHARD_COUNT, every log line naming that shard.

import { createLogger } from "../app/logger.ts";
import { ConfigError, readConfig } from "../config.ts";
import { runGateway } from "./run.ts";

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
const shard = Number(process.env.SHARDS);
let finished = false;
// The manager went away (killed, or crashed): stop as on SIGTERM rather than run on unmanaged.
process.once("disconnect", () => {
  if (!finished) process.kill(process.pid, "SIGTERM");
});

try {
  const config = readConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL).child({ shard });
  process.exitCode = await runGateway(config, io, logger);
} catch (error) {
  // The manager starts the shard again (and stops the bot if it keeps failing).
  const reason =
    error instanceof ConfigError
      ? error.message
      : `shard ${shard}: ${error instanceof Error ? error.message : String(error)}`;
  io.stderr.write(`citebot: ${reason}\n`);
  process.exitCode = 1;
} finally {
  finished = true;
  // The IPC channel to the manager would keep this process alive.
  if (process.connected) process.disconnect();
}
