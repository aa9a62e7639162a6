// Cooldowns and current articles in Redis (REDIS_URL), shared by every process and machine serving the bot.
// A cooldown is one `SET key NX PX ms`: whoever sets it first wins, and Redis expires it.
import { createRequire } from "node:module";
import type * as Redis from "redis";
import type { CooldownResult, SharedState } from "./shared-state.ts";

/** A channel's current article is forgotten after this long without being set again. */
const CURRENT_TTL_SECONDS = 90 * 24 * 3600;
const COMMAND_TIMEOUT_MS = 2_000;

export interface RedisStateOptions {
  url: string;
  /** Prepended to every key, so several bots (or test runs) can share one Redis. */
  keyPrefix?: string | undefined;
  /** Told of connection errors (the client reconnects by itself). */
  onError?: ((error: Error) => void) | undefined;
  /** Tests: give up at once instead of reconnecting. */
  reconnect?: boolean | undefined;
}

function makeClient(options: RedisStateOptions) {
  // Required here, not imported at the top: the client library takes a noticeable part of a second to load, and
  // a process without REDIS_URL never needs it. require() returns any: the cast names the package's own types.
  const { createClient } = createRequire(import.meta.url)("redis") as typeof Redis;
  return createClient({
    url: options.url,
    // A command waits at most this long, queued or sent: a Redis outage fails requests instead of hanging them.
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: 5_000,
      ...(options.reconnect === false ? { reconnectStrategy: false as const } : {}),
    },
  });
}

type Client = ReturnType<typeof makeClient>;

export class RedisSharedState implements SharedState {
  private constructor(
    readonly client: Client,
    readonly keyPrefix: string,
    /** Settles when the first connection is up; commands sent before it wait in the client's queue. */
    readonly ready: Promise<void>,
  ) {
    ready.catch(() => undefined);
  }

  /** Returns at once and connects in the background (see `ready`). */
  static connect(options: RedisStateOptions): RedisSharedState {
    const client = makeClient(options);
    client.on("error", (error: Error) => options.onError?.(error));
    const ready = client.connect().then(() => undefined);
    return new RedisSharedState(client, options.keyPrefix ?? "citebot:", ready);
  }

  /** Connects; rejects (with the client closed) when Redis cannot be reached. */
  static async open(options: RedisStateOptions): Promise<RedisSharedState> {
    const state = RedisSharedState.connect(options);
    try {
      await state.ready;
    } catch (error) {
      state.client.destroy();
      throw error;
    }
    return state;
  }

  private currentKey(serverId: string, channelId: string): string {
    return `${this.keyPrefix}current:${serverId}:${channelId}`;
  }

  async tryCooldown(key: string, ms: number): Promise<CooldownResult> {
    if (ms <= 0) return { allowed: true };
    const redisKey = `${this.keyPrefix}cooldown:${key}`;
    // Twice at most: the running cooldown may expire between the SET and the PTTL.
    for (let attempt = 0; attempt < 2; attempt++) {
      const set = await this.client.set(redisKey, "1", {
        condition: "NX",
        expiration: { type: "PX", value: Math.ceil(ms) },
      });
      if (set === "OK") return { allowed: true };
      const left = await this.client.pTTL(redisKey);
      if (left > 0) return { allowed: false, waitMs: left };
    }
    return { allowed: true };
  }

  async setCurrent(serverId: string, channelId: string, articleId: string): Promise<void> {
    await this.client.set(this.currentKey(serverId, channelId), articleId, {
      expiration: { type: "EX", value: CURRENT_TTL_SECONDS },
    });
  }

  async getCurrent(serverId: string, channelId: string): Promise<string | undefined> {
    return (await this.client.get(this.currentKey(serverId, channelId))) ?? undefined;
  }

  /** Deletes every key under the prefix (tests clean up their run's keys with it). */
  async clear(): Promise<number> {
    let removed = 0;
    for await (const keys of this.client.scanIterator({ MATCH: `${this.keyPrefix}*`, COUNT: 500 })) {
      if (keys.length > 0) removed += await this.client.del(keys);
    }
    return removed;
  }

  async close(): Promise<void> {
    // A client still trying to reach Redis is dropped; a connected one finishes what it sent.
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }
}
