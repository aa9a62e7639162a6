// Exactly one poller per feed, however many processes (shards, HTTP workers) run the scheduler: a lease per
// feed in Redis (SET NX PX, released only by its holder) or a PostgreSQL advisory lock, and a plain in-process
// lease when there is only one process.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type pg from "pg";
import type * as Redis from "redis";

export interface FeedLease {
  /** True when this process now holds `key` (for at most `ttlMs`). */
  acquire(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryLease implements FeedLease {
  private readonly held = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async acquire(key: string, ttlMs: number): Promise<boolean> {
    const until = this.held.get(key);
    if (until !== undefined && until > this.now()) return false;
    this.held.set(key, this.now() + ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.held.delete(key);
  }

  async close(): Promise<void> {}
}

/** Deletes the key only when it still holds this holder's token (a lease that expired is not another's to lose). */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export class RedisLease implements FeedLease {
  private readonly tokens = new Map<string, string>();
  private readonly client: ReturnType<typeof Redis.createClient>;
  private readonly connected: Promise<unknown>;

  constructor(
    url: string,
    private readonly prefix = "citebot:",
  ) {
    // Required here, not imported at the top (see redis-state.ts); require() returns any: the cast names its types.
    const { createClient } = createRequire(import.meta.url)("redis") as typeof Redis;
    this.client = createClient({ url });
    this.client.on("error", () => undefined);
    this.connected = this.client.connect();
  }

  async acquire(key: string, ttlMs: number): Promise<boolean> {
    await this.connected;
    const token = randomBytes(8).toString("hex");
    const set = await this.client.set(`${this.prefix}lease:${key}`, token, { NX: true, PX: ttlMs });
    if (set !== "OK") return false;
    this.tokens.set(key, token);
    return true;
  }

  async release(key: string): Promise<void> {
    const token = this.tokens.get(key);
    if (!token) return;
    this.tokens.delete(key);
    await this.connected;
    await this.client.eval(RELEASE, { keys: [`${this.prefix}lease:${key}`], arguments: [token] });
  }

  async close(): Promise<void> {
    await this.connected.catch(() => undefined);
    if (this.client.isOpen) await this.client.close();
  }
}

/**
 * A session-level advisory lock per feed, held on its own connection until released: another process's
 * `pg_try_advisory_lock` on the same key fails meanwhile, and a process that dies drops its locks with its
 * connection. `ttlMs` is not needed: PostgreSQL ends the lock when the session ends.
 */
export class PgLease implements FeedLease {
  private readonly held = new Map<string, pg.PoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async acquire(key: string): Promise<boolean> {
    if (this.held.has(key)) return false;
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked",
        [`citebot:feed:${key}`],
      );
      if (rows[0]?.locked) {
        this.held.set(key, client);
        return true;
      }
    } catch (error) {
      client.release();
      throw error;
    }
    client.release();
    return false;
  }

  async release(key: string): Promise<void> {
    const client = this.held.get(key);
    if (!client) return;
    this.held.delete(key);
    try {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`citebot:feed:${key}`]);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    for (const key of [...this.held.keys()]) await this.release(key);
  }
}
