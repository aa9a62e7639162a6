// The bot's feeds: the feed service the /feed command finds, a poller with one lease per feed (Redis when
// REDIS_URL is set, else a PostgreSQL advisory lock when the articles are there, else in-process), and the
// scheduler that polls every minute and posts new items and digests to each feed's channel.
import type { Logger } from "pino";
import { fetchOptionsFrom, type OpenArticles } from "../app/open-articles.ts";
import type { Config } from "../config.ts";
import { FeedService, openFeedStore } from "../feeds/feed-service.ts";
import { type FeedLease, MemoryLease, PgLease, RedisLease } from "../feeds/lease.ts";
import { registerFeeds } from "../feeds/registry.ts";
import { FeedScheduler } from "../feeds/scheduler.ts";
import { feedEventMessage } from "../render/render-library.ts";
import type { MessagePayload } from "../render/reply.ts";
import { PgArticleStore } from "../store/pg-store.ts";

export interface RunningFeeds {
  stop(): Promise<void>;
}

export function startFeeds(
  config: Config,
  opened: OpenArticles,
  post: (channelId: string, message: MessagePayload) => Promise<unknown>,
  logger: Pick<Logger, "warn" | "info">,
): RunningFeeds | undefined {
  let service: FeedService;
  try {
    service = new FeedService(openFeedStore(opened), opened, fetchOptionsFrom(config), {
      maxFeeds: config.FEEDS_MAX_PER_SERVER,
      maxArticlesPerDay: config.FEED_MAX_ARTICLES_PER_DAY,
    });
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : String(error) }, "feeds are off");
    return undefined;
  }
  registerFeeds(opened.service, service);
  const { store } = opened.service;
  const lease: FeedLease = config.REDIS_URL
    ? new RedisLease(config.REDIS_URL, config.REDIS_KEY_PREFIX)
    : store instanceof PgArticleStore
      ? new PgLease(store.pool)
      : new MemoryLease();
  const poller = service.poller(lease, async (event) => {
    if (event.feed.channelId) await post(event.feed.channelId, feedEventMessage(event));
  });
  service.onAdded = (feed) => {
    poller
      .poll(feed)
      .catch((error: unknown) => logger.warn({ err: error, feed: feed.id }, "first feed poll failed"));
  };
  const scheduler = new FeedScheduler(poller, service.feeds, logger);
  scheduler.start();
  return {
    stop: async () => {
      scheduler.stop();
      await lease.close();
    },
  };
}
