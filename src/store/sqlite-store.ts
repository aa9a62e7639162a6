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
    (db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number | null }).v ?? 0;
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

export class SqliteArticleStore implements ArticleStore {
  /** Statements prepared once each: preparing costs more than a small query runs. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly db: Database.Database,
    readonly limits: StoreLimits,
    private readonly now: () => Date,
  ) {}

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
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
    return this.sql("SELECT * FROM articles WHERE server_id = ? AND id = ?").get(serverId, id) as
      | Row
      | undefined;
  }

  private byUrl(serverId: string, url: string): Row | undefined {
    const key = normalizeUrl(url);
    return this.sql(
      "SELECT * FROM articles WHERE server_id = ? AND (url_key = ? OR requested_url_key = ?) LIMIT 1",
    ).get(serverId, key, key) as Row | undefined;
  }

  async add(serverId: string, article: NewArticle): Promise<AddResult> {
    const { source } = article;
    const hash = textHash(source.text);
    const insert = this.db.transaction((): AddResult => {
      for (const url of [source.meta.url, article.requestedUrl]) {
        const existing = url ? this.byUrl(serverId, url) : undefined;
        if (existing) return { status: "duplicate", matchedBy: "url", article: storedOfRow(existing) };
      }
      const sameText = this.sql("SELECT * FROM articles WHERE server_id = ? AND text_hash = ?").get(
        serverId,
        hash,
      ) as Row | undefined;
      if (sameText) return { status: "duplicate", matchedBy: "text", article: storedOfRow(sameText) };
      const bytes = Buffer.byteLength(source.text, "utf8");
      if (bytes > this.limits.maxTextBytes) {
        throw new StoreLimitError({ reason: "too-large", limitBytes: this.limits.maxTextBytes });
      }
      const count = (
        this.sql("SELECT COUNT(*) AS n FROM articles WHERE server_id = ?").get(serverId) as {
          n: number;
        }
      ).n;
      if (count >= this.limits.maxArticles) {
        throw new StoreLimitError({ reason: "library-full", limit: this.limits.maxArticles });
      }
      let id = source.meta.id;
      for (let n = 2; this.row(serverId, id); n++) id = `${source.meta.id}-${n}`;
      this.sql(
        `INSERT INTO articles (${NEW_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...newArticleValues(serverId, id, article, hash, bytes), this.now().toISOString());
      return { status: "added", article: storedOfRow(this.row(serverId, id) as Row) };
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
    const rows = this.sql(
      `SELECT server_id, id, title, date, url, source, author, language, '' AS text, text_bytes, origin, added_by, added_at
         FROM articles WHERE server_id = ? ORDER BY added_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    ).all(serverId, options.limit ?? -1, options.offset ?? 0) as Row[];
    return rows.map(infoOfRow);
  }

  async all(serverId: string): Promise<StoredArticle[]> {
    const rows = this.sql(
      "SELECT * FROM articles WHERE server_id = ? ORDER BY added_at DESC, rowid DESC",
    ).all(serverId) as Row[];
    return rows.map(storedOfRow);
  }

  async count(serverId: string): Promise<number> {
    return (this.sql("SELECT COUNT(*) AS n FROM articles WHERE server_id = ?").get(serverId) as { n: number })
      .n;
  }

  async remove(serverId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const removed = this.sql("DELETE FROM articles WHERE server_id = ? AND id = ?").run(serverId, id);
      this.sql("DELETE FROM channel_articles WHERE server_id = ? AND article_id = ?").run(serverId, id);
      return removed.changes > 0;
    })();
  }

  async search(serverId: string, query: LibraryQuery, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (query.terms.length === 0) return [];
    // bm25() is lower for better matches; the title counts twice the text.
    const rows = this.sql(
      // The full-text match runs once, materialised; joined first, the planner would run it once per row.
      `WITH hits AS MATERIALIZED (
         SELECT rowid AS doc, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ?
       )
       SELECT d.id AS id, hits.rank AS rank FROM hits JOIN article_docs d ON d.doc = hits.doc
        WHERE d.server_id = ?
        ORDER BY hits.rank, d.id LIMIT ? OFFSET ?`,
    ).all(fts5Match(query), serverId, options.limit ?? 20, options.offset ?? 0) as {
      id: string;
      rank: number;
    }[];
    return rows.map((r) => ({ id: r.id, score: -r.rank }));
  }

  async setChannelArticle(serverId: string, channelId: string, articleId: string): Promise<void> {
    this.sql(
      `INSERT INTO channel_articles (server_id, channel_id, article_id, set_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (server_id, channel_id) DO UPDATE SET article_id = excluded.article_id, set_at = excluded.set_at`,
    ).run(serverId, channelId, articleId, this.now().toISOString());
  }

  async getChannelArticle(serverId: string, channelId: string): Promise<string | undefined> {
    const row = this.sql(
      "SELECT article_id FROM channel_articles WHERE server_id = ? AND channel_id = ?",
    ).get(serverId, channelId) as { article_id: string } | undefined;
    return row?.article_id;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
