import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestError } from "../src/ingest/failure.ts";
import { closeDispatchers, DEFAULT_FETCH_LIMITS, type FetchOptions } from "../src/ingest/fetch.ts";
import { ingestUrl } from "../src/ingest/ingest.ts";
import { ParserPool } from "../src/ingest/parser-pool.ts";
import {
  ampPage,
  CAFE,
  encodeWindows1252,
  FERRY,
  graphPage,
  homePage,
  LIBRARY_CLUB,
  liveBlogPage,
  liveBlogText,
  loginPage,
  makePdf,
  ORCHARD,
  openGraphPage,
  type PageArticle,
  paywallPage,
  STORM,
  TUNNEL,
  WATER_REPORT,
  windows1252Page,
  wordF1,
} from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";

const fetchOptions: FetchOptions = { ...DEFAULT_FETCH_LIMITS, allowLoopback: true };
let server: PageServer;
let parser: ParserPool;

beforeAll(async () => {
  parser = new ParserPool({ timeoutMs: 20_000, size: 1, maxHeapMb: 256 });
  server = await startPageServer({
    "/news/ferry-fares": html(graphPage(FERRY)),
    "/stories/library-robots": html(openGraphPage(LIBRARY_CLUB)),
    "/amp/tunnel": html(ampPage(TUNNEL)),
    "/live/storm": html(liveBlogPage(STORM)),
    "/farming/orchards": html(paywallPage(ORCHARD)),
    "/": html(homePage()),
    "/login-wall": html(loginPage()),
    "/cafe": html(encodeWindows1252(windows1252Page(CAFE)), "text/html"),
    "/cafe-header": html(
      encodeWindows1252(windows1252Page(CAFE).replace(/<meta http-equiv[^>]*>/, "")),
      "text/html; charset=windows-1252",
    ),
    "/reports/water.pdf": html(makePdf(WATER_REPORT), "application/pdf"),
    "/gzip/ferry": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(gzipSync(graphPage(FERRY)));
    },
    "/br/tunnel": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
      res.end(brotliCompressSync(ampPage(TUNNEL)));
    },
  });
});

afterAll(async () => {
  await parser.close();
  await closeDispatchers();
  await server.close();
});

const ingest = (path: string) => ingestUrl(`${server.base}${path}`, { fetch: fetchOptions, parser });

describe("extraction from publisher layouts", () => {
  const cases: [string, string, PageArticle, string?][] = [
    ["JSON-LD @graph with share bar, figure, newsletter box", "/news/ferry-fares", FERRY],
    ["OpenGraph only, date from <time datetime>", "/stories/library-robots", LIBRARY_CLUB],
    ["AMP", "/amp/tunnel", TUNNEL],
    ["live blog", "/live/storm", STORM, liveBlogText(STORM)],
    ["paywall teaser", "/farming/orchards", ORCHARD],
    ["windows-1252 declared in <meta>", "/cafe", CAFE],
    ["windows-1252 declared in Content-Type", "/cafe-header", CAFE],
    ["PDF", "/reports/water.pdf", WATER_REPORT],
    ["gzip-encoded page", "/gzip/ferry", FERRY],
    ["brotli-encoded page", "/br/tunnel", TUNNEL],
  ];
  for (const [name, path, article, expectedText] of cases) {
    it(`${name}: body F1 ≥ 0.97, title and date exact`, async () => {
      const extracted = await ingest(path);
      const f1 = wordF1(extracted.blocks.join("\n\n"), expectedText ?? article.paragraphs.join("\n\n"));
      expect(f1).toBeGreaterThanOrEqual(0.97);
      expect(extracted.title).toBe(article.title);
      expect(extracted.date).toBe(article.date);
    });
  }

  it("keeps paragraphs as paragraphs and drops caption, credit, share bar, newsletter and read-more", async () => {
    const extracted = await ingest("/news/ferry-fares");
    expect(extracted.blocks).toEqual(FERRY.paragraphs);
    expect(extracted).toMatchObject({
      author: "Mara Quill",
      source: "The Coastal Ledger",
      url: "https://ledger.example/news/2025/03/ferry-fares",
    });
  });

  it("decodes windows-1252 punctuation and accents exactly", async () => {
    const extracted = await ingest("/cafe");
    expect(extracted.blocks).toEqual(CAFE.paragraphs);
    expect(extracted.author).toBe("Noé Lefèvre");
  });

  it("reads the PDF's own title, author and creation date", async () => {
    const extracted = await ingest("/reports/water.pdf");
    expect(extracted).toMatchObject({
      title: WATER_REPORT.title,
      date: "2025-04-02",
      author: "Bay Water Board",
    });
    expect(extracted.blocks).toEqual(WATER_REPORT.paragraphs);
  });

  it("refuses a home page and a login wall as not articles", async () => {
    await expect(ingest("/")).rejects.toThrow(
      "this is not an article: the page is mostly links (a home or section page)",
    );
    await expect(ingest("/login-wall")).rejects.toThrow(
      "this is not an article: the page asks to sign in (a login wall)",
    );
    const error = await ingest("/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).failure.reason).toBe("not-an-article");
  });
});
