// Discord faults, load and shutdown, against the local stand-in with the real discord.js client.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, startInProcessBot, stopBot } from "../support/bot-process.ts";
import { DiscordStandIn, FAKE_TOKEN } from "../support/discord-stand-in.ts";
import { ROOT, SEEDS } from "./helpers.ts";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

type Body = {
  type: number;
  data: { content?: string; embeds?: unknown[]; choices?: unknown[]; flags?: number };
};

describe("gateway and REST faults (in-process bot)", () => {
  const standIn = new DiscordStandIn();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let bot: Awaited<ReturnType<typeof startInProcessBot>>["bot"];
  let logs: Record<string, unknown>[];
  const ask = async (name = "who") => {
    const id = standIn.command(
      name,
      [],
      `9${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 1e8)}`.padEnd(18, "0").slice(0, 18),
    );
    return (await standIn.callbackFor(id, 20_000)).body as Body;
  };
  const waitFor = async (predicate: () => boolean, ms = 20_000) => {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    await standIn.start();
    ({ bot, logs } = await startInProcessBot(standIn));
  });

  afterAll(async () => {
    await bot.stop();
    await standIn.stop();
    process.off("unhandledRejection", onRejection);
    expect(rejections).toEqual([]);
    const text = JSON.stringify(logs);
    expect(text).not.toContain(FAKE_TOKEN);
    expect(text).not.toContain(FAKE_TOKEN.split(".")[2]);
  });

  it("resumes after the gateway closes with 4000 and answers the next interaction", async () => {
    standIn.closeGateway(4000);
    await waitFor(() => standIn.resumes >= 1 && standIn.connected === 1);
    expect((await ask()).type).toBe(4);
  });

  it("reconnects after the socket drops without a close frame", async () => {
    const before = standIn.resumes + standIn.identifies;
    standIn.dropGateway();
    await waitFor(() => standIn.resumes + standIn.identifies > before && standIn.connected === 1);
    expect((await ask("when")).type).toBe(4);
  });

  it("handles op 7 Reconnect", async () => {
    const before = standIn.resumes + standIn.identifies;
    standIn.sendOp(7);
    await waitFor(() => standIn.resumes + standIn.identifies > before && standIn.connected === 1);
    expect((await ask("summary")).type).toBe(4);
  });

  it("handles op 9 Invalid Session by identifying again", async () => {
    const identifies = standIn.identifies;
    standIn.sendOp(9, false);
    await waitFor(() => standIn.identifies > identifies && standIn.connected === 1);
    expect((await ask("quote")).type).toBe(4);
  });

  it("waits out a 429 on a callback and delivers the reply once", async () => {
    standIn.faults.push({
      match: (c) => c.path.includes("/callback"),
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.2, global: false },
      headers: { "retry-after": "0.2", "x-ratelimit-scope": "user" },
    });
    const id = standIn.command("who");
    await waitFor(() => standIn.calls.filter((c) => c.path.includes(`/interactions/${id}/`)).length === 2);
    await new Promise((r) => setTimeout(r, 300));
    const calls = standIn.calls.filter((c) => c.path.includes(`/interactions/${id}/`));
    expect(calls).toHaveLength(2);
    expect((calls[1]!.body as Body).type).toBe(4);
  });

  it("logs a callback that keeps failing with 500 and keeps answering", async () => {
    standIn.faults.push({
      match: (c) => c.path.includes("/callback"),
      status: 500,
      body: { message: "boom", code: 0 },
      times: 8,
    });
    const id = standIn.command("who");
    await waitFor(
      () => logs.some((l) => l.interactionId === id && l.msg === "sending the reply failed"),
      30_000,
    );
    standIn.faults.length = 0;
    expect((await ask("when")).type).toBe(4);
  });

  it("answers bursts of 1,000 mixed interactions exactly once each, without growing memory", async () => {
    const burst = async (base: bigint) => {
      const ids: string[] = [];
      for (let i = 0; i < 1000; i++) {
        if (i % 4 === 3)
          ids.push(standIn.autocomplete("who", [{ name: "query", type: 3, value: "om", focused: true }]));
        else
          ids.push(
            standIn.command(["who", "when", "summary"][i % 3] as string, [], String(base + BigInt(i))),
          );
      }
      await waitFor(() => standIn.calls.filter((c) => c.path.includes("/callback")).length >= 1000, 55_000);
      await new Promise((r) => setTimeout(r, 200));
      const perId = new Map<string, number>();
      for (const c of standIn.calls.filter((c) => c.path.includes("/callback"))) {
        const id = c.path.split("/")[4] as string;
        perId.set(id, (perId.get(id) ?? 0) + 1);
      }
      expect(ids.every((id) => perId.get(id) === 1)).toBe(true);
      expect([...perId.values()].reduce((a, b) => a + b, 0)).toBe(1000);
      // The stand-in lives in this process too: let it forget, so the heap measures the bot.
      standIn.forget();
      gc();
      return process.memoryUsage().heapUsed;
    };
    standIn.forget();
    // The first burst warms the code paths and caches; the second shows whether memory keeps growing.
    const warm = await burst(300000000000000000n);
    const after = await burst(310000000000000000n);
    console.log(
      `bursts of 1,000: heap ${(warm / 1e6).toFixed(1)} MB after the first, ${(after / 1e6).toFixed(1)} MB after the second`,
    );
    expect(after).toBeLessThan(warm * 1.2);
  }, 120_000);
});

describe("a token Discord refuses (close 4004)", () => {
  it("stops with one clear message and a non-zero exit, without retrying", async () => {
    const standIn = new DiscordStandIn();
    await standIn.start();
    standIn.rejectToken = FAKE_TOKEN;
    const child = spawn(process.execPath, [join(ROOT, "bin", "citebot.mjs"), "start"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_BASE: standIn.apiBase,
        ARTICLES_DIR: SEEDS,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    await standIn.stop();
    expect(code).toBe(1);
    expect(standIn.identifies).toBe(1);
    expect(output).toContain(
      "citebot: could not connect to Discord: the token was refused: check DISCORD_TOKEN",
    );
    expect(output.match(/"level":60/g)).toHaveLength(1);
    expect(output).not.toContain(FAKE_TOKEN);
  });
});

describe("shutdown", () => {
  it("exits 0 on SIGTERM in the middle of a burst, within a bound a loaded machine meets", async () => {
    const standIn = new DiscordStandIn();
    await standIn.start();
    const bot = await startBot(standIn);
    for (let i = 0; i < 300; i++) standIn.command("who", [], String(400000000000000000n + BigInt(i)));
    const t = performance.now();
    const code = await stopBot(bot.child);
    const seconds = (performance.now() - t) / 1000;
    await standIn.stop();
    expect(code).toBe(0);
    // Idle, it exits in well under a second; 10 s leaves room for a loaded CI machine.
    expect(seconds).toBeLessThan(10);
    expect(bot.output.text).not.toContain("unhandledRejection");
  });
});
