// `citebot start` with a token: load the library and commands, log in, and stop cleanly on SIGINT/SIGTERM.
import type { Io } from "../cli/main";
import { type Config, requireBotConfig } from "../config";
import { loadLibrary } from "../engine/library";
import { createBot } from "./bot";
import { loadCommands } from "./command";
import { createLogger } from "./logger";

/** Gateway close code for a token Discord does not accept. */
const AUTHENTICATION_FAILED = 4004;

export async function runBot(config: Config, io: Io): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL);
  const bot = requireBotConfig(config);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandledRejection"));
  const library = loadLibrary(bot.ARTICLES_DIR);
  for (const p of library.problems) logger.warn({ file: p.file, reason: p.reason }, "article skipped");
  const commands = await loadCommands();
  // Parse the default article now, so the first reply does not pay for it.
  const latest = library.defaultId();
  if (latest) library.get(latest);
  const { start, stop, client } = createBot({ config: bot, library, commands, logger });
  // Articles added, edited or removed while the bot runs are picked up; a bad edit keeps the loaded version.
  const unwatch = library.watch((report) => {
    const { added, changed, removed, problems } = report;
    if (added.length || changed.length || removed.length)
      logger.info({ added, changed, removed }, "library reloaded");
    for (const p of problems) logger.warn({ file: p.file, reason: p.reason }, "article skipped");
  });

  return await new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string, code: number) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      unwatch();
      stop().then(
        () => resolve(code),
        () => resolve(code),
      );
    };
    process.once("SIGINT", () => shutdown("SIGINT", 0));
    process.once("SIGTERM", () => shutdown("SIGTERM", 0));
    client.on("shardDisconnect", (event) => {
      if (event.code === AUTHENTICATION_FAILED) {
        logger.fatal("Discord refused the token (gateway close 4004): check DISCORD_TOKEN");
        shutdown("authentication failed", 1);
      }
    });
    start().catch((error: Error) => {
      const invalidToken =
        /token/i.test(error.message) || (error as { code?: unknown }).code === "TokenInvalid";
      logger.fatal(
        { reason: invalidToken ? "Discord refused the token: check DISCORD_TOKEN" : error.message },
        "could not connect to Discord",
      );
      io.stderr.write(
        `citebot: could not connect to Discord: ${invalidToken ? "the token was refused" : error.message}\n`,
      );
      shutdown("login failed", 1);
    });
  });
}
