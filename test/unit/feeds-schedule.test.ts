// When a daily digest is posted: in its hour in the server's time zone, within the first minutes of it.
import { describe, expect, it } from "vitest";
import type { Feed } from "../../src/feeds/feed-store.ts";
import { digestDue, FeedScheduler, localTime } from "../../src/feeds/scheduler.ts";

const feed = (overrides: Partial<Feed>): Feed => ({
  serverId: "g",
  id: "f1",
  url: "http://127.0.0.1/feed.xml",
  title: "Feed",
  channelId: "c",
  digest: "daily",
  digestHour: 8,
  timeZone: "Europe/London",
  addedBy: "u",
  addedAt: "2025-01-01T00:00:00.000Z",
  etag: null,
  lastModified: null,
  nextPollAt: null,
  failures: 0,
  pausedAt: null,
  lastError: null,
  lastPolledAt: null,
  intervalMs: null,
  ...overrides,
});

describe("digest schedule", () => {
  it("reads the hour in the feed's time zone, summer time included", () => {
    expect(localTime(new Date("2025-07-01T07:05:00Z"), "Europe/London")).toEqual({ hour: 8, minute: 5 });
    expect(localTime(new Date("2025-01-15T07:05:00Z"), "Europe/London")).toEqual({ hour: 7, minute: 5 });
    expect(localTime(new Date("2025-01-15T07:05:00Z"), null)).toEqual({ hour: 7, minute: 5 });
    expect(localTime(new Date("2025-01-15T23:30:00Z"), "Asia/Tokyo")).toEqual({ hour: 8, minute: 30 });
  });

  it("is due in the first ten minutes of its hour, and never for an each-item feed", () => {
    expect(digestDue(feed({}), new Date("2025-07-01T07:00:00Z"))).toBe(true);
    expect(digestDue(feed({}), new Date("2025-07-01T07:09:59Z"))).toBe(true);
    expect(digestDue(feed({}), new Date("2025-07-01T07:10:00Z"))).toBe(false);
    expect(digestDue(feed({}), new Date("2025-01-15T07:00:00Z"))).toBe(false);
    expect(digestDue(feed({}), new Date("2025-01-15T08:00:00Z"))).toBe(true);
    expect(digestDue(feed({ digest: "each" }), new Date("2025-01-15T08:00:00Z"))).toBe(false);
  });

  it("polls what is due on each tick, then posts the digests whose hour it is, and logs a failed tick", async () => {
    const calls: string[] = [];
    const feeds = [feed({ id: "daily" }), feed({ id: "each", digest: "each" })];
    const poller = {
      pollDue: async () => {
        calls.push("pollDue");
        return [];
      },
      post: async (f: Feed) => {
        calls.push(`post ${f.id}`);
        return [];
      },
    };
    const store = { allFeeds: async () => feeds };
    const warnings: string[] = [];
    const log = { warn: (_data: object, message: string) => void warnings.push(message) };
    const at = new Date("2025-01-15T08:03:00Z");
    const scheduler = new FeedScheduler(poller as never, store as never, log, () => at);
    await scheduler.tick();
    expect(calls).toEqual(["pollDue", "post daily"]);
    poller.pollDue = async () => {
      throw new Error("database gone");
    };
    await scheduler.tick();
    expect(warnings).toEqual(["feed poll failed"]);
  });
});
