// The gateway adapter in-process, with the real discord.js client, for faults a spawned bot cannot be given.
import { Writable } from "node:stream";
import { SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig, requireBotConfig } from "../src/config";
import { createBot } from "../src/discord/bot";
import { type CommandModule, loadCommands } from "../src/discord/command";
import { createLogger } from "../src/discord/logger";
import { loadLibrary } from "../src/engine/library";
import { APP_ID, DiscordStandIn, FAKE_TOKEN } from "./discord-stand-in";
import { SEEDS } from "./helpers";

const boom: CommandModule = {
  data: new SlashCommandBuilder().setName("boom").setDescription("Always fails"),
  execute() {
    throw new Error("kaboom");
  },
};

describe("the bot's error handling (in-process, real discord.js client)", () => {
  const standIn = new DiscordStandIn();
  const logs: Record<string, unknown>[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let bot: ReturnType<typeof createBot>;

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    await standIn.start();
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
        done();
      },
    });
    const config = requireBotConfig(
      readConfig({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_BASE: standIn.apiBase,
        COMMAND_COOLDOWN_MS: "0",
        ARTICLES_DIR: SEEDS,
      }),
    );
    const commands = new Map(await loadCommands());
    commands.set("boom", boom);
    bot = createBot({ config, library: loadLibrary(SEEDS), commands, logger: createLogger("debug", sink) });
    await bot.start();
    await new Promise<void>((resolve) =>
      bot.client.isReady() ? resolve() : bot.client.once("clientReady", () => resolve()),
    );
  });

  afterAll(async () => {
    await bot.stop();
    await standIn.stop();
    process.off("unhandledRejection", onRejection);
    expect(rejections).toEqual([]);
    expect(JSON.stringify(logs)).not.toContain(FAKE_TOKEN);
  });

  it("answers a command that throws with a private error note naming the interaction, then keeps answering", async () => {
    const id = standIn.command("boom");
    const body = (await standIn.callbackFor(id)).body as {
      data: { content: string; flags: number; allowed_mentions: unknown };
    };
    expect(body.data).toMatchObject({
      content: `Something went wrong on our side (ref ${id}). Please try again.`,
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    const failure = logs.find((l) => l.msg === "interaction failed");
    expect(failure).toMatchObject({ interactionId: id, kind: "command", err: { message: "kaboom" } });
    const next = standIn.command("who", [{ name: "query", type: 3, value: "Otunge" }]);
    expect(((await standIn.callbackFor(next)).body as { type: number }).type).toBe(4);
  });

  it("logs an expired interaction (10062) and an already-answered one (40060) without crashing", async () => {
    for (const code of [10062, 40060]) {
      standIn.faults.push({
        match: (c) => c.path.includes("/callback"),
        status: code === 10062 ? 404 : 400,
        body: {
          message: code === 10062 ? "Unknown interaction" : "Interaction has already been acknowledged.",
          code,
        },
      });
      const id = standIn.command("who");
      await standIn.callbackFor(id);
      await expect
        .poll(() => logs.find((l) => l.interactionId === id && l.msg === "interaction could not be answered"))
        .toMatchObject({ code });
    }
    const next = standIn.command("when");
    expect(((await standIn.callbackFor(next)).body as { type: number }).type).toBe(4);
  });

  it("answers an interaction delivered twice once", async () => {
    const id = standIn.command("summary");
    await standIn.callbackFor(id);
    standIn.redeliver(id);
    await expect
      .poll(() =>
        logs.find((l) => l.interactionId === id && l.msg === "interaction delivered twice; answered once"),
      )
      .toBeTruthy();
    const next = standIn.command("when");
    await standIn.callbackFor(next);
    expect(standIn.calls.filter((c) => c.path.includes(`/interactions/${id}/`))).toHaveLength(1);
  });
});
