// The store factory: SQLite and memory by default, PostgreSQL and Redis when their URLs are set; and two
// processes sharing one store see each other's articles and current articles.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { type OpenArticles, openArticleService } from "../src/app/open-articles.ts";
import { readConfig } from "../src/config.ts";
import { MemoryLibrary } from "../src/engine/library.ts";
import { PgArticleStore } from "../src/store/pg-store.ts";
import { RedisSharedState } from "../src/store/redis-state.ts";
import { MemorySharedState } from "../src/store/shared-state.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { dropSchema, runName, TEST_DATABASE_URL, TEST_REDIS_URL } from "./services.ts";

const { postgres: pgUp, redis: redisUp } = inject("storeServices");
const schemas: string[] = [];

let dir: string;
const opened: OpenArticles[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "citebot-factory-"));
});
afterEach(async () => {
  for (const open of opened.splice(0)) await open.close();
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

const ARTICLE = [
  "The night ferry to Puffin Isle will stop running in March, the island council said on Tuesday.",
  "Councillor Ada Reyes said the boat, built forty years ago, had become too old to insure and too slow",
  "to keep its timetable in winter storms. Islanders who work late shifts on the mainland will need to",
  "take the last afternoon crossing or stay overnight in town, the council's transport office said.",
  "A group of residents has started a petition asking for a smaller replacement boat, and the harbour",
  "master said he would meet them next week to talk about berths, crews and the cost of fuel.",
].join(" ");

function open(env: Record<string, string> = {}): OpenArticles {
  const config = readConfig({ CITEBOT_DATA_DIR: dir, ...env });
  const articles = openArticleService(config, new MemoryLibrary());
  opened.push(articles);
  return articles;
}

describe("store factory", () => {
  it("opens SQLite and memory state when no URL is set", async () => {
    const articles = open();
    await articles.ready();
    expect(articles.service.store).toBeInstanceOf(SqliteArticleStore);
    expect(articles.shared).toBeInstanceOf(MemorySharedState);
  });

  it("lets a second process read an article the first one added, and its channel's current article", async () => {
    const first = open();
    const second = open();
    // The second process loads the server's library before the first adds to it.
    expect((await second.service.library("g")).list()).toEqual([]);
    const { article } = await first.service.add(
      "g",
      { kind: "text", text: ARTICLE, title: "Ferry ends" },
      "u1",
    );
    expect(article.meta.id).toBe("ferry-ends");
    await second.service.setCurrent("g", "chan-1", "ferry-ends");
    expect(await first.service.current("g", "chan-1")).toBe("ferry-ends");
    expect(await second.service.current("g", "chan-1")).toBe("ferry-ends");
    expect((await second.service.library("g")).meta("ferry-ends")?.title).toBe("Ferry ends");
    await expect(second.service.setCurrent("g", "chan-1", "no-such-article")).rejects.toThrow(
      'unknown article "no-such-article"',
    );
  });

  if (pgUp && redisUp)
    it("opens PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set", async () => {
      const schema = runName("factory");
      schemas.push(schema);
      const keyPrefix = `${runName("factory")}:`;
      const env = {
        DATABASE_URL: TEST_DATABASE_URL,
        DATABASE_SCHEMA: schema,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: keyPrefix,
      };
      const first = open(env);
      const second = open(env);
      expect(first.service.store).toBeInstanceOf(PgArticleStore);
      expect(first.shared).toBeInstanceOf(RedisSharedState);
      await first.ready();
      await second.ready();
      await first.service.add("g", { kind: "text", text: ARTICLE, title: "Ferry ends" }, "u1");
      await second.service.setCurrent("g", "chan-1", "ferry-ends");
      expect(await first.service.current("g", "chan-1")).toBe("ferry-ends");
      expect(await (first.shared as RedisSharedState).client.get(`${keyPrefix}current:g:chan-1`)).toBe(
        "ferry-ends",
      );
      expect(await first.shared.tryCooldown("u1", 60_000)).toEqual({ allowed: true });
      expect((await second.shared.tryCooldown("u1", 60_000)).allowed).toBe(false);
      await (first.shared as RedisSharedState).clear();
    });
});
