// `npm start` with CITEBOT_SHARDS=auto against a stand-in that recommends two shards: real processes (the
// manager and one per shard), real discord.js clients, interactions routed to a guild's shard as Discord does.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { RecentDeaths, shardEntry, spawnRounds } from "../src/discord/shards.ts";
import { readyCount, startBot, stopBot } from "../support/bot-process.ts";
import {
  DiscordStandIn,
  FAKE_TOKEN,
  GUILD_ID,
  OTHER_GUILD_ID,
  shardOf,
} from "../support/discord-stand-in.ts";
import { ROOT } from "../support/fixtures.ts";
import { cardOf } from "./card-view.ts";

interface LogLine {
  msg?: string;
  shard?: number;
  role?: string;
  pid?: number;
  interactionId?: string;
  guilds?: number;
}

const STRING = 3;

function logLines(text: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // A line still being written.
    }
  }
  return lines;
}

async function waitFor(what: string, predicate: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > ms) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("shard plan", () => {
  it("starts shards in rounds of max_concurrency", () => {
    expect(spawnRounds(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(spawnRounds(2, 1)).toEqual([[0], [1]]);
    expect(spawnRounds(3, 16)).toEqual([[0, 1, 2]]);
  });

  it("counts a shard's deaths within the window only, each shard on its own", () => {
    const deaths = new RecentDeaths(60_000);
    expect([0, 10_000, 20_000].map((at) => deaths.record(1, at))).toEqual([1, 2, 3]);
    expect(deaths.record(0, 20_000)).toBe(1);
    // The deaths at 0 and 10 s have left the window.
    expect(deaths.record(1, 70_000)).toBe(2);
  });

  it("runs the shard entry from source through tsx (the build's path is runtime-entry's, tested with the build)", () => {
    const entry = shardEntry();
    expect(entry.file).toBe(join(ROOT, "src", "discord", "shard-process.ts"));
    expect(entry.execArgv[0]).toBe("--import");
    expect(entry.execArgv[1]).toMatch(/^file:\/\/.*\/tsx\/.*\.mjs$/);
  });

  it("reads CITEBOT_SHARDS as auto or a count, and refuses it with the HTTP endpoint", () => {
    expect(readConfig({}).CITEBOT_SHARDS).toBeUndefined();
    expect(readConfig({ CITEBOT_SHARDS: "Auto" }).CITEBOT_SHARDS).toBe("auto");
    expect(readConfig({ CITEBOT_SHARDS: "4" }).CITEBOT_SHARDS).toBe(4);
    expect(() => readConfig({ CITEBOT_SHARDS: "0" })).toThrow(
      "configuration: CITEBOT_SHARDS must be between 1 and 10000",
    );
    expect(() => readConfig({ CITEBOT_SHARDS: "two" })).toThrow(
      "configuration: CITEBOT_SHARDS must be auto or a number of shards",
    );
    expect(() => readConfig({ CITEBOT_SHARDS: "2", INTERACTIONS_MODE: "http" })).toThrow(
      "configuration: CITEBOT_SHARDS is for the gateway; with INTERACTIONS_MODE=http run more endpoint processes instead",
    );
  });
});

describe("two shards against the stand-in", () => {
  // max_concurrency 1: the second shard may identify only one window after the first.
  const standIn = new DiscordStandIn({ shards: 2, maxConcurrency: 1, guilds: [GUILD_ID, OTHER_GUILD_ID] });
  let bot: Awaited<ReturnType<typeof startBot>>;
  const lines = () => logLines(bot.output.text);
  const shardPids = () =>
    lines()
      .filter((l) => l.role === "shard-manager" && l.msg === "shard process started")
      .map((l) => ({ shard: l.shard as number, pid: l.pid as number }));
  const answeredBy = (interactionId: string) =>
    lines().find((l) => l.msg === "answered" && l.interactionId === interactionId)?.shard;

  const whoIn = async (guildId: string) => {
    const id = standIn.command("who", [{ name: "query", type: STRING, value: "Ombaka" }], undefined, guildId);
    const call = await standIn.callbackFor(id, 30_000);
    const body = call.body as { data: { components: unknown[] } };
    await waitFor("the answer's log line", () => answeredBy(id) !== undefined, 10_000);
    return { title: cardOf(body.data).title, shard: answeredBy(id) };
  };

  beforeAll(async () => {
    expect(shardOf(OTHER_GUILD_ID, 2)).toBe(0);
    expect(shardOf(GUILD_ID, 2)).toBe(1);
    await standIn.start();
    bot = await startBot(standIn, { CITEBOT_SHARDS: "auto" }, { readyLines: 2, timeoutMs: 150_000 });
  }, 180_000);

  afterAll(async () => {
    const pids = shardPids().map((s) => s.pid);
    const code = await stopBot(bot.child);
    await standIn.stop();
    expect(code).toBe(0);
    // Stopping the manager stops its shards.
    expect(pids.filter(alive)).toEqual([]);
    expect(bot.output.text).not.toContain("unhandledRejection");
    expect(bot.output.text).not.toContain(FAKE_TOKEN.split(".")[2]);
  }, 60_000);

  it("identifies as [0, 2] and [1, 2], one identify window apart, each shard with its own server", () => {
    expect(standIn.identified.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [first, second] = standIn.identified;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(5_000);
    const ready = lines().filter((l) => l.msg === "ready");
    expect(ready.map((l) => [l.shard, l.guilds]).sort()).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it("answers each server's commands on that server's shard", async () => {
    expect(await whoIn(OTHER_GUILD_ID)).toEqual({ title: "Who: Jack Ombaka", shard: 0 });
    expect(await whoIn(GUILD_ID)).toEqual({ title: "Who: Jack Ombaka", shard: 1 });
  });

  it("starts a killed shard's process again, and it answers its server", async () => {
    const killed = shardPids().find((s) => s.shard === 1);
    if (!killed) throw new Error("no process for shard 1 in the log");
    const readyBefore = readyCount(bot.output.text);
    process.kill(killed.pid, "SIGKILL");
    await waitFor(
      "shard 1 to identify and be ready again",
      () => standIn.identified.length === 3 && readyCount(bot.output.text) > readyBefore,
      120_000,
    );
    expect(standIn.identified.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
      [1, 2],
    ]);
    const restarted = shardPids().filter((s) => s.shard === 1);
    expect(restarted).toHaveLength(2);
    expect(restarted[1]?.pid).not.toBe(killed.pid);
    expect(await whoIn(GUILD_ID)).toEqual({ title: "Who: Jack Ombaka", shard: 1 });
    // The other shard never noticed.
    expect(await whoIn(OTHER_GUILD_ID)).toEqual({ title: "Who: Jack Ombaka", shard: 0 });
  }, 180_000);
});
