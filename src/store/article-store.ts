// The one storage interface for added articles, keyed by server (a guild id; `local` for the CLI).
// Methods are async so a networked implementation (PostgreSQL) can follow with the same shape.
import type { ArticleMeta, ArticleSource } from "../engine/index.ts";
import type { LibraryQuery, SearchHit, SearchOptions } from "./search-terms.ts";

/** The columns every store keeps an article's metadata in. */
export interface MetaColumns {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  source: string | null;
  author: string | null;
  language: string | null;
}

/** An article's metadata from its stored columns; empty columns are left out. */
export function metaOfColumns(row: MetaColumns): ArticleMeta {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    ...(row.url ? { url: row.url } : {}),
    ...(row.source ? { source: row.source } : {}),
    ...(row.author ? { author: row.author } : {}),
    ...(row.language ? { language: row.language } : {}),
  };
}

/** The server id the CLI stores under. */
export const LOCAL_SERVER = "local";

/** An article's row as both stores read it back (`added_at`: ISO text in SQLite, a Date from PostgreSQL). */
export interface ArticleRow extends MetaColumns {
  text: string;
  text_bytes: number;
  origin: ArticleOrigin;
  added_by: string;
  added_at: string | Date;
}

/** What a row says about its article, without the text. */
export function infoOfRow(row: ArticleRow): StoredArticleInfo {
  return {
    meta: metaOfColumns(row),
    origin: row.origin,
    addedBy: row.added_by,
    addedAt: typeof row.added_at === "string" ? row.added_at : row.added_at.toISOString(),
    textBytes: row.text_bytes,
  };
}

/** The stored article a row holds (an empty `text` when the query left it out). */
export function storedOfRow(row: ArticleRow): StoredArticle {
  return { ...infoOfRow(row), source: { meta: metaOfColumns(row), text: row.text } };
}

export type ArticleOrigin = "url" | "file" | "text";

export interface StoreLimits {
  /** Articles per server. */
  maxArticles: number;
  /** UTF-8 bytes of one article's text. */
  maxTextBytes: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = { maxArticles: 500, maxTextBytes: 1024 * 1024 };

export interface NewArticle {
  source: ArticleSource;
  origin: ArticleOrigin;
  /** Who added it: a Discord user id, or `cli`. */
  addedBy: string;
  /** The link asked for, when it differs from the article's final URL (redirects, canonical). */
  requestedUrl?: string | undefined;
}

export interface StoredArticleInfo {
  meta: ArticleMeta;
  origin: ArticleOrigin;
  addedBy: string;
  /** ISO timestamp. */
  addedAt: string;
  textBytes: number;
}

export interface StoredArticle extends StoredArticleInfo {
  source: ArticleSource;
}

export type AddResult =
  | { status: "added"; article: StoredArticle }
  | { status: "duplicate"; matchedBy: "url" | "text" | "id"; article: StoredArticle };

export type StoreFailure =
  | { reason: "library-full"; limit: number }
  | { reason: "too-large"; limitBytes: number };

export class StoreLimitError extends Error {
  constructor(readonly failure: StoreFailure) {
    super(
      failure.reason === "library-full"
        ? `the library is full (${failure.limit} articles)`
        : `the article's text is over ${failure.limitBytes} bytes`,
    );
    this.name = "StoreLimitError";
  }
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface ArticleStore {
  readonly limits: StoreLimits;
  /** Stores an article, or returns the one already stored with the same URL or text. Throws StoreLimitError. */
  add(serverId: string, article: NewArticle): Promise<AddResult>;
  get(serverId: string, id: string): Promise<StoredArticle | undefined>;
  /** An article stored from this URL (its final or its requested URL). */
  findByUrl(serverId: string, url: string): Promise<StoredArticle | undefined>;
  /** Newest added first. */
  list(serverId: string, options?: ListOptions): Promise<StoredArticleInfo[]>;
  /** Every stored article of a server with its text (to build the server's library). */
  all(serverId: string): Promise<StoredArticle[]>;
  count(serverId: string): Promise<number>;
  /** True when it was there. A channel whose current article it was forgets it. */
  remove(serverId: string, id: string): Promise<boolean>;
  /**
   * The server's articles that the database's own full-text index finds for the query's terms, best first
   * (ties by id). The index is written in the same transaction as the article, so an add or a remove is
   * searchable at once. No terms: no hits.
   */
  search(serverId: string, query: LibraryQuery, options?: SearchOptions): Promise<SearchHit[]>;
  setChannelArticle(serverId: string, channelId: string, articleId: string): Promise<void>;
  getChannelArticle(serverId: string, channelId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** URLs compare without their fragment and tracking parameters. */
export function normalizeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = "";
    for (const key of [...url.searchParams.keys()]) {
      if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i.test(key)) url.searchParams.delete(key);
    }
    return url.href;
  } catch {
    return raw;
  }
}

/** The columns a new article row fills, in the order of `newArticleValues` and then `added_at`. */
export const NEW_ARTICLE_COLUMNS =
  "server_id, id, title, date, url, source, author, language, text, text_hash, text_bytes, url_key, requested_url_key, origin, added_by, added_at";

/** A new article row's values up to `added_at`, which each store writes in its own type. */
export function newArticleValues(
  serverId: string,
  id: string,
  article: NewArticle,
  hash: string,
  bytes: number,
): (string | number | null)[] {
  const { meta, text } = article.source;
  return [
    serverId,
    id,
    meta.title,
    meta.date,
    meta.url ?? null,
    meta.source ?? null,
    meta.author ?? null,
    meta.language ?? null,
    text,
    hash,
    bytes,
    meta.url ? normalizeUrl(meta.url) : null,
    article.requestedUrl ? normalizeUrl(article.requestedUrl) : null,
    article.origin,
    article.addedBy,
  ];
}
