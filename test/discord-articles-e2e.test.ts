// Adding articles in Discord, end to end: the bot as `npm start` runs it, the Discord stand-in (gateway, REST
// and its CDN for attachments) and a page server of ours, all on 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, stopBot } from "../support/bot-process.ts";
import { DiscordStandIn, FAKE_TOKEN, MODERATOR_PERMISSIONS } from "../support/discord-stand-in.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";
import { cardOf } from "./card-view.ts";
import { articlePage, articleText, frontPage, NIGHT_BUSES, SEED_LANE } from "./discord-article-pages.ts";

interface Embed {
  title?: string;
  url?: string;
  description?: string;
  author?: { name: string };
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}
interface Body {
  type?: number;
  content?: string;
  embeds?: Embed[];
  flags?: number;
  allowed_mentions?: { parse: string[] };
  data?: Body & { choices?: { name: string; value: string }[] };
}

const STRING = 3;
const INTEGER = 4;
const ATTACHMENT = 11;
const ADDER = "777777777777777777";
const OTHER = "888888888888888888";
const NIGHT_ID = "night-buses-return-to-the-kestrel-valley-line-after-two";
const SEED_LANE_ID = "seed-library-opens-in-the-old-post-office-on-wren-lane";

const fieldsOf = (embed: Embed | undefined) =>
  Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));

describe("adding articles in Discord (the real bot against the stand-in)", () => {
  const standIn = new DiscordStandIn();
  const dataDir = mkdtempSync(join(tmpdir(), "citebot-discord-data-"));
  const env = { CITEBOT_DATA_DIR: dataDir, FETCH_ALLOW_LOOPBACK: "true" };
  let pages: PageServer;
  let bot: Awaited<ReturnType<typeof startBot>>;
  const outputs: string[] = [];

  const callback = async (id: string) => (await standIn.callbackFor(id, 15_000)).body as Body;
  const edit = async (id: string) => (await standIn.webhookFor(id, "PATCH")).body as Body;

  beforeAll(async () => {
    await standIn.start();
    pages = await startPageServer({
      "/night-buses": html(articlePage(NIGHT_BUSES)),
      "/front": html(frontPage()),
    });
    bot = await startBot(standIn, env);
  }, 90_000); // startBot allows 60 s for a loaded machine

  afterAll(async () => {
    const code = await stopBot(bot.child);
    outputs.push(bot.output.text);
    await pages.close();
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(0);
    for (const text of outputs) {
      expect(text).not.toContain("unhandledRejection");
      expect(text).not.toContain(FAKE_TOKEN);
    }
  });

  it("/article add url: defers, then edits the reply with the article and a cited 3-sentence summary", async () => {
    const id = standIn.subcommand(
      "article",
      "add",
      [{ name: "url", type: STRING, value: `${pages.base}/night-buses` }],
      { userId: ADDER },
    );
    expect((await callback(id)).type).toBe(5);
    const body = await edit(id);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = body.embeds?.[0];
    expect(embed?.author?.name).toBe("Added to this server's library");
    expect(embed?.title).toBe(NIGHT_BUSES.title);
    expect(embed?.url).toBe(`${pages.base}/night-buses`);
    expect(fieldsOf(embed)).toEqual({
      Date: "2025-06-02",
      Byline: "Ines Marlow",
      Source: "Valley Courier",
      Paragraphs: "5",
      Id: `\`${NIGHT_ID}\``,
    });
    expect(embed?.description?.match(/^> /gm)).toHaveLength(3);
    expect(embed?.description).toMatch(
      /^> Night buses will run again on the Kestrel Valley line from Monday,/,
    );
    expect(embed?.description).toContain("-# ¶1");
    expect(pages.requests).toEqual(["/night-buses"]);
  });

  it("answers /who about the new article: it is the channel's current article", async () => {
    const body = await callback(
      standIn.command("who", [{ name: "query", type: STRING, value: "Delacourt" }]),
    );
    expect(body.type).toBe(4);
    expect(cardOf(body.data).title).toBe("Who: Rosa Delacourt");
    expect(cardOf(body.data).footer).toContain("2025-06-02");
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it("autocompletes article: from the server's library plus the built-in articles", async () => {
    const stored = await callback(
      standIn.autocomplete("who", [{ name: "article", type: STRING, value: "kestrel", focused: true }]),
    );
    expect(stored.data?.choices?.[0]).toEqual({
      name: `${NIGHT_BUSES.title} (2025-06-02)`,
      value: NIGHT_ID,
    });
    const seeds = await callback(
      standIn.autocomplete("when", [{ name: "article", type: STRING, value: "haiti", focused: true }]),
    );
    expect(seeds.data?.choices?.[0]?.value).toBe("kenyan-officer-killed-in-haiti");
  });

  it("adds an attachment, read from Discord's CDN", async () => {
    const file = standIn.attachment("seed-lane.md", articleText(SEED_LANE), "text/markdown; charset=utf-8");
    const id = standIn.subcommand("article", "add", [{ name: "file", type: ATTACHMENT, value: file.id }], {
      userId: OTHER,
      attachments: [file],
    });
    expect((await callback(id)).type).toBe(5);
    const embed = (await edit(id)).embeds?.[0];
    expect(embed?.title).toBe(SEED_LANE.title);
    expect(fieldsOf(embed)).toMatchObject({
      Byline: "Colm Hardy",
      Paragraphs: "4",
      Id: `\`${SEED_LANE_ID}\``,
    });
    expect(standIn.cdnRequests).toEqual([new URL(file.url).pathname]);
  });

  it("refuses an unsupported attachment at once, privately, without reading it", async () => {
    const file = standIn.attachment("notes.docx", "not really a document", "application/octet-stream");
    const body = await callback(
      standIn.subcommand("article", "add", [{ name: "file", type: ATTACHMENT, value: file.id }], {
        attachments: [file],
      }),
    );
    expect(body).toMatchObject({
      type: 4,
      data: {
        content: 'Unsupported file type ".docx": citebot reads .txt, .md, .html, .pdf files.',
        flags: 64,
        allowed_mentions: { parse: [] },
        embeds: [],
        components: [],
      },
    });
    expect(standIn.cdnRequests).not.toContain(new URL(file.url).pathname);
  });

  it("turns a failed add into one private message and stores nothing", async () => {
    const id = standIn.subcommand("article", "add", [
      { name: "url", type: STRING, value: `${pages.base}/front` },
    ]);
    expect((await callback(id)).type).toBe(5);
    await standIn.webhookFor(id, "DELETE");
    const note = (await standIn.webhookFor(id, "POST")).body as Body;
    expect(note.flags).toBe(64);
    expect(note.allowed_mentions).toEqual({ parse: [] });
    expect(note.content).toMatch(
      /^Could not add the article: this is not an article: .+\. Nothing was stored\.$/,
    );
    const list = await callback(standIn.subcommand("article", "list"));
    expect(list.data?.embeds?.[0]?.title).toBe("Articles added in this server (2)");
  });

  it("adds from the message menu: the message's first link", async () => {
    // The same page again: a duplicate answers with the stored article, and nothing is fetched.
    const id = standIn.messageCommand(
      "Add article to citebot",
      `Worth a read <${pages.base}/night-buses> and also ${pages.base}/front`,
    );
    expect((await callback(id)).type).toBe(5);
    const embed = (await edit(id)).embeds?.[0];
    expect(embed?.author?.name).toBe("Already in this server's library (nothing was added)");
    expect(embed?.title).toBe(NIGHT_BUSES.title);
    expect(pages.requests).toEqual(["/night-buses", "/front"]);
  });

  it("adds from the message menu: the message's first attachment when it has no link", async () => {
    const text = articleText({
      ...SEED_LANE,
      title: "Wren Lane seed library lends its first packets",
      paragraphs: [
        "The seed library on Wren Lane lent its first packets on Saturday morning, and a queue of gardeners reached the corner of the street before the doors opened at nine.",
        "Amara Voss, who runs the library, said beans and marigolds went first, and that several children brought drawings of the plants they hoped to grow this summer.",
        "Borrowers are asked to return seeds from their harvest in October, so that the shelves can fill again for the next spring, Voss said.",
      ],
    });
    const file = standIn.attachment("lending.txt", text, "text/plain; charset=utf-8");
    const id = standIn.messageCommand("Add article to citebot", "see the attached file", [file]);
    expect((await callback(id)).type).toBe(5);
    expect((await edit(id)).embeds?.[0]?.title).toBe("Wren Lane seed library lends its first packets");
  });

  it("lists the server's articles newest first, with who added them", async () => {
    const body = await callback(standIn.subcommand("article", "list"));
    expect(body.data?.flags).toBe(64);
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe("Articles added in this server (3)");
    const titles = [...(embed?.description ?? "").matchAll(/^\*\*(.+)\*\*$/gm)].map((m) => m[1]);
    expect(titles).toEqual([
      "Wren Lane seed library lends its first packets",
      SEED_LANE.title,
      NIGHT_BUSES.title,
    ]);
    expect(embed?.description).toContain(`\`${NIGHT_ID}\` · 2025-06-02 · added by <@${ADDER}> <t:`);
    expect(embed?.footer?.text).toBe("Page 1 of 1 · 2 built-in articles too");
    const empty = await callback(
      standIn.subcommand("article", "list", [{ name: "page", type: INTEGER, value: 3 }]),
    );
    expect(empty.data?.embeds?.[0]?.description).toBe("There is no page 3: the list has 1 page.");
  });

  it("lets only the person who added an article, or Manage Messages, remove it", async () => {
    const article = { name: "article", type: STRING, value: SEED_LANE_ID };
    const refused = await callback(standIn.subcommand("article", "remove", [article], { userId: ADDER }));
    expect(refused.data?.content).toBe(
      `Only the person who added "${SEED_LANE.title}", or a member with the Manage Messages permission, can remove it.`,
    );
    expect(refused.data?.flags).toBe(64);
    const removed = await callback(
      standIn.subcommand("article", "remove", [article], {
        userId: ADDER,
        permissions: MODERATOR_PERMISSIONS,
      }),
    );
    expect(removed.data?.content).toBe(
      `Removed **${SEED_LANE.title}** (\`${SEED_LANE_ID}\`) from this server's library.`,
    );
    expect(removed.data?.flags ?? 0).toBe(0);
    const builtIn = await callback(
      standIn.subcommand("article", "remove", [
        { name: "article", type: STRING, value: "kenyan-officer-killed-in-haiti" },
      ]),
    );
    expect(builtIn.data?.content).toMatch(
      /is a built-in article: every library has it, and it cannot be removed\.$/,
    );
  });

  it("keeps the library and the channel's current article across a restart", async () => {
    const use = await callback(
      standIn.subcommand("article", "use", [{ name: "article", type: STRING, value: NIGHT_ID }]),
    );
    expect(use.data?.content).toBe(
      `This channel's current article is now **${NIGHT_BUSES.title}** (\`${NIGHT_ID}\`): commands without article: use it.`,
    );
    expect(await stopBot(bot.child)).toBe(0);
    outputs.push(bot.output.text);
    standIn.forget();
    bot = await startBot(standIn, env);
    const list = await callback(standIn.subcommand("article", "list"));
    expect(list.data?.embeds?.[0]?.title).toBe("Articles added in this server (2)");
    const who = await callback(standIn.command("who", [{ name: "query", type: STRING, value: "Fenn" }]));
    expect(cardOf(who.data).title).toBe("Who: Tobias Fenn");
  });

  it("opens a form for pasted text, and adds what is submitted", async () => {
    const form = await callback(standIn.subcommand("article", "add"));
    expect(form.type).toBe(9);
    expect((form.data as { custom_id?: string } | undefined)?.custom_id).toBe("article:add-text");
    const text = [
      "date 2025-09-20",
      "The old tide mill at Sedge Point ground flour again on Saturday for the first time in sixty years, after volunteers spent four winters repairing its wheel and sluice gates.",
      "“The tide does the work, we only open the gates,” said Hal Brenning, who leads the group of volunteers and learned the trade from the last miller's notebooks.",
      "The mill will open to visitors on the first weekend of every month, and the flour will be sold at the village shop to pay for the upkeep of the building.",
    ].join("\n\n");
    const id = standIn.modalSubmit("article:add-text", {
      title: "Tide mill grinds again at Sedge Point",
      text,
    });
    expect((await callback(id)).type).toBe(5);
    const embed = (await edit(id)).embeds?.[0];
    expect(embed?.title).toBe("Tide mill grinds again at Sedge Point");
    expect(fieldsOf(embed)).toMatchObject({ Date: "2025-09-20", Paragraphs: "3" });
  });
});
