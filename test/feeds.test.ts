// News feeds served from 127.0.0.1 in the test: RSS 2.0, Atom with relative links, a feed whose item changes,
// error responses, and bad feeds. Every fetch goes through the article guard (FETCH_ALLOW_LOOPBACK for the
// local server only); items become articles as `/article add` makes them.

import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { type OpenArticles, openArticleService } from "../src/app/open-articles.ts";
import { readConfig } from "../src/config.ts";
import { FeedError, FeedService, openFeedStore } from "../src/feeds/feed-service.ts";
import type { Feed } from "../src/feeds/feed-store.ts";
import { retryAfterMs } from "../src/feeds/fetch-feed.ts";
import { type FeedLease, MemoryLease, PgLease, RedisLease } from "../src/feeds/lease.ts";
import { parseFeedText } from "../src/feeds/parse-feed.ts";
import { backoffMs, type FeedEvent, type FeedPoller, PAUSE_AFTER_FAILURES } from "../src/feeds/poller.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { decodeXml } from "../src/ingest/charset.ts";
import { closeDispatchers } from "../src/ingest/fetch.ts";
import { type PageServer, startPageServer } from "../support/ingest-server.ts";
import { runCli, SEEDS, tempDir } from "./helpers.ts";
import { dropSchema, runName, TEST_DATABASE_URL, TEST_REDIS_URL } from "./services.ts";

// Invented articles about one story, each long enough to be an article (80 words and more).
const STORIES: Record<string, { title: string; date: string; paragraphs: string[] }> = {
  "gull-island-ferry": {
    title: "Gull Island ferry cancelled for a week after engine fault",
    date: "2025-05-02",
    paragraphs: [
      "The only ferry to Gull Island will not sail for at least a week after engineers found a cracked cylinder head on Thursday, the island council said on Friday.",
      "About three hundred people live on the island, and the council said a water taxi would carry doctors, teachers and post across the sound twice a day until the ferry returns.",
      "“Nobody will be left without food or medicine,” said council leader Petra Holm, who asked visitors to postpone their trips until the end of the month.",
    ],
  },
  "gull-island-water-taxi": {
    title: "Water taxi keeps Gull Island supplied while ferry is repaired",
    date: "2025-05-05",
    paragraphs: [
      "A small water taxi carried forty passengers and two tonnes of groceries to Gull Island over the weekend while the island's ferry stayed in the repair yard.",
      "Skipper Anton Reyes said the crossing took twenty minutes each way in calm water, and that he had doubled his crew so the boat could run from dawn until late evening.",
      "Petra Holm, the council leader, thanked the crew and said the ferry's new cylinder head had arrived from the mainland on Sunday morning.",
    ],
  },
  "gull-island-ferry-returns": {
    title: "Gull Island ferry sails again after repairs",
    date: "2025-05-09",
    paragraphs: [
      "The Gull Island ferry returned to service on Friday morning, a week after an engine fault stopped it, with more than sixty passengers on its first crossing.",
      "Engineers worked through two nights to fit the new cylinder head and test the engine, the ferry company said in a statement, and inspectors passed the boat on Thursday.",
      "Council leader Petra Holm said the water taxi would stay on call for another week in case the ferry needed more work, and that the council would review the island's transport plan.",
    ],
  },
  "gull-island-school": {
    title: "Gull Island school reopens after teachers return by boat",
    date: "2025-05-06",
    paragraphs: [
      "The primary school on Gull Island reopened on Tuesday after its two teachers, who live on the mainland, began crossing each morning on the water taxi.",
      "Head teacher Mira Solberg said the twenty-three pupils had missed three days of lessons, and that the school would add an hour of reading on Friday afternoons to catch up.",
      "Parents had taught small groups in the village hall while the school was shut, and the council paid for the extra fuel the water taxi used on the school runs.",
    ],
  },
};

function page(id: string): string {
  const a = STORIES[id] as (typeof STORIES)[string];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title>
<meta property="og:title" content="${a.title}"><meta property="og:site_name" content="Sound Weekly">
<meta property="article:published_time" content="${a.date}T08:00:00Z"></head>
<body><main><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></main></body></html>`;
}

const rssItem = (id: string, link: string, guid = id) =>
  `<item><title>${STORIES[id]?.title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid></item>`;

function rss(items: string[], extra = ""): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Sound Weekly</title>
<link>http://127.0.0.1/</link><description>News of the sound</description>${extra}${items.join("")}</channel></rss>`;
}

function atom(entries: { id: string; href: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Island Post</title>
<id>urn:island-post</id><updated>2025-05-09T00:00:00Z</updated>${entries
    .map(
      (e) =>
        `<entry><title>${STORIES[e.id]?.title}</title><id>urn:${e.id}</id><link href="${e.href}"/><updated>2025-05-09T00:00:00Z</updated></entry>`,
    )
    .join("")}</feed>`;
}

/** Serves `body` with an ETag; a request that sends it back gets 304. Records the conditional headers seen. */
function feedRoute(state: { body: string; etag: string; conditional: string[] }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const sent = req.headers["if-none-match"];
    state.conditional.push(String(sent ?? ""));
    if (sent === state.etag) {
      res.writeHead(304, { etag: state.etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml", etag: state.etag }).end(state.body);
  };
}

let server: PageServer;
const rssState = { body: "", etag: '"v1"', conditional: [] as string[] };
const atomState = { body: "", etag: '"a1"', conditional: [] as string[] };
let failing: { status: number; headers: Record<string, string> };

beforeAll(async () => {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};
  for (const id of Object.keys(STORIES)) {
    routes[`/news/${id}`] = (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page(id));
  }
  routes["/rss.xml"] = feedRoute(rssState);
  routes["/island/atom.xml"] = feedRoute(atomState);
  routes["/broken.xml"] = (_req, res) => res.writeHead(failing.status, failing.headers).end("down");
  routes["/not-a-feed"] = (_req, res) =>
    res.writeHead(200, { "content-type": "text/html" }).end("<html><body><p>Hello</p></body></html>");
  routes["/huge.xml"] = (_req, res) =>
    res
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(
        rss(Array.from({ length: 10_000 }, (_, i) => `<item><title>n${i}</title><link>/x${i}</link></item>`)),
      );
  // An older feed in ISO-8859-1, declared only in its XML declaration.
  routes["/latin1.xml"] = (_req, res) =>
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(
      Buffer.from(
        rss([rssItem("gull-island-school", `${server.base}/news/gull-island-school`)])
          .replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
          .replace("<title>Sound Weekly</title>", "<title>Nouvelles de l'île, édition du soir</title>"),
        "latin1",
      ),
    );
  routes["/loop.xml"] = (_req, res) => res.writeHead(302, { location: "/loop.xml" }).end();
  routes["/private.xml"] = (_req, res) =>
    res
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(rss([rssItem("gull-island-school", "http://10.1.2.3/news/secret")]));
  server = await startPageServer(routes);
});
afterAll(async () => {
  await closeDispatchers();
  await server.close();
});

let opened: OpenArticles;
let service: FeedService;
let clock: number;
const now = () => new Date(Date.UTC(2025, 4, 9, 12, 0, 0) + clock * 1000);
const events: FeedEvent[] = [];

function open(dir: string, extra: NodeJS.ProcessEnv = {}): { opened: OpenArticles; service: FeedService } {
  const config = readConfig({
    ARTICLES_DIR: SEEDS,
    CITEBOT_DATA_DIR: dir,
    FETCH_ALLOW_LOOPBACK: "true",
    ...extra,
  });
  const o = openArticleService(config, loadLibrary(SEEDS));
  const s = new FeedService(
    openFeedStore(o),
    o,
    { ...readConfigFetch(config) },
    { maxFeeds: 3, maxArticlesPerDay: 500 },
  );
  return { opened: o, service: s };
}
function readConfigFetch(config: ReturnType<typeof readConfig>) {
  return {
    maxBytes: config.FETCH_MAX_BYTES,
    deadlineMs: config.FETCH_TIMEOUT_MS,
    connectTimeoutMs: 5_000,
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    maxRedirects: 5,
    allowLoopback: true,
  };
}
const subscription = {
  channelId: "chan-1",
  digest: "each" as const,
  digestHour: null,
  timeZone: null,
  addedBy: "user-1",
};

beforeEach(() => {
  clock = 0;
  events.length = 0;
  ({ opened, service } = open(tempDir("citebot-feeds-")));
  rssState.conditional = [];
  atomState.conditional = [];
  rssState.body = rss(
    [
      rssItem("gull-island-water-taxi", `${server.base}/news/gull-island-water-taxi`),
      rssItem("gull-island-ferry", `${server.base}/news/gull-island-ferry`),
    ],
    "<ttl>30</ttl>",
  );
  rssState.etag = '"v1"';
});
afterEach(async () => {
  await opened.close();
});

const poller = () =>
  service.poller(new MemoryLease(), async (event) => void events.push(event), { now, random: () => 0 });

describe("feed polling", () => {
  it("adds a first poll's items, posts each once, and a second poll sends a conditional request and adds none", async () => {
    const { feed } = await service.add("g", `${server.base}/rss.xml`, subscription);
    expect([feed.title, feed.url]).toEqual(["Sound Weekly", `${server.base}/rss.xml`]);
    const [first] = await poller().pollDue("g", true);
    expect(first).toEqual({
      serverId: "g",
      feedId: feed.id,
      status: "fetched",
      added: [
        {
          id: "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
          title: STORIES["gull-island-ferry"]?.title,
          url: `${server.base}/news/gull-island-ferry`,
        },
        {
          id: "water-taxi-keeps-gull-island-supplied-while-ferry-is",
          title: STORIES["gull-island-water-taxi"]?.title,
          url: `${server.base}/news/gull-island-water-taxi`,
        },
      ],
      skipped: 0,
      errors: [],
    });
    expect(events).toHaveLength(1);
    const cards = events[0]?.kind === "items" ? events[0].cards : [];
    expect(
      cards.map((c) => [c.article.id, c.article.source ?? null, c.lede?.paragraph, c.lede?.excerpt, c.url]),
    ).toEqual([
      [
        "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
        "Sound Weekly",
        1,
        STORIES["gull-island-ferry"]?.paragraphs[0],
        `${server.base}/news/gull-island-ferry`,
      ],
      [
        "water-taxi-keeps-gull-island-supplied-while-ferry-is",
        "Sound Weekly",
        1,
        STORIES["gull-island-water-taxi"]?.paragraphs[0],
        `${server.base}/news/gull-island-water-taxi`,
      ],
    ]);
    const stored = await service.feeds.getFeed("g", feed.id);
    expect([stored?.etag, stored?.intervalMs, stored?.nextPollAt]).toEqual([
      '"v1"',
      1_800_000,
      "2025-05-09T12:30:00.000Z",
    ]);

    const second = await poller().pollDue("g", true);
    expect(second.map((r) => [r.status, r.added, r.skipped, r.errors])).toEqual([
      ["not-modified", [], 0, []],
    ]);
    expect(rssState.conditional).toEqual(["", "", '"v1"']);
    expect(events).toHaveLength(1);
    expect(await opened.service.store.count("g")).toBe(2);
  });

  it("adds a new item once and not a changed item again; a due poll waits for the feed's interval", async () => {
    const { feed } = await service.add("g", `${server.base}/rss.xml`, subscription);
    await poller().pollDue("g", true);
    rssState.etag = '"v2"';
    rssState.body = rss(
      [
        rssItem("gull-island-ferry-returns", `${server.base}/news/gull-island-ferry-returns`),
        // The same guid with another title and link: an edit of an item already added, not a new item.
        rssItem("gull-island-school", `${server.base}/news/gull-island-school`, "gull-island-water-taxi"),
        rssItem("gull-island-ferry", `${server.base}/news/gull-island-ferry`),
      ],
      "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>",
    );
    clock = 60;
    expect(await poller().pollDue("g")).toEqual([]);
    clock = 1800;
    const [result] = await poller().pollDue("g");
    expect([result?.status, result?.added.map((a) => a.id), result?.skipped]).toEqual([
      "fetched",
      ["gull-island-ferry-sails-again-after-repairs"],
      2,
    ]);
    expect(events.map((e) => (e.kind === "items" ? e.cards.map((c) => c.article.id) : e.kind))).toEqual([
      [
        "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
        "water-taxi-keeps-gull-island-supplied-while-ferry-is",
      ],
      ["gull-island-ferry-sails-again-after-repairs"],
    ]);
    expect((await service.feeds.getFeed("g", feed.id))?.nextPollAt).toBe("2025-05-09T13:30:00.000Z");
    expect(await poller().pollDue("g", true)).toMatchObject([{ status: "not-modified", added: [] }]);
    expect(events).toHaveLength(2);
  });

  it("resolves relative links in an Atom feed, and skips an item already in the library by its URL", async () => {
    atomState.body = atom([
      { id: "gull-island-school", href: "../news/gull-island-school" },
      { id: "gull-island-ferry", href: "/news/gull-island-ferry" },
    ]);
    await opened.service.add("g", { kind: "url", url: `${server.base}/news/gull-island-ferry` }, "user-1");
    const { feed } = await service.add("g", `${server.base}/island/atom.xml`, subscription);
    expect(feed.title).toBe("Island Post");
    const [result] = await poller().pollDue("g", true);
    expect([result?.added.map((a) => [a.id, a.url]), result?.skipped, result?.errors]).toEqual([
      [
        [
          "gull-island-school-reopens-after-teachers-return-by-boat",
          `${server.base}/news/gull-island-school`,
        ],
      ],
      1,
      [],
    ]);
  });

  it("backs off on errors with jitter, honours Retry-After, and pauses after repeated failures, telling the channel once", async () => {
    failing = { status: 503, headers: { "retry-after": "120" } };
    failing.headers["content-type"] = "text/plain";
    const { feed } = await service.feeds.addFeed(
      { serverId: "g", url: `${server.base}/broken.xml`, title: null, ...subscription },
      3,
    );
    const first = await poller().poll(feed);
    expect([first.status, first.errors]).toEqual(["failed", ["the site answered HTTP 503"]]);
    let state = (await service.feeds.getFeed("g", feed.id)) as Feed;
    expect([state.failures, state.nextPollAt]).toEqual([1, "2025-05-09T12:02:00.000Z"]);
    failing = { status: 500, headers: {} };
    await poller().poll(state);
    state = (await service.feeds.getFeed("g", feed.id)) as Feed;
    // Second failure: a 2-minute step, jitter 0 gives half of it.
    expect([state.failures, state.nextPollAt]).toEqual([2, "2025-05-09T12:01:00.000Z"]);
    for (let i = 3; i <= PAUSE_AFTER_FAILURES; i++) {
      await poller().poll(state);
      state = (await service.feeds.getFeed("g", feed.id)) as Feed;
    }
    expect([state.failures, state.pausedAt, state.lastError]).toEqual([
      5,
      "2025-05-09T12:00:00.000Z",
      "the site answered HTTP 500",
    ]);
    expect(events).toEqual([
      {
        kind: "paused",
        feed: expect.objectContaining({ id: feed.id }),
        reason:
          "paused after 5 failed polls in a row (last: the site answered HTTP 500); add it again to resume",
      },
    ]);
    expect(await poller().pollDue("g", true)).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it("computes backoff steps with jitter and reads Retry-After in both forms", () => {
    expect([1, 2, 3, 11, 30].map((n) => backoffMs(n, () => 1))).toEqual([
      60_000, 120_000, 240_000, 61_440_000, 86_400_000,
    ]);
    expect(backoffMs(3, () => 0)).toBe(120_000);
    const at = new Date("2025-05-09T12:00:00Z");
    expect(retryAfterMs("90", at)).toBe(90_000);
    expect(retryAfterMs("Fri, 09 May 2025 12:05:00 GMT", at)).toBe(300_000);
    expect(retryAfterMs("soon", at)).toBeNull();
  });
});

describe("bad feeds", () => {
  it("refuses what is not a feed, a feed of 10,000 items and a redirect loop, with a clear message", async () => {
    await expect(service.add("g", `${server.base}/not-a-feed`, subscription)).rejects.toThrow(
      new FeedError("this is not an RSS or Atom feed (the page is not feed XML)"),
    );
    await expect(service.add("g", `${server.base}/huge.xml`, subscription)).rejects.toThrow(
      "the feed has 10,000 items; citebot reads feeds of at most 1,000",
    );
    await expect(service.add("g", `${server.base}/loop.xml`, subscription)).rejects.toThrow(
      "could not reach the page (more than 5 redirects)",
    );
    const small = open(tempDir("citebot-feeds-small-"), { FETCH_MAX_BYTES: "2000" });
    await expect(small.service.add("g", `${server.base}/huge.xml`, subscription)).rejects.toThrow(
      new FeedError("the feed is too large (over 2 KB)"),
    );
    await small.opened.close();
    await expect(service.add("g", "http://10.0.0.7/feed.xml", subscription)).rejects.toThrow(
      "refused: 10.0.0.7 is not a public internet address",
    );
    expect(await service.list("g")).toEqual([]);
  });

  it("skips items that link to private addresses, keeping what is stored", async () => {
    await opened.service.add("g", { kind: "url", url: `${server.base}/news/gull-island-ferry` }, "user-1");
    const { feed } = await service.add("g", `${server.base}/private.xml`, subscription);
    const result = await poller().poll(feed);
    expect([result.status, result.added, result.errors]).toEqual([
      "fetched",
      [],
      [`item "${STORIES["gull-island-school"]?.title}": refused: 10.1.2.3 is not a public internet address`],
    ]);
    expect((await opened.service.store.list("g")).map((a) => a.meta.id)).toEqual([
      "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
    ]);
  });

  it("holds the per-server feed limit, and removing a feed keeps its articles", async () => {
    const { feed } = await service.add("g", `${server.base}/rss.xml`, subscription);
    await poller().poll(feed);
    expect((await service.add("g", `${server.base}/rss.xml`, subscription)).status).toBe("duplicate");
    await service.add("g", `${server.base}/island/atom.xml`, subscription).catch(() => undefined);
    atomState.body = atom([]);
    await service.add("g", `${server.base}/island/atom.xml`, subscription);
    await service.feeds.addFeed(
      { serverId: "g", url: `${server.base}/third.xml`, title: null, ...subscription },
      3,
    );
    await expect(service.add("g", `${server.base}/private.xml`, subscription)).rejects.toThrow(
      "this server already follows 3 feeds, the most it may; remove one first",
    );
    await service.remove("g", feed.id);
    await expect(service.remove("g", feed.id)).rejects.toThrow(`no feed "${feed.id}" in this library`);
    expect(await opened.service.store.count("g")).toBe(2);
  });

  it("reads a feed in the charset it declares: the Content-Type, else its XML declaration, else UTF-8", async () => {
    const { feed } = await service.add("g", `${server.base}/latin1.xml`, subscription);
    expect(feed.title).toBe("Nouvelles de l'île, édition du soir");
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>île</t>', "latin1");
    expect(decodeXml(latin1, undefined)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>île</t>');
    expect(decodeXml(Buffer.from("<t>île</t>", "latin1"), "iso-8859-1")).toBe("<t>île</t>");
    expect(decodeXml(Buffer.from("\uFEFF<t>île</t>"), "iso-8859-1")).toBe("<t>île</t>");
    expect(decodeXml(Buffer.from("<t>île</t>"), undefined)).toBe("<t>île</t>");
  });

  it("parses ttl and sy:updatePeriod into a poll interval", () => {
    expect(parseFeedText(rss([], "<ttl>45</ttl>"), "http://x/").intervalMs).toBe(2_700_000);
    expect(
      parseFeedText(
        rss([], "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"),
        "http://x/",
      ).intervalMs,
    ).toBe(21_600_000);
    expect(parseFeedText(rss([]), "http://x/").intervalMs).toBeNull();
  });

  it("dates an item by pubDate, else by Dublin Core's dc:date", () => {
    const dublinCore = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Sound Weekly</title>
<item><title>Pier reopens</title><link>http://127.0.0.1/pier</link><dc:date>2025-05-09T08:00:00Z</dc:date></item>
<item><title>Ferry delayed</title><link>http://127.0.0.1/ferry</link><pubDate>Fri, 09 May 2025 10:00:00 GMT</pubDate></item>
<item><title>Market day</title><link>http://127.0.0.1/market</link></item>
</channel></rss>`;
    expect(parseFeedText(dublinCore, "http://x/").items.map((i) => [i.title, i.published])).toEqual([
      ["Pier reopens", "2025-05-09T08:00:00Z"],
      ["Ferry delayed", "Fri, 09 May 2025 10:00:00 GMT"],
      ["Market day", null],
    ]);
  });
});

describe("citebot feed", () => {
  it("adds a feed, polls it once with --json, and lists it", async () => {
    const env = {
      ARTICLES_DIR: SEEDS,
      CITEBOT_DATA_DIR: join(tempDir("citebot-feed-cli-"), "data"),
      FETCH_ALLOW_LOOPBACK: "true",
    };
    const added = await runCli(["feed", "add", `${server.base}/rss.xml`, "--json"], { env });
    expect([added.code, added.stderr]).toEqual([0, ""]);
    const feed = JSON.parse(added.stdout);
    expect(feed).toMatchObject({ status: "added", title: "Sound Weekly", url: `${server.base}/rss.xml` });
    const polled = await runCli(["feed", "poll", "--json"], { env });
    expect(JSON.parse(polled.stdout)).toEqual({
      added: [
        {
          id: "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
          title: STORIES["gull-island-ferry"]?.title,
          url: `${server.base}/news/gull-island-ferry`,
        },
        {
          id: "water-taxi-keeps-gull-island-supplied-while-ferry-is",
          title: STORIES["gull-island-water-taxi"]?.title,
          url: `${server.base}/news/gull-island-water-taxi`,
        },
      ],
      skipped: 0,
      errors: [],
    });
    expect(JSON.parse((await runCli(["feed", "poll", "--json"], { env })).stdout)).toEqual({
      added: [],
      skipped: 0,
      errors: [],
    });
    const listed = JSON.parse((await runCli(["feed", "list", "--json"], { env })).stdout);
    expect(listed.map((f: Feed) => [f.id, f.title, f.etag])).toEqual([[feed.id, "Sound Weekly", '"v1"']]);
    const answer = await runCli(["ask", "--scope", "library", "Who is the council leader?", "--json"], {
      env,
    });
    expect(JSON.parse(answer.stdout).citations.map((c: { articleId: string }) => c.articleId)).toContain(
      "water-taxi-keeps-gull-island-supplied-while-ferry-is",
    );
    const bad = await runCli(["feed", "add", `${server.base}/not-a-feed`], { env });
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "citebot: this is not an RSS or Atom feed (the page is not feed XML)\n",
    ]);
  });
});

const services = inject("storeServices");
if (services.redis && services.postgres)
  describe("two pollers", () => {
    it.each(["Redis", "PostgreSQL"])("post each item once with a %s lease and store", async (kind) => {
      // Two processes' worth of stores: one SQLite file with a Redis lease, or one PostgreSQL schema (articles
      // and feeds) with advisory locks.
      const dir = tempDir("citebot-feeds-two-");
      const schema = runName("feeds");
      const extra = kind === "PostgreSQL" ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {};
      const a = open(dir, extra);
      const b = open(dir, extra);
      await Promise.all([a.opened.ready(), b.opened.ready()]);
      const pg = await import("pg");
      const pools: InstanceType<typeof pg.default.Pool>[] = [];
      const prefix = `${runName("lease")}:`;
      const lease = (): FeedLease => {
        if (kind === "Redis") return new RedisLease(TEST_REDIS_URL, prefix);
        const pool = new pg.default.Pool({ connectionString: TEST_DATABASE_URL });
        pools.push(pool);
        return new PgLease(pool);
      };
      const leases = [lease(), lease()];
      const posted: string[] = [];
      const notify = async (event: FeedEvent) => {
        if (event.kind === "items") posted.push(...event.cards.map((c) => c.article.id));
      };
      const { feed } = await a.service.add("g", `${server.base}/rss.xml`, subscription);
      const pollers: FeedPoller[] = [
        a.service.poller(leases[0] as FeedLease, notify, { now }),
        b.service.poller(leases[1] as FeedLease, notify, { now }),
      ];
      const results = await Promise.all(pollers.map((p) => p.poll(feed)));
      expect(results.map((r) => r.status).sort()).toEqual(["busy", "fetched"]);
      // Without the lease, the item claims still let one poller add each item.
      const unleased = [
        a.service.poller(new MemoryLease(), notify, { now }),
        b.service.poller(new MemoryLease(), notify, { now }),
      ];
      await a.service.feeds.updateFeed("g", feed.id, { etag: null });
      const again = await Promise.all(unleased.map((p) => p.poll({ ...feed, etag: null })));
      expect(again.flatMap((r) => r.added)).toEqual([]);
      expect(posted.sort()).toEqual([
        "gull-island-ferry-cancelled-for-a-week-after-engine-fault",
        "water-taxi-keeps-gull-island-supplied-while-ferry-is",
      ]);
      expect(await a.opened.service.store.count("g")).toBe(2);
      expect((await b.service.list("g")).map((f) => f.id)).toEqual([feed.id]);
      for (const l of leases) await l.close();
      for (const p of pools) await p.end();
      await a.opened.close();
      await b.opened.close();
      if (kind === "PostgreSQL") await dropSchema(schema);
    });
  });
