// Where feeds and the items they brought are kept: the same database as the articles (the SQLite file under
// CITEBOT_DATA_DIR), so the CLI and the bot see the same feeds.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";

export type DigestMode = "each" | "daily";

export interface Feed {
  serverId: string;
  id: string;
  url: string;
  title: string | null;
  /** Where its cards are posted (a Discord channel id); null from the CLI. */
  channelId: string | null;
  digest: DigestMode;
  /** For a daily digest: the hour (0–23) in `timeZone`. */
  digestHour: number | null;
  timeZone: string | null;
  addedBy: string;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string | null;
  failures: number;
  pausedAt: string | null;
  lastError: string | null;
  lastPolledAt: string | null;
  /** How long to wait between polls, as the feed last asked (ttl, sy:updatePeriod) or the default. */
  intervalMs: number | null;
}

export type FeedState = Pick<
  Feed,
  | "title"
  | "etag"
  | "lastModified"
  | "nextPollAt"
  | "failures"
  | "pausedAt"
  | "lastError"
  | "lastPolledAt"
  | "intervalMs"
>;

export interface NewFeed {
  serverId: string;
  url: string;
  title: string | null;
  channelId: string | null;
  digest: DigestMode;
  digestHour: number | null;
  timeZone: string | null;
  addedBy: string;
}

export type ItemStatus = "added" | "duplicate" | "failed" | "refused" | "pending";

export interface FeedItemRecord {
  serverId: string;
  feedId: string;
  guid: string;
  status: ItemStatus;
  articleId: string | null;
  title: string | null;
  url: string | null;
  detail: string | null;
  seenAt: string;
  postedAt: string | null;
}

export class FeedLimitError extends Error {
  constructor(readonly limit: number) {
    super(`this server already follows ${limit} feeds, the most it may; remove one first`);
    this.name = "FeedLimitError";
  }
}

/** What settling an item writes: how the poll ended for it. */
export type SettledItem = Pick<
  FeedItemRecord,
  "serverId" | "feedId" | "guid" | "status" | "articleId" | "title" | "url" | "detail"
>;

/** A new feed's INSERT values, in the column order both stores write. */
const feedInsert = (feed: NewFeed, id: string, now: Date) =>
  [
    feed.serverId,
    id,
    feed.url,
    feed.title,
    feed.channelId,
    feed.digest,
    feed.digestHour,
    feed.timeZone,
    feed.addedBy,
    now.toISOString(),
  ] as const;

/** The UPDATE's values in both stores' order: the outcome, then the item's key. */
const itemUpdate = (r: SettledItem) =>
  [r.status, r.articleId, r.title, r.url, r.detail, r.serverId, r.feedId, r.guid] as const;

export interface FeedStore {
  /** Subscribes; the same URL twice returns the feed already there. Throws FeedLimitError. */
  addFeed(feed: NewFeed, maxFeeds: number): Promise<{ status: "added" | "duplicate"; feed: Feed }>;
  getFeed(serverId: string, id: string): Promise<Feed | undefined>;
  listFeeds(serverId: string): Promise<Feed[]>;
  /** Every server's feeds (what a poller reads). */
  allFeeds(): Promise<Feed[]>;
  /** The feed goes; the articles it added stay in the library. */
  removeFeed(serverId: string, id: string): Promise<boolean>;
  updateFeed(serverId: string, id: string, state: Partial<FeedState>): Promise<void>;
  /**
   * Claims an item for this poll: true when no poll has seen its guid before. Two pollers racing for one item
   * get one true between them, so an item is added and posted once.
   */
  claimItem(serverId: string, feedId: string, guid: string, seenAt: string): Promise<boolean>;
  settleItem(record: SettledItem): Promise<void>;
  markPosted(serverId: string, feedId: string, guids: string[], at: string): Promise<void>;
  /** How many articles feeds added to the server since the time given (the daily limit). */
  addedSince(serverId: string, since: string): Promise<number>;
  /** Items added but not yet posted (a daily digest's). */
  unposted(serverId: string, feedId: string): Promise<FeedItemRecord[]>;
}

/** A short stable id for a feed: its URL's hash. */
export function feedId(url: string): string {
  return createHash("sha1").update(url).digest("hex").slice(0, 8);
}

interface FeedRow {
  server_id: string;
  id: string;
  url: string;
  title: string | null;
  channel_id: string | null;
  digest: DigestMode;
  digest_hour: number | null;
  time_zone: string | null;
  added_by: string;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  failures: number;
  paused_at: string | null;
  last_error: string | null;
  last_polled_at: string | null;
  interval_ms: number | null;
}

interface ItemRow {
  server_id: string;
  feed_id: string;
  guid: string;
  status: ItemStatus;
  article_id: string | null;
  title: string | null;
  url: string | null;
  detail: string | null;
  seen_at: string;
  posted_at: string | null;
}

function itemOf(r: ItemRow): FeedItemRecord {
  return {
    serverId: r.server_id,
    feedId: r.feed_id,
    guid: r.guid,
    status: r.status,
    articleId: r.article_id,
    title: r.title,
    url: r.url,
    detail: r.detail,
    seenAt: r.seen_at,
    postedAt: r.posted_at,
  };
}

function feedOf(row: FeedRow): Feed {
  return {
    serverId: row.server_id,
    id: row.id,
    url: row.url,
    title: row.title,
    channelId: row.channel_id,
    digest: row.digest,
    digestHour: row.digest_hour,
    timeZone: row.time_zone,
    addedBy: row.added_by,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: row.next_poll_at,
    failures: row.failures,
    pausedAt: row.paused_at,
    lastError: row.last_error,
    lastPolledAt: row.last_polled_at,
    intervalMs: row.interval_ms,
  };
}

const STATE_COLUMNS: Record<keyof FeedState, string> = {
  title: "title",
  etag: "etag",
  lastModified: "last_modified",
  nextPollAt: "next_poll_at",
  failures: "failures",
  pausedAt: "paused_at",
  lastError: "last_error",
  lastPolledAt: "last_polled_at",
  intervalMs: "interval_ms",
};

function isStateKey(key: string): key is keyof FeedState {
  return Object.hasOwn(STATE_COLUMNS, key);
}

/** The state's fields that are set, each as its column and new value. */
function stateAssignments(state: Partial<FeedState>): [column: string, value: string | number | null][] {
  const assignments: [string, string | number | null][] = [];
  for (const key of Object.keys(state)) {
    if (!isStateKey(key)) continue;
    const value = state[key];
    if (value !== undefined) assignments.push([STATE_COLUMNS[key], value]);
  }
  return assignments;
}

/** Feeds in the SQLite article database (its migrations create the tables). */
export class SqliteFeedStore implements FeedStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addFeed(feed: NewFeed, maxFeeds: number): Promise<{ status: "added" | "duplicate"; feed: Feed }> {
    return this.db.transaction(() => {
      const existing = this.db
        .prepare<[serverId: string, url: string], FeedRow>(
          "SELECT * FROM feeds WHERE server_id = ? AND url = ?",
        )
        .get(feed.serverId, feed.url);
      if (existing) return { status: "duplicate" as const, feed: feedOf(existing) };
      const count =
        this.db
          .prepare<[serverId: string], { n: number }>("SELECT COUNT(*) AS n FROM feeds WHERE server_id = ?")
          .get(feed.serverId)?.n ?? 0;
      if (count >= maxFeeds) throw new FeedLimitError(maxFeeds);
      let id = feedId(feed.url);
      for (
        let n = 2;
        this.db.prepare("SELECT 1 FROM feeds WHERE server_id = ? AND id = ?").get(feed.serverId, id);
        n++
      )
        id = `${feedId(feed.url)}-${n}`;
      this.db
        .prepare(
          `INSERT INTO feeds (server_id, id, url, title, channel_id, digest, digest_hour, time_zone, added_by, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...feedInsert(feed, id, this.now()));
      const row = this.feedRow(feed.serverId, id);
      if (!row) throw new Error(`feed ${id} was inserted but cannot be read back`);
      return { status: "added" as const, feed: feedOf(row) };
    })();
  }

  private feedRow(serverId: string, id: string): FeedRow | undefined {
    return this.db
      .prepare<[serverId: string, id: string], FeedRow>("SELECT * FROM feeds WHERE server_id = ? AND id = ?")
      .get(serverId, id);
  }

  async getFeed(serverId: string, id: string): Promise<Feed | undefined> {
    const row = this.feedRow(serverId, id);
    return row ? feedOf(row) : undefined;
  }

  async listFeeds(serverId: string): Promise<Feed[]> {
    const rows = this.db
      .prepare<[serverId: string], FeedRow>("SELECT * FROM feeds WHERE server_id = ? ORDER BY added_at, id")
      .all(serverId);
    return rows.map(feedOf);
  }

  async allFeeds(): Promise<Feed[]> {
    return this.db
      .prepare<[], FeedRow>("SELECT * FROM feeds ORDER BY server_id, added_at, id")
      .all()
      .map(feedOf);
  }

  async removeFeed(serverId: string, id: string): Promise<boolean> {
    return this.db.prepare("DELETE FROM feeds WHERE server_id = ? AND id = ?").run(serverId, id).changes > 0;
  }

  async updateFeed(serverId: string, id: string, state: Partial<FeedState>): Promise<void> {
    const assignments = stateAssignments(state);
    if (assignments.length === 0) return;
    const sets = assignments.map(([column]) => `${column} = ?`).join(", ");
    this.db
      .prepare(`UPDATE feeds SET ${sets} WHERE server_id = ? AND id = ?`)
      .run(...assignments.map(([, value]) => value), serverId, id);
  }

  async claimItem(serverId: string, feedId: string, guid: string, seenAt: string): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO feed_items (server_id, feed_id, guid, status, seen_at) VALUES (?, ?, ?, 'pending', ?)
         ON CONFLICT DO NOTHING`,
      )
      .run(serverId, feedId, guid, seenAt);
    return result.changes > 0;
  }

  async settleItem(record: SettledItem): Promise<void> {
    this.db
      .prepare(
        `UPDATE feed_items SET status = ?, article_id = ?, title = ?, url = ?, detail = ?
         WHERE server_id = ? AND feed_id = ? AND guid = ?`,
      )
      .run(...itemUpdate(record));
  }

  async markPosted(serverId: string, feedId: string, guids: string[], at: string): Promise<void> {
    const mark = this.db.prepare(
      "UPDATE feed_items SET posted_at = ? WHERE server_id = ? AND feed_id = ? AND guid = ?",
    );
    this.db.transaction(() => {
      for (const guid of guids) mark.run(at, serverId, feedId, guid);
    })();
  }

  async addedSince(serverId: string, since: string): Promise<number> {
    return (
      this.db
        .prepare<[serverId: string, since: string], { n: number }>(
          "SELECT COUNT(*) AS n FROM feed_items WHERE server_id = ? AND status = 'added' AND seen_at >= ?",
        )
        .get(serverId, since)?.n ?? 0
    );
  }

  async unposted(serverId: string, feedId: string): Promise<FeedItemRecord[]> {
    const rows = this.db
      .prepare<[serverId: string, feedId: string], ItemRow>(
        `SELECT * FROM feed_items WHERE server_id = ? AND feed_id = ? AND status = 'added' AND posted_at IS NULL
         ORDER BY seen_at, guid`,
      )
      .all(serverId, feedId);
    return rows.map(itemOf);
  }
}

/**
 * Feeds in the PostgreSQL article database (DATABASE_URL; its migrations create the tables), so every process
 * sees one set of feeds; an item's claim is one INSERT … ON CONFLICT DO NOTHING, so it is won once.
 */
export class PgFeedStore implements FeedStore {
  constructor(
    private readonly pool: pg.Pool,
    /** The article store's migrations (which create the feed tables); every query waits for them. */
    private readonly ready: Promise<void> = Promise.resolve(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async rows<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, values)).rows;
  }

  async addFeed(feed: NewFeed, maxFeeds: number): Promise<{ status: "added" | "duplicate"; feed: Feed }> {
    await this.ready;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `citebot:feeds:${feed.serverId}`,
      ]);
      const existing = await client.query<FeedRow>("SELECT * FROM feeds WHERE server_id = $1 AND url = $2", [
        feed.serverId,
        feed.url,
      ]);
      if (existing.rows[0]) {
        await client.query("COMMIT");
        return { status: "duplicate", feed: feedOf(existing.rows[0]) };
      }
      const count = await client.query<{ n: number }>(
        "SELECT COUNT(*)::int AS n FROM feeds WHERE server_id = $1",
        [feed.serverId],
      );
      if ((count.rows[0]?.n ?? 0) >= maxFeeds) throw new FeedLimitError(maxFeeds);
      let id = feedId(feed.url);
      for (let n = 2; ; n++) {
        const taken = await client.query("SELECT 1 FROM feeds WHERE server_id = $1 AND id = $2", [
          feed.serverId,
          id,
        ]);
        if (taken.rowCount === 0) break;
        id = `${feedId(feed.url)}-${n}`;
      }
      const inserted = await client.query<FeedRow>(
        `INSERT INTO feeds (server_id, id, url, title, channel_id, digest, digest_hour, time_zone, added_by, added_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [...feedInsert(feed, id, this.now())],
      );
      await client.query("COMMIT");
      const added = inserted.rows[0];
      if (!added) throw new Error(`feed ${id} was inserted but not returned`);
      return { status: "added", feed: feedOf(added) };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getFeed(serverId: string, id: string): Promise<Feed | undefined> {
    await this.ready;
    const [row] = await this.rows<FeedRow>("SELECT * FROM feeds WHERE server_id = $1 AND id = $2", [
      serverId,
      id,
    ]);
    return row ? feedOf(row) : undefined;
  }

  async listFeeds(serverId: string): Promise<Feed[]> {
    await this.ready;
    return (
      await this.rows<FeedRow>("SELECT * FROM feeds WHERE server_id = $1 ORDER BY added_at, id", [serverId])
    ).map(feedOf);
  }

  async allFeeds(): Promise<Feed[]> {
    await this.ready;
    return (await this.rows<FeedRow>("SELECT * FROM feeds ORDER BY server_id, added_at, id")).map(feedOf);
  }

  async removeFeed(serverId: string, id: string): Promise<boolean> {
    await this.ready;
    return (
      ((await this.pool.query("DELETE FROM feeds WHERE server_id = $1 AND id = $2", [serverId, id]))
        .rowCount ?? 0) > 0
    );
  }

  async updateFeed(serverId: string, id: string, state: Partial<FeedState>): Promise<void> {
    await this.ready;
    const assignments = stateAssignments(state);
    if (assignments.length === 0) return;
    const sets = assignments.map(([column], i) => `${column} = $${i + 1}`).join(", ");
    const n = assignments.length;
    await this.pool.query(`UPDATE feeds SET ${sets} WHERE server_id = $${n + 1} AND id = $${n + 2}`, [
      ...assignments.map(([, value]) => value),
      serverId,
      id,
    ]);
  }

  async claimItem(serverId: string, feedId: string, guid: string, seenAt: string): Promise<boolean> {
    await this.ready;
    const result = await this.pool.query(
      `INSERT INTO feed_items (server_id, feed_id, guid, status, seen_at) VALUES ($1, $2, $3, 'pending', $4)
       ON CONFLICT DO NOTHING`,
      [serverId, feedId, guid, seenAt],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async settleItem(record: SettledItem): Promise<void> {
    await this.ready;
    await this.pool.query(
      `UPDATE feed_items SET status = $1, article_id = $2, title = $3, url = $4, detail = $5
       WHERE server_id = $6 AND feed_id = $7 AND guid = $8`,
      [...itemUpdate(record)],
    );
  }

  async markPosted(serverId: string, feedId: string, guids: string[], at: string): Promise<void> {
    await this.ready;
    await this.pool.query(
      "UPDATE feed_items SET posted_at = $1 WHERE server_id = $2 AND feed_id = $3 AND guid = ANY($4)",
      [at, serverId, feedId, guids],
    );
  }

  async addedSince(serverId: string, since: string): Promise<number> {
    await this.ready;
    const [row] = await this.rows<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM feed_items WHERE server_id = $1 AND status = 'added' AND seen_at >= $2",
      [serverId, since],
    );
    return row?.n ?? 0;
  }

  async unposted(serverId: string, feedId: string): Promise<FeedItemRecord[]> {
    await this.ready;
    const rows = await this.rows<ItemRow>(
      `SELECT * FROM feed_items WHERE server_id = $1 AND feed_id = $2 AND status = 'added' AND posted_at IS NULL
       ORDER BY seen_at, guid`,
      [serverId, feedId],
    );
    return rows.map(itemOf);
  }
}
