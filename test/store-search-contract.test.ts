// One full-text search contract for both stores: SQLite FTS5 and PostgreSQL tsvector + GIN give the same
// articles in the same order for the same queries, see an add or a remove at once, and build the index for a
// library stored before the index existed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { ArticleStore, NewArticle } from "../src/store/article-store.ts";
import { MIGRATIONS } from "../src/store/migrations.ts";
import { PG_MIGRATIONS } from "../src/store/pg-migrations.ts";
import { migratePg, PgArticleStore } from "../src/store/pg-store.ts";
import { libraryQuery, searchTerms } from "../src/store/search-terms.ts";
import { DATABASE_FILE, migrate, SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { dropSchema, runName, TEST_DATABASE_URL } from "./services.ts";

// Invented articles about one story (a town's pier), and one about something else.
const STORY: Record<string, { title: string; text: string }> = {
  "pier-closed": {
    title: "Tellmouth closes its north pier",
    text:
      "The Tellmouth harbour board voted on Monday to close the north pier.\n\n" +
      "Harbour master Ines Varga said cracks had been found in the pilings.",
  },
  "pier-reopens": {
    title: "Repairs done, pier opens again",
    text:
      "The north pier reopened on Friday after six weeks of repairs.\n\n" +
      "Divers checked every piling of the pier twice, and the pier is safe, Ms Varga said.",
  },
  "library-budget": {
    title: "Council argues over library budget",
    text: "The town council met on Tuesday to discuss the library budget and the cost of new shelves.",
  },
};

function article(id: string): NewArticle {
  const { title, text } = STORY[id] as { title: string; text: string };
  return { source: { meta: { id, title, date: "2025-03-07" }, text }, origin: "text", addedBy: "u" };
}

interface Backend {
  name: string;
  open(): Promise<{ store: ArticleStore; cleanup(): Promise<void> }>;
  /** A database at schema version 1 (before the index) holding one article, then opened by today's code. */
  legacy(): Promise<{ store: ArticleStore; cleanup(): Promise<void> }>;
}

const LEGACY_ROW = [
  "g",
  "old-story",
  "Lighthouse keeper retires",
  "2019-05-01",
  null,
  null,
  null,
  "After forty years the lighthouse keeper of Tellmouth handed over the keys.",
  "hash-old",
  74,
  null,
  null,
  "text",
  "u",
];

const sqlite: Backend = {
  name: "SQLite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "citebot-search-"));
    const store = SqliteArticleStore.open(dir);
    return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  async legacy() {
    const dir = mkdtempSync(join(tmpdir(), "citebot-search-legacy-"));
    const db = new Database(join(dir, DATABASE_FILE));
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare(
      "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2019-05-01T00:00:00.000Z')",
    ).run(...LEGACY_ROW);
    db.close();
    const store = SqliteArticleStore.open(dir);
    return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const schemas: string[] = [];
const postgres: Backend = {
  name: "PostgreSQL",
  async open() {
    const schema = runName("search");
    schemas.push(schema);
    const store = await PgArticleStore.open({ connectionString: TEST_DATABASE_URL, schema });
    return { store, cleanup: () => dropSchema(schema) };
  },
  async legacy() {
    const schema = runName("search_legacy");
    schemas.push(schema);
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path="${schema}"` });
    expect(await migratePg(pool, PG_MIGRATIONS.slice(0, 1), schema)).toBe(1);
    await pool.query(
      `INSERT INTO articles (server_id, id, title, date, url, source, author, text, text_hash, text_bytes, url_key,
         requested_url_key, origin, added_by, added_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '2019-05-01T00:00:00Z')`,
      LEGACY_ROW,
    );
    await pool.end();
    const store = await PgArticleStore.open({ connectionString: TEST_DATABASE_URL, schema });
    return { store, cleanup: () => dropSchema(schema) };
  },
};

const pgUp = inject("storeServices").postgres;
const backends = pgUp ? [sqlite, postgres] : [sqlite];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

describe("search terms", () => {
  it("keeps words of letters and digits, lower-cased, without stop words or repeats", () => {
    expect(searchTerms("Who closed the North pier in 2025, and why? The pier!")).toEqual([
      "closed",
      "north",
      "pier",
      "2025",
    ]);
    expect(searchTerms('pier" OR NEAR(council) -- ; DROP')).toEqual(["pier", "near", "council", "drop"]);
    expect(searchTerms("what was it")).toEqual([]);
    expect(searchTerms("Café Zoë")).toEqual(["café", "zoë"]);
  });
});

describe.each(backends)("library search contract: $name", (backend) => {
  let store: ArticleStore;
  let cleanup: () => Promise<void>;
  const ids = async (text: string, mode: "any" | "all" = "any", server = "g") =>
    (await store.search(server, libraryQuery(text, mode))).map((h) => h.id);

  beforeEach(async () => {
    ({ store, cleanup } = await backend.open());
    for (const id of Object.keys(STORY)) await store.add("g", article(id));
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it("ranks the article that says it most first, and finds only the articles that say it", async () => {
    expect(await ids("pier")).toEqual(["pier-reopens", "pier-closed"]);
    expect(await ids("library budget")).toEqual(["library-budget"]);
    expect((await ids("Varga")).sort()).toEqual(["pier-closed", "pier-reopens"]);
    expect(await ids("lighthouse")).toEqual([]);
  });

  it("matches any term or every term, by stem", async () => {
    expect((await ids("harbour shelves")).sort()).toEqual(["library-budget", "pier-closed"]);
    expect(await ids("harbour shelves", "all")).toEqual([]);
    expect(await ids("north pier Friday", "all")).toEqual(["pier-reopens"]);
    expect(await ids("repaired", "all")).toEqual(["pier-reopens"]);
    expect(await ids("closing", "all")).toEqual(["pier-closed"]);
    expect(await ids("the what and")).toEqual([]);
  });

  it("gives scores best first, pages, and sees only the server's own articles", async () => {
    const hits = await store.search("g", libraryQuery("pier"));
    expect(hits).toHaveLength(2);
    expect((hits[0]?.score ?? 0) > (hits[1]?.score ?? 0)).toBe(true);
    expect((await store.search("g", libraryQuery("pier"), { limit: 1, offset: 1 })).map((h) => h.id)).toEqual(
      ["pier-closed"],
    );
    expect(await ids("pier", "any", "other-server")).toEqual([]);
  });

  it("finds an added article at once and forgets a removed one at once", async () => {
    await store.add("g", {
      source: {
        meta: { id: "lighthouse", title: "Lighthouse sold", date: "2025-04-01" },
        text: "The old lighthouse on the north pier was sold to a trust.",
      },
      origin: "text",
      addedBy: "u",
    });
    expect(await ids("lighthouse")).toEqual(["lighthouse"]);
    expect(await store.remove("g", "pier-closed")).toBe(true);
    expect(await ids("pier")).toEqual(["pier-reopens", "lighthouse"]);
    expect(await ids("Varga")).toEqual(["pier-reopens"]);
  });
});

describe.each(backends)("library search migration: $name", (backend) => {
  it("builds the index for articles stored before it existed", async () => {
    const { store, cleanup } = await backend.legacy();
    try {
      expect((await store.search("g", libraryQuery("lighthouse keeper"))).map((h) => h.id)).toEqual([
        "old-story",
      ]);
      await store.add("g", article("pier-closed"));
      expect((await store.search("g", libraryQuery("Tellmouth"))).map((h) => h.id).sort()).toEqual([
        "old-story",
        "pier-closed",
      ]);
      expect(await store.remove("g", "old-story")).toBe(true);
      expect((await store.search("g", libraryQuery("Tellmouth"))).map((h) => h.id)).toEqual(["pier-closed"]);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
