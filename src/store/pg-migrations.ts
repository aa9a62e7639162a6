// The PostgreSQL schema, one migration a version, the same tables as the SQLite one (migrations.ts). `seq`
// orders articles added in the same millisecond, as SQLite's rowid does.
import { FEED_TABLES, type Migration } from "./migrations.ts";

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "articles per server, and each channel's current article",
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL NOT NULL,
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
        added_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (server_id, id)
      );
      CREATE UNIQUE INDEX articles_text_hash ON articles (server_id, text_hash);
      CREATE INDEX articles_url_key ON articles (server_id, url_key);
      CREATE INDEX articles_requested_url_key ON articles (server_id, requested_url_key);
      CREATE INDEX articles_added_at ON articles (server_id, added_at DESC, seq DESC);
      CREATE TABLE channel_articles (
        server_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        set_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (server_id, channel_id)
      );
    `,
  },
  {
    version: 2,
    description:
      "full-text search over each article's title and text (tsvector, GIN), built for existing rows",
    // A generated column is computed in the statement that writes the row, so the index is always current;
    // adding it computes it for every row already stored.
    sql: `
      ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
      ) STORED;
      CREATE INDEX articles_search ON articles USING GIN (search);
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
