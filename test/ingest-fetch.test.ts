import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureMessage, IngestError, type IngestFailure } from "../src/ingest/failure.ts";
import {
  closeDispatchers,
  DEFAULT_FETCH_LIMITS,
  type FetchOptions,
  fetchResource,
} from "../src/ingest/fetch.ts";
import { FERRY, graphPage } from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";

const options: FetchOptions = { ...DEFAULT_FETCH_LIMITS, allowLoopback: true };
let server: PageServer;
const timers: NodeJS.Timeout[] = [];

async function failure(promise: Promise<unknown>): Promise<IngestFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error.failure;
}

beforeAll(async () => {
  // 50 MB of zeros compress to about 50 KB: a decompression bomb.
  const bomb = gzipSync(Buffer.alloc(50_000_000, 0x20));
  const redirect =
    (to: string, status = 302) =>
    (_req: unknown, res: import("node:http").ServerResponse) => {
      res.writeHead(status, { location: to }).end();
    };
  server = await startPageServer({
    "/story": html(graphPage(FERRY)),
    "/r1": redirect("/r2", 301),
    "/r2": redirect("/r3", 302),
    "/r3": redirect("/story", 308),
    "/loop": (req, res) => {
      const n = Number(new URL(req.url ?? "", "http://x").searchParams.get("n") ?? 0);
      res.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
    },
    "/bomb": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(bomb);
    },
    "/big": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": "6000000" });
      res.end(Buffer.alloc(6_000_000, 0x61));
    },
    "/slow-body": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>The first words arrive");
      // …and the rest never does.
    },
    "/trickle": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const timer = setInterval(() => res.write("<p>one more line</p>"), 100);
      timers.push(timer);
      res.on("close", () => clearInterval(timer));
    },
    "/slow-headers": (_req, res) => {
      timers.push(setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("late"), 5_000));
    },
    "/image": html(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png"),
    "/json": html('{"a":1}', "application/json"),
  });
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  await closeDispatchers();
  await server.close();
});

describe("fetching", () => {
  it("follows a chain of three redirects, each re-checked, to the article", async () => {
    server.requests.length = 0;
    const fetched = await fetchResource(`${server.base}/r1`, options);
    expect(fetched.url).toBe(`${server.base}/story`);
    expect(fetched.requestedUrl).toBe(`${server.base}/r1`);
    expect(fetched.kind).toBe("html");
    expect(fetched.charset).toBe("utf-8");
    expect(fetched.bytes.toString("utf8")).toBe(graphPage(FERRY));
    expect(server.requests).toEqual(["/r1", "/r2", "/r3", "/story"]);
  });

  it("stops after five redirects", async () => {
    server.requests.length = 0;
    expect(await failure(fetchResource(`${server.base}/loop`, options))).toEqual({
      reason: "unreachable",
      detail: "more than 5 redirects",
    });
    expect(server.requests).toHaveLength(6);
  });

  it("stops a gzip bomb at the decoded-size limit", async () => {
    const started = Date.now();
    const result = await failure(fetchResource(`${server.base}/bomb`, options));
    expect(result).toEqual({ reason: "too-large", limitBytes: 5_000_000 });
    expect(failureMessage(result)).toBe("the article is too large (over 5 MB)");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a body whose declared length is over the limit", async () => {
    expect(await failure(fetchResource(`${server.base}/big`, options))).toEqual({
      reason: "too-large",
      limitBytes: 5_000_000,
    });
  });

  it("times out a body that stops arriving", async () => {
    const result = await failure(
      fetchResource(`${server.base}/slow-body`, { ...options, bodyTimeoutMs: 300 }),
    );
    expect(result).toEqual({ reason: "timed-out", phase: "body", ms: 300 });
  });

  it("times out headers that never come", async () => {
    const result = await failure(
      fetchResource(`${server.base}/slow-headers`, { ...options, headersTimeoutMs: 300 }),
    );
    expect(result).toEqual({ reason: "timed-out", phase: "headers", ms: 300 });
  });

  it("enforces the overall deadline on a page that trickles forever", async () => {
    const started = Date.now();
    const result = await failure(fetchResource(`${server.base}/trickle`, { ...options, deadlineMs: 800 }));
    expect(result).toEqual({ reason: "timed-out", phase: "deadline", ms: 800 });
    expect(failureMessage(result)).toBe("the page took too long (over 0.8 s)");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("reports an HTTP error status", async () => {
    const result = await failure(fetchResource(`${server.base}/missing`, options));
    expect(result).toEqual({ reason: "http-status", status: 404 });
    expect(failureMessage(result)).toBe("the site answered HTTP 404");
  });

  it("refuses content types other than HTML, text and PDF", async () => {
    expect(await failure(fetchResource(`${server.base}/image`, options))).toEqual({
      reason: "unsupported-type",
      type: "image/png",
    });
    expect(await failure(fetchResource(`${server.base}/json`, options))).toEqual({
      reason: "unsupported-type",
      type: "application/json",
    });
  });

  it("reports a closed port as unreachable", async () => {
    const closed = await startPageServer({});
    const url = `${closed.base}/story`;
    await closed.close();
    expect(await failure(fetchResource(url, options))).toEqual({
      reason: "unreachable",
      detail: "connection refused",
    });
  });
});
