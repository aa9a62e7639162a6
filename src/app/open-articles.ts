// Builds the article service from the config: the SQLite store, the guarded fetcher, the parse workers.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../config";
import type { ArticleLibrary } from "../engine/library";
import { DEFAULT_FETCH_LIMITS, type FetchOptions } from "../ingest/fetch";
import { DEFAULT_PARSER_OPTIONS, ParserPool } from "../ingest/parser-pool";
import { DATABASE_FILE, SqliteArticleStore } from "../store/sqlite-store";
import { ArticleService } from "./article-service";

export type ArticleSettings = Pick<
  Config,
  | "CITEBOT_DATA_DIR"
  | "FETCH_ALLOW_LOOPBACK"
  | "FETCH_MAX_BYTES"
  | "FETCH_TIMEOUT_MS"
  | "PARSE_TIMEOUT_MS"
  | "LIBRARY_MAX_ARTICLES"
  | "ARTICLE_MAX_BYTES"
>;

export function fetchOptionsFrom(config: ArticleSettings): FetchOptions {
  return {
    ...DEFAULT_FETCH_LIMITS,
    maxBytes: config.FETCH_MAX_BYTES,
    deadlineMs: config.FETCH_TIMEOUT_MS,
    allowLoopback: config.FETCH_ALLOW_LOOPBACK,
  };
}

/** True when the data folder already holds a database (read-only commands do not create one). */
export function hasArticleStore(config: ArticleSettings): boolean {
  return existsSync(join(resolve(config.CITEBOT_DATA_DIR), DATABASE_FILE));
}

export interface OpenArticles {
  service: ArticleService;
  close(): Promise<void>;
}

export function openArticleService(config: ArticleSettings, seeds: ArticleLibrary): OpenArticles {
  const store = SqliteArticleStore.open(resolve(config.CITEBOT_DATA_DIR), {
    maxArticles: config.LIBRARY_MAX_ARTICLES,
    maxTextBytes: config.ARTICLE_MAX_BYTES,
  });
  const parser = new ParserPool({ ...DEFAULT_PARSER_OPTIONS, timeoutMs: config.PARSE_TIMEOUT_MS });
  const service = new ArticleService(store, seeds, { fetch: fetchOptionsFrom(config), parser });
  return {
    service,
    close: async () => {
      await parser.close();
      await store.close();
    },
  };
}
