// Starting and stopping the bot as `npm start` does, for the end-to-end tests and benchmarks.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger } from "../src/app/logger.ts";
import { readConfig, requireBotConfig } from "../src/config.ts";
import { createBot } from "../src/discord/bot.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { type CommandModule, loadCommands } from "../src/interactions/command.ts";
import { MemorySharedState } from "../src/store/shared-state.ts";
import { APP_ID, type DiscordStandIn, FAKE_TOKEN } from "./discord-stand-in.ts";
import { FIXTURES, ROOT, SEED_ID, SEEDS, tempLibrary } from "./fixtures.ts";
import { tempDir } from "./temp-dirs.ts";

/** The seed plus the Millbrook article (many quotes, `@everyone` and a role mention in its text). */
export function testLibrary(): string {
  const dir = tempLibrary({
    "millbrook-fire-station.txt": readFileSync(join(FIXTURES, "millbrook-fire-station.txt")),
  });
  copyFileSync(join(SEEDS, `${SEED_ID}.txt`), join(dir, `${SEED_ID}.txt`));
  return dir;
}

export interface StartOptions {
  /** How many `ready` log lines mean started: one per shard (default 1). */
  readyLines?: number;
  /** How long start-up may take (default 60 s: generous, for a loaded machine; several shards need more). */
  timeoutMs?: number;
}

/** How many lines of the bot's output say `ready`. */
export const readyCount = (text: string) => text.split('"msg":"ready"').length - 1;

export async function startBot(
  standIn: DiscordStandIn,
  env: Record<string, string> = {},
  { readyLines = 1, timeoutMs = 60_000 }: StartOptions = {},
) {
  const child = spawn(process.execPath, [join(ROOT, "bin", "citebot.mjs"), "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_BASE: standIn.apiBase,
      ARTICLES_DIR: testLibrary(),
      LOG_LEVEL: "debug",
      COMMAND_COOLDOWN_MS: "0",
      // Added articles go to a fresh folder unless a test names one (to restart on the same library).
      CITEBOT_DATA_DIR: tempDir("citebot-bot-data-"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { text: "" };
  child.stdout?.on("data", (chunk) => {
    output.text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output.text += chunk;
  });
  const started = Date.now();
  while (readyCount(output.text) < readyLines) {
    if (child.exitCode !== null || Date.now() - started > timeoutMs)
      throw new Error(`bot did not start:\n${output.text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output };
}

export function stopBot(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

/** The bot's adapter in this process, with the real discord.js client logged into the stand-in. */
export async function startInProcessBot(
  standIn: DiscordStandIn,
  { extraCommands = [] as CommandModule[], logLevel = "debug" } = {},
) {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = requireBotConfig(
    readConfig({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_BASE: standIn.apiBase,
      COMMAND_COOLDOWN_MS: "0",
    }),
  );
  const commands = new Map(await loadCommands());
  for (const command of extraCommands) commands.set(command.data.name, command);
  const bot = createBot({
    config,
    library: loadLibrary(SEEDS),
    commands,
    logger: createLogger(logLevel, sink),
    cooldowns: new MemorySharedState(),
  });
  await bot.start();
  if (!bot.client.isReady())
    await new Promise<void>((resolve) => bot.client.once("clientReady", () => resolve()));
  return { bot, logs };
}
