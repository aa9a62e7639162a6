// Fetches one page through a guarded undici dispatcher: checked addresses, manual redirects, bounded body.

import { createRequire } from "node:module";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type * as Undici from "undici";
import type { Agent, buildConnector, Dispatcher } from "undici";
import { type AddressPolicy, checkUrl, guardedLookup, isAllowedAddress } from "./address-guard.ts";
import { contentTypeCharset } from "./charset.ts";
import { IngestError, type IngestFailure } from "./failure.ts";

export type ResourceKind = "html" | "text" | "pdf";

export interface FetchLimits {
  /** Decoded (decompressed) body limit. */
  maxBytes: number;
  /** Overall deadline from the first request to the last byte. */
  deadlineMs: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  /** Longest silence between two body chunks. */
  bodyTimeoutMs: number;
  maxRedirects: number;
}

export interface FetchOptions extends FetchLimits, AddressPolicy {}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBytes: 5_000_000,
  deadlineMs: 15_000,
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  maxRedirects: 5,
};

export interface FetchedResource {
  /** The URL asked for, and the URL the body came from after redirects. */
  requestedUrl: string;
  url: string;
  kind: ResourceKind;
  /** The Content-Type charset, when the server named one. */
  charset: string | undefined;
  bytes: Buffer;
}

const CONTENT_KINDS: Record<string, ResourceKind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "text",
  "application/pdf": "pdf",
};

export const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// Required on the first fetch, not imported at the top: undici is large, and most runs never fetch a page.
// require() returns any: the cast names the package's own types (the type-only import above).
export const undici = (): typeof Undici => createRequire(import.meta.url)("undici") as typeof Undici;

/** One dispatcher per policy and timeouts: sockets are reused across fetches. */
const dispatchers = new Map<string, Agent>();

/** A connector that looks names up through the guard and checks the connected socket's peer address. */
export function guardedConnector(policy: AddressPolicy, timeout: number): buildConnector.connector {
  const connect = undici().buildConnector({
    timeout,
    lookup: guardedLookup(policy),
  });
  return (options, callback) => {
    connect(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error("no socket"), null);
      // A literal IP skips the lookup, and DNS can change between lookups: check the socket's own peer.
      const remote = socket.remoteAddress ?? "";
      if (!isAllowedAddress(remote, policy)) {
        socket.destroy();
        return callback(new IngestError({ reason: "refused-address", address: remote || "unknown" }), null);
      }
      callback(null, socket);
    });
  };
}

export function dispatcherFor(options: FetchOptions): Dispatcher {
  const key = `${options.allowLoopback}:${options.connectTimeoutMs}:${options.headersTimeoutMs}:${options.bodyTimeoutMs}`;
  let agent = dispatchers.get(key);
  if (!agent) {
    agent = new (undici().Agent)({
      connect: guardedConnector(options, options.connectTimeoutMs),
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      connections: 16,
    });
    dispatchers.set(key, agent);
  }
  return agent;
}

/** Closes the pooled dispatchers (tests and shutdown). */
export async function closeDispatchers(): Promise<void> {
  const agents = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(agents.map((a) => a.close()));
}

export function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && chain.length < 5) {
    chain.push(current);
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return chain;
}

/** Maps undici, DNS and socket errors onto the reasons a user is shown. */
export function classify(error: unknown, options: FetchOptions, deadlineHit: boolean): IngestFailure {
  const chain = errorChain(error);
  const ingest = chain.find((e): e is IngestError => e instanceof IngestError);
  if (ingest) return ingest.failure;
  if (deadlineHit) return { reason: "timed-out", phase: "deadline", ms: options.deadlineMs };
  const codes = chain.map((e) =>
    typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : "",
  );
  if (codes.includes("UND_ERR_CONNECT_TIMEOUT"))
    return { reason: "timed-out", phase: "connect", ms: options.connectTimeoutMs };
  if (codes.includes("UND_ERR_HEADERS_TIMEOUT"))
    return { reason: "timed-out", phase: "headers", ms: options.headersTimeoutMs };
  if (codes.includes("UND_ERR_BODY_TIMEOUT"))
    return { reason: "timed-out", phase: "body", ms: options.bodyTimeoutMs };
  if (codes.some((c) => c === "ENOTFOUND" || c === "EAI_AGAIN"))
    return { reason: "unreachable", detail: "the site's name does not resolve" };
  if (codes.includes("ECONNREFUSED")) return { reason: "unreachable", detail: "connection refused" };
  if (codes.includes("ECONNRESET") || codes.includes("UND_ERR_SOCKET"))
    return { reason: "unreachable", detail: "the connection was cut" };
  if (codes.some((c) => c.startsWith("Z_") || c === "ERR__ERROR_FORMAT_PADDING_1"))
    return { reason: "unreachable", detail: "the page's compressed body is corrupt" };
  const message =
    chain
      .map((e) => (typeof e === "object" && e !== null && "message" in e ? e.message : undefined))
      .find((m): m is string => typeof m === "string" && m !== "") ?? String(error);
  return { reason: "unreachable", detail: message.slice(0, 120) };
}

function decoderChain(encoding: string) {
  const steps = encoding
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && s !== "identity")
    .reverse();
  return steps.map((step) => {
    if (step === "gzip" || step === "x-gzip") return createGunzip();
    if (step === "deflate") return createInflate();
    if (step === "br") return createBrotliDecompress();
    throw new IngestError({ reason: "unsupported-type", type: `content encoding "${step}"` });
  });
}

/** Reads a body, decompressing it, and stops as soon as the decoded size passes the limit. */
export async function readBody(body: Readable, encoding: string, maxBytes: number): Promise<Buffer> {
  const decoders = decoderChain(encoding);
  // pipeline gives back its last stream: the last decoder, read below.
  const last = decoders.at(-1);
  if (last) pipeline([body, ...decoders], () => {});
  const decoded: Readable = last ?? body;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of decoded) {
    // A stream without an encoding set gives Buffers.
    if (!Buffer.isBuffer(chunk)) throw new TypeError("a body stream gave a chunk that is not a Buffer");
    total += chunk.length;
    if (total > maxBytes) throw new IngestError({ reason: "too-large", limitBytes: maxBytes });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function kindOf(contentType: string): { kind: ResourceKind; charset: string | undefined } {
  const type = (contentType.split(";")[0] ?? "").trim();
  const kind = CONTENT_KINDS[type.toLowerCase()];
  if (!kind) throw new IngestError({ reason: "unsupported-type", type: type || "(none)" });
  return { kind, charset: contentTypeCharset(contentType) };
}

/**
 * A GET through the guard, for articles and feeds alike: every hop's address checked, redirects followed by hand up
 * to the limit, one deadline over all of it. `handle` reads the final (non-redirect) response; what it throws that is
 * not an IngestError is classified like any failure of the request.
 */
export async function guardedGet<T>(
  rawUrl: string,
  options: FetchOptions,
  headers: Record<string, string>,
  handle: (response: Dispatcher.ResponseData, url: URL) => Promise<T>,
): Promise<T> {
  let url = checkUrl(rawUrl, options);
  const controller = new AbortController();
  let deadlineHit = false;
  const timer = setTimeout(() => {
    deadlineHit = true;
    controller.abort();
  }, options.deadlineMs);
  const dispatcher = dispatcherFor(options);
  try {
    for (let hop = 0; ; hop++) {
      const response = await undici().request(url, {
        method: "GET",
        dispatcher,
        signal: controller.signal,
        headers,
      });
      if (!REDIRECTS.has(response.statusCode)) return await handle(response, url);
      await response.body.dump();
      const location = header(response.headers, "location");
      if (!location) throw new IngestError({ reason: "http-status", status: response.statusCode });
      if (hop >= options.maxRedirects) {
        throw new IngestError({
          reason: "unreachable",
          detail: `more than ${options.maxRedirects} redirects`,
        });
      }
      url = checkUrl(new URL(location, url).href, options);
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(classify(error, options, deadlineHit));
  } finally {
    clearTimeout(timer);
  }
}

/** A response's body, refused before reading when its declared length is over the limit, and limited while read. */
export async function readLimitedBody(response: Dispatcher.ResponseData, maxBytes: number): Promise<Buffer> {
  const encoding = header(response.headers, "content-encoding");
  const length = Number(header(response.headers, "content-length") || Number.NaN);
  if (!encoding && length > maxBytes) {
    response.body.destroy();
    throw new IngestError({ reason: "too-large", limitBytes: maxBytes });
  }
  return readBody(response.body, encoding, maxBytes);
}

/** Fetches an article's page or PDF. Throws IngestError with the reason. */
export async function fetchResource(rawUrl: string, options: FetchOptions): Promise<FetchedResource> {
  const requestedUrl = checkUrl(rawUrl, options).href;
  const headers = {
    "user-agent": "citebot/0.1 (+article reader)",
    accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8",
    "accept-encoding": "gzip, deflate, br",
  };
  return guardedGet(rawUrl, options, headers, async (response, url) => {
    if (response.statusCode >= 400 || response.statusCode < 200) {
      await response.body.dump();
      throw new IngestError({ reason: "http-status", status: response.statusCode });
    }
    let kind: ReturnType<typeof kindOf>;
    try {
      kind = kindOf(header(response.headers, "content-type"));
    } catch (error) {
      await response.body.dump();
      throw error;
    }
    const bytes = await readLimitedBody(response, options.maxBytes);
    return { requestedUrl, url: url.href, kind: kind.kind, charset: kind.charset, bytes };
  });
}
