// Polling feeds: fetch (guarded, conditional), parse, and add each new item as `/article add` would (fetched,
// extracted in a worker, stored under the server's limits). An item is never added twice: its guid is claimed
// first (one claim wins however many pollers race), and the article store refuses the same canonical URL or the
// same text. Errors back off exponentially with jitter, honour Retry-After, and pause a feed after repeated
// failures, telling its channel once.
import type { ArticleService } from "../app/article-service.ts";
import { type ArticleRef, articleRef, type LibraryCitation } from "../app/library-answers.ts";
import { checkUrl } from "../ingest/address-guard.ts";
import { IngestError } from "../ingest/failure.ts";
import type { FetchOptions } from "../ingest/fetch.ts";
import type { Feed, FeedStore } from "./feed-store.ts";
import { FeedHttpError, type FeedResponse, fetchFeed } from "./fetch-feed.ts";
import type { FeedLease } from "./lease.ts";
import { FeedFormatError, type FeedItem, parseFeedText } from "./parse-feed.ts";

/** A feed that names no interval is read every 15 minutes; none more often than every 5. */
export const DEFAULT_POLL_MS = 15 * 60_000;
export const MIN_POLL_MS = 5 * 60_000;
/** The first retry after an error waits about a minute, doubling each time, at most a day. */
export const BASE_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 24 * 3_600_000;
/** After this many failures in a row the feed is paused (and its channel told once). */
export const PAUSE_AFTER_FAILURES = 5;
/** How long one poll may hold a feed's lease. */
export const LEASE_MS = 5 * 60_000;

export function pollInterval(asked: number | null): number {
  return Math.max(MIN_POLL_MS, asked ?? DEFAULT_POLL_MS);
}

/** The wait before retry number `failures` (1 = the first), with jitter: between half and all of the step. */
export function backoffMs(failures: number, random: () => number): number {
  const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step * (0.5 + random() / 2));
}

export interface FeedCard {
  article: ArticleRef;
  /** The article's first sentence, cited. */
  lede: LibraryCitation | null;
  url: string | null;
}

export type FeedEvent =
  | { kind: "items"; feed: Feed; cards: FeedCard[] }
  | { kind: "paused"; feed: Feed; reason: string };

export interface AddedItem {
  id: string;
  title: string;
  url: string | null;
}

export interface PollResult {
  serverId: string;
  feedId: string;
  status: "fetched" | "not-modified" | "failed" | "paused" | "busy";
  added: AddedItem[];
  /** Items not added: seen before, or already in the library by URL or text. */
  skipped: number;
  errors: string[];
}

export interface PollerOptions {
  feeds: FeedStore;
  articles: ArticleService;
  fetch: FetchOptions;
  lease: FeedLease;
  /** At most this many articles a server gets from feeds per day (UTC). */
  maxArticlesPerDay: number;
  now?: () => Date;
  random?: () => number;
  /** Told of new items of an `each` feed and of a feed paused; the Discord adapter posts them. */
  notify?: (event: FeedEvent) => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class FeedPoller {
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Every feed that is due (not paused, its next poll time reached); `all` polls every unpaused feed now. */
  async pollDue(serverId?: string, all = false): Promise<PollResult[]> {
    const feeds = serverId
      ? await this.options.feeds.listFeeds(serverId)
      : await this.options.feeds.allFeeds();
    const now = this.now().toISOString();
    const results: PollResult[] = [];
    for (const feed of feeds) {
      if (feed.pausedAt) continue;
      if (!all && feed.nextPollAt && feed.nextPollAt > now) continue;
      results.push(await this.poll(feed));
    }
    return results;
  }

  async poll(feed: Feed): Promise<PollResult> {
    const result: PollResult = {
      serverId: feed.serverId,
      feedId: feed.id,
      status: "fetched",
      added: [],
      skipped: 0,
      errors: [],
    };
    if (feed.pausedAt) return { ...result, status: "paused" };
    const key = `${feed.serverId}:${feed.id}`;
    if (!(await this.options.lease.acquire(key, LEASE_MS))) return { ...result, status: "busy" };
    try {
      let response: FeedResponse;
      let items: FeedItem[] = [];
      let title = feed.title;
      let interval = feed.intervalMs;
      try {
        response = await fetchFeed(feed.url, this.options.fetch, feed);
        if (response.status === "ok") {
          const parsed = parseFeedText(response.text, response.url);
          items = parsed.items;
          title = parsed.title ?? title;
          interval = parsed.intervalMs;
        }
      } catch (error) {
        return await this.failed(feed, result, error);
      }
      const at = this.now();
      const next = new Date(at.getTime() + pollInterval(interval)).toISOString();
      if (response.status === "not-modified") {
        await this.options.feeds.updateFeed(feed.serverId, feed.id, {
          nextPollAt: next,
          failures: 0,
          lastError: null,
          lastPolledAt: at.toISOString(),
        });
        return { ...result, status: "not-modified" };
      }
      await this.addItems(feed, items, result);
      await this.options.feeds.updateFeed(feed.serverId, feed.id, {
        title,
        etag: response.etag,
        lastModified: response.lastModified,
        intervalMs: interval,
        nextPollAt: next,
        failures: 0,
        lastError: null,
        lastPolledAt: at.toISOString(),
      });
      if (feed.digest === "each" && result.added.length > 0) await this.post(feed);
      return result;
    } finally {
      await this.options.lease.release(key);
    }
  }

  private async failed(feed: Feed, result: PollResult, error: unknown): Promise<PollResult> {
    const failures = feed.failures + 1;
    const reason = message(error);
    const at = this.now();
    const retryAfter = error instanceof FeedHttpError ? (error.retryAfterMs ?? 0) : 0;
    const wait = Math.max(retryAfter, backoffMs(failures, this.random));
    const pause = failures >= PAUSE_AFTER_FAILURES;
    await this.options.feeds.updateFeed(feed.serverId, feed.id, {
      failures,
      lastError: reason,
      lastPolledAt: at.toISOString(),
      nextPollAt: new Date(at.getTime() + wait).toISOString(),
      ...(pause ? { pausedAt: at.toISOString() } : {}),
    });
    if (pause) {
      const why = `paused after ${failures} failed polls in a row (last: ${reason}); add it again to resume`;
      await this.options.notify?.({ kind: "paused", feed, reason: why });
      return { ...result, status: "paused", errors: [reason, why] };
    }
    return { ...result, status: "failed", errors: [reason] };
  }

  private async addItems(feed: Feed, items: FeedItem[], result: PollResult): Promise<void> {
    const { feeds, articles } = this.options;
    const dayStart = `${this.now().toISOString().slice(0, 10)}T00:00:00.000Z`;
    // Feeds list newest first; adding oldest first keeps the posts in the order things happened.
    for (const item of [...items].reverse()) {
      const label = `item "${item.title ?? item.guid}"`;
      if ((await feeds.addedSince(feed.serverId, dayStart)) >= this.options.maxArticlesPerDay) {
        result.errors.push(
          `the daily limit of ${this.options.maxArticlesPerDay} articles from feeds is reached; the rest wait for tomorrow`,
        );
        return;
      }
      if (!(await feeds.claimItem(feed.serverId, feed.id, item.guid, this.now().toISOString()))) {
        result.skipped++;
        continue;
      }
      const settle = (
        status: "added" | "duplicate" | "failed" | "refused",
        articleId: string | null,
        detail: string | null,
      ) =>
        feeds.settleItem({
          serverId: feed.serverId,
          feedId: feed.id,
          guid: item.guid,
          status,
          articleId,
          title: item.title,
          url: item.link,
          detail,
        });
      if (!item.link) {
        await settle("refused", null, "the item has no link");
        result.errors.push(`${label}: the item has no link`);
        continue;
      }
      try {
        checkUrl(item.link, this.options.fetch);
        const outcome = await articles.add(feed.serverId, { kind: "url", url: item.link }, `feed:${feed.id}`);
        if (outcome.status === "duplicate") {
          await settle("duplicate", outcome.article.meta.id, "already in the library");
          result.skipped++;
          continue;
        }
        await settle("added", outcome.article.meta.id, null);
        result.added.push({ id: outcome.article.meta.id, title: outcome.article.meta.title, url: item.link });
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        await settle(error.failure.reason === "refused-address" ? "refused" : "failed", null, error.message);
        result.errors.push(`${label}: ${error.message}`);
      }
    }
  }

  /** The cards of the items added and not yet posted, marked posted once `notify` has them. */
  async post(feed: Feed): Promise<FeedCard[]> {
    const { feeds, articles } = this.options;
    const pending = await feeds.unposted(feed.serverId, feed.id);
    if (pending.length === 0) return [];
    const library = await articles.library(feed.serverId);
    const cards: FeedCard[] = [];
    for (const item of pending) {
      const article = item.articleId ? library.get(item.articleId) : undefined;
      if (!article) continue;
      const ref = articleRef(article.meta);
      const first = article.sentences[0];
      cards.push({
        article: ref,
        url: item.url,
        lede: first
          ? {
              articleId: ref.id,
              paragraph: first.paragraph,
              sentence: first.index,
              excerpt: article.text.slice(first.start, first.end),
              start: first.start,
              end: first.end,
              article: ref,
            }
          : null,
      });
    }
    if (cards.length > 0) await this.options.notify?.({ kind: "items", feed, cards });
    await feeds.markPosted(
      feed.serverId,
      feed.id,
      pending.map((p) => p.guid),
      this.now().toISOString(),
    );
    return cards;
  }
}

/** Why a feed could not be read, for a reply: the fetch's reason or the parser's. */
export function feedProblem(error: unknown): string | undefined {
  if (error instanceof IngestError || error instanceof FeedFormatError) return error.message;
  return undefined;
}
