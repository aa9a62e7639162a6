// `citebot start` with CITEBOT_SHARDS: discord.js's ShardingManager runs one process per shard (shard-process.ts),
// each the same bot as the single-process one. This process only starts, watches and stops them.
//
// discord.js's own `manager.spawn()` starts shards strictly one after another (each waits until the one before is
// ready, then 5.5 s), whatever the gateway's `max_concurrency`, and its "auto" count always asks discord.com
// (not DISCORD_API_BASE). So the count and the limits come from GET /gateway/bot here, and shards start in rounds
// of `max_concurrency` (each shard of a round has its own rate-limit key, `shard_id % max_concurrency`), one
// round per identify window. A shard whose process dies is started again (`respawn: true`).
import type { ChildProcess } from "node:child_process";
import type { Worker } from "node:worker_threads";
import { DiscordAPIError, REST, Routes, type Shard, ShardingManager } from "discord.js";
import type { Logger } from "pino";
import { z } from "zod";
import type { Io } from "../app/io.ts";
import { createLogger } from "../app/logger.ts";
import { openArticleStore } from "../app/open-articles.ts";
import { type BotConfig, type Config, requireBotConfig } from "../config.ts";
import { loadLibrary } from "../files/folder-library.ts";
import { entryExecArgv, entryModule } from "../runtime-entry.ts";

/** Discord allows `max_concurrency` identifies per this window (plus a margin, as discord.js keeps). */
export const IDENTIFY_WINDOW_MS = 5_500;
/** How long a shard may take from spawn to ready before it is reported (it keeps running). */
const SHARD_READY_TIMEOUT_MS = 120_000;
/** How long stopping shards may take before they are killed. */
const STOP_GRACE_MS = 10_000;
/** A shard that dies this often within CRASH_WINDOW_MS stops the whole bot instead of restarting forever. */
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;

/** What GET /gateway/bot says about starting sessions. */
export interface GatewayLimits {
  /** Discord's recommended shard count. */
  shards: number;
  maxConcurrency: number;
  /** Session starts left before `resetAfterMs`. */
  remaining: number;
  resetAfterMs: number;
}

/** What GET /gateway/bot answers (the fields read here). */
const gatewayBotResponse = z.object({
  shards: z.number(),
  session_start_limit: z.object({
    total: z.number(),
    remaining: z.number(),
    reset_after: z.number(),
    max_concurrency: z.number(),
  }),
});

export async function fetchGatewayLimits(config: BotConfig): Promise<GatewayLimits> {
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const body = gatewayBotResponse.parse(await rest.get(Routes.gatewayBot()));
  const limit = body.session_start_limit;
  return {
    shards: Math.max(1, body.shards),
    maxConcurrency: Math.max(1, limit.max_concurrency),
    remaining: limit.remaining,
    resetAfterMs: limit.reset_after,
  };
}

/** The start order: rounds of at most `maxConcurrency` shards, `[[0, 1], [2, 3], [4]]` for 5 shards at 2. */
export function spawnRounds(count: number, maxConcurrency: number): number[][] {
  const rounds: number[][] = [];
  for (let first = 0; first < count; first += maxConcurrency) {
    rounds.push(Array.from({ length: Math.min(maxConcurrency, count - first) }, (_, i) => first + i));
  }
  return rounds;
}

/** The file each shard's process runs: its source through tsx, or its build with plain node (runtime-entry.ts). */
export function shardEntry(): { file: string; execArgv: string[] } {
  return { file: entryModule("src/discord/shard-process.ts"), execArgv: entryExecArgv() };
}

/** The pid and exit of a shard's process (mode "process"; a worker thread has neither). */
function processOf(child: ChildProcess | Worker) {
  if (!("pid" in child)) return {};
  return { pid: child.pid, code: child.exitCode, signal: child.signalCode };
}

/** Each shard's deaths within a sliding window, so a shard that cannot start is not restarted forever. */
export class RecentDeaths {
  private readonly times = new Map<number, number[]>();
  constructor(private readonly windowMs: number) {}

  /** Records a death of `shard` at `now`; returns how many it had within the window, this one included. */
  record(shard: number, now: number): number {
    const recent = [...(this.times.get(shard) ?? []), now].filter((at) => now - at < this.windowMs);
    this.times.set(shard, recent);
    return recent.length;
  }
}

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runShards(config: Config, io: Io): Promise<number> {
  const logger = createLogger(config.LOG_LEVEL).child({ role: "shard-manager" });
  const bot = requireBotConfig(config);
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandledRejection"));
  const fail = (message: string) => {
    logger.fatal({ reason: message }, "the shards were not started");
    io.stderr.write(`citebot: ${message}\n`);
    return 1;
  };

  // A library with no valid article fails here, once, as it does without shards (not in every shard, forever).
  loadLibrary(bot.ARTICLES_DIR);
  // Migrate the article store once here, so shards starting together do not race to create its tables.
  try {
    const opened = openArticleStore(bot);
    try {
      await opened.ready;
    } finally {
      await opened.store.close();
    }
  } catch (error) {
    return fail(`the article store is not reachable: ${describeError(error)}`);
  }

  let limits: GatewayLimits;
  try {
    limits = await fetchGatewayLimits(bot);
  } catch (error) {
    const refused = error instanceof DiscordAPIError && error.status === 401;
    return fail(
      refused
        ? "Discord refused the token: check DISCORD_TOKEN"
        : `could not ask Discord for the gateway: ${describeError(error)}`,
    );
  }
  const count =
    bot.CITEBOT_SHARDS === "auto" || bot.CITEBOT_SHARDS === undefined ? limits.shards : bot.CITEBOT_SHARDS;
  const entry = shardEntry();
  const manager = new ShardingManager(entry.file, {
    totalShards: count,
    shardList: Array.from({ length: count }, (_, i) => i),
    mode: "process",
    respawn: true,
    execArgv: entry.execArgv,
    token: bot.DISCORD_TOKEN,
  });
  logger.info({ shards: count, maxConcurrency: limits.maxConcurrency }, "starting shards");

  return await new Promise<number>((resolve) => {
    let stopping = false;
    const pause = new AbortController();
    const deaths = new RecentDeaths(CRASH_WINDOW_MS);

    const shutdown = (reason: string, code: number) => {
      if (stopping) return;
      stopping = true;
      pause.abort();
      manager.respawn = false;
      logger.info({ reason }, "stopping shards");
      void stopShards([...manager.shards.values()], logger).then(() => {
        logger.info("stopped");
        resolve(code);
      });
    };
    process.once("SIGINT", () => shutdown("SIGINT", 0));
    process.once("SIGTERM", () => shutdown("SIGTERM", 0));

    manager.on("shardCreate", (shard: Shard) => {
      const log = logger.child({ shard: shard.id });
      shard.on("spawn", (child: ChildProcess | Worker) =>
        log.info({ pid: processOf(child).pid }, "shard process started"),
      );
      shard.on("ready", () => log.info("shard ready"));
      shard.on("error", (error: unknown) =>
        log.warn({ reason: describeError(error) }, "shard did not start"),
      );
      shard.on("death", (child: ChildProcess | Worker) => {
        const { pid, code, signal } = processOf(child);
        if (stopping) {
          log.info({ pid, code }, "shard process stopped");
          return;
        }
        log.warn({ pid, code, signal }, "shard process died; starting it again");
        const recent = deaths.record(shard.id, Date.now());
        if (recent >= CRASH_LIMIT) {
          log.fatal({ deaths: recent }, "shard keeps dying; stopping the bot");
          io.stderr.write(`citebot: shard ${shard.id} died ${recent} times in a minute; stopping.\n`);
          // After this handler discord.js starts it once more; the shutdown stops that process too.
          setImmediate(() => shutdown("crash loop", 1));
        }
      });
    });

    spawnAll(manager, count, limits, pause.signal, logger).then(
      (ready) => {
        if (!stopping) logger.info({ shards: count, ready }, "shards started");
      },
      (error: unknown) => {
        if (stopping) return;
        logger.fatal({ reason: describeError(error) }, "the shards were not started");
        io.stderr.write(`citebot: the shards were not started: ${describeError(error)}\n`);
        shutdown("spawn failed", 1);
      },
    );
  });
}

/** Starts every shard, a round of `maxConcurrency` per identify window; resolves with how many became ready. */
async function spawnAll(
  manager: ShardingManager,
  count: number,
  limits: GatewayLimits,
  signal: AbortSignal,
  logger: Logger,
): Promise<number> {
  if (limits.remaining < count) {
    logger.warn(
      { remaining: limits.remaining, shards: count, waitMs: limits.resetAfterMs },
      "too few session starts left today; waiting for Discord's limit to reset",
    );
    await sleep(limits.resetAfterMs, signal);
  }
  let ready = 0;
  const rounds = spawnRounds(count, limits.maxConcurrency);
  for (const [index, round] of rounds.entries()) {
    if (signal.aborted) break;
    if (index > 0) logger.debug({ shards: round }, "next round of shards");
    const started = round.map((id) =>
      manager
        .createShard(id)
        .spawn(SHARD_READY_TIMEOUT_MS)
        .then(
          () => 1,
          // Reported by the shard's own listeners; a dead one is started again by discord.js.
          () => 0,
        ),
    );
    const results = await Promise.all(started);
    ready += results.reduce<number>((sum, n) => sum + n, 0);
    // The next round may identify only a whole window after this one did. Ready comes after identify, so the
    // window counts from ready: counted from the spawn, a round slow to boot would leave the next one less.
    if (index < rounds.length - 1) await sleep(IDENTIFY_WINDOW_MS, signal);
  }
  return ready;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** SIGTERM to every shard process (each closes its gateway and stores), SIGKILL to any still there after the grace. */
async function stopShards(shards: Shard[], logger: Logger): Promise<void> {
  await Promise.all(
    shards.map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const killed = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_GRACE_MS).unref()),
      ]);
      if (killed) {
        logger.warn({ shard: shard.id, pid: child.pid }, "shard did not stop in time; killing it");
        child.kill("SIGKILL");
        await exited;
      }
    }),
  );
}
