import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "../src/ingest/failure.ts";
import { ParserPool } from "../src/ingest/parser-pool.ts";
import { FERRY, graphPage, longArticle } from "../support/ingest-pages.ts";

const pool = new ParserPool({ timeoutMs: 20_000, size: 1, maxHeapMb: 256 });
afterAll(() => pool.close());

const page = (html: string) => ({ kind: "html" as const, bytes: Buffer.from(html) });

describe("parsing in a worker thread", () => {
  it("parses a 2 MB page without stalling the caller's event loop", async () => {
    await pool.parse(page(graphPage(FERRY)));
    const big = longArticle(2_000_000);
    let last = Date.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 10);
    const started = Date.now();
    const extracted = await pool.parse(page(graphPage(big)));
    const parseMs = Date.now() - started;
    clearInterval(ticker);
    expect(extracted.blocks.length).toBeGreaterThan(big.paragraphs.length * 0.99);
    // Parsed on this thread, the loop would stall for the whole parse (over a second); in the worker it keeps
    // ticking. Half the parse's own time is a bound a loaded machine meets too, as both stretch together.
    expect(longestGap).toBeLessThan(parseMs / 2);
  });

  it("stops a parse over its time limit, then parses the next page in a fresh worker", async () => {
    const slow = await pool.parse(page(graphPage(longArticle(2_000_000))), 50).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(IngestError);
    expect((slow as IngestError).failure).toEqual({ reason: "timed-out", phase: "parse", ms: 50 });
    expect((slow as IngestError).message).toBe("the article took too long to read (over 0.05 s)");
    const next = await pool.parse(page(graphPage(FERRY)));
    expect(next.title).toBe(FERRY.title);
  });
});
