import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, requireBotConfig } from "../../src/config.ts";
import { normaliseCommands, sameCommands } from "../../src/discord/deploy.ts";
import { answer } from "../../src/engine/index.ts";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { answerRequestSchema } from "../../src/engine/request.ts";
import { ButtonCodec } from "../../src/interactions/buttons.ts";
import { CommandLoadError, checkCommandModule, loadCommands } from "../../src/interactions/command.ts";
import { type HandlerDeps, handleInteraction } from "../../src/interactions/handler.ts";
import { type RouteDeps, routeInteraction } from "../../src/interactions/route.ts";
import { DISCORD_LIMITS as L } from "../../src/render/limits.ts";
import { cutAtSentence, escapeText, paginate, renderAnswer, renderContext } from "../../src/render/render.ts";
import { MemorySharedState } from "../../src/store/shared-state.ts";
import { FAKE_TOKEN } from "../../support/discord-stand-in.ts";
import { cardOf } from "../card-view.ts";
import { choicesSchema, messagePayloadSchema } from "../discord-limits-schema.ts";
import { seedArticle } from "../helpers.ts";

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe("command definitions", async () => {
  const commands = await loadCommands();
  const definitions = [...commands.values()]
    .map((c) => c.data.toJSON())
    .filter((d): d is RESTPostAPIChatInputApplicationCommandsJSONBody => (d.type ?? 1) === 1);

  it("are the eight slash commands", () => {
    expect(definitions.map((d) => d.name)).toEqual([
      "article",
      "ask",
      "check",
      "feed",
      "library",
      "quote",
      "summary",
      "when",
      "who",
    ]);
  });

  it.each(definitions.map((d) => [d.name, d] as const))("/%s passes Discord's rules", (_name, d) => {
    expect(d.name).toMatch(NAME);
    expect(d.name).toBe(d.name.toLowerCase());
    expect(d.description.length).toBeGreaterThanOrEqual(1);
    expect(d.description.length).toBeLessThanOrEqual(L.commandDescription);
    const options = d.options ?? [];
    expect(options.length).toBeLessThanOrEqual(L.optionsPerCommand);
    const required = options.map((o) => Boolean((o as { required?: boolean }).required));
    expect(required.indexOf(false) === -1 || !required.slice(required.indexOf(false)).includes(true)).toBe(
      true,
    );
    let chars = d.name.length + d.description.length;
    for (const o of options) {
      expect(o.name).toMatch(NAME);
      expect(o.name).toBe(o.name.toLowerCase());
      expect(o.description.length).toBeGreaterThanOrEqual(1);
      expect(o.description.length).toBeLessThanOrEqual(L.commandDescription);
      chars += o.name.length + o.description.length;
      if (o.type === 3) expect((o as { max_length?: number }).max_length).toBeLessThanOrEqual(L.stringOption);
    }
    expect(chars).toBeLessThanOrEqual(L.commandTotalChars);
  });

  it("cap every string option's length", () => {
    for (const d of definitions) {
      for (const o of d.options ?? [])
        if (o.type === 3) expect((o as { max_length?: number }).max_length).toBeGreaterThan(0);
    }
  });
});

describe("command module loading", () => {
  it("refuses a malformed module with a clear message", () => {
    expect(() => checkCommandModule("bad.ts", { data: { name: "bad", toJSON: () => ({}) } })).toThrow(
      new CommandLoadError("bad.ts: execute must be a function"),
    );
    expect(() => checkCommandModule("bad.ts", { execute() {} })).toThrow(
      "bad.ts: data must be a command definition (a SlashCommandBuilder)",
    );
    expect(() =>
      checkCommandModule("bad.ts", { data: { name: "Has Space", toJSON() {} }, execute() {} }),
    ).toThrow("bad.ts: data.name is not a valid command name");
  });
});

describe("registration diff", () => {
  it("treats Discord's added fields as no change, and a changed description as a change", async () => {
    const wanted = [...(await loadCommands()).values()].map(
      (c) => c.data.toJSON() as unknown as Record<string, unknown>,
    );
    const registered = wanted.map((c) => ({
      ...c,
      id: "1",
      application_id: "2",
      version: "3",
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: false,
      contexts: null,
    }));
    expect(sameCommands(registered, wanted)).toBe(true);
    const changed = registered.map((c, i) => (i === 0 ? { ...c, description: "Something else" } : c));
    expect(sameCommands(changed, wanted)).toBe(false);
    expect(normaliseCommands([{ name: "b" }, { name: "a" }]).map((c) => c.name)).toEqual(["a", "b"]);
  });
});

describe("configuration", () => {
  it("names the variable and what is wrong", () => {
    expect(() => readConfig({ DISCORD_TOKEN: "nope" })).toThrow(
      new ConfigError(
        "configuration: DISCORD_TOKEN does not look like a bot token (three dot-separated parts)",
      ),
    );
    expect(() => readConfig({ DISCORD_GUILD_ID: "abc" })).toThrow(
      "configuration: DISCORD_GUILD_ID must be a Discord id (17–20 digits)",
    );
    expect(() => readConfig({ LOG_LEVEL: "loud" })).toThrow(
      "configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    );
    expect(() => readConfig({ DISCORD_API_BASE: "ftp://x" })).toThrow(
      "configuration: DISCORD_API_BASE must be an http(s) URL",
    );
    expect(() => requireBotConfig(readConfig({}))).toThrow(
      "configuration: DISCORD_TOKEN must be set to run the bot",
    );
  });

  it("reads the application id from the token when it is not set, and never echoes the token", () => {
    expect(requireBotConfig(readConfig({ DISCORD_TOKEN: FAKE_TOKEN })).DISCORD_APPLICATION_ID).toBe(
      "111111111111111111",
    );
    let message = "";
    try {
      readConfig({ DISCORD_TOKEN: `${FAKE_TOKEN}.extra` });
    } catch (error) {
      message = String(error);
    }
    expect(message).toBe(
      "ConfigError: configuration: DISCORD_TOKEN does not look like a bot token (three dot-separated parts)",
    );
  });

  it("fills defaults", () => {
    const config = readConfig({});
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.COMMAND_COOLDOWN_MS).toBe(1000);
    expect(config.ARTICLES_DIR.endsWith("seeds")).toBe(true);
  });
});

describe("the renderer", () => {
  const article = seedArticle();
  const ask = (r: object) => answer(article, answerRequestSchema.parse(r));

  it("keeps every answer within Discord's limits and pings no one", () => {
    for (const r of [
      { command: "summary", sentences: 10 },
      { command: "who" },
      { command: "when" },
      { command: "quote" },
      { command: "who", query: "Ombaka" },
    ]) {
      const a = ask(r);
      const pages = paginate(a).length;
      for (let page = 0; page < pages; page++) {
        expect(
          messagePayloadSchema.safeParse(
            renderAnswer(a, { page, buttonId: (action, arg) => `${action}:${arg}` }),
          ).success,
        ).toBe(true);
      }
    }
  });

  it("pages a long answer at whole excerpts and cuts a long excerpt at a sentence end", () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `"Sentence number ${i} is here, and it is long enough to count," Ana Silva said.`,
    ).join("\n\n");
    const library = new MemoryLibrary();
    library.add(sourceFromText("long", "long", `date 2024-01-01 ${long}`));
    const a = answer(
      library.get("long")!,
      answerRequestSchema.parse({ command: "quote", speaker: "Silva", limit: 40 }),
    );
    expect([a.items.length, a.total]).toEqual([40, 40]);
    const pages = paginate(a);
    expect(pages.length).toBe(7);
    expect(pages.flatMap((p) => p.blocks)).toHaveLength(40);
    const last = renderAnswer(a, { page: 6, buttonId: (action, arg) => `${action}:${arg}` });
    expect(messagePayloadSchema.safeParse(last).success).toBe(true);
    expect(last.embeds?.[0]?.footer?.text).toContain("page 7/7");
    expect(cutAtSentence("One two three. Four five six. Seven eight nine.", 35)).toBe(
      "One two three. Four five six. …",
    );
    expect(cutAtSentence("Averyveryverylongwordwithoutspaces and more", 20)).toBe("Averyveryverylongw …");
  });

  it("gives every paragraph on a page its context button and bolds only the names asked about", () => {
    const timeline = renderAnswer(ask({ command: "when" }), {
      buttonId: (action, arg) => `${action}:${arg}`,
    });
    const labels = (timeline.components ?? []).flatMap((row) =>
      row.components.map((b) => ("label" in b ? b.label : "")),
    );
    expect(labels).toEqual([
      "¶11 context",
      "¶3 context",
      "¶13 context",
      "¶2 context",
      "¶6 context",
      "¶1 context",
    ]);
    const who =
      renderAnswer(ask({ command: "who" }), { buttonId: (action, arg) => `${action}:${arg}` }).embeds?.[0]
        ?.description ?? "";
    expect(who).toContain("**Haiti’s National Police**");
    expect(who).not.toContain("**Jamaica**");
  });

  it("escapes markdown and defuses mentions in article text", () => {
    expect(escapeText("**bold** @everyone <@&123> _x_ # head")).toBe(
      "\\*\\*bold\\*\\* @\u200beveryone \\<@&123> \\_x\\_ # head",
    );
    const ctx = renderContext(article, 4, []);
    expect(messagePayloadSchema.safeParse(ctx).success).toBe(true);
    expect(ctx.flags).toBe(64);
  });
});

describe("the interaction handler", () => {
  const library = new MemoryLibrary();
  library.add(sourceFromText("a", "a", "date 2024-05-06 Lena Ortiz said the ferry resumed on Friday."));
  const deps = async (): Promise<HandlerDeps> => ({
    library,
    commands: await loadCommands(),
    buttons: new ButtonCodec(),
    onError: (error: unknown) => {
      throw error;
    },
  });

  it("asks a user to wait during the cooldown, with a clear private note", async () => {
    // The router holds the cooldown (before any handler runs); the clock stands still at 1 s.
    const d: RouteDeps = {
      ...(await deps()),
      cooldowns: new MemorySharedState(() => 1_000),
      cooldownMs: 1500,
      download: async () => new Uint8Array(),
    };
    const first = await routeInteraction(
      { kind: "command", id: "1", name: "when", options: {}, userId: "u" },
      d,
    );
    expect(first.type).toBe("message");
    const second = await routeInteraction(
      { kind: "command", id: "2", name: "when", options: {}, userId: "u" },
      d,
    );
    expect(second).toEqual({
      type: "message",
      data: {
        content: "One moment: you can ask again in 1.5 s.",
        flags: 64,
        allowed_mentions: { parse: [] },
      },
    });
    const other = await routeInteraction(
      { kind: "command", id: "3", name: "when", options: {}, userId: "v" },
      d,
    );
    expect(other.type === "message" && cardOf(other.data).title).toBe("Timeline");
  });

  it("gives at most 25 valid autocomplete choices", async () => {
    const d = await deps();
    const reply = handleInteraction(
      {
        kind: "autocomplete",
        id: "4",
        name: "who",
        options: {},
        focused: { name: "query", value: "" },
        userId: "u",
      },
      d,
    );
    expect(reply).toEqual({
      type: "autocomplete",
      choices: [{ name: "Lena Ortiz (person)", value: "Lena Ortiz" }],
    });
    if (reply.type === "autocomplete") expect(choicesSchema.safeParse(reply.choices).success).toBe(true);
  });
});
