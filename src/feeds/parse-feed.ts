// A feed's text → its title, items and how often it asks to be read. The XML is parsed by feedsmith (RSS 0.9x
// and 2.0, Atom, RDF, JSON Feed); nothing here reads XML by hand.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type * as Feedsmith from "feedsmith";

/** A feed with more items than this is refused: no news feed needs it, and each item may cost a fetch. */
export const MAX_FEED_ITEMS = 1000;

export interface FeedItem {
  /** The item's own id: its guid (RSS), id (Atom), else its link, else a hash of its title and text. */
  guid: string;
  title: string | null;
  /** Absolute: a relative link is resolved against the feed's URL. Null when the item has none. */
  link: string | null;
  published: string | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string | null;
  items: FeedItem[];
  /** How long the feed asks readers to wait between reads (`<ttl>`, `<sy:updatePeriod>`), if it says. */
  intervalMs: number | null;
}

export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedFormatError";
  }
}

// Required on the first parse, not at start; require() returns any: the cast names the package's own types.
const feedsmith = (): typeof Feedsmith => createRequire(import.meta.url)("feedsmith") as typeof Feedsmith;

const PERIODS: Record<string, number> = {
  hourly: 3_600_000,
  daily: 86_400_000,
  weekly: 7 * 86_400_000,
  monthly: 30 * 86_400_000,
  yearly: 365 * 86_400_000,
};

type Text = string | { value?: string } | undefined | null;
const text = (t: Text): string | null => {
  const value = typeof t === "string" ? t : t?.value;
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
};

function absolute(link: string | null | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return null;
  }
}

function fallbackGuid(parts: (string | null | undefined)[]): string {
  return `sha1:${createHash("sha1").update(parts.filter(Boolean).join("\u0000")).digest("hex")}`;
}

/** Throws FeedFormatError with a message a user can act on. */
export function parseFeedText(body: string, feedUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof Feedsmith.parseFeed>;
  try {
    parsed = feedsmith().parseFeed(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedFormatError(
      /unrecognized/i.test(reason)
        ? "this is not an RSS or Atom feed (the page is not feed XML)"
        : `the feed could not be read (${reason.slice(0, 120)})`,
    );
  }
  let items: FeedItem[];
  let title: string | null;
  let intervalMs: number | null = null;
  // These casts name the fields read here; feedsmith's own types differ (dates are its generic DateLike, RDF has
  // no ttl), and reading through them would change what is read.
  switch (parsed.format) {
    case "rss":
    case "rdf": {
      const feed = parsed.feed as {
        title?: Text;
        ttl?: number;
        sy?: { updatePeriod?: string; updateFrequency?: number };
        items?: {
          title?: Text;
          link?: string;
          guid?: { value?: string } | string;
          pubDate?: string;
          description?: string;
          /** Dublin Core's `dc:date`: feedsmith gives every one, in `dates`. */
          dc?: { dates?: string[] };
        }[];
      };
      title = text(feed.title);
      if (typeof feed.ttl === "number" && feed.ttl > 0) intervalMs = feed.ttl * 60_000;
      const period = feed.sy?.updatePeriod ? PERIODS[feed.sy.updatePeriod.toLowerCase()] : undefined;
      if (period) intervalMs = Math.max(intervalMs ?? 0, period / Math.max(1, feed.sy?.updateFrequency ?? 1));
      items = (feed.items ?? []).map((item) => {
        const guid = typeof item.guid === "string" ? item.guid : item.guid?.value;
        const link = absolute(item.link, feedUrl);
        return {
          guid: guid?.trim() || link || fallbackGuid([text(item.title), item.description]),
          title: text(item.title),
          link,
          published: item.pubDate ?? item.dc?.dates?.[0] ?? null,
        };
      });
      break;
    }
    case "atom": {
      const feed = parsed.feed as {
        title?: Text;
        entries?: {
          id?: string;
          title?: Text;
          links?: { href?: string; rel?: string }[];
          published?: string;
          updated?: string;
          summary?: Text;
        }[];
      };
      title = text(feed.title);
      items = (feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const alternate = links.find((l) => !l.rel || l.rel === "alternate") ?? links[0];
        const link = absolute(alternate?.href, feedUrl);
        return {
          guid: entry.id?.trim() || link || fallbackGuid([text(entry.title), text(entry.summary)]),
          title: text(entry.title),
          link,
          published: entry.published ?? entry.updated ?? null,
        };
      });
      break;
    }
    case "json": {
      const feed = parsed.feed as {
        title?: string;
        items?: { id?: string; url?: string; title?: string; date_published?: string }[];
      };
      title = text(feed.title);
      items = (feed.items ?? []).map((item) => {
        const link = absolute(item.url, feedUrl);
        return {
          guid: String(item.id ?? "").trim() || link || fallbackGuid([item.title]),
          title: text(item.title),
          link,
          published: item.date_published ?? null,
        };
      });
      break;
    }
    default:
      throw new FeedFormatError("this is not an RSS or Atom feed");
  }
  if (items.length > MAX_FEED_ITEMS) {
    throw new FeedFormatError(
      `the feed has ${items.length.toLocaleString("en-US")} items; citebot reads feeds of at most ${MAX_FEED_ITEMS.toLocaleString("en-US")}`,
    );
  }
  return { format: parsed.format, title, items, intervalMs };
}
