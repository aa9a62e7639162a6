// Subscribing a server to a feed, listing and removing its feeds: the one path the CLI and Discord share.
import type { OpenArticles } from "../app/open-articles.ts";
import { checkUrl } from "../ingest/address-guard.ts";
import { IngestError } from "../ingest/failure.ts";
import type { FetchOptions } from "../ingest/fetch.ts";
import { PgArticleStore } from "../store/pg-store.ts";
import { SqliteArticleStore } from "../store/sqlite-store.ts";
import {
  type DigestMode,
  type Feed,
  FeedLimitError,
  type FeedStore,
  PgFeedStore,
  SqliteFeedStore,
} from "./feed-store.ts";
import { fetchFeed } from "./fetch-feed.ts";
import type { FeedLease } from "./lease.ts";
import { FeedFormatError, parseFeedText } from "./parse-feed.ts";
import { type FeedEvent, FeedPoller } from "./poller.ts";

/** A feed that cannot be added or found: the message is meant for the user. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedError";
  }
}

export interface FeedLimits {
  maxFeeds: number;
  maxArticlesPerDay: number;
}

export interface Subscription {
  channelId: string | null;
  digest: DigestMode;
  digestHour: number | null;
  timeZone: string | null;
  addedBy: string;
}

/** The feed store beside the article store: the same SQLite file or PostgreSQL database. */
export function openFeedStore(opened: OpenArticles): FeedStore {
  const { store } = opened.service;
  if (store instanceof SqliteArticleStore) return new SqliteFeedStore(store.db);
  if (store instanceof PgArticleStore) return new PgFeedStore(store.pool, store.ready);
  throw new FeedError("this article store keeps no feeds");
}

export class FeedService {
  /** Told of each newly added feed (the bot polls it at once). */
  onAdded: ((feed: Feed) => void) | undefined;

  constructor(
    readonly feeds: FeedStore,
    private readonly opened: OpenArticles,
    private readonly fetch: FetchOptions,
    private readonly limits: FeedLimits,
  ) {}

  /** Reads the feed once (guarded) to check it is a feed, then subscribes the server to it. */
  async add(
    serverId: string,
    url: string,
    subscription: Subscription,
  ): Promise<{ status: "added" | "duplicate"; feed: Feed }> {
    if (
      subscription.digest === "daily" &&
      (subscription.digestHour === null || subscription.digestHour < 0 || subscription.digestHour > 23)
    )
      throw new FeedError("a daily digest needs an hour from 0 to 23");
    if (subscription.timeZone) {
      try {
        new Intl.DateTimeFormat("en", { timeZone: subscription.timeZone });
      } catch {
        throw new FeedError(
          `unknown time zone "${subscription.timeZone}" (use a name such as Europe/London)`,
        );
      }
    }
    let title: string | null;
    try {
      const checked = checkUrl(url, this.fetch).href;
      const response = await fetchFeed(checked, this.fetch);
      if (response.status !== "ok")
        throw new FeedError("the feed answered 304 Not Modified to a first request");
      title = parseFeedText(response.text, response.url).title;
      const added = await this.feeds.addFeed(
        { serverId, url: checked, title, ...subscription },
        this.limits.maxFeeds,
      );
      if (added.status === "added") this.onAdded?.(added.feed);
      return added;
    } catch (error) {
      if (error instanceof IngestError || error instanceof FeedFormatError || error instanceof FeedLimitError)
        throw new FeedError(error.message);
      throw error;
    }
  }

  list(serverId: string): Promise<Feed[]> {
    return this.feeds.listFeeds(serverId);
  }

  /** The feed stops; the articles it added stay. */
  async remove(serverId: string, id: string): Promise<void> {
    if (!(await this.feeds.removeFeed(serverId, id))) throw new FeedError(`no feed "${id}" in this library`);
  }

  poller(
    lease: FeedLease,
    notify?: (event: FeedEvent) => Promise<void>,
    clock: { now?: () => Date; random?: () => number } = {},
  ): FeedPoller {
    return new FeedPoller({
      ...clock,
      feeds: this.feeds,
      articles: this.opened.service,
      fetch: this.fetch,
      lease,
      maxArticlesPerDay: this.limits.maxArticlesPerDay,
      ...(notify ? { notify } : {}),
    });
  }
}
