// The interaction paths of adding and managing articles, through the router and the one handler, with a real
// article service (SQLite in a temporary folder, the parse workers, a page server on 127.0.0.1).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArticleService } from "../src/app/article-service.ts";
import { commandDefinitions, sameCommands } from "../src/discord/deploy.ts";
import { MemoryLibrary, sourceFromText } from "../src/engine/library.ts";
import { IngestError, type IngestFailure } from "../src/ingest/failure.ts";
import { closeDispatchers, DEFAULT_FETCH_LIMITS } from "../src/ingest/fetch.ts";
import { ParserPool } from "../src/ingest/parser-pool.ts";
import { ADD_TEXT_MODAL, firstLink } from "../src/interactions/article-actions.ts";
import { ButtonCodec } from "../src/interactions/buttons.ts";
import { type AttachmentRef, loadCommands } from "../src/interactions/command.ts";
import type { InteractionInput } from "../src/interactions/handler.ts";
import { type RouteDeps, type RoutedReply, routeInteraction } from "../src/interactions/route.ts";
import { MemorySharedState } from "../src/store/shared-state.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";
import { cardOf } from "./card-view.ts";
import { articlePage, articleText, NIGHT_BUSES, SEED_LANE } from "./discord-article-pages.ts";
import { messagePayloadSchema } from "./discord-limits-schema.ts";

const SEED_TEXT =
  "date 2024-12-01\nThe lighthouse keeper on Gull Rock retired on Sunday after thirty years, the harbour trust said.";
const NIGHT_ID = "night-buses-return-to-the-kestrel-valley-line-after-two";
const SEED_LANE_ID = "seed-library-opens-in-the-old-post-office-on-wren-lane";
const HERE = { serverId: "900000000000000001", channelId: "900000000000000002" };
const ELSEWHERE = { serverId: HERE.serverId, channelId: "900000000000000003" };

const seeds = new MemoryLibrary();
seeds.add(sourceFromText("gull-rock", "gull-rock.txt", SEED_TEXT));

let dir: string;
let parser: ParserPool;
let pages: PageServer;
let store: SqliteArticleStore;
let deps: RouteDeps;
let errors: unknown[];
let nextId = 0;

function serviceWith(allowLoopback: boolean): ArticleService {
  return new ArticleService(store, seeds, { fetch: { ...DEFAULT_FETCH_LIMITS, allowLoopback }, parser });
}

beforeAll(async () => {
  parser = new ParserPool({ timeoutMs: 20_000, size: 1, maxHeapMb: 256 });
  pages = await startPageServer({ "/night-buses": html(articlePage(NIGHT_BUSES)) });
});
afterAll(async () => {
  await parser.close();
  await closeDispatchers();
  await pages.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "citebot-discord-unit-"));
  store = SqliteArticleStore.open(dir, { maxArticles: 3, maxTextBytes: 100_000 });
  errors = [];
  pages.requests.length = 0;
  deps = {
    library: seeds,
    articles: serviceWith(true),
    commands: await loadCommands(),
    buttons: new ButtonCodec(),
    cooldowns: new MemorySharedState(),
    cooldownMs: 0,
    onError: (error) => errors.push(error),
    download: async () => new TextEncoder().encode(articleText(SEED_LANE)),
  };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type CommandInput = Extract<InteractionInput, { kind: "command" }>;

function article(
  subcommand: string,
  options: CommandInput["options"] = {},
  extra: Partial<CommandInput> = {},
): CommandInput {
  nextId++;
  return {
    kind: "command",
    id: String(nextId),
    name: "article",
    subcommand,
    options,
    userId: "user-a",
    place: HERE,
    ...extra,
  };
}

/** Runs a deferred reply's work, as the gateway adapter does after deferring. */
async function settle(reply: RoutedReply) {
  if (reply.type !== "deferred") throw new Error(`expected a deferred reply, got ${reply.type}`);
  expect(reply.ephemeral).toBe(false);
  const followUp = await reply.work();
  expect(messagePayloadSchema.safeParse(followUp.data).success).toBe(true);
  return followUp;
}

const notice = (content: string) => ({
  type: "message",
  data: { content, flags: 64, allowed_mentions: { parse: [] } },
});

describe("the first link of a message", () => {
  it.each([
    ["read <https://news.example/a/1> today", "https://news.example/a/1"],
    ["(see https://news.example/b.)", "https://news.example/b"],
    ["[the story](https://news.example/c)", "https://news.example/c"],
    ["https://wiki.example/Tide_(mill), then https://news.example/d", "https://wiki.example/Tide_(mill)"],
    ["no link, only words", undefined],
  ])("%s", (content, link) => {
    expect(firstLink(content)).toBe(link);
  });
});

describe("/article add", () => {
  it("defers, stores a link's article, makes it current and answers with a cited summary", async () => {
    const reply = await routeInteraction(article("add", { url: `${pages.base}/night-buses` }), deps);
    const followUp = await settle(reply);
    expect(followUp.visibility).toBe("public");
    const embed = followUp.data.embeds?.[0];
    expect(embed?.title).toBe(NIGHT_BUSES.title);
    expect(embed?.description?.split("\n").filter((l) => l.startsWith("-# ¶"))).toHaveLength(3);
    expect(await deps.articles?.current(HERE.serverId, HERE.channelId)).toBe(NIGHT_ID);
    expect(await deps.articles?.current(ELSEWHERE.serverId, ELSEWHERE.channelId)).toBeUndefined();
  });

  it("answers commands without article: from the channel's current article, other channels from the newest", async () => {
    await settle(await routeInteraction(article("add", { text: articleText(SEED_LANE) }), deps));
    await settle(await routeInteraction(article("add", { text: articleText(NIGHT_BUSES) }), deps));
    await routeInteraction(article("use", { article: SEED_LANE_ID }), deps);
    const who = (place: typeof HERE) =>
      routeInteraction({ kind: "command", id: "w", name: "who", options: {}, userId: "u", place }, deps);
    const here = await who(HERE);
    const there = await who(ELSEWHERE);
    expect(here.type === "message" && cardOf(here.data).footer).toContain(SEED_LANE.title);
    expect(there.type === "message" && cardOf(there.data).footer).toContain(NIGHT_BUSES.title);
    const speakers = await routeInteraction(
      {
        kind: "autocomplete",
        id: "s",
        name: "quote",
        options: {},
        focused: { name: "speaker", value: "" },
        userId: "u",
        place: HERE,
      },
      deps,
    );
    expect(speakers).toEqual({
      type: "autocomplete",
      choices: [{ name: "Amara Voss (2 quotes)", value: "Amara Voss" }],
    });
  });

  it("opens a modal for long text when nothing is given, and refuses several sources", async () => {
    const modal = await routeInteraction(article("add"), deps);
    expect(modal.type === "modal" && modal.data.custom_id).toBe(ADD_TEXT_MODAL);
    expect(await routeInteraction(article("add", { text: " " }, { fromModal: true }), deps)).toEqual(
      notice("The article text was empty: nothing was added."),
    );
    expect(
      await routeInteraction(article("add", { url: `${pages.base}/night-buses`, text: "words" }), deps),
    ).toEqual(notice("Give one of url:, file: or text:, not several."));
    expect(pages.requests).toEqual([]);
  });

  it("refuses an unsupported attachment at once, without reading it", async () => {
    let downloads = 0;
    deps.download = async () => {
      downloads++;
      return new Uint8Array();
    };
    const file: AttachmentRef = { name: "minutes.docx", url: "http://127.0.0.1:1/minutes.docx", size: 10 };
    expect(await routeInteraction(article("add", {}, { attachments: { file } }), deps)).toEqual(
      notice('Unsupported file type ".docx": citebot reads .txt, .md, .html, .pdf files.'),
    );
    expect(downloads).toBe(0);
  });

  it("reads an attachment through the download it is given", async () => {
    const file: AttachmentRef = { name: "wren-lane.md", url: "http://127.0.0.1:1/wren-lane.md", size: 900 };
    const followUp = await settle(
      await routeInteraction(article("add", {}, { attachments: { file } }), deps),
    );
    expect(followUp.data.embeds?.[0]?.title).toBe(SEED_LANE.title);
  });

  it("turns a refused address into one private note, fetching nothing and storing nothing", async () => {
    deps.articles = serviceWith(false);
    const followUp = await settle(
      await routeInteraction(article("add", { url: `${pages.base}/night-buses` }), deps),
    );
    expect(followUp).toEqual({
      visibility: "private",
      data: notice(
        "Could not add the article: refused: 127.0.0.1 is not a public internet address. Nothing was stored.",
      ).data,
    });
    expect(pages.requests).toEqual([]);
    expect(await store.count(HERE.serverId)).toBe(0);
    expect(errors).toEqual([]);
  });

  it("turns text that is not an article into a private note", async () => {
    const followUp = await settle(
      await routeInteraction(article("add", { text: "Too short to be news." }), deps),
    );
    expect(followUp.visibility).toBe("private");
    expect(followUp.data.content).toBe(
      "Could not add the article: this is not an article: only 5 words of text (at least 80 needed). Nothing was stored.",
    );
  });

  it("reports an unexpected failure with a reference, privately, and carries on", async () => {
    deps.download = async () => {
      throw new Error("disk on fire");
    };
    const input = article(
      "add",
      {},
      { attachments: { file: { name: "a.txt", url: "http://127.0.0.1:1/a", size: 1 } } },
    );
    const followUp = await settle(await routeInteraction(input, deps));
    expect(followUp.data.content).toBe(
      `Something went wrong on our side (ref ${input.id}). Please try again.`,
    );
    expect(errors).toEqual([new Error("disk on fire")]);
  });

  it.each<[IngestFailure, string]>([
    [
      { reason: "unreachable", detail: "connection refused" },
      "could not reach the page (connection refused)",
    ],
    [{ reason: "too-large", limitBytes: 5_000_000 }, "the article is too large (over 5 MB)"],
    [{ reason: "timed-out", phase: "deadline", ms: 15_000 }, "the page took too long (over 15 s)"],
    [
      { reason: "unsupported-type", type: "image/png" },
      "unsupported type image/png (use a web page, a PDF, or a .txt, .md, .html or .pdf file)",
    ],
  ])("turns a failed read (%o) into one private note", async (failure, said) => {
    deps.download = async () => {
      throw new IngestError(failure);
    };
    const file: AttachmentRef = { name: "big.pdf", url: "http://127.0.0.1:1/big.pdf", size: 1 };
    const followUp = await settle(
      await routeInteraction(article("add", {}, { attachments: { file } }), deps),
    );
    expect(followUp).toEqual({
      visibility: "private",
      data: notice(`Could not add the article: ${said}. Nothing was stored.`).data,
    });
    expect(await store.count(HERE.serverId)).toBe(0);
    expect(errors).toEqual([]);
  });

  it("stores a DM's article in the user's own library", async () => {
    await settle(
      await routeInteraction(article("add", { text: articleText(SEED_LANE) }, { place: undefined }), deps),
    );
    expect((await store.list("user:user-a")).map((a) => a.meta.id)).toEqual([SEED_LANE_ID]);
    expect(await store.count("local")).toBe(0);
    expect(await store.count(HERE.serverId)).toBe(0);
  });
});

describe("/article remove, use, info and list", () => {
  beforeEach(async () => {
    await settle(await routeInteraction(article("add", { text: articleText(SEED_LANE) }), deps));
  });

  it("lets only the person who added it, or Manage Messages, remove an article", async () => {
    const remove = (userId: string, canManageMessages: boolean) =>
      routeInteraction(article("remove", { article: SEED_LANE_ID }, { userId, canManageMessages }), deps);
    expect(await remove("user-b", false)).toEqual(
      notice(
        `Only the person who added "${SEED_LANE.title}", or a member with the Manage Messages permission, can remove it.`,
      ),
    );
    expect(await remove("user-b", true)).toEqual({
      type: "message",
      data: {
        content: `Removed **${SEED_LANE.title}** (\`${SEED_LANE_ID}\`) from this server's library.`,
        allowed_mentions: { parse: [] },
      },
    });
    expect(await remove("user-a", false)).toEqual(
      notice(`There is no article "${SEED_LANE_ID}" in this server's library: nothing was removed.`),
    );
    expect(await routeInteraction(article("remove", { article: "gull-rock" }), deps)).toEqual(
      notice(
        '"The lighthouse keeper on Gull Rock retired on Sunday after thirty years" is a built-in article: every library has it, and it cannot be removed.',
      ),
    );
  });

  it("refuses to use an unknown article", async () => {
    expect(await routeInteraction(article("use", { article: "no-such-story" }), deps)).toEqual(
      notice(`Unknown article "no-such-story" (known: ${SEED_LANE_ID}, gull-rock)`),
    );
  });

  it("shows who added an article, and lists the server's articles", async () => {
    const info = await routeInteraction(article("info"), deps);
    if (info.type !== "message") throw new Error("expected a message");
    const fields = Object.fromEntries((info.data.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Added).toMatch(/^by <@user-a> <t:\d+:R> from pasted text$/);
    expect(info.data.embeds?.[0]?.footer?.text).toBe("This channel's current article.");
    const list = await routeInteraction(article("list"), deps);
    if (list.type !== "message") throw new Error("expected a message");
    expect(list.data.embeds?.[0]?.title).toBe("Articles added in this server (1)");
    expect(list.data.embeds?.[0]?.footer?.text).toBe("Page 1 of 1 · 1 built-in article too");
  });

  it("autocompletes article: from the server's articles and the built-in ones", async () => {
    const choices = await routeInteraction(
      {
        kind: "autocomplete",
        id: "c",
        name: "article",
        subcommand: "remove",
        options: { article: "" },
        focused: { name: "article", value: "" },
        userId: "u",
        place: HERE,
      },
      deps,
    );
    expect(choices.type === "autocomplete" && choices.choices.map((c) => c.value)).toEqual([
      SEED_LANE_ID,
      "gull-rock",
    ]);
  });
});

describe("without the article service", () => {
  it("says /article is not available, and answers from the built-in articles", async () => {
    const { articles: _none, ...rest } = deps;
    const bare: RouteDeps = { ...rest };
    expect(await routeInteraction(article("list"), bare)).toEqual(
      notice("/article is not available on this bot."),
    );
    const who = await routeInteraction(
      { kind: "command", id: "w", name: "who", options: {}, userId: "u" },
      bare,
    );
    expect(who.type === "message" && cardOf(who.data).footer).toContain("2024-12-01");
  });
});

describe("registration of the message menu command", () => {
  it("is a message command, and Discord's empty description for it is no change", async () => {
    const definitions = await commandDefinitions();
    const menu = definitions.find((d) => d.name === "Add article to citebot");
    expect(menu).toMatchObject({ type: 3 });
    expect(menu?.description).toBeUndefined();
    const registered = definitions.map((d) => (d.type === 3 ? { ...d, description: "", id: "1" } : d));
    expect(sameCommands(registered, definitions)).toBe(true);
  });
});
