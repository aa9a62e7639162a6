// `citebot start` with INTERACTIONS_MODE=http: the same library, commands and handler as the gateway bot,
// answering Discord's signed POSTs; SIGINT/SIGTERM stop accepting, finish what is in flight, and exit 0.

import type { Io } from "../app/io.ts";
import { createLogger } from "../app/logger.ts";
import { openArticleService, storesReadyOrReport } from "../app/open-articles.ts";
import { type Config, ConfigError } from "../config.ts";
import { loadLibrary } from "../files/folder-library.ts";
import { tokenChannels } from "../interactions/channels.ts";
import { loadCommands } from "../interactions/command.ts";
import { startFeeds } from "../interactions/feeds.ts";
import { routeInteraction } from "../interactions/route.ts";
import { routeDepsFor } from "../interactions/route-deps.ts";
import { createEndpoint } from "./endpoint.ts";
import { publicKeyFromHex } from "./signature.ts";

export const DEFAULT_API_BASE = "https://discord.com/api";

export async function runHttp(config: Config, io: Io): Promise<number> {
  if (!config.DISCORD_PUBLIC_KEY)
    throw new ConfigError("configuration: DISCORD_PUBLIC_KEY must be set when INTERACTIONS_MODE=http");
  const logger = createLogger(config.LOG_LEVEL);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandledRejection"));
  const library = loadLibrary(config.ARTICLES_DIR);
  for (const p of library.problems) logger.warn({ file: p.file, reason: p.reason }, "article skipped");
  const commands = await loadCommands();
  const latest = library.defaultId();
  if (latest) library.get(latest);
  const opened = openArticleService(config, library);
  if (!config.BUTTON_SECRET && !config.DISCORD_TOKEN)
    logger.warn("BUTTON_SECRET is not set: buttons work only on this process (set it on every worker)");
  // Cooldowns live in the shared state (Redis when REDIS_URL is set), so every worker enforces the same one.
  if (!(await storesReadyOrReport(opened, logger, io))) return 1;
  const apiBase = config.DISCORD_API_BASE ?? DEFAULT_API_BASE;
  // With the bot token, this worker can post on its own: follow-up threads and feed items.
  const channels = config.DISCORD_TOKEN ? tokenChannels(config.DISCORD_TOKEN, apiBase) : undefined;
  if (!channels) logger.info("DISCORD_TOKEN is not set: follow-ups answer in place and feeds are off");
  const deps = routeDepsFor({
    config,
    library,
    commands,
    articles: opened.service,
    cooldowns: opened.shared,
    logger,
    channels,
  });

  const endpoint = createEndpoint({
    publicKey: publicKeyFromHex(config.DISCORD_PUBLIC_KEY),
    route: (input) => routeInteraction(input, deps),
    apiBase,
    bodyMaxBytes: config.HTTP_BODY_MAX_BYTES,
    logger,
  });
  const unwatch = library.watch((report) => {
    const { added, changed, removed, problems } = report;
    if (added.length || changed.length || removed.length)
      logger.info({ added, changed, removed }, "library reloaded");
    for (const p of problems) logger.warn({ file: p.file, reason: p.reason }, "article skipped");
  });
  let port: number;
  try {
    port = await endpoint.listen(config.PORT, config.HOST);
  } catch (error) {
    unwatch();
    await opened.close();
    io.stderr.write(
      `citebot: could not listen on ${config.HOST}:${config.PORT}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  // Every worker runs the scheduler; the feed lease lets one of them poll each feed.
  const feeds = channels ? startFeeds(config, opened, channels.post, logger) : undefined;
  logger.info(
    { mode: "http", host: config.HOST, port, commands: commands.size, articles: library.list().length },
    "ready",
  );
  return await new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      unwatch();
      endpoint
        .close()
        .then(() => feeds?.stop())
        .catch((error: unknown) => logger.warn({ err: error }, "feeds did not stop cleanly"))
        .then(() => opened.close())
        .then(
          () => {
            logger.info("stopped");
            resolve(0);
          },
          (error: unknown) => {
            logger.warn({ err: error }, "the article store did not close cleanly");
            resolve(0);
          },
        );
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
}
