// `citebot start` with a token: load the library and commands, log in, and stop cleanly on SIGINT/SIGTERM.

import type { Io } from "../app/io.ts";
import { openArticleService } from "../app/open-articles.ts";
import { type Config, requireBotConfig } from "../config.ts";
import { loadLibrary } from "../engine/index.ts";
import { createBot } from "./bot.ts";
import { loadCommands } from "./command.ts";
import { createLogger } from "./logger.ts";

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
  // Each server's added articles: one SQLite file under CITEBOT_DATA_DIR, opened (and migrated) at start.
  const opened = openArticleService(bot, library);
  const { start, stop, client } = createBot({
    config: bot,
    library,
    commands,
    logger,
    articles: opened.service,
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
      stop()
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
