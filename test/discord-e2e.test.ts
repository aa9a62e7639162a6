// The bot as `npm start` runs it (same entry point and config), against the local Discord stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IS_COMPONENTS_V2 } from "../src/render/limits.ts";
import { startBot, stopBot } from "../support/bot-process.ts";
import { APP_ID, DiscordStandIn, FAKE_TOKEN, GUILD_ID } from "../support/discord-stand-in.ts";
import { cardOf } from "./card-view.ts";
import { runCli, SEED_ID } from "./helpers.ts";
import { readPng } from "./png-check.ts";

interface Embed {
  title: string;
  description: string;
  footer: { text: string };
}
interface CallbackBody {
  type: number;
  data: {
    embeds?: Embed[];
    content?: string;
    flags?: number;
    components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[];
    allowed_mentions?: { parse: string[] };
    choices?: { name: string; value: string }[];
  };
}

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;

describe("the bot against the local Discord stand-in", () => {
  const standIn = new DiscordStandIn();
  let bot: Awaited<ReturnType<typeof startBot>>;

  const answer = async (id: string) => (await standIn.callbackFor(id)).body as CallbackBody;

  beforeAll(async () => {
    await standIn.start();
    bot = await startBot(standIn);
  }, 90_000); // startBot allows 60 s for a loaded machine

  afterAll(async () => {
    const code = await stopBot(bot.child);
    await standIn.stop();
    expect(code).toBe(0);
    expect(bot.output.text).not.toContain("unhandledRejection");
    expect(bot.output.text).not.toContain(FAKE_TOKEN);
    expect(bot.output.text).not.toContain(FAKE_TOKEN.split(".")[2]);
  });

  it("logs in through the gateway the REST API names", () => {
    expect(standIn.identifies).toBe(1);
    const identify = standIn.gatewayEvents.find((e) => e.op === 2) as { d: { token: string } };
    expect(identify.d.token).toBe(FAKE_TOKEN);
    expect(bot.output.text).toContain('"commands":12,"articles":2,"guilds":1,"msg":"ready"');
  });

  it("answers /who query:Ombaka with a cited profile and no pings", async () => {
    const body = await answer(standIn.command("who", [{ name: "query", type: STRING, value: "Ombaka" }]));
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const card = cardOf(body.data);
    expect(body.data.flags).toBe(IS_COMPONENTS_V2);
    expect(card.title).toBe("Who: Jack Ombaka");
    expect(card.text).toContain(
      '> "We salute our fallen hero," **Jack Ombaka**, the mission\'s spokesperson, said in a statement.\n-# ¶4',
    );
    expect(card.footer).toContain("2025-02-24");
  });

  it("answers /quote speaker:Ombaka, /when and /summary sentences:2", async () => {
    const quote = await answer(
      standIn.command("quote", [{ name: "speaker", type: STRING, value: "Ombaka" }]),
    );
    expect(cardOf(quote.data).text).toContain(
      '> "We will pursue these gangs to the last man standing. We will not let you down."\n-# ¶4 · Jack Ombaka, the mission\'s spokesperson',
    );
    const when = await answer(standIn.command("when"));
    expect(cardOf(when.data).title).toBe("Timeline");
    expect(cardOf(when.data).text).toContain("in the Caribbean country in **June 2024**.\n-# ¶3 · June 2024");
    const summary = await answer(
      standIn.command("summary", [{ name: "sentences", type: INTEGER, value: 2 }]),
    );
    const description = cardOf(summary.data).text;
    expect(description.match(/^> /gm)).toHaveLength(2);
    expect(description).toContain("-# ¶1");
    expect(description).toContain("-# ¶2");
    for (const body of [quote, when, summary]) expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("attaches /when's timeline as a PNG, shown in the card's media gallery above the text list", async () => {
    const call = await standIn.callbackFor(standIn.command("when"));
    const body = call.body as CallbackBody;
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(IS_COMPONENTS_V2);
    const file = call.files?.[0];
    expect(call.files?.map((f) => [f.field, f.name, f.type])).toEqual([
      ["files[0]", "timeline.png", "image/png"],
    ]);
    const png = readPng(file?.bytes ?? Buffer.alloc(0));
    expect(png.width).toBe(1600);
    expect(file?.bytes.length).toBeLessThanOrEqual(1_000_000);
    const card = cardOf(body.data);
    expect(card.gallery).toEqual([
      {
        url: "attachment://timeline.png",
        description:
          "Timeline of A Kenyan police officer sent to Haiti to help rein in violent gangs was fatally shot in a fight…: 2021 · ¶11; June 2024 · ¶3; February 2025 · ¶13; week of 17 February 2025 · ¶2 ¶6; Sunday 23 February 2025 · ¶1 ¶6",
      },
    ]);
    expect(card.text).toContain("in the Caribbean country in **June 2024**.\n-# ¶3 · June 2024");
  });

  it("answers a de user with German fixed strings, the excerpts in the article's words", async () => {
    const id = standIn.interact({
      type: 2,
      data: { id: "1", name: "summary", type: 1, options: [{ name: "sentences", type: INTEGER, value: 2 }] },
      locale: "de",
    });
    const body = await answer(id);
    const card = cardOf(body.data);
    expect(card.buttons.map((b) => b.label)).toEqual([
      "Kontext zeigen",
      "Kontext zeigen",
      "Kürzer",
      "Länger",
      "Nachfrage stellen",
    ]);
    expect(card.footer).toContain("· 2025-02-24 · ¶ = Absatz");
    expect(card.texts.filter((t) => t.startsWith("> "))[0]).toContain(
      "A Kenyan police officer sent to Haiti",
    );
    const missing = await answer(
      standIn.interact({
        type: 2,
        data: {
          id: "1",
          name: "when",
          type: 1,
          options: [{ name: "query", type: STRING, value: "When was the officer born?" }],
        },
        locale: "de",
      }),
    );
    expect(cardOf(missing.data).texts[0]?.split("\n")[1]).toBe("Das steht nicht im Artikel.");
  });

  it("answers a when-question with the date in bold", async () => {
    const body = await answer(
      standIn.command("when", [{ name: "query", type: STRING, value: "When did the mission arrive?" }]),
    );
    expect(cardOf(body.data).text).toContain("**June 2024**");
    expect(cardOf(body.data).text).toContain("-# ¶3");
  });

  it("autocompletes articles, speakers and names with at most 25 matching choices", async () => {
    const articles = await answer(
      standIn.autocomplete("who", [{ name: "article", type: STRING, value: "mill", focused: true }]),
    );
    expect(articles.type).toBe(8);
    expect(articles.data.choices).toEqual([
      {
        name: "The Millbrook town council voted on Monday to keep the old fire station open, after a… (2024-11-05)",
        value: "millbrook-fire-station",
      },
    ]);
    const speakers = await answer(
      standIn.autocomplete("quote", [
        { name: "article", type: STRING, value: "millbrook-fire-station" },
        { name: "speaker", type: STRING, value: "", focused: true },
      ]),
    );
    expect(speakers.data.choices?.map((c) => c.value)).toEqual(["Priya Natarajan", "Owen Castell"]);
    const people = await answer(
      standIn.autocomplete("who", [{ name: "query", type: STRING, value: "ot", focused: true }]),
    );
    expect(people.data.choices?.[0]).toEqual({
      name: "Godfrey Otunge — the commander of the Kenyan forces in Haiti",
      value: "Godfrey Otunge",
    });
    const all = await answer(
      standIn.autocomplete("who", [{ name: "query", type: STRING, value: "", focused: true }]),
    );
    expect(all.data.choices?.length).toBeLessThanOrEqual(25);
    for (const c of all.data.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it("answers privately with private:true", async () => {
    const body = await answer(
      standIn.command("who", [
        { name: "query", type: STRING, value: "Otunge" },
        { name: "private", type: BOOLEAN, value: true },
      ]),
    );
    expect(body.data.flags).toBe(64 | IS_COMPONENTS_V2);
  });

  it("pages with More, shows a paragraph with Context, and guards public paging for the asker", async () => {
    const first = await answer(
      standIn.command("quote", [{ name: "article", type: STRING, value: "millbrook-fire-station" }]),
    );
    const card = cardOf(first.data);
    expect(card.text).toContain("Tell @\u200beveryone on the street");
    expect(card.text).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(card.footer).toContain("page 1/2");
    const more = card.buttons.find((b) => b.label.startsWith("More"));
    // The Show context button beside the excerpt from ¶4.
    const context = card.sections.find((x) => x.text.endsWith("-# ¶4 · Priya Natarajan, chair"))?.button;
    expect(more?.id).toMatch(/^b1\|[\w-]{12}\|p\|1\|/);

    const paged = await answer(standIn.button(more?.id as string, first.data));
    expect(paged.type).toBe(7);
    expect(paged.data.flags).toBe(IS_COMPONENTS_V2);
    expect(cardOf(paged.data).footer).toContain("page 2/2");
    expect(cardOf(paged.data).text).toContain("I am not against the station");
    expect(paged.data.allowed_mentions).toEqual({ parse: [] });

    const ctx = await answer(standIn.button(context?.id as string, first.data, "666666666666666666"));
    expect(ctx.type).toBe(4);
    expect(ctx.data.flags).toBe(64 | IS_COMPONENTS_V2);
    expect(cardOf(ctx.data).title).toBe("¶4");
    expect(cardOf(ctx.data).text).toContain("\\<@&123456789012345678> members had asked for the vote.");

    const stranger = await answer(standIn.button(more?.id as string, first.data, "777777777777777777"));
    expect(stranger.data.flags).toBe(64);
    expect(stranger.data.content).toBe(
      "Only the person who asked can page through this answer. Run /quote yourself to get your own.",
    );
  });

  it("answers a stale button with a clear private note", async () => {
    const body = await answer(standIn.button("cb:page:gone1234:1", { embeds: [] }));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(
      "These buttons have expired (the bot restarted or the answer is old). Run the command again for a fresh answer.",
    );
  });

  it("says what the article covers when it has no answer", async () => {
    const body = await answer(
      standIn.command("when", [{ name: "query", type: STRING, value: "When was the officer born?" }]),
    );
    const card = cardOf(body.data);
    expect(card.text).toContain("The article doesn't say.\n-# The article does not say when.");
    // Nothing to page, lengthen or open: only a follow-up question is left to ask.
    expect(card.buttons.map((b) => b.label)).toEqual(["Ask a follow-up"]);
  });

  it("tells the user about an unknown article privately", async () => {
    const body = await answer(standIn.command("who", [{ name: "article", type: STRING, value: "nope" }]));
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe(`Unknown article "nope" (known: ${SEED_ID}, millbrook-fire-station)`);
  });
});

describe("registration", () => {
  it("prints the definitions with --dry-run", async () => {
    const { code, stdout } = await runCli(["deploy", "--dry-run"], { env: {} });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((c: { name: string }) => c.name)).toEqual([
      "Add article to citebot",
      "article",
      "Ask about this link",
      "ask",
      "Check against the article",
      "check",
      "feed",
      "library",
      "quote",
      "summary",
      "when",
      "who",
    ]);
  });

  it("PUTs to the guild route, then sends nothing when nothing changed", async () => {
    const standIn = new DiscordStandIn();
    await standIn.start();
    try {
      const env = {
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_GUILD_ID: GUILD_ID,
        DISCORD_API_BASE: standIn.apiBase,
      };
      const first = await runCli(["deploy"], { env });
      const added = [
        '"Add article to citebot" (message menu)',
        "/article",
        "/ask",
        '"Ask about this link" (message menu)',
        "/check",
        '"Check against the article" (message menu)',
        "/feed",
        "/library",
        "/quote",
        "/summary",
        "/when",
        "/who",
      ];
      expect(first.stdout).toBe(
        `${added.map((c) => `  + ${c}\n`).join("")}citebot: registered 12 command(s) for guild ${GUILD_ID}: "Add article to citebot" (message menu), /article, "Ask about this link" (message menu), /ask, "Check against the article" (message menu), /check, /feed, /library, /quote, /summary, /when, /who.\n`,
      );
      const puts = () => standIn.calls.filter((c) => c.method === "PUT");
      expect(puts().map((c) => c.path)).toEqual([
        `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
      ]);
      expect(puts()[0]?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
      const second = await runCli(["deploy"], { env });
      expect(second.stdout).toBe(
        `citebot: 12 command(s) already registered for guild ${GUILD_ID}; nothing sent.\n`,
      );
      expect(puts()).toHaveLength(1);
      const sent = puts()[0]?.body as Record<string, unknown>[];
      const who = sent.find((c) => c.name === "who");
      expect(who).toMatchObject({
        integration_types: [0, 1],
        contexts: [0, 1, 2],
        name_localizations: { de: "wer", fr: "qui", "es-ES": "quién", "pt-BR": "quem" },
      });
      // What Discord holds, changed: deploy names the command and the fields it sends again.
      standIn.registeredCommands = standIn.registeredCommands.map((c) =>
        c.name === "who" ? { ...c, description_localizations: null, contexts: null } : c,
      );
      const third = await runCli(["deploy"], { env });
      expect(third.stdout.split("\n")[0]).toBe("  ~ /who: contexts, description_localizations");
      expect(puts()).toHaveLength(2);
      const cleared = await runCli(["deploy", "--clear"], { env });
      expect(cleared.stdout).toBe(
        `${added.map((c) => `  - ${c}\n`).join("")}citebot: removed the commands from guild ${GUILD_ID}.\n`,
      );
      expect(standIn.registeredCommands).toEqual([]);
    } finally {
      await standIn.stop();
    }
  });
});
