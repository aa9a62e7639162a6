import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArticleService, slugify } from "../src/app/article-service.ts";
import { ask } from "../src/app/ask.ts";
import { MemoryLibrary, sourceFromText } from "../src/engine/library.ts";
import { IngestError } from "../src/ingest/failure.ts";
import { closeDispatchers, DEFAULT_FETCH_LIMITS } from "../src/ingest/fetch.ts";
import { ParserPool } from "../src/ingest/parser-pool.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { FERRY, graphPage, LIBRARY_CLUB, TUNNEL } from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";

const SEED_TEXT =
  "date 2024-12-01\nThe lighthouse keeper on Gull Rock retired on Sunday after thirty years, the harbour trust said.";

let dir: string;
let server: PageServer;
let parser: ParserPool;
let store: SqliteArticleStore;
let service: ArticleService;
const seeds = new MemoryLibrary();
seeds.add(sourceFromText("gull-rock", "gull-rock.txt", SEED_TEXT));

function open() {
  store = SqliteArticleStore.open(dir, { maxArticles: 2, maxTextBytes: 100_000 });
  service = new ArticleService(store, seeds, {
    fetch: { ...DEFAULT_FETCH_LIMITS, allowLoopback: true },
    parser,
  });
}

beforeAll(async () => {
  parser = new ParserPool({ timeoutMs: 20_000, size: 1, maxHeapMb: 256 });
  server = await startPageServer({ "/ferry": html(graphPage(FERRY)) });
});
afterAll(async () => {
  await parser.close();
  await closeDispatchers();
  await server.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "citebot-service-"));
  open();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ferryText = `${FERRY.title}\n\n${FERRY.paragraphs.join("\n\n")}`;

describe("article service", () => {
  it("makes readable ids from titles", () => {
    expect(slugify("Café Lumière reopens — on the quay!")).toBe("cafe-lumiere-reopens-on-the-quay");
    expect(slugify("???")).toBe("article");
    expect(slugify(LIBRARY_CLUB.title)).toBe("robots-in-the-reading-room-how-a-small-town-library-found");
  });

  it("adds a link, answers on it, and does not fetch a stored link again", async () => {
    server.requests.length = 0;
    const added = await service.add("guild-1", { kind: "url", url: `${server.base}/ferry` }, "user-7");
    expect(added.status).toBe("added");
    expect(added.article.meta).toEqual({
      id: "harbour-ferry-fares-to-rise-twelve-percent-in-april",
      title: FERRY.title,
      date: "2025-03-14",
      url: "https://ledger.example/news/2025/03/ferry-fares",
      source: "The Coastal Ledger",
      author: "Mara Quill",
      language: "eng",
    });
    const library = await service.library("guild-1");
    expect(library.list().map((m) => m.id)).toEqual([added.article.meta.id, "gull-rock"]);
    const who = ask(library, { command: "who", article: added.article.meta.id, query: "Tomas Brell" });
    expect(who.found).toBe(true);
    expect(who.citations[0]?.excerpt).toContain("Tomas Brell");
    const again = await service.add("guild-1", { kind: "url", url: `${server.base}/ferry` }, "user-8");
    expect(again).toMatchObject({
      status: "duplicate",
      article: { meta: { id: added.article.meta.id }, addedBy: "user-7" },
    });
    expect(server.requests).toEqual(["/ferry"]);
    // Another server has its own library.
    expect((await service.library("guild-2")).list().map((m) => m.id)).toEqual(["gull-rock"]);
  });

  it("stores the language each article was detected in, and keeps it across a restart", async () => {
    const german =
      "Neue Fähre für den Hafen\n\nDie Gemeinde hat am Dienstag eine neue Fähre für den kleinen Hafen gekauft, nachdem die alte im Sturm beschädigt worden war. Sie hatte mehr als dreißig Jahre lang Pendler und Schulkinder zwischen den beiden Ufern gebracht.\n\nDie Fahrten sollen im Frühling wieder beginnen, sagte der Bürgermeister am Abend vor dem Rathaus. Bis dahin fährt ein Bus über die Brücke im Norden, der aber fast eine Stunde länger braucht.\n\nDie neue Fähre kostet nach Angaben der Gemeinde rund zwei Millionen Euro und hat Platz für achtzig Fahrgäste und zwölf Fahrräder.";
    const english = await service.add("g", { kind: "text", text: ferryText }, "u1");
    const other = await service.add("g", { kind: "text", text: german }, "u1");
    expect([english.article.meta.language, other.article.meta.language]).toEqual(["eng", "deu"]);
    await store.close();
    open();
    expect((await store.list("g")).map((a) => a.meta.language).sort()).toEqual(["deu", "eng"]);
    expect((await service.library("g")).get(other.article.meta.id)?.meta.language).toBe("deu");
  });

  it("adds pasted text and a file; the same text again is the same article", async () => {
    const pasted = await service.add("g", { kind: "text", text: ferryText }, "u1");
    expect(pasted.article.meta.title).toBe(FERRY.title);
    // As with a .txt file in the seeds folder, the headline stays the text's first line and is the title.
    expect(pasted.article.source.text).toBe(ferryText);
    const file = await service.add(
      "g",
      { kind: "file", name: "ferry.md", bytes: Buffer.from(`\n${ferryText}\n`) },
      "u2",
    );
    expect(file).toMatchObject({ status: "duplicate", article: { meta: { id: pasted.article.meta.id } } });
  });

  it("refuses what is not an article and leaves what is stored untouched", async () => {
    const kept = await service.add("g", { kind: "text", text: ferryText }, "u1");
    const error = await service
      .add("g", { kind: "text", text: "Too short to be news." }, "u1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toBe("this is not an article: only 5 words of text (at least 80 needed)");
    const image = await service
      .add("g", { kind: "file", name: "chart.png", bytes: Buffer.from("x") }, "u1")
      .catch((e) => e);
    expect(image.message).toBe(
      'unsupported type file type ".png" (use a web page, a PDF, or a .txt, .md, .html or .pdf file)',
    );
    const home = await service
      .add("g", { kind: "url", url: `${server.base}/nothing-here` }, "u1")
      .catch((e) => e);
    expect(home.message).toBe("the site answered HTTP 404");
    expect((await store.all("g")).map((a) => a.source)).toEqual([kept.article.source]);
    // Undated (pasted) articles list after dated ones.
    expect((await service.library("g")).list().map((m) => m.id)).toEqual(["gull-rock", kept.article.meta.id]);
  });

  it("turns the server's article limit into a clear failure, keeping what is stored", async () => {
    await service.add("g", { kind: "text", text: ferryText }, "u1");
    await service.add(
      "g",
      { kind: "text", text: `${TUNNEL.title}\n\n${TUNNEL.paragraphs.join("\n\n")}` },
      "u1",
    );
    const full = await service
      .add(
        "g",
        { kind: "text", text: `${LIBRARY_CLUB.title}\n\n${LIBRARY_CLUB.paragraphs.join("\n\n")}` },
        "u1",
      )
      .catch((e) => e);
    expect(full.message).toBe("the library is full (2 articles); remove one first");
    expect((await service.list("g")).total).toBe(2);
    expect((await service.library("g")).list()).toHaveLength(3);
  });

  it("lets the adder or a moderator remove an article, never a built-in one", async () => {
    const { article } = await service.add("g", { kind: "text", text: ferryText }, "adder");
    const id = article.meta.id;
    expect(await service.remove("g", id, { userId: "someone", canManageMessages: false })).toEqual({
      status: "forbidden",
      id,
      addedBy: "adder",
    });
    expect(await service.remove("g", "gull-rock", { userId: "adder", canManageMessages: true })).toEqual({
      status: "built-in",
      id: "gull-rock",
    });
    expect(await service.remove("g", id, { userId: "mod", canManageMessages: true })).toEqual({
      status: "removed",
      id,
    });
    expect(await service.remove("g", id, { userId: "adder", canManageMessages: false })).toEqual({
      status: "not-found",
      id,
    });
    expect((await service.library("g")).meta(id)).toBeUndefined();
  });

  it("keeps a channel's current article, which survives a restart", async () => {
    const { article } = await service.add("g", { kind: "text", text: ferryText }, "u1");
    await service.setCurrent("g", "chan", article.meta.id);
    await expect(service.setCurrent("g", "chan", "nope")).rejects.toThrow('unknown article "nope"');
    await store.close();
    open();
    expect(await service.current("g", "chan")).toBe(article.meta.id);
    const library = await service.library("g");
    expect(library.storedInfo(article.meta.id)).toMatchObject({ addedBy: "u1", origin: "text" });
    expect(library.get(article.meta.id)?.paragraphs).toHaveLength(FERRY.paragraphs.length - 1);
  });
});
