// The whole library in Discord, end to end: the bot as `npm start` runs it, the Discord stand-in, and a feed and
// its articles served from 127.0.0.1. `/feed add` → the feed's items are added and posted to the channel once;
// `/library ask` answers from two of those articles, each citation naming its article.

import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, stopBot } from "../support/bot-process.ts";
import {
  CHANNEL_ID,
  DiscordStandIn,
  FAKE_TOKEN,
  MODERATOR_PERMISSIONS,
} from "../support/discord-stand-in.ts";
import { type PageServer, startPageServer } from "../support/ingest-server.ts";
import { tempDir } from "./helpers.ts";
import { readPng } from "./png-check.ts";

const STRING = 3;
interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  image?: { url: string };
}
interface Body {
  type?: number;
  content?: string;
  embeds?: Embed[];
  flags?: number;
  allowed_mentions?: { parse: string[] };
  data?: Body;
}

// Two invented reports of one story, from two outlets.
const ARTICLES = {
  "/news/orchard-fire": {
    title: "Fire destroys the old cider barn at Hollin Orchard",
    date: "2025-09-12",
    site: "Vale Courier",
    paragraphs: [
      "A fire destroyed the old cider barn at Hollin Orchard late on Thursday night, and firefighters from three stations worked until dawn to stop it reaching the farmhouse.",
      "Station officer Ruth Kendal said the blaze started in a storeroom at the back of the barn, where straw and empty barrels were kept for the harvest.",
      "Nobody was hurt, Kendal said, but the barn, which was built in 1871, could not be saved, and the orchard's cider press was lost with it.",
    ],
  },
  "/news/orchard-rebuild": {
    title: "Hollin Orchard vows to rebuild its cider barn before the next harvest",
    date: "2025-09-15",
    site: "Hill Post",
    paragraphs: [
      "The family that runs Hollin Orchard said on Monday that it would rebuild the cider barn that burned down last week, and hopes to finish before the next harvest.",
      "Station officer Ruth Kendal told the Hill Post that the fire began in a storeroom at the back of the barn, and that investigators had found no sign that it was started on purpose.",
      "Neighbours have offered to lend the orchard a cider press, and a village fund has raised four thousand pounds for the new barn in two days.",
    ],
  },
} as const;

function page(path: keyof typeof ARTICLES): string {
  const a = ARTICLES[path];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title>
<meta property="og:title" content="${a.title}"><meta property="og:site_name" content="${a.site}">
<meta property="article:published_time" content="${a.date}T07:00:00Z"></head>
<body><main><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></main></body></html>`;
}

describe("the whole library in Discord (the real bot against the stand-in)", () => {
  const standIn = new DiscordStandIn();
  let pages: PageServer;
  let bot: Awaited<ReturnType<typeof startBot>>;
  const feedRequests: string[] = [];

  beforeAll(async () => {
    await standIn.start();
    const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};
    for (const path of Object.keys(ARTICLES) as (keyof typeof ARTICLES)[])
      routes[path] = (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page(path));
    routes["/feed.xml"] = (req, res) => {
      feedRequests.push(String(req.headers["if-none-match"] ?? ""));
      if (req.headers["if-none-match"] === '"f1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"f1"' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Vale News</title><link>/</link>
<item><title>${ARTICLES["/news/orchard-rebuild"].title}</title><link>/news/orchard-rebuild</link><guid>rebuild</guid></item>
<item><title>${ARTICLES["/news/orchard-fire"].title}</title><link>/news/orchard-fire</link><guid>fire</guid></item>
</channel></rss>`,
      );
    };
    pages = await startPageServer(routes);
    bot = await startBot(standIn, {
      CITEBOT_DATA_DIR: tempDir("citebot-library-e2e-"),
      FETCH_ALLOW_LOOPBACK: "true",
    });
  }, 90_000);

  afterAll(async () => {
    const code = await stopBot(bot.child);
    await pages.close();
    await standIn.stop();
    expect(code).toBe(0);
    expect(bot.output.text).not.toContain("unhandledRejection");
    expect(bot.output.text).not.toContain(FAKE_TOKEN);
  });

  it("/feed add follows the feed, and its items are added and posted to the channel once", async () => {
    const from = standIn.calls.length;
    const id = standIn.subcommand(
      "feed",
      "add",
      [{ name: "url", type: STRING, value: `${pages.base}/feed.xml` }],
      {
        permissions: MODERATOR_PERMISSIONS,
      },
    );
    expect(((await standIn.callbackFor(id, 15_000)).body as Body).type).toBe(5);
    const edit = (await standIn.webhookFor(id, "PATCH")).body as Body;
    expect(edit.content).toMatch(
      /^Following Vale News \(`[0-9a-f]{8}`\): each new item in <#333333333333333333>\.$/,
    );
    const post = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path === `/api/v10/channels/${CHANNEL_ID}/messages`,
      30_000,
      from,
    );
    const body = post.body as Body;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds?.map((e) => [e.title, e.url, e.footer?.text])).toEqual([
      [ARTICLES["/news/orchard-fire"].title, `${pages.base}/news/orchard-fire`, "Vale Courier · 2025-09-12"],
      [
        ARTICLES["/news/orchard-rebuild"].title,
        `${pages.base}/news/orchard-rebuild`,
        "Hill Post · 2025-09-15",
      ],
    ]);
    expect(body.embeds?.[0]?.description).toBe(`> ${ARTICLES["/news/orchard-fire"].paragraphs[0]}\n-# ¶1`);
    expect(
      standIn.calls.slice(from).filter((c) => c.path.endsWith(`/channels/${CHANNEL_ID}/messages`)),
    ).toHaveLength(1);
  });

  it("/library ask answers from two articles, each citation under its article", async () => {
    const id = standIn.subcommand("library", "ask", [
      { name: "question", type: STRING, value: "Who is the station officer?" },
    ]);
    const body = (await standIn.callbackFor(id, 15_000)).body as Body;
    expect(body.type).toBe(4);
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe("Library: Who is the station officer?");
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "Hollin Orchard vows to rebuild its cider barn before the next harvest · 2025-09-15 · Hill Post",
      "Fire destroys the old cider barn at Hollin Orchard · 2025-09-12 · Vale Courier",
    ]);
    for (const field of embed?.fields ?? [])
      expect(field.value).toContain("storeroom at the back of the barn");
  });

  it("/ask scope:library cites two articles; /who scope:library gives one profile across them", async () => {
    const id = standIn.command("ask", [
      { name: "question", type: STRING, value: "Who is the station officer?" },
      { name: "scope", type: STRING, value: "library" },
    ]);
    const embed = ((await standIn.callbackFor(id, 15_000)).body as Body).data?.embeds?.[0];
    expect(embed?.description).toBe(
      "From 2 articles: Hollin Orchard vows to rebuild its cider barn before the next harvest (2025-09-15); Fire destroys the old cider barn at Hollin Orchard (2025-09-12).",
    );
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "Hollin Orchard vows to rebuild its cider barn before the next harvest · 2025-09-15 · Hill Post",
      "Fire destroys the old cider barn at Hollin Orchard · 2025-09-12 · Vale Courier",
    ]);
    const who = standIn.command("who", [
      { name: "query", type: STRING, value: "Ruth Kendal" },
      { name: "scope", type: STRING, value: "library" },
    ]);
    const profile = ((await standIn.callbackFor(who, 15_000)).body as Body).data?.embeds?.[0];
    expect(profile?.fields?.map((f) => f.name).slice(1, 3)).toEqual([
      "First mention · Fire destroys the old cider barn at Hollin Orchard · 2025-09-12 · Vale Courier",
      "Last mention · Hollin Orchard vows to rebuild its cider barn before the next harvest · 2025-09-15 · Hill Post",
    ]);
  });

  it("/when scope:library attaches the story's timeline, one lane per article", async () => {
    const id = standIn.command("when", [{ name: "scope", type: STRING, value: "library" }]);
    const call = await standIn.callbackFor(id, 15_000);
    expect(call.files?.map((f) => [f.name, f.type])).toEqual([["timeline.png", "image/png"]]);
    expect(readPng(call.files?.[0]?.bytes ?? Buffer.alloc(0)).width).toBe(1600);
    const data = (call.body as Body).data as Body & { attachments?: { description?: string }[] };
    expect(data.embeds?.[0]?.title).toBe("Library: timeline");
    expect(data.embeds?.[0]?.image?.url).toBe("attachment://timeline.png");
    // The built-in articles are in every library: four lanes, oldest article first.
    const alt = data.attachments?.[0]?.description ?? "";
    expect(alt.startsWith("Timeline across 4 articles: ")).toBe(true);
    expect(alt.indexOf("Fire destroys the old cider barn at Hollin Orchard: ")).toBeLessThan(
      alt.indexOf("Hollin Orchard vows to rebuild its cider barn before the next harvest: "),
    );
    expect(alt.indexOf("Fire destroys the old cider barn")).toBeGreaterThan(0);
  });

  it("/library search lists both articles; /feed list shows the feed", async () => {
    const search = standIn.subcommand("library", "search", [
      { name: "query", type: STRING, value: "cider press" },
    ]);
    const embed = ((await standIn.callbackFor(search, 15_000)).body as Body).data?.embeds?.[0];
    expect(embed?.fields).toHaveLength(2);
    const list = standIn.subcommand("feed", "list", [], { permissions: MODERATOR_PERMISSIONS });
    const listed = ((await standIn.callbackFor(list, 15_000)).body as Body).data;
    expect(listed?.content).toMatch(/^`[0-9a-f]{8}` Vale News → <#333333333333333333> · each item$/);
    expect(listed?.flags).toBe(64);
  });
});
