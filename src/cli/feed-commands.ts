// `citebot feed add|poll|list|remove`: the local library's feeds, in the same store and behind the same fetch
// guard as the bot's.
import type { OpenArticles } from "../app/open-articles.ts";
import { fetchOptionsFrom } from "../app/open-articles.ts";
import type { Config } from "../config.ts";
import { FeedService, openFeedStore } from "../feeds/feed-service.ts";
import type { Feed } from "../feeds/feed-store.ts";
import { MemoryLease } from "../feeds/lease.ts";
import { LOCAL_SERVER } from "../store/article-store.ts";

export const FEED_USAGE = "usage: citebot feed add URL | poll | list | remove ID [--json]";

export interface FeedPollJson {
  added: { id: string; title: string; url: string | null }[];
  skipped: number;
  errors: string[];
}

function feedLine(feed: Feed): string {
  const state = feed.pausedAt
    ? `paused: ${feed.lastError ?? ""}`
    : feed.lastError
      ? `last error: ${feed.lastError}`
      : "ok";
  return `${feed.id}\t${feed.title ?? "(untitled)"}\t${feed.url}\t${state}`;
}

/** Runs a feed subcommand; returns what to print. Throws FeedError or UsageError-worthy messages. */
export async function runFeedCommand(
  args: string[],
  json: boolean,
  config: Config,
  opened: OpenArticles,
  usage: (message: string) => Error,
): Promise<string> {
  const [sub, ...rest] = args;
  const service = new FeedService(openFeedStore(opened), opened, fetchOptionsFrom(config), {
    maxFeeds: config.FEEDS_MAX_PER_SERVER,
    maxArticlesPerDay: config.FEED_MAX_ARTICLES_PER_DAY,
  });
  switch (sub) {
    case "add": {
      const [url, ...extra] = rest;
      if (!url || extra.length > 0) throw usage("usage: citebot feed add URL [--json]");
      const { status, feed } = await service.add(LOCAL_SERVER, url, {
        channelId: null,
        digest: "each",
        digestHour: null,
        timeZone: null,
        addedBy: "cli",
      });
      if (json) return JSON.stringify({ status, id: feed.id, title: feed.title, url: feed.url });
      return `${status === "added" ? "Following" : "Already following"}: ${feed.id} ${feed.title ?? ""}\n${feed.url}`;
    }
    case "poll": {
      if (rest.length > 0) throw usage("usage: citebot feed poll [--json]");
      const lease = new MemoryLease();
      const results = await service.poller(lease).pollDue(LOCAL_SERVER, true);
      const out: FeedPollJson = {
        added: results.flatMap((r) => r.added),
        skipped: results.reduce((n, r) => n + r.skipped, 0),
        errors: results.flatMap((r) => r.errors.map((e) => `${r.feedId}: ${e}`)),
      };
      if (json) return JSON.stringify(out);
      const lines = [`Added ${out.added.length}, skipped ${out.skipped}, ${out.errors.length} errors.`];
      for (const a of out.added) lines.push(`+ ${a.id}\t${a.title}\t${a.url ?? ""}`);
      for (const e of out.errors) lines.push(`! ${e}`);
      return lines.join("\n");
    }
    case "list": {
      const feeds = await service.list(LOCAL_SERVER);
      if (json) return JSON.stringify(feeds);
      return feeds.length ? feeds.map(feedLine).join("\n") : "No feeds (add one: citebot feed add URL)";
    }
    case "remove": {
      const [id, ...extra] = rest;
      if (!id || extra.length > 0) throw usage("usage: citebot feed remove ID");
      await service.remove(LOCAL_SERVER, id);
      return `Removed feed ${id} (the articles it added stay in the library)`;
    }
    default:
      throw usage(FEED_USAGE);
  }
}
