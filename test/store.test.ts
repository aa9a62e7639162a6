import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleSource } from "../src/engine/types.ts";
import { type NewArticle, StoreLimitError } from "../src/store/article-store.ts";
import { MIGRATIONS } from "../src/store/migrations.ts";
import { DATABASE_FILE, migrate, SqliteArticleStore, textHash } from "../src/store/sqlite-store.ts";

let dir: string;
let clock: number;
const now = () => new Date(Date.UTC(2025, 0, 1) + clock++ * 60_000);
const limits = { maxArticles: 3, maxTextBytes: 2_000 };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "citebot-store-"));
  clock = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function article(id: string, text: string, url?: string): NewArticle {
  const source: ArticleSource = {
    meta: { id, title: `Title of ${id}`, date: "2025-02-03", ...(url ? { url } : {}), author: "A. Writer" },
    text,
  };
  return { source, origin: url ? "url" : "text", addedBy: "user-1" };
}

describe("SQLite article store", () => {
  it("creates the schema through versioned migrations, once", () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    const versions = store.db.prepare("SELECT version FROM schema_version ORDER BY version").all();
    expect(versions).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    expect(migrate(store.db)).toBe(4);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM schema_version").get()).toEqual({ n: 4 });
    const next = [
      ...MIGRATIONS,
      { version: 5, description: "a note column", sql: "ALTER TABLE articles ADD COLUMN note TEXT" },
    ];
    expect(migrate(store.db, next)).toBe(5);
    expect(migrate(store.db, next)).toBe(5);
    const columns = store.db.prepare("PRAGMA table_info(articles)").all() as { name: string }[];
    expect(columns.filter((c) => c.name === "note")).toHaveLength(1);
    store.db.close();
  });

  it("keeps one file under the data folder in WAL mode", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    await store.add("guild-1", article("first", "One two three."));
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(true);
    await store.close();
  });

  it("adds, gets, lists newest first, and removes, per server", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    const first = await store.add("guild-1", article("first", "The first text."));
    await store.add("guild-1", article("second", "The second text."));
    await store.add("guild-2", article("other", "Another server's text."));
    expect(first.status).toBe("added");
    expect(first.article).toEqual({
      meta: { id: "first", title: "Title of first", date: "2025-02-03", author: "A. Writer" },
      source: {
        meta: { id: "first", title: "Title of first", date: "2025-02-03", author: "A. Writer" },
        text: "The first text.",
      },
      origin: "text",
      addedBy: "user-1",
      addedAt: "2025-01-01T00:00:00.000Z",
      textBytes: 15,
    });
    expect((await store.list("guild-1")).map((a) => a.meta.id)).toEqual(["second", "first"]);
    expect((await store.list("guild-1", { limit: 1, offset: 1 })).map((a) => a.meta.id)).toEqual(["first"]);
    expect(await store.count("guild-2")).toBe(1);
    expect(await store.get("guild-2", "first")).toBeUndefined();
    expect(await store.remove("guild-1", "first")).toBe(true);
    expect(await store.remove("guild-1", "first")).toBe(false);
    expect((await store.all("guild-1")).map((a) => a.meta.id)).toEqual(["second"]);
    await store.close();
  });

  it("returns the stored article for the same URL (fragment and tracking ignored) or the same text", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
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
    expect(await store.count("g")).toBe(1);
    expect(textHash("a  b\nc")).toBe(textHash("a b c"));
    await store.close();
  });

  it("gives a new article a free id when its id is taken", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    await store.add("g", article("ferry", "One text."));
    const second = await store.add("g", article("ferry", "Another text."));
    const third = await store.add("g", article("ferry", "A third text."));
    expect([second.article.meta.id, third.article.meta.id]).toEqual(["ferry-2", "ferry-3"]);
    expect(second.article.source.meta.id).toBe("ferry-2");
    await store.close();
  });

  it("refuses an article over the text limit and a server over the article limit, losing nothing", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    for (const id of ["a", "b", "c"]) await store.add("g", article(id, `Text of ${id}.`));
    const full = await store.add("g", article("d", "Text of d.")).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(StoreLimitError);
    expect((full as StoreLimitError).failure).toEqual({ reason: "library-full", limit: 3 });
    await store.remove("g", "c");
    const big = await store.add("g", article("e", "x".repeat(2_001))).catch((e: unknown) => e);
    expect((big as StoreLimitError).failure).toEqual({ reason: "too-large", limitBytes: 2_000 });
    expect((await store.list("g")).map((a) => a.meta.id)).toEqual(["b", "a"]);
    // Another server has its own 3.
    expect((await store.add("h", article("d", "Text of d."))).status).toBe("added");
    await store.close();
  });

  it("rolls back an add that fails inside the transaction", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    await store.add("g", article("kept", "Kept text."));
    const bad = { ...article("bad", "Bad text."), origin: "carrier-pigeon" } as unknown as NewArticle;
    await expect(store.add("g", bad)).rejects.toThrow(/CHECK constraint failed/);
    expect((await store.all("g")).map((a) => a.meta.id)).toEqual(["kept"]);
    await store.close();
  });

  it("remembers each channel's current article, and forgets it when the article is removed", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    await store.add("g", article("a", "Alpha."));
    await store.setChannelArticle("g", "chan-1", "a");
    await store.setChannelArticle("g", "chan-2", "seed-article");
    await store.setChannelArticle("g", "chan-2", "a");
    expect(await store.getChannelArticle("g", "chan-2")).toBe("a");
    expect(await store.getChannelArticle("other", "chan-1")).toBeUndefined();
    await store.remove("g", "a");
    expect(await store.getChannelArticle("g", "chan-1")).toBeUndefined();
    await store.close();
  });

  it("keeps everything across a close and reopen", async () => {
    const store = SqliteArticleStore.open(dir, limits, now);
    await store.add("g", article("a", "Alpha text.", "https://news.example/a"));
    await store.setChannelArticle("g", "c", "a");
    await store.close();
    const reopened = SqliteArticleStore.open(dir, limits, now);
    expect(await reopened.get("g", "a")).toMatchObject({
      meta: { id: "a", url: "https://news.example/a" },
      source: { text: "Alpha text." },
      addedBy: "user-1",
    });
    expect(await reopened.getChannelArticle("g", "c")).toBe("a");
    expect(await reopened.findByUrl("g", "https://news.example/a#x")).toMatchObject({ meta: { id: "a" } });
    await reopened.close();
  });
});
