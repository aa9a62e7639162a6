// Two routers that share one state enforce one cooldown: two processes opened from the same config, each with
// its own Redis connection (REDIS_URL), as two shards or two HTTP workers are; and two routers in one process
// on the memory state.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type OpenArticles, openArticleService } from "../src/app/open-articles.ts";
import { readConfig } from "../src/config.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { loadCommands } from "../src/interactions/command.ts";
import type { InteractionInput } from "../src/interactions/handler.ts";
import { type RoutedReply, routeInteraction } from "../src/interactions/route.ts";
import { routeDepsFor } from "../src/interactions/route-deps.ts";
import { RedisSharedState } from "../src/store/redis-state.ts";
import { MemorySharedState } from "../src/store/shared-state.ts";
import { cardOf } from "./card-view.ts";
import { SEEDS } from "./helpers.ts";
import { runName, TEST_REDIS_URL } from "./services.ts";

const redisUp = inject("storeServices").redis;
const dirs: string[] = [];
const keyPrefix = `${runName("cooldown")}:`;
const silent = pino({ level: "silent" });

afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (!redisUp) return;
  const scoped = await RedisSharedState.open({ url: TEST_REDIS_URL, keyPrefix, reconnect: false });
  await scoped.clear();
  await scoped.close();
});

const who = (id: string, userId: string, serverId: string): InteractionInput => ({
  kind: "command",
  id,
  name: "who",
  options: { query: "Ombaka" },
  userId,
  place: { serverId, channelId: "400000000000000001" },
});

const noteOf = (reply: RoutedReply) => (reply.type === "message" ? reply.data.content : undefined);
const titleOf = (reply: RoutedReply) => (reply.type === "message" ? cardOf(reply.data).title : undefined);

type Backend = { name: string; env: Record<string, string> };
const backends: Backend[] = [
  { name: "memory, one process", env: {} },
  ...(redisUp
    ? [{ name: "Redis, two processes", env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: keyPrefix } }]
    : []),
];

describe.each(backends)("one cooldown across two routers: $name", ({ env }) => {
  it("holds a user's second command on the other router, and lets another user through", async () => {
    const config = readConfig({ ...env, COMMAND_COOLDOWN_MS: "60000" });
    const library = loadLibrary(SEEDS);
    const commands = await loadCommands();
    const opened: OpenArticles[] = [];
    const router = async (shared?: MemorySharedState) => {
      const dir = mkdtempSync(join(tmpdir(), "citebot-cooldown-"));
      dirs.push(dir);
      const services = openArticleService({ ...config, CITEBOT_DATA_DIR: dir }, library);
      opened.push(services);
      await services.ready();
      const deps = routeDepsFor({
        config,
        library,
        commands,
        articles: services.service,
        cooldowns: shared ?? services.shared,
        logger: silent,
      });
      return (input: InteractionInput) => routeInteraction(input, deps);
    };
    // With Redis each router has its own connection; in memory two routers share one object.
    const memory = env.REDIS_URL ? undefined : new MemorySharedState();
    const [first, second] = [await router(memory), await router(memory)];
    try {
      const user = `${Date.now()}`;
      expect(titleOf(await first(who("1", user, "500000000000000001")))).toBe("Who: Jack Ombaka");
      // Another server, another process: the same user still waits.
      const held = noteOf(await second(who("2", user, "500000000000000002")));
      const seconds = Number(/^One moment: you can ask again in (\d+\.\d) s\.$/.exec(held ?? "")?.[1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(titleOf(await second(who("3", `${user}9`, "500000000000000002")))).toBe("Who: Jack Ombaka");
    } finally {
      for (const services of opened) await services.close();
    }
  });
});
