// The default ArticleStore: one SQLite file (WAL mode) under CITEBOT_DATA_DIR.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
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
import { MIGRATIONS, type Migration } from "./migrations.ts";
import { fts5Match, type LibraryQuery, type SearchHit, type SearchOptions } from "./search-terms.ts";

export const DATABASE_FILE = "citebot.sqlite";

interface Row extends ArticleRow {
  server_id: string;
}

/** Same text, whatever its spacing: the duplicate test for pasted and uploaded articles. */
export function textHash(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("hex");
}

/** Applies the migrations not yet applied; returns the schema version reached. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
  );
  const current =
    db.prepare<[], { v: number | null }>("SELECT MAX(version) AS v FROM schema_version").get()?.v ?? 0;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)").run(
        migration.version,
        new Date().toISOString(),
      );
    })();
  }
  return Math.max(current, ...migrations.map((m) => m.version));
}

/** The store's statements, each prepared once (preparing costs more than a small query runs), typed by their bound values and row. */
function prepareStatements(db: Database.Database) {
  return {
    row: db.prepare<[serverId: string, id: string], Row>(
      "SELECT * FROM articles WHERE server_id = ? AND id = ?",
    ),
    byUrl: db.prepare<[serverId: string, key: string, key: string], Row>(
      "SELECT * FROM articles WHERE server_id = ? AND (url_key = ? OR requested_url_key = ?) LIMIT 1",
    ),
    byTextHash: db.prepare<[serverId: string, hash: string], Row>(
      "SELECT * FROM articles WHERE server_id = ? AND text_hash = ?",
    ),
    count: db.prepare<[serverId: string], { n: number }>(
      "SELECT COUNT(*) AS n FROM articles WHERE server_id = ?",
    ),
    insert: db.prepare<(string | number | null)[]>(
      `INSERT INTO articles (${NEW_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    list: db.prepare<[serverId: string, limit: number, offset: number], Row>(
      `SELECT server_id, id, title, date, url, source, author, language, '' AS text, text_bytes, origin, added_by, added_at
         FROM articles WHERE server_id = ? ORDER BY added_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    ),
    all: db.prepare<[serverId: string], Row>(
      "SELECT * FROM articles WHERE server_id = ? ORDER BY added_at DESC, rowid DESC",
    ),
    remove: db.prepare<[serverId: string, id: string]>("DELETE FROM articles WHERE server_id = ? AND id = ?"),
    removeChannelArticles: db.prepare<[serverId: string, articleId: string]>(
      "DELETE FROM channel_articles WHERE server_id = ? AND article_id = ?",
    ),
    search: db.prepare<
      [match: string, serverId: string, limit: number, offset: number],
      { id: string; rank: number }
    >(
      // The full-text match runs once, materialised; joined first, the planner would run it once per row.
      `WITH hits AS MATERIALIZED (
         SELECT rowid AS doc, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ?
       )
       SELECT d.id AS id, hits.rank AS rank FROM hits JOIN article_docs d ON d.doc = hits.doc
        WHERE d.server_id = ?
        ORDER BY hits.rank, d.id LIMIT ? OFFSET ?`,
    ),
    setChannelArticle: db.prepare<[serverId: string, channelId: string, articleId: string, setAt: string]>(
      `INSERT INTO channel_articles (server_id, channel_id, article_id, set_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (server_id, channel_id) DO UPDATE SET article_id = excluded.article_id, set_at = excluded.set_at`,
    ),
    channelArticle: db.prepare<[serverId: string, channelId: string], { article_id: string }>(
      "SELECT article_id FROM channel_articles WHERE server_id = ? AND channel_id = ?",
    ),
  };
}

export class SqliteArticleStore implements ArticleStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  private constructor(
    readonly db: Database.Database,
    readonly limits: StoreLimits,
    private readonly now: () => Date,
  ) {
    this.statements = prepareStatements(db);
  }

  /** Opens (creating if needed) `DIR/citebot.sqlite`. */
  static open(
    dir: string,
    limits: StoreLimits = DEFAULT_STORE_LIMITS,
    now: () => Date = () => new Date(),
  ): SqliteArticleStore {
    mkdirSync(dir, { recursive: true });
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    return new SqliteArticleStore(db, limits, now);
  }

  /** An in-memory database (nothing written to disk): the built-in articles' search index, tests. */
  static memory(
    limits: StoreLimits = DEFAULT_STORE_LIMITS,
    now: () => Date = () => new Date(),
  ): SqliteArticleStore {
    const db = new Database(":memory:");
    migrate(db);
    return new SqliteArticleStore(db, limits, now);
  }

  private row(serverId: string, id: string): Row | undefined {
    return this.statements.row.get(serverId, id);
  }

  private byUrl(serverId: string, url: string): Row | undefined {
    const key = normalizeUrl(url);
    return this.statements.byUrl.get(serverId, key, key);
  }

  async add(serverId: string, article: NewArticle): Promise<AddResult> {
    const { source } = article;
    const hash = textHash(source.text);
    const insert = this.db.transaction((): AddResult => {
      for (const url of [source.meta.url, article.requestedUrl]) {
        const existing = url ? this.byUrl(serverId, url) : undefined;
        if (existing) return { status: "duplicate", matchedBy: "url", article: storedOfRow(existing) };
      }
      const sameText = this.statements.byTextHash.get(serverId, hash);
      if (sameText) return { status: "duplicate", matchedBy: "text", article: storedOfRow(sameText) };
      const bytes = Buffer.byteLength(source.text, "utf8");
      if (bytes > this.limits.maxTextBytes) {
        throw new StoreLimitError({ reason: "too-large", limitBytes: this.limits.maxTextBytes });
      }
      const count = this.statements.count.get(serverId)?.n ?? 0;
      if (count >= this.limits.maxArticles) {
        throw new StoreLimitError({ reason: "library-full", limit: this.limits.maxArticles });
      }
      let id = source.meta.id;
      for (let n = 2; this.row(serverId, id); n++) id = `${source.meta.id}-${n}`;
      this.statements.insert.run(
        ...newArticleValues(serverId, id, article, hash, bytes),
        this.now().toISOString(),
      );
      const added = this.row(serverId, id);
      if (!added) throw new Error(`article ${id} was inserted but cannot be read back`);
      return { status: "added", article: storedOfRow(added) };
    });
    return insert.immediate();
  }

  async get(serverId: string, id: string): Promise<StoredArticle | undefined> {
    const row = this.row(serverId, id);
    return row ? storedOfRow(row) : undefined;
  }

  async findByUrl(serverId: string, url: string): Promise<StoredArticle | undefined> {
    const row = this.byUrl(serverId, url);
    return row ? storedOfRow(row) : undefined;
  }

  async list(serverId: string, options: ListOptions = {}): Promise<StoredArticleInfo[]> {
    const rows = this.statements.list.all(serverId, options.limit ?? -1, options.offset ?? 0);
    return rows.map(infoOfRow);
  }

  async all(serverId: string): Promise<StoredArticle[]> {
    return this.statements.all.all(serverId).map(storedOfRow);
  }

  async count(serverId: string): Promise<number> {
    return this.statements.count.get(serverId)?.n ?? 0;
  }

  async remove(serverId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const removed = this.statements.remove.run(serverId, id);
      this.statements.removeChannelArticles.run(serverId, id);
      return removed.changes > 0;
    })();
  }

  async search(serverId: string, query: LibraryQuery, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (query.terms.length === 0) return [];
    // bm25() is lower for better matches; the title counts twice the text.
    const rows = this.statements.search.all(
      fts5Match(query),
      serverId,
      options.limit ?? 20,
      options.offset ?? 0,
    );
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  async setChannelArticle(serverId: string, channelId: string, articleId: string): Promise<void> {
    this.statements.setChannelArticle.run(serverId, channelId, articleId, this.now().toISOString());
  }

  async getChannelArticle(serverId: string, channelId: string): Promise<string | undefined> {
    return this.statements.channelArticle.get(serverId, channelId)?.article_id;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
