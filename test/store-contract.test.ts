// One contract for every ArticleStore: the embedded SQLite file and PostgreSQL run the same tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { ArticleSource } from "../src/engine/types.ts";
import {
  type ArticleStore,
  type NewArticle,
  StoreLimitError,
  type StoreLimits,
} from "../src/store/article-store.ts";
import { PG_MIGRATIONS } from "../src/store/pg-migrations.ts";
import { migratePg, PgArticleStore } from "../src/store/pg-store.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { dropSchema, runName, TEST_DATABASE_URL } from "./services.ts";

const limits: StoreLimits = { maxArticles: 3, maxTextBytes: 2_000 };

/** Opens stores on one fresh database; `open` again gives a second handle (another process) on the same one. */
interface Backend {
  name: string;
  fresh(): Promise<{ open(now: () => Date): Promise<ArticleStore>; cleanup(): Promise<void> }>;
}

const sqlite: Backend = {
  name: "SQLite",
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), "citebot-contract-"));
    return {
      open: async (now) => SqliteArticleStore.open(dir, limits, now),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const schemas: string[] = [];
const postgres: Backend = {
  name: "PostgreSQL",
  async fresh() {
    const schema = runName("store");
    schemas.push(schema);
    return {
      open: (now) => PgArticleStore.open({ connectionString: TEST_DATABASE_URL, schema, limits, now }),
      cleanup: () => dropSchema(schema),
    };
  },
};

const pgUp = inject("storeServices").postgres;
const backends = pgUp ? [sqlite, postgres] : [sqlite];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

function article(id: string, text: string, url?: string): NewArticle {
  const source: ArticleSource = {
    meta: { id, title: `Title of ${id}`, date: "2025-02-03", ...(url ? { url } : {}), author: "A. Writer" },
    text,
  };
  return { source, origin: url ? "url" : "text", addedBy: "user-1" };
}

describe.each(backends)("article store contract: $name", (backend) => {
  let db: Awaited<ReturnType<Backend["fresh"]>>;
  let store: ArticleStore;
  let clock: number;
  const now = () => new Date(Date.UTC(2025, 0, 1) + clock++ * 60_000);
  const opened: ArticleStore[] = [];
  const open = async (clockFn: () => Date = now) => {
    const handle = await db.open(clockFn);
    opened.push(handle);
    return handle;
  };

  beforeEach(async () => {
    clock = 0;
    db = await backend.fresh();
    store = await open();
  });
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    await db.cleanup();
  });

  it("adds, gets, lists newest first, and removes, per server", async () => {
    const first = await store.add("guild-1", article("first", "The first text."));
    await store.add("guild-1", article("second", "The second text."));
    await store.add("guild-2", article("other", "Another server's text."));
    expect(first).toEqual({
      status: "added",
      article: {
        meta: { id: "first", title: "Title of first", date: "2025-02-03", author: "A. Writer" },
        source: {
          meta: { id: "first", title: "Title of first", date: "2025-02-03", author: "A. Writer" },
          text: "The first text.",
        },
        origin: "text",
        addedBy: "user-1",
        addedAt: "2025-01-01T00:00:00.000Z",
        textBytes: 15,
      },
    });
    expect(await store.get("guild-1", "first")).toEqual(first.article);
    expect((await store.list("guild-1")).map((a) => a.meta.id)).toEqual(["second", "first"]);
    expect(await store.list("guild-1", { limit: 1, offset: 1 })).toEqual([
      {
        meta: first.article.meta,
        origin: "text",
        addedBy: "user-1",
        addedAt: "2025-01-01T00:00:00.000Z",
        textBytes: 15,
      },
    ]);
    expect(await store.count("guild-1")).toBe(2);
    expect(await store.count("guild-2")).toBe(1);
    expect(await store.count("guild-3")).toBe(0);
    expect(await store.get("guild-2", "first")).toBeUndefined();
    expect(await store.remove("guild-1", "first")).toBe(true);
    expect(await store.remove("guild-1", "first")).toBe(false);
    expect((await store.all("guild-1")).map((a) => a.source.text)).toEqual(["The second text."]);
  });

  it("lists articles added in the same instant in the order added, newest first", async () => {
    const still = await open(() => new Date(Date.UTC(2025, 5, 1)));
    for (const id of ["one", "two", "three"]) await still.add("g", article(id, `Text ${id}.`));
    expect((await still.list("g")).map((a) => a.meta.id)).toEqual(["three", "two", "one"]);
    expect((await still.all("g")).map((a) => a.meta.id)).toEqual(["three", "two", "one"]);
  });

  it("returns the stored article for the same URL (fragment and tracking ignored) or the same text", async () => {
    await store.add("g", {
      ...article("a", "Alpha text here.", "https://news.example/a?id=4"),
      requestedUrl: "https://t.example/x",
    });
    const sameUrl = await store.add(
      "g",
      article("b", "Different text.", "https://news.example/a?id=4&utm_source=chat#top"),
    );
    expect(sameUrl).toMatchObject({ status: "duplicate", matchedBy: "url", article: { meta: { id: "a" } } });
    const sameRequested = await store.add("g", article("c", "Other text.", "https://t.example/x"));
    expect(sameRequested).toMatchObject({
      status: "duplicate",
      matchedBy: "url",
      article: { meta: { id: "a" } },
    });
    const sameText = await store.add("g", article("d", "  Alpha   text\nhere. "));
    expect(sameText).toMatchObject({
      status: "duplicate",
      matchedBy: "text",
      article: { meta: { id: "a" } },
    });
    expect((await store.add("h", article("d", "Alpha text here."))).status).toBe("added");
    expect(await store.count("g")).toBe(1);
    expect((await store.findByUrl("g", "https://news.example/a?id=4#x"))?.meta.id).toBe("a");
    expect((await store.findByUrl("g", "https://t.example/x"))?.meta.id).toBe("a");
    expect(await store.findByUrl("h", "https://t.example/x")).toBeUndefined();
  });

  it("gives a new article a free id when its id is taken", async () => {
    await store.add("g", article("ferry", "One text."));
    const second = await store.add("g", article("ferry", "Another text."));
    const third = await store.add("g", article("ferry", "A third text."));
    expect([second.article.meta.id, third.article.meta.id]).toEqual(["ferry-2", "ferry-3"]);
    expect(third.article.source.meta.id).toBe("ferry-3");
  });

  it("refuses an article over the text limit and a server over the article limit, losing nothing", async () => {
    for (const id of ["a", "b", "c"]) await store.add("g", article(id, `Text of ${id}.`));
    const full = await store.add("g", article("d", "Text of d.")).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StoreLimitError);
    expect((full as StoreLimitError).failure).toEqual({ reason: "library-full", limit: 3 });
    await store.remove("g", "c");
    const big = await store.add("g", article("e", "x".repeat(2_001))).catch((e: unknown) => e);
    expect((big as StoreLimitError).failure).toEqual({ reason: "too-large", limitBytes: 2_000 });
    expect((await store.list("g")).map((a) => a.meta.id)).toEqual(["b", "a"]);
    expect((await store.add("h", article("d", "Text of d."))).status).toBe("added");
  });

  it("keeps the limit and the duplicate check when two handles add at once", async () => {
    const other = await open();
    const adds = Array.from({ length: 8 }, (_, i) =>
      (i % 2 ? other : store).add("g", article(`n${i}`, `Text number ${i}.`)).catch((e: unknown) => e),
    );
    const results = await Promise.all(adds);
    expect(results.filter((r) => r instanceof StoreLimitError)).toHaveLength(5);
    expect(await store.count("g")).toBe(3);
    const same = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : store).add("h", article(`s${i}`, "One shared text.")),
      ),
    );
    expect(same.map((r) => r.status).sort()).toEqual([
      "added",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(await other.count("h")).toBe(1);
  });

  it("rolls back an add that fails inside the transaction", async () => {
    await store.add("g", article("kept", "Kept text."));
    const bad = { ...article("bad", "Bad text."), origin: "carrier-pigeon" } as unknown as NewArticle;
    await expect(store.add("g", bad)).rejects.toThrow(/check constraint/i);
    expect((await store.all("g")).map((a) => a.meta.id)).toEqual(["kept"]);
    expect((await store.add("g", article("next", "Next text."))).status).toBe("added");
  });

  it("remembers each channel's current article, and forgets it when the article is removed", async () => {
    await store.add("g", article("a", "Alpha."));
    await store.setChannelArticle("g", "chan-1", "a");
    await store.setChannelArticle("g", "chan-2", "seed-article");
    await store.setChannelArticle("g", "chan-2", "a");
    expect(await store.getChannelArticle("g", "chan-2")).toBe("a");
    expect(await store.getChannelArticle("other", "chan-1")).toBeUndefined();
    await store.remove("g", "a");
    expect(await store.getChannelArticle("g", "chan-1")).toBeUndefined();
    expect(await store.getChannelArticle("g", "chan-2")).toBeUndefined();
  });

  it("keeps everything across a close and reopen", async () => {
    await store.add("g", article("a", "Alpha text.", "https://news.example/a"));
    await store.setChannelArticle("g", "c", "a");
    await store.close();
    await store.close();
    const reopened = await open();
    expect(await reopened.get("g", "a")).toMatchObject({
      meta: { id: "a", url: "https://news.example/a" },
      source: { text: "Alpha text." },
      addedBy: "user-1",
      addedAt: "2025-01-01T00:00:00.000Z",
    });
    expect(await reopened.getChannelArticle("g", "c")).toBe("a");
  });
});

// Left out (not skipped) without a server, like the PostgreSQL half of the contract above.
if (pgUp)
  describe("PostgreSQL store", () => {
    it("migrates a fresh schema once, even when several processes start together", async () => {
      const schema = runName("migrate");
      schemas.push(schema);
      const stores = await Promise.all(
        [1, 2, 3].map(() => PgArticleStore.open({ connectionString: TEST_DATABASE_URL, schema })),
      );
      const [first] = stores as [PgArticleStore];
      const { rows } = await first.pool.query("SELECT version FROM schema_version ORDER BY version");
      expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
      const next = [
        ...PG_MIGRATIONS,
        { version: 5, description: "a note column", sql: "ALTER TABLE articles ADD COLUMN note TEXT" },
      ];
      expect(await migratePg(first.pool, next)).toBe(5);
      expect(await migratePg(first.pool, next)).toBe(5);
      const columns = await first.pool.query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'note'",
        [schema],
      );
      expect(columns.rowCount).toBe(1);
      for (const store of stores) await store.close();
    });

    it("refuses a schema name that is not a plain identifier, and rejects when the server is absent", async () => {
      expect(() =>
        PgArticleStore.connect({ connectionString: TEST_DATABASE_URL, schema: 'x"; DROP' }),
      ).toThrow("not a plain schema name");
      await expect(
        PgArticleStore.open({ connectionString: "postgres://127.0.0.1:1/test", schema: runName("absent") }),
      ).rejects.toThrow(/ECONNREFUSED/);
    });
  });
