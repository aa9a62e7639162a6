import { SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandModule } from "../src/interactions/command.ts";
import { startInProcessBot } from "../support/bot-process.ts";
import { DiscordStandIn, FAKE_TOKEN } from "../support/discord-stand-in.ts";

const boom: CommandModule = {
  data: new SlashCommandBuilder().setName("boom").setDescription("Always fails"),
  execute() {
    throw new Error("kaboom");
  },
};

describe("the bot's error handling (in-process, real discord.js client)", () => {
  const standIn = new DiscordStandIn();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let bot: Awaited<ReturnType<typeof startInProcessBot>>["bot"];
  let logs: Record<string, unknown>[];

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    await standIn.start();
    ({ bot, logs } = await startInProcessBot(standIn, { extraCommands: [boom] }));
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
