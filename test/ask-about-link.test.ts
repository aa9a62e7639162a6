// "Ask about this link": the first link of a message is added, made the channel's current article, and answered
// with its summary card; a message without a link gets a private note in the user's language.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleService } from "../src/app/article-service.ts";
import { MemoryLibrary, sourceFromText } from "../src/engine/library.ts";
import { closeDispatchers, DEFAULT_FETCH_LIMITS } from "../src/ingest/fetch.ts";
import { ParserPool } from "../src/ingest/parser-pool.ts";
import { ButtonCodec } from "../src/interactions/buttons.ts";
import { loadCommands } from "../src/interactions/command.ts";
import { type RouteDeps, routeInteraction } from "../src/interactions/route.ts";
import { ACCENT } from "../src/render/cards.ts";
import { IS_COMPONENTS_V2 } from "../src/render/limits.ts";
import { MemorySharedState } from "../src/store/shared-state.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";
import { cardOf } from "./card-view.ts";
import { articlePage, NIGHT_BUSES } from "./discord-article-pages.ts";
import { messagePayloadSchema } from "./discord-limits-schema.ts";

const HERE = { serverId: "910000000000000001", channelId: "910000000000000002" };
const seeds = new MemoryLibrary();
seeds.add(
  sourceFromText("gull-rock", "gull-rock.txt", "date 2024-12-01\nThe lighthouse keeper retired on Sunday."),
);

let dir: string;
let parser: ParserPool;
let pages: PageServer;
let store: SqliteArticleStore;
let deps: RouteDeps;

beforeAll(async () => {
  parser = new ParserPool({ timeoutMs: 20_000, size: 1, maxHeapMb: 256 });
  pages = await startPageServer({ "/night-buses": html(articlePage(NIGHT_BUSES)) });
  dir = mkdtempSync(join(tmpdir(), "citebot-link-"));
  store = SqliteArticleStore.open(dir, { maxArticles: 3, maxTextBytes: 100_000 });
  deps = {
    library: seeds,
    articles: new ArticleService(store, seeds, {
      fetch: { ...DEFAULT_FETCH_LIMITS, allowLoopback: true },
      parser,
    }),
    commands: await loadCommands(),
    buttons: new ButtonCodec(),
    cooldowns: new MemorySharedState(),
    cooldownMs: 0,
    onError: (error) => {
      throw error;
    },
    download: async () => new Uint8Array(),
  };
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  await parser.close();
  await closeDispatchers();
  await pages.close();
});

const onMessage = (content: string, locale?: string) =>
  routeInteraction(
    {
      kind: "command",
      id: "1",
      name: "Ask about this link",
      options: {},
      userId: "u",
      place: HERE,
      target: { content, attachments: [] },
      locale,
    },
    deps,
  );

describe("Ask about this link", () => {
  it("adds the link, makes it the channel's article, and answers with its summary card", async () => {
    const reply = await onMessage(`worth a read: ${pages.base}/night-buses`);
    if (reply.type !== "deferred") throw new Error(`expected a deferred reply, got ${reply.type}`);
    expect(reply.ephemeral).toBe(false);
    const followUp = await reply.work();
    expect(followUp.visibility).toBe("public");
    expect(messagePayloadSchema.safeParse(followUp.data).success).toBe(true);
    expect(followUp.data.flags).toBe(IS_COMPONENTS_V2);
    const card = cardOf(followUp.data);
    expect(card.accent).toBe(ACCENT.summary);
    expect(card.title).toBe("Summary in 3 sentences");
    expect(card.texts.filter((t) => t.startsWith("> "))).toHaveLength(3);
    expect(card.footer).toContain(NIGHT_BUSES.title);
    // The same buttons as a /summary card: context by paragraph, length, a follow-up, and the Source link.
    expect(card.buttons.map((b) => b.label)).toEqual([
      "Show context",
      "Show context",
      "Show context",
      "Shorter",
      "Longer",
      "Ask a follow-up",
      "Source",
    ]);
    const current = await deps.articles?.current(HERE.serverId, HERE.channelId);
    expect(current).toBe("night-buses-return-to-the-kestrel-valley-line-after-two");
  });

  it("says privately, in the user's language, when the message has no link", async () => {
    expect(await onMessage("no link here", "fr")).toEqual({
      type: "message",
      data: {
        content: "Ce message ne contient pas de lien vers un article.",
        flags: 64,
        allowed_mentions: { parse: [] },
      },
    });
  });
});
