// State that every process serving the bot must agree on: per-user cooldowns and each channel's current
// article. In memory for one process; Redis (redis-state.ts) when several share the work.
import type { ArticleStore } from "./article-store.ts";

export type CooldownResult = { allowed: true } | { allowed: false; waitMs: number };

export interface Cooldowns {
  /** Starts a cooldown of `ms` on `key` unless one is running; then says how long it still runs. */
  tryCooldown(key: string, ms: number): Promise<CooldownResult>;
}

export interface CurrentArticles {
  setCurrent(serverId: string, channelId: string, articleId: string): Promise<void>;
  getCurrent(serverId: string, channelId: string): Promise<string | undefined>;
}

export interface SharedState extends Cooldowns, CurrentArticles {
  close(): Promise<void>;
}

/** Above this many entries, expired cooldowns are swept and the oldest current articles dropped. */
const MEMORY_CAPACITY = 50_000;

export class MemorySharedState implements SharedState {
  private readonly until = new Map<string, number>();
  private readonly current = new Map<string, string>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  async tryCooldown(key: string, ms: number): Promise<CooldownResult> {
    if (ms <= 0) return { allowed: true };
    const now = this.now();
    const ends = this.until.get(key);
    if (ends !== undefined && ends > now) return { allowed: false, waitMs: ends - now };
    this.until.set(key, now + ms);
    if (this.until.size > MEMORY_CAPACITY) {
      for (const [k, at] of this.until) if (at <= now) this.until.delete(k);
    }
    return { allowed: true };
  }

  async setCurrent(serverId: string, channelId: string, articleId: string): Promise<void> {
    const key = `${serverId}\u0000${channelId}`;
    this.current.delete(key);
    this.current.set(key, articleId);
    const oldest = this.current.keys().next();
    if (this.current.size > MEMORY_CAPACITY && !oldest.done) this.current.delete(oldest.value);
  }

  async getCurrent(serverId: string, channelId: string): Promise<string | undefined> {
    return this.current.get(`${serverId}\u0000${channelId}`);
  }

  async close(): Promise<void> {
    this.until.clear();
    this.current.clear();
  }
}

/** Current articles kept in the article store's own table (they outlive a restart with SQLite or PostgreSQL). */
export function storeCurrentArticles(store: ArticleStore): CurrentArticles {
  return {
    setCurrent: (serverId, channelId, articleId) => store.setChannelArticle(serverId, channelId, articleId),
    getCurrent: (serverId, channelId) => store.getChannelArticle(serverId, channelId),
  };
}
