// Fetching a feed: the same guarded dispatcher as adding an article (every address checked at lookup and on
// the socket, redirects followed by hand and checked, the body limited after decompression), plus what polling
// needs: conditional requests (ETag, Last-Modified), 304, and Retry-After.

import { contentTypeCharset, decodeXml } from "../ingest/charset.ts";
import { IngestError } from "../ingest/failure.ts";
import { type FetchOptions, guardedGet, header, readLimitedBody } from "../ingest/fetch.ts";

export interface Conditional {
  etag?: string | null | undefined;
  lastModified?: string | null | undefined;
}

export type FeedResponse =
  | { status: "not-modified"; url: string; retryAfterMs: number | null }
  | {
      status: "ok";
      /** The URL the body came from, after redirects: relative item links resolve against it. */
      url: string;
      text: string;
      etag: string | null;
      lastModified: string | null;
    };

/** Content types a feed may come with; servers label feeds loosely, so any XML or text type is read. */
const FEED_TYPES =
  /^(application\/(rss\+xml|atom\+xml|rdf\+xml|xml|feed\+json|json)|text\/(xml|plain|html))$/i;

export class FeedHttpError extends IngestError {
  constructor(
    readonly status: number,
    /** From the response's Retry-After (seconds or an HTTP date), when it gave one. */
    readonly retryAfterMs: number | null,
  ) {
    super({ reason: "http-status", status });
    this.name = "FeedHttpError";
  }
}

/** Retry-After as milliseconds from `now`: `120` or `Wed, 21 Oct 2015 07:28:00 GMT`. */
export function retryAfterMs(value: string, now: Date): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** `5 MB`, `2 KB`. */
function size(bytes: number): string {
  const [unit, scale]: [string, number] = bytes >= 1_000_000 ? ["MB", 1_000_000] : ["KB", 1_000];
  return `${(bytes / scale).toLocaleString("en-US", { maximumFractionDigits: 1 })} ${unit}`;
}

export async function fetchFeed(
  rawUrl: string,
  options: FetchOptions,
  conditional: Conditional = {},
  now: () => Date = () => new Date(),
): Promise<FeedResponse> {
  const headers = {
    "user-agent": "citebot/0.1 (+feed reader)",
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    "accept-encoding": "gzip, deflate, br",
    ...(conditional.etag ? { "if-none-match": conditional.etag } : {}),
    ...(conditional.lastModified ? { "if-modified-since": conditional.lastModified } : {}),
  };
  try {
    return await guardedGet(rawUrl, options, headers, async (response, url): Promise<FeedResponse> => {
      const headers = response.headers;
      if (response.statusCode === 304) {
        await response.body.dump();
        return { status: "not-modified", url: url.href, retryAfterMs: null };
      }
      if (response.statusCode >= 400 || response.statusCode < 200) {
        await response.body.dump();
        throw new FeedHttpError(response.statusCode, retryAfterMs(header(headers, "retry-after"), now()));
      }
      const type = (header(headers, "content-type").split(";")[0] ?? "").trim();
      if (type && !FEED_TYPES.test(type)) {
        await response.body.dump();
        throw new IngestError({ reason: "unsupported-type", type: `${type} (a feed is RSS or Atom XML)` });
      }
      const bytes = await readLimitedBody(response, options.maxBytes);
      return {
        status: "ok",
        url: url.href,
        text: decodeXml(bytes, contentTypeCharset(header(headers, "content-type"))),
        etag: header(headers, "etag") || null,
        lastModified: header(headers, "last-modified") || null,
      };
    });
  } catch (error) {
    // The guard's words are about articles; a feed over the limit is named as a feed.
    if (error instanceof IngestError && error.failure.reason === "too-large")
      error.message = `the feed is too large (over ${size(error.failure.limitBytes)})`;
    throw error;
  }
}
