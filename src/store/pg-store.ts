// The ArticleStore on PostgreSQL (DATABASE_URL), for several processes or machines sharing one library.
// Each add runs in one transaction under an advisory lock on its server, so the limits and the duplicate
// checks hold however many processes add at once; the unique index on the text hash backs that up.
import { createRequire } from "node:module";
import type pg from "pg";
import {
  type AddResult,
  type ArticleRow,
  type ArticleStore,
  DEFAULT_STORE_LIMITS,
  infoOfRow,
  type ListOptions,
  NEW_ARTICLE_COLUMNS,
  type NewArticle,
  newArticleValues,
  normalizeUrl,
  type StoredArticle,
  type StoredArticleInfo,
  StoreLimitError,
  type StoreLimits,
  storedOfRow,
} from "./article-store.ts";
import type { Migration } from "./migrations.ts";
import { PG_MIGRATIONS } from "./pg-migrations.ts";
import { type LibraryQuery, type SearchHit, type SearchOptions, tsqueryText } from "./search-terms.ts";
import { textHash } from "./sqlite-store.ts";

type Row = ArticleRow;

type Queryable = Pick<pg.PoolClient, "query">;

const COLUMNS =
  "id, title, date, url, source, author, language, text, text_bytes, origin, added_by, added_at";
const INFO_COLUMNS =
  "id, title, date, url, source, author, language, '' AS text, text_bytes, origin, added_by, added_at";
/** One fixed key for the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 4_242_001;

/** A schema name safe to splice into SQL (it cannot be a bound parameter). */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain schema name: ${name}`);
  return `"${name}"`;
}

/** Applies the migrations not yet applied, one process at a time; returns the schema version reached. */
export async function migratePg(
  pool: pg.Pool,
  migrations: readonly Migration[] = PG_MIGRATIONS,
  /** Created first when missing (under the lock: two processes creating it at once would collide). */
  schema?: string,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
    );
    const { rows } = await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_version");
    const current = rows[0]?.v ?? 0;
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_version (version, applied_at) VALUES ($1, now())", [
        migration.version,
      ]);
    }
    await client.query("COMMIT");
    return Math.max(current, ...migrations.map((m) => m.version));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface PgStoreOptions {
  connectionString: string;
  /** Tables live in this schema (created if missing); tests use one per run. Default: the server's search_path. */
  schema?: string | undefined;
  limits?: StoreLimits | undefined;
  now?: (() => Date) | undefined;
  /** Connections in the pool. */
  maxConnections?: number | undefined;
  /** Told of a pooled connection's error while idle (the pool replaces it). */
  onIdleError?: ((error: Error) => void) | undefined;
}

export class PgArticleStore implements ArticleStore {
  private closed = false;

  private constructor(
    readonly pool: pg.Pool,
    readonly limits: StoreLimits,
    private readonly now: () => Date,
    /** Settles when the schema is migrated; every query waits for it. */
    readonly ready: Promise<void>,
  ) {
    ready.catch(() => undefined);
  }

  /** Returns at once; connects, creates the schema if asked and migrates in the background (see `ready`). */
  static connect(options: PgStoreOptions): PgArticleStore {
    const schema = options.schema === undefined ? undefined : quoteIdentifier(options.schema);
    // Required here, not imported at the top: a process without DATABASE_URL never loads the client library.
    // require() returns any: the cast names the package's own types (the type-only import above).
    const { Pool } = createRequire(import.meta.url)("pg") as typeof pg;
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 10_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    pool.on("error", (error) => options.onIdleError?.(error));
    const ready = migratePg(pool, PG_MIGRATIONS, options.schema).then(() => undefined);
    return new PgArticleStore(
      pool,
      options.limits ?? DEFAULT_STORE_LIMITS,
      options.now ?? (() => new Date()),
      ready,
    );
  }

  /** Connects and migrates; rejects (with the pool ended) when the database cannot be reached. */
  static async open(options: PgStoreOptions): Promise<PgArticleStore> {
    const store = PgArticleStore.connect(options);
    try {
      await store.ready;
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, values)).rows;
  }

  private async row(db: Queryable, serverId: string, id: string): Promise<Row | undefined> {
    const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM articles WHERE server_id = $1 AND id = $2`, [
      serverId,
      id,
    ]);
    return rows[0];
  }

  private async byUrl(db: Queryable, serverId: string, url: string): Promise<Row | undefined> {
    const key = normalizeUrl(url);
    const { rows } = await db.query<Row>(
      `SELECT ${COLUMNS} FROM articles WHERE server_id = $1 AND (url_key = $2 OR requested_url_key = $2)
       ORDER BY seq LIMIT 1`,
      [serverId, key],
    );
    return rows[0];
  }

  private async addLocked(db: Queryable, serverId: string, article: NewArticle): Promise<AddResult> {
    const { source } = article;
    for (const url of [source.meta.url, article.requestedUrl]) {
      const existing = url ? await this.byUrl(db, serverId, url) : undefined;
      if (existing) return { status: "duplicate", matchedBy: "url", article: storedOfRow(existing) };
    }
    const hash = textHash(source.text);
    const sameText = await db.query<Row>(
      `SELECT ${COLUMNS} FROM articles WHERE server_id = $1 AND text_hash = $2`,
      [serverId, hash],
    );
    const same = sameText.rows[0];
    if (same) return { status: "duplicate", matchedBy: "text", article: storedOfRow(same) };
    const bytes = Buffer.byteLength(source.text, "utf8");
    if (bytes > this.limits.maxTextBytes) {
      throw new StoreLimitError({ reason: "too-large", limitBytes: this.limits.maxTextBytes });
    }
    const counted = await db.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM articles WHERE server_id = $1",
      [serverId],
    );
    if ((counted.rows[0]?.n ?? 0) >= this.limits.maxArticles) {
      throw new StoreLimitError({ reason: "library-full", limit: this.limits.maxArticles });
    }
    let id = source.meta.id;
    for (let n = 2; await this.row(db, serverId, id); n++) id = `${source.meta.id}-${n}`;
    const { rows } = await db.query<Row>(
      `INSERT INTO articles (${NEW_ARTICLE_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING ${COLUMNS}`,
      [...newArticleValues(serverId, id, article, hash, bytes), this.now()],
    );
    const added = rows[0];
    if (!added) throw new Error(`article ${id} was inserted but not returned`);
    return { status: "added", article: storedOfRow(added) };
  }

  async add(serverId: string, article: NewArticle): Promise<AddResult> {
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      // One adder per server at a time: hashtextextended gives the lock a 64-bit key from the server id.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`citebot:${serverId}`]);
      const result = await this.addLocked(client, serverId, article);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async get(serverId: string, id: string): Promise<StoredArticle | undefined> {
    await this.ready;
    const row = await this.row(this.pool, serverId, id);
    return row ? storedOfRow(row) : undefined;
  }

  async findByUrl(serverId: string, url: string): Promise<StoredArticle | undefined> {
    await this.ready;
    const row = await this.byUrl(this.pool, serverId, url);
    return row ? storedOfRow(row) : undefined;
  }

  async list(serverId: string, options: ListOptions = {}): Promise<StoredArticleInfo[]> {
    const rows = await this.query<Row>(
      `SELECT ${INFO_COLUMNS} FROM articles WHERE server_id = $1 ORDER BY added_at DESC, seq DESC
       LIMIT $2 OFFSET $3`,
      [serverId, options.limit ?? null, options.offset ?? 0],
    );
    return rows.map(infoOfRow);
  }

  async all(serverId: string): Promise<StoredArticle[]> {
    const rows = await this.query<Row>(
      `SELECT ${COLUMNS} FROM articles WHERE server_id = $1 ORDER BY added_at DESC, seq DESC`,
      [serverId],
    );
    return rows.map(storedOfRow);
  }

  async count(serverId: string): Promise<number> {
    const rows = await this.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM articles WHERE server_id = $1",
      [serverId],
    );
    return rows[0]?.n ?? 0;
  }

  async remove(serverId: string, id: string): Promise<boolean> {
    // One statement, so the article and the channels pointing at it go together.
    const rows = await this.query<{ removed: number }>(
      `WITH gone AS (DELETE FROM articles WHERE server_id = $1 AND id = $2 RETURNING id),
            forgotten AS (DELETE FROM channel_articles WHERE server_id = $1 AND article_id = $2)
       SELECT COUNT(*)::int AS removed FROM gone`,
      [serverId, id],
    );
    return (rows[0]?.removed ?? 0) > 0;
  }

  async search(serverId: string, query: LibraryQuery, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (query.terms.length === 0) return [];
    // ts_rank with normalisation 1 divides by 1 + log(length), as BM25 discounts long documents.
    const rows = await this.query<{ id: string; score: number }>(
      `SELECT id, ts_rank(search, q, 1) AS score
         FROM articles, to_tsquery('english', $2) q
        WHERE server_id = $1 AND search @@ q
        ORDER BY score DESC, id LIMIT $3 OFFSET $4`,
      [serverId, tsqueryText(query), options.limit ?? 20, options.offset ?? 0],
    );
    return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
  }

  async setChannelArticle(serverId: string, channelId: string, articleId: string): Promise<void> {
    await this.query(
      `INSERT INTO channel_articles (server_id, channel_id, article_id, set_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (server_id, channel_id) DO UPDATE SET article_id = excluded.article_id, set_at = excluded.set_at`,
      [serverId, channelId, articleId, this.now()],
    );
  }

  async getChannelArticle(serverId: string, channelId: string): Promise<string | undefined> {
    const rows = await this.query<{ article_id: string }>(
      "SELECT article_id FROM channel_articles WHERE server_id = $1 AND channel_id = $2",
      [serverId, channelId],
    );
    return rows[0]?.article_id;
  }

  /** Ends the pool (waits for queries in flight); safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}
