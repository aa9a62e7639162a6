// The bot as `npm start` runs it (same entry point and config), against the local Discord stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, stopBot } from "../support/bot-process.ts";
import { APP_ID, DiscordStandIn, FAKE_TOKEN, GUILD_ID } from "../support/discord-stand-in.ts";
import { runCli, SEED_ID } from "./helpers.ts";

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
    expect(bot.output.text).toContain('"commands":11,"articles":2,"guilds":1,"msg":"ready"');
  });

  it("answers /who query:Ombaka with a cited profile and no pings", async () => {
    const body = await answer(standIn.command("who", [{ name: "query", type: STRING, value: "Ombaka" }]));
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data.embeds?.[0] as Embed;
    expect(embed.title).toBe("Who: Jack Ombaka");
    expect(embed.description).toContain(
      '> "We salute our fallen hero," **Jack Ombaka**, the mission\'s spokesperson, said in a statement.\n-# ¶4',
    );
    expect(embed.footer.text).toContain("2025-02-24");
    expect(body.data.flags ?? 0).toBe(0);
  });

  it("answers /quote speaker:Ombaka, /when and /summary sentences:2", async () => {
    const quote = await answer(
      standIn.command("quote", [{ name: "speaker", type: STRING, value: "Ombaka" }]),
    );
    expect(quote.data.embeds?.[0]?.description).toContain(
      '> "We will pursue these gangs to the last man standing. We will not let you down."\n-# ¶4 · Jack Ombaka, the mission\'s spokesperson',
    );
    const when = await answer(standIn.command("when"));
    expect(when.data.embeds?.[0]?.title).toBe("Timeline");
    expect(when.data.embeds?.[0]?.description).toContain(
      "in the Caribbean country in **June 2024**.\n-# ¶3 · June 2024",
    );
    const summary = await answer(
      standIn.command("summary", [{ name: "sentences", type: INTEGER, value: 2 }]),
    );
    const description = summary.data.embeds?.[0]?.description ?? "";
    expect(description.match(/^> /gm)).toHaveLength(2);
    expect(description).toContain("-# ¶1");
    expect(description).toContain("-# ¶2");
    for (const body of [quote, when, summary]) expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it("answers a when-question with the date in bold", async () => {
    const body = await answer(
      standIn.command("when", [{ name: "query", type: STRING, value: "When did the mission arrive?" }]),
    );
    expect(body.data.embeds?.[0]?.description).toContain("**June 2024**");
    expect(body.data.embeds?.[0]?.description).toContain("-# ¶3");
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
    expect(body.data.flags).toBe(64);
  });

  it("pages with More, shows a paragraph with Context, and guards public paging for the asker", async () => {
    const first = await answer(
      standIn.command("quote", [{ name: "article", type: STRING, value: "millbrook-fire-station" }]),
    );
    const description = first.data.embeds?.[0]?.description ?? "";
    expect(description).toContain("Tell @\u200beveryone on the street");
    expect(description).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(first.data.embeds?.[0]?.footer.text).toContain("page 1/2");
    const rows = first.data.components ?? [];
    const more = rows.flatMap((r) => r.components).find((b) => b.label.startsWith("More"));
    const context = rows.flatMap((r) => r.components).find((b) => b.label === "¶4 context");
    expect(more?.custom_id).toMatch(/^b1\|[\w-]{12}\|p\|1\|/);

    const paged = await answer(standIn.button(more?.custom_id as string, first.data));
    expect(paged.type).toBe(7);
    expect(paged.data.embeds?.[0]?.footer.text).toContain("page 2/2");
    expect(paged.data.embeds?.[0]?.description).toContain("I am not against the station");
    expect(paged.data.allowed_mentions).toEqual({ parse: [] });

    const ctx = await answer(standIn.button(context?.custom_id as string, first.data, "666666666666666666"));
    expect(ctx.type).toBe(4);
    expect(ctx.data.flags).toBe(64);
    expect(ctx.data.embeds?.[0]?.title).toBe("¶4");
    expect(ctx.data.embeds?.[0]?.description).toContain(
      "\\<@&123456789012345678> members had asked for the vote.",
    );

    const stranger = await answer(
      standIn.button(more?.custom_id as string, first.data, "777777777777777777"),
    );
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
      standIn.command("when", [{ name: "query", type: STRING, value: "When will the mission end?" }]),
    );
    expect(body.data.embeds?.[0]?.description).toContain("The article does not say when.");
    expect(body.data.components).toEqual([]);
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
      expect(first.stdout).toBe(
        `citebot: registered 11 command(s) for guild ${GUILD_ID}: "Add article to citebot" (message menu), /article, /ask, "Check against the article" (message menu), /check, /feed, /library, /quote, /summary, /when, /who.\n`,
      );
      const puts = () => standIn.calls.filter((c) => c.method === "PUT");
      expect(puts().map((c) => c.path)).toEqual([
        `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
      ]);
      expect(puts()[0]?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
      const second = await runCli(["deploy"], { env });
      expect(second.stdout).toBe(
        `citebot: 11 command(s) already registered for guild ${GUILD_ID}; nothing sent.\n`,
      );
      expect(puts()).toHaveLength(1);
      const cleared = await runCli(["deploy", "--clear"], { env });
      expect(cleared.stdout).toBe(`citebot: removed the commands from guild ${GUILD_ID}.\n`);
      expect(standIn.registeredCommands).toEqual([]);
    } finally {
      await standIn.stop();
    }
  });
});
