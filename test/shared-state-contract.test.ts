// One contract for cooldowns and current articles: in memory and in Redis (and current articles in the
// article store's table, the default without Redis).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { RedisSharedState } from "../src/store/redis-state.ts";
import {
  type Cooldowns,
  type CurrentArticles,
  MemorySharedState,
  storeCurrentArticles,
} from "../src/store/shared-state.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { runName, TEST_REDIS_URL } from "./services.ts";

interface Opened<T> {
  state: T;
  /** A second handle on the same state (another process). */
  another(): Promise<T>;
  close(): Promise<void>;
}

interface Backend<T> {
  name: string;
  open(): Promise<Opened<T>>;
}

const redisUp = inject("storeServices").redis;
const prefixes: string[] = [];

function redisBackend(): Backend<RedisSharedState> {
  return {
    name: "Redis",
    async open() {
      const keyPrefix = `${runName("state")}:`;
      prefixes.push(keyPrefix);
      const handles: RedisSharedState[] = [];
      const connect = async () => {
        const handle = await RedisSharedState.open({ url: TEST_REDIS_URL, keyPrefix, reconnect: false });
        handles.push(handle);
        return handle;
      };
      const state = await connect();
      return {
        state,
        another: connect,
        close: async () => {
          await state.clear();
          for (const handle of handles) await handle.close();
        },
      };
    },
  };
}

const memoryBackend: Backend<MemorySharedState> = {
  name: "memory",
  async open() {
    const state = new MemorySharedState();
    return { state, another: async () => state, close: () => state.close() };
  },
};

const storeBackend: Backend<CurrentArticles> = {
  name: "SQLite article store",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "citebot-current-"));
    const stores = [SqliteArticleStore.open(dir)];
    return {
      state: storeCurrentArticles(stores[0] as SqliteArticleStore),
      another: async () => {
        const store = SqliteArticleStore.open(dir);
        stores.push(store);
        return storeCurrentArticles(store);
      },
      close: async () => {
        for (const store of stores) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const cooldownBackends: Backend<Cooldowns>[] = redisUp ? [memoryBackend, redisBackend()] : [memoryBackend];
const currentBackends: Backend<CurrentArticles>[] = redisUp
  ? [memoryBackend, redisBackend(), storeBackend]
  : [memoryBackend, storeBackend];

afterAll(async () => {
  if (prefixes.length === 0) return;
  // Whatever a failed test left behind under this run's prefixes.
  for (const keyPrefix of prefixes) {
    const scoped = await RedisSharedState.open({ url: TEST_REDIS_URL, keyPrefix, reconnect: false });
    await scoped.clear();
    await scoped.close();
  }
});

describe.each(cooldownBackends)("cooldown contract: $name", (backend) => {
  let opened: Opened<Cooldowns>;
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(() => opened.close());

  it("lets the first use through and holds the next until the cooldown ends", async () => {
    const { state } = opened;
    expect(await state.tryCooldown("user-1", 400)).toEqual({ allowed: true });
    const held = await state.tryCooldown("user-1", 400);
    expect(held.allowed).toBe(false);
    const waitMs = held.allowed ? 0 : held.waitMs;
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(400);
    expect(await state.tryCooldown("user-2", 400)).toEqual({ allowed: true });
    await sleep(450);
    expect(await state.tryCooldown("user-1", 400)).toEqual({ allowed: true });
  });

  it("never holds anyone with a cooldown of 0", async () => {
    const { state } = opened;
    expect(await state.tryCooldown("user-1", 0)).toEqual({ allowed: true });
    expect(await state.tryCooldown("user-1", 0)).toEqual({ allowed: true });
  });

  it("lets exactly one of many simultaneous uses through, across handles", async () => {
    const other = await opened.another();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? other : opened.state).tryCooldown("user-9", 5_000)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(1);
  });
});

describe.each(currentBackends)("current article contract: $name", (backend) => {
  let opened: Opened<CurrentArticles>;
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(() => opened.close());

  it("keeps one current article per channel of each server, the last one set", async () => {
    const { state } = opened;
    expect(await state.getCurrent("g", "chan-1")).toBeUndefined();
    await state.setCurrent("g", "chan-1", "harbour-fares");
    await state.setCurrent("g", "chan-2", "night-ferry");
    await state.setCurrent("g", "chan-2", "tide-tables");
    expect(await state.getCurrent("g", "chan-1")).toBe("harbour-fares");
    expect(await state.getCurrent("g", "chan-2")).toBe("tide-tables");
    expect(await state.getCurrent("other", "chan-1")).toBeUndefined();
  });

  it("shows another handle what one handle set", async () => {
    const other = await opened.another();
    await opened.state.setCurrent("g", "chan-1", "harbour-fares");
    expect(await other.getCurrent("g", "chan-1")).toBe("harbour-fares");
  });
});

describe("memory cooldowns", () => {
  it("count from the clock they are given", async () => {
    let now = 1_000;
    const state = new MemorySharedState(() => now);
    expect(await state.tryCooldown("u", 1_000)).toEqual({ allowed: true });
    now = 1_250;
    expect(await state.tryCooldown("u", 1_000)).toEqual({ allowed: false, waitMs: 750 });
    now = 2_000;
    expect(await state.tryCooldown("u", 1_000)).toEqual({ allowed: true });
  });
});

if (redisUp)
  describe("Redis state", () => {
    it("keeps its keys under its prefix and clears only them", async () => {
      const keyPrefix = `${runName("prefix")}:`;
      prefixes.push(keyPrefix);
      const state = await RedisSharedState.open({ url: TEST_REDIS_URL, keyPrefix, reconnect: false });
      const neighbour = await RedisSharedState.open({
        url: TEST_REDIS_URL,
        keyPrefix: `${keyPrefix}other:`,
        reconnect: false,
      });
      await state.setCurrent("g", "c", "harbour-fares");
      await state.tryCooldown("u", 60_000);
      await neighbour.setCurrent("g", "c", "night-ferry");
      expect((await state.client.keys(`${keyPrefix}*`)).sort()).toEqual([
        `${keyPrefix}cooldown:u`,
        `${keyPrefix}current:g:c`,
        `${keyPrefix}other:current:g:c`,
      ]);
      expect(await neighbour.clear()).toBe(1);
      expect(await state.getCurrent("g", "c")).toBe("harbour-fares");
      expect(await state.clear()).toBe(2);
      await state.close();
      await neighbour.close();
    });

    it("rejects at open when Redis does not answer", async () => {
      await expect(
        RedisSharedState.open({ url: "redis://127.0.0.1:1", keyPrefix: runName("absent"), reconnect: false }),
      ).rejects.toThrow(/ECONNREFUSED/);
    });
  });
