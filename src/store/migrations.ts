// The SQLite schema, one migration a version; applied in order, each in its own transaction.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** The feeds tables: the same SQL in both stores (plain types only), so it is written once. */
export const FEED_TABLES = `
      CREATE TABLE feeds (
        server_id TEXT NOT NULL,
        id TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT,
        channel_id TEXT,
        digest TEXT NOT NULL CHECK (digest IN ('each', 'daily')),
        digest_hour INTEGER,
        time_zone TEXT,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        paused_at TEXT,
        last_error TEXT,
        last_polled_at TEXT,
        interval_ms INTEGER,
        PRIMARY KEY (server_id, id),
        UNIQUE (server_id, url)
      );
      CREATE TABLE feed_items (
        server_id TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        guid TEXT NOT NULL,
        status TEXT NOT NULL,
        article_id TEXT,
        title TEXT,
        url TEXT,
        detail TEXT,
        seen_at TEXT NOT NULL,
        posted_at TEXT,
        PRIMARY KEY (server_id, feed_id, guid)
      );
      CREATE INDEX feed_items_seen ON feed_items (server_id, seen_at);
    `;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "articles per server, and each channel's current article",
    sql: `
      CREATE TABLE articles (
        server_id TEXT NOT NULL,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        url TEXT,
        source TEXT,
        author TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        text_bytes INTEGER NOT NULL,
        url_key TEXT,
        requested_url_key TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('url', 'file', 'text')),
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (server_id, id)
      );
      CREATE UNIQUE INDEX articles_text_hash ON articles (server_id, text_hash);
      CREATE INDEX articles_url_key ON articles (server_id, url_key);
      CREATE INDEX articles_requested_url_key ON articles (server_id, requested_url_key);
      CREATE INDEX articles_added_at ON articles (server_id, added_at);
      CREATE TABLE channel_articles (
        server_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (server_id, channel_id)
      );
    `,
  },
  {
    version: 2,
    description:
      "full-text search over each article's title and text (FTS5), kept by triggers, built for existing rows",
    // A contentless FTS5 table (the text is not stored twice) whose rowid is article_docs.doc: an explicit
    // INTEGER PRIMARY KEY, which VACUUM never renumbers (the articles table's implicit rowid it may).
    sql: `
      CREATE TABLE article_docs (
        doc INTEGER PRIMARY KEY,
        server_id TEXT NOT NULL,
        id TEXT NOT NULL,
        UNIQUE (server_id, id)
      );
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_docs (server_id, id) VALUES (new.server_id, new.id);
        INSERT INTO articles_fts (rowid, title, text)
          VALUES ((SELECT doc FROM article_docs WHERE server_id = new.server_id AND id = new.id), new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_fts
          WHERE rowid = (SELECT doc FROM article_docs WHERE server_id = old.server_id AND id = old.id);
        DELETE FROM article_docs WHERE server_id = old.server_id AND id = old.id;
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF server_id, id, title, text ON articles BEGIN
        DELETE FROM articles_fts
          WHERE rowid = (SELECT doc FROM article_docs WHERE server_id = old.server_id AND id = old.id);
        DELETE FROM article_docs WHERE server_id = old.server_id AND id = old.id;
        INSERT INTO article_docs (server_id, id) VALUES (new.server_id, new.id);
        INSERT INTO articles_fts (rowid, title, text)
          VALUES ((SELECT doc FROM article_docs WHERE server_id = new.server_id AND id = new.id), new.title, new.text);
      END;
      INSERT INTO article_docs (server_id, id) SELECT server_id, id FROM articles ORDER BY rowid;
      INSERT INTO articles_fts (rowid, title, text)
        SELECT d.doc, a.title, a.text FROM articles a JOIN article_docs d ON d.server_id = a.server_id AND d.id = a.id;
    `,
  },
  {
    version: 3,
    description: "news feeds per server, and every item each feed has brought",
    sql: FEED_TABLES,
  },
  {
    version: 4,
    description: "the language each article was detected in as it was added",
    sql: "ALTER TABLE articles ADD COLUMN language TEXT",
  },
];
