// Where the user is, end to end: the bot as `npm start` runs it against the Discord stand-in. Shorter/Longer,
// Ask a follow-up (a form, then a thread on the answer tied to its article), a DM and a user install each
// reading the user's own library, and the private replies Discord requires where the app is only user-installed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EPHEMERAL, IS_COMPONENTS_V2 } from "../src/render/limits.ts";
import { startBot, stopBot } from "../support/bot-process.ts";
import { CHANNEL_ID, DiscordStandIn, FAKE_TOKEN } from "../support/discord-stand-in.ts";
import { cardOf } from "./card-view.ts";

interface Body {
  type: number;
  data: {
    content?: string;
    flags?: number;
    custom_id?: string;
    title?: string;
    components?: { components?: { custom_id?: string; label?: string }[] }[];
    embeds?: { title?: string; author?: { name: string } }[];
    allowed_mentions?: unknown;
  };
}

const STRING = 3;
const INTEGER = 4;
const MILLBROOK = "millbrook-fire-station";
const MILLBROOK_TITLE =
  "The Millbrook town council voted on Monday to keep the old fire station open, after a three-hour…";
/** The message the first answer was posted as (a thread started from it has its id). */
const ANSWER_MESSAGE = "999000000000000001";
const READER_A = "710000000000000001";
const READER_B = "710000000000000002";
const USE_EXTERNAL_APPS = (1n << 50n).toString();

const GARDEN = [
  "Volunteers open a community garden on Alder Street",
  "",
  "date 2025-04-12",
  "",
  "Volunteers opened a community garden on Alder Street on Saturday, turning an empty lot into forty raised beds for the families who live nearby.",
  "",
  '"We wanted a place where neighbours meet while the tomatoes grow," said organiser Lena Varga, who spent two years asking the city for the lot.',
  "",
  "The city lent the land for five years and paid for a water tap, while a local builders' merchant gave the timber for the beds.",
  "",
  "Each bed costs ten pounds a season, and twelve of them are kept for the primary school across the road, Varga said.",
].join("\n");

const excerpts = (payload: unknown) => cardOf(payload).texts.filter((t) => t.startsWith("> ")).length;

describe("answers wherever the user is (the real bot against the stand-in)", () => {
  const standIn = new DiscordStandIn();
  let bot: Awaited<ReturnType<typeof startBot>>;
  const answer = async (id: string) => (await standIn.callbackFor(id, 15_000)).body as Body;

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
  });

  it("makes a summary longer and shorter in place with Longer and Shorter", async () => {
    const first = await answer(
      standIn.command("summary", [
        { name: "article", type: STRING, value: MILLBROOK },
        { name: "sentences", type: INTEGER, value: 2 },
      ]),
    );
    expect(excerpts(first.data)).toBe(2);
    const longer = cardOf(first.data).buttons.find((b) => b.label === "Longer");
    const longerReply = await answer(standIn.button(longer?.id ?? "", first.data));
    expect(longerReply.type).toBe(7);
    expect(longerReply.data.flags).toBe(IS_COMPONENTS_V2);
    expect(excerpts(longerReply.data)).toBe(3);
    const shorter = cardOf(longerReply.data).buttons.find((b) => b.label === "Shorter");
    const back = await answer(standIn.button(shorter?.id ?? "", longerReply.data));
    expect(excerpts(back.data)).toBe(2);
    const stranger = await answer(standIn.button(longer?.id ?? "", first.data, READER_B));
    expect(stranger.data.flags).toBe(EPHEMERAL);
    expect(stranger.data.content).toBe(
      "Only the person who asked can change this answer's length. Run /summary yourself to get your own.",
    );
  });

  it("asks a follow-up in a form, answers it in a thread on the answer, and ties the thread to the article", async () => {
    const first = await answer(
      standIn.command("ask", [
        { name: "article", type: STRING, value: MILLBROOK },
        { name: "question", type: STRING, value: "Who is the treasurer?" },
      ]),
    );
    const follow = cardOf(first.data).buttons.find((b) => b.label === "Ask a follow-up");
    expect(follow?.id).toMatch(/^b1\|[\w-]{12}\|f\|0\|/);

    const form = await answer(standIn.button(follow?.id ?? "", first.data, READER_B));
    expect(form.type).toBe(9);
    expect(form.data.custom_id).toBe(follow?.id);
    expect(form.data.title).toBe("Ask a follow-up");
    expect(form.data.components?.[0]?.components?.[0]?.custom_id).toBe("question");

    const message = { id: ANSWER_MESSAGE, ...first.data };
    const submitted = standIn.modalSubmit(
      follow?.id ?? "",
      { question: "How much would the repairs cost?" },
      { userId: READER_B, message },
    );
    const ack = await answer(submitted);
    expect(ack).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const opened = await standIn.waitForCall(
      (c) =>
        c.method === "POST" &&
        c.path === `/api/v10/channels/${CHANNEL_ID}/messages/${ANSWER_MESSAGE}/threads`,
    );
    expect(opened.body).toEqual({ name: MILLBROOK_TITLE, auto_archive_duration: 1440 });
    const posted = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path === `/api/v10/channels/${ANSWER_MESSAGE}/messages`,
    );
    const card = cardOf(posted.body);
    expect((posted.body as Body["data"]).allowed_mentions).toEqual({ parse: [] });
    expect(card.text).toContain(
      "> Treasurer Owen Castell said the repairs would cost about **400,000 pounds**.\n-# ¶8",
    );
    const edited = await standIn.webhookFor(submitted, "PATCH");
    expect((edited.body as Body["data"]).content).toBe(`Answered in the thread <#${ANSWER_MESSAGE}>.`);

    // In the thread, /ask with no article: is about the article the thread was opened for.
    const inThread = await answer(
      standIn.commandAs("ask", [{ name: "question", type: STRING, value: "When did the council vote?" }], {
        channelId: ANSWER_MESSAGE,
        channelType: 11,
      }),
    );
    expect(cardOf(inThread.data).footer).toContain(MILLBROOK_TITLE.slice(0, 40));
    expect(cardOf(inThread.data).text).toContain("voted on **Monday**");

    // A second follow-up from the channel finds the thread already there and answers in it.
    const calls = standIn.calls.length;
    const again = standIn.modalSubmit(follow?.id ?? "", { question: "Who chairs the council?" }, { message });
    expect((await answer(again)).type).toBe(5);
    const second = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path === `/api/v10/channels/${ANSWER_MESSAGE}/messages`,
      10_000,
      calls,
    );
    expect(cardOf(second.body).text).toContain("Priya Natarajan");
    expect(standIn.threads.size).toBe(1);
  });

  it("keeps a DM user's articles in their own library, which nobody else sees", async () => {
    const added = standIn.subcommand("article", "add", [{ name: "text", type: STRING, value: GARDEN }], {
      userId: READER_A,
      where: "dm",
    });
    expect((await answer(added)).type).toBe(5);
    const edit = (await standIn.webhookFor(added, "PATCH")).body as Body["data"];
    expect(edit.embeds?.[0]?.author?.name).toBe("Added to your library");

    // With no article:, the DM's current article: the one just added there.
    const asked = await answer(
      standIn.commandAs("who", [{ name: "query", type: STRING, value: "Varga" }], {
        userId: READER_A,
        where: "dm",
      }),
    );
    expect(cardOf(asked.data).title).toBe("Who: Lena Varga");
    expect(cardOf(asked.data).footer).toContain("Volunteers open a community garden on Alder Street");
    const listed = await answer(standIn.subcommand("article", "list", [], { userId: READER_A, where: "dm" }));
    expect(listed.data.embeds?.[0]?.title).toBe("Articles added to your library (1)");
    const other = await answer(
      standIn.subcommand("article", "list", [], { userId: READER_B, where: "dm", locale: "de" }),
    );
    expect(other.data.embeds?.[0]?.title).toBe("Artikel in deiner Bibliothek (0)");
    const feed = await answer(standIn.subcommand("feed", "list", [], { userId: READER_A, where: "dm" }));
    expect(feed.data).toMatchObject({
      content: "Feeds belong to a server: use /feed in a server where citebot is installed.",
      flags: EPHEMERAL,
    });
  });

  it("answers privately where the app is only user-installed and the member may not use external apps", async () => {
    const who = [
      { name: "article", type: STRING, value: MILLBROOK },
      { name: "query", type: STRING, value: "Castell" },
    ];
    const barred = await answer(standIn.commandAs("who", who, { where: "user-install", permissions: "0" }));
    expect(barred.data.flags).toBe(EPHEMERAL | IS_COMPONENTS_V2);
    const allowed = await answer(
      standIn.commandAs("who", who, { where: "user-install", permissions: USE_EXTERNAL_APPS }),
    );
    expect(allowed.data.flags).toBe(IS_COMPONENTS_V2);
    expect(cardOf(allowed.data).title).toBe("Who: Owen Castell");
    // The user's own library there: READER_A's garden article is theirs in any server.
    const garden = await answer(
      standIn.commandAs("who", [{ name: "query", type: STRING, value: "Varga" }], {
        userId: READER_A,
        where: "user-install",
        permissions: USE_EXTERNAL_APPS,
      }),
    );
    expect(cardOf(garden.data).title).toBe("Who: Lena Varga");
  });
});
