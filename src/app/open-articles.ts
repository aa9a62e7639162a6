// Builds the article service from the config: the article store (PostgreSQL when DATABASE_URL is set, else
// SQLite), the shared state (Redis when REDIS_URL is set, else memory), the guarded fetcher, the parse workers.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { ArticleLibrary } from "../engine/index.ts";
import { DEFAULT_FETCH_LIMITS, type FetchOptions } from "../ingest/fetch.ts";
import { DEFAULT_PARSER_OPTIONS, ParserPool } from "../ingest/parser-pool.ts";
import type { ArticleStore, StoreLimits } from "../store/article-store.ts";
import { PgArticleStore } from "../store/pg-store.ts";
import { RedisSharedState } from "../store/redis-state.ts";
import { type CurrentArticles, MemorySharedState, type SharedState } from "../store/shared-state.ts";
import { DATABASE_FILE, SqliteArticleStore } from "../store/sqlite-store.ts";
import { ArticleService } from "./article-service.ts";
import type { Io } from "./io.ts";

export type ArticleSettings = Pick<
  Config,
  | "CITEBOT_DATA_DIR"
  | "FETCH_ALLOW_LOOPBACK"
  | "FETCH_MAX_BYTES"
  | "FETCH_TIMEOUT_MS"
  | "PARSE_TIMEOUT_MS"
  | "LIBRARY_MAX_ARTICLES"
  | "ARTICLE_MAX_BYTES"
  | "DATABASE_URL"
  | "DATABASE_SCHEMA"
  | "REDIS_URL"
  | "REDIS_KEY_PREFIX"
>;

export function fetchOptionsFrom(config: ArticleSettings): FetchOptions {
  return {
    ...DEFAULT_FETCH_LIMITS,
    maxBytes: config.FETCH_MAX_BYTES,
    deadlineMs: config.FETCH_TIMEOUT_MS,
    allowLoopback: config.FETCH_ALLOW_LOOPBACK,
  };
}

/** True when there is a database to read: PostgreSQL, or a SQLite file (read-only commands do not create one). */
export function hasArticleStore(config: ArticleSettings): boolean {
  if (config.DATABASE_URL) return true;
  return existsSync(join(resolve(config.CITEBOT_DATA_DIR), DATABASE_FILE));
}

export interface OpenArticles {
  service: ArticleService;
  /** Cooldowns (and current articles) every process serving the bot agrees on. */
  shared: SharedState;
  /** Resolves when the stores are reachable (and migrated); rejects with the reason they are not. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreHandlers {
  /** Told of a store connection's error that no request saw (the clients reconnect by themselves). */
  onConnectionError?: ((error: Error) => void) | undefined;
}

/** PostgreSQL when DATABASE_URL is set, else the SQLite file under CITEBOT_DATA_DIR. */
export function openArticleStore(
  config: ArticleSettings,
  handlers: StoreHandlers = {},
): { store: ArticleStore; ready: Promise<void> } {
  const limits: StoreLimits = {
    maxArticles: config.LIBRARY_MAX_ARTICLES,
    maxTextBytes: config.ARTICLE_MAX_BYTES,
  };
  if (config.DATABASE_URL) {
    const store = PgArticleStore.connect({
      connectionString: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      limits,
      onIdleError: handlers.onConnectionError,
    });
    return { store, ready: store.ready };
  }
  return {
    store: SqliteArticleStore.open(resolve(config.CITEBOT_DATA_DIR), limits),
    ready: Promise.resolve(),
  };
}

/** Redis when REDIS_URL is set (cooldowns and current articles); else cooldowns in memory. */
export function openSharedState(
  config: ArticleSettings,
  handlers: StoreHandlers = {},
): { shared: SharedState; ready: Promise<void>; current?: CurrentArticles } {
  if (config.REDIS_URL) {
    const shared = RedisSharedState.connect({
      url: config.REDIS_URL,
      keyPrefix: config.REDIS_KEY_PREFIX,
      onError: handlers.onConnectionError,
    });
    return { shared, ready: shared.ready, current: shared };
  }
  // Without Redis the current articles stay in the article store's table, which outlives a restart.
  return { shared: new MemorySharedState(), ready: Promise.resolve() };
}

export function openArticleService(
  config: ArticleSettings,
  seeds: ArticleLibrary,
  handlers: StoreHandlers = {},
): OpenArticles {
  const opened = openArticleStore(config, handlers);
  const state = openSharedState(config, handlers);
  const parser = new ParserPool({ ...DEFAULT_PARSER_OPTIONS, timeoutMs: config.PARSE_TIMEOUT_MS });
  const service = new ArticleService(
    opened.store,
    seeds,
    { fetch: fetchOptionsFrom(config), parser },
    state.current,
  );
  return {
    service,
    shared: state.shared,
    ready: async () => {
      await Promise.all([opened.ready, state.ready]);
    },
    close: async () => {
      await parser.close();
      await Promise.allSettled([opened.store.close(), state.shared.close()]);
    },
  };
}

/** How long the stores may take to answer when a server process starts. */
export const STORES_READY_MS = 20_000;

/** Waits for `ready()`, but not forever: a Redis that never answers keeps reconnecting without failing. */
export async function readyWithin(opened: Pick<OpenArticles, "ready">, ms = STORES_READY_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    await Promise.race([opened.ready(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the stores as `readyWithin` does, and when they do not answer says so (log and stderr, naming the
 * settings to check) and closes what was opened: false means the adapter stops with exit code 1.
 */
export async function storesReadyOrReport(
  opened: Pick<OpenArticles, "ready" | "close">,
  logger: Pick<Logger, "fatal">,
  io: Pick<Io, "stderr">,
): Promise<boolean> {
  try {
    await readyWithin(opened);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.fatal({ reason }, "the article store or shared state is not reachable");
    io.stderr.write(
      `citebot: the article store or shared state (DATABASE_URL, REDIS_URL) is not reachable: ${reason}\n`,
    );
    await opened.close().catch(() => undefined);
    return false;
  }
}
