// When feeds are polled and digests posted: a croner job every minute polls the feeds that are due (each at
// its own interval, backoff or Retry-After), and posts each daily digest in the hour its server chose, in the
// server's time zone. `protect` keeps a slow tick from overlapping the next.
import { createRequire } from "node:module";
import type * as Croner from "croner";
import type { Feed, FeedStore } from "./feed-store.ts";
import type { FeedPoller } from "./poller.ts";

/** A digest is posted in the first minutes of its hour (a tick may be late while a poll runs). */
const DIGEST_GRACE_MINUTES = 10;

/** The hour and minute at `at` in `timeZone` (UTC when none is given). */
export function localTime(at: Date, timeZone: string | null): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timeZone ?? "UTC",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: get("hour"), minute: get("minute") };
}

/** True when a daily digest feed is in its posting window at `at`. */
export function digestDue(feed: Feed, at: Date): boolean {
  if (feed.digest !== "daily" || feed.digestHour === null) return false;
  const { hour, minute } = localTime(at, feed.timeZone);
  return hour === feed.digestHour && minute < DIGEST_GRACE_MINUTES;
}

export interface SchedulerLog {
  warn(data: object, message: string): void;
}

export class FeedScheduler {
  private job: Croner.Cron | undefined;

  constructor(
    private readonly poller: FeedPoller,
    private readonly feeds: FeedStore,
    private readonly log: SchedulerLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One tick: poll what is due, then post the digests whose hour it is. */
  async tick(): Promise<void> {
    try {
      await this.poller.pollDue();
      const at = this.now();
      for (const feed of await this.feeds.allFeeds()) {
        if (digestDue(feed, at)) await this.poller.post(feed);
      }
    } catch (error) {
      this.log.warn({ err: error }, "feed poll failed");
    }
  }

  start(): void {
    // Required on start, not imported at the top; require() returns any: the cast names the package's own types.
    const { Cron } = createRequire(import.meta.url)("croner") as typeof Croner;
    this.job = new Cron("0 * * * * *", { protect: true, name: "citebot-feeds" }, () => this.tick());
  }

  stop(): void {
    this.job?.stop();
  }
}
