// `citebot start` with a token: load the library and commands, log in, and stop cleanly on SIGINT/SIGTERM.
// With CITEBOT_SHARDS set, this process is the shard manager instead (shards.ts), and each shard's process
// runs `runGateway` (shard-process.ts).
import { Events } from "discord.js";
import type { Logger } from "pino";
import type { Io } from "../app/io.ts";
import { createLogger } from "../app/logger.ts";
import { openArticleService, storesReadyOrReport } from "../app/open-articles.ts";
import { type Config, requireBotConfig } from "../config.ts";
import { loadLibrary } from "../files/folder-library.ts";
import { loadCommands } from "../interactions/command.ts";
import { startFeeds } from "../interactions/feeds.ts";
import { createBot } from "./bot.ts";

/** Gateway close code for a token Discord does not accept. */
const AUTHENTICATION_FAILED = 4004;

export async function runBot(config: Config, io: Io): Promise<number> {
  if (config.CITEBOT_SHARDS !== undefined) {
    const { runShards } = await import("./shards.ts");
    return await runShards(config, io);
  }
  return await runGateway(config, io, createLogger(config.LOG_LEVEL));
}

/** One gateway client (the whole bot, or one shard of it): runs until SIGINT/SIGTERM, then resolves the exit code. */
export async function runGateway(config: Config, io: Io, logger: Logger): Promise<number> {
  const bot = requireBotConfig(config);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandledRejection"));
  const library = loadLibrary(bot.ARTICLES_DIR);
  for (const p of library.problems) logger.warn({ file: p.file, reason: p.reason }, "article skipped");
  const commands = await loadCommands();
  // Each server's added articles (SQLite under CITEBOT_DATA_DIR, or PostgreSQL), and the cooldowns and current
  // articles every process agrees on (memory, or Redis): reachable before the bot logs in.
  const opened = openArticleService(bot, library, {
    onConnectionError: (error) => logger.warn({ err: error }, "store connection error"),
  });
  if (!(await storesReadyOrReport(opened, logger, io))) return 1;
  const { start, stop, client, channels } = createBot({
    config: bot,
    library,
    commands,
    logger,
    articles: opened.service,
    cooldowns: opened.shared,
  });
  // News feeds: polled every minute, new items posted to each feed's channel.
  const feeds = startFeeds(bot, opened, channels.post, logger);
  // Once connected (after the "ready" line), parse the default article, so that the first reply does not pay for
  // it and the gateway does not wait for the language data to load.
  client.once(Events.ClientReady, () => {
    const latest = library.defaultId();
    if (latest) library.get(latest);
  });
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
      (feeds?.stop() ?? Promise.resolve())
        .catch((error: unknown) => logger.warn({ err: error }, "feeds did not stop cleanly"))
        .then(() => stop())
        .catch((error: unknown) => logger.warn({ err: error }, "the gateway did not close cleanly"))
        .then(() => opened.close())
        .then(
          () => resolve(code),
          (error: unknown) => {
            logger.warn({ err: error }, "the article store did not close cleanly");
            resolve(code);
          },
        );
    };
    process.once("SIGINT", () => shutdown("SIGINT", 0));
    process.once("SIGTERM", () => shutdown("SIGTERM", 0));
    let connected = false;
    // A token revoked while running: Discord closes the gateway with 4004 and no retry will help.
    client.on("shardDisconnect", (event) => {
      if (!connected || event.code !== AUTHENTICATION_FAILED) return;
      logger.fatal("Discord refused the token (gateway close 4004): check DISCORD_TOKEN");
      io.stderr.write("citebot: Discord refused the token; stopping.\n");
      shutdown("authentication failed", 1);
    });
    start().then(
      () => {
        connected = true;
      },
      (error: Error) => {
        const invalidToken = /token|authentication failed/i.test(error.message);
        const reason = invalidToken ? "the token was refused: check DISCORD_TOKEN" : error.message;
        logger.fatal({ reason }, "could not connect to Discord");
        io.stderr.write(`citebot: could not connect to Discord: ${reason}\n`);
        shutdown("login failed", 1);
      },
    );
  });
}
