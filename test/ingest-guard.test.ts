import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { checkUrl, isAllowedAddress } from "../src/ingest/address-guard.ts";
import { IngestError, type IngestFailure } from "../src/ingest/failure.ts";
import {
  closeDispatchers,
  DEFAULT_FETCH_LIMITS,
  fetchResource,
  guardedConnector,
} from "../src/ingest/fetch.ts";
import { FERRY, graphPage } from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";

const OFF = { ...DEFAULT_FETCH_LIMITS, allowLoopback: false };
const ON = { ...DEFAULT_FETCH_LIMITS, allowLoopback: true };

async function failure(promise: Promise<unknown>): Promise<IngestFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error.failure;
}

describe("address policy (no traffic: pure checks)", () => {
  const refused = [
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.5.4", "private 172.16/12"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "CGNAT 100.64/10"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.251", "multicast"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fc00::1", "IPv6 unique local"],
    ["fd12:3456::1", "IPv6 unique local"],
    ["fe80::1", "IPv6 link-local"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:8.8.8.8", "IPv4-mapped (even public)"],
    ["64:ff9b::a00:1", "NAT64"],
    ["2002:a00:1::1", "6to4"],
    ["ff02::1", "IPv6 multicast"],
    ["not-an-ip", "not an address"],
  ] as const;
  for (const [address, why] of refused) {
    it(`refuses ${address} (${why})`, () => {
      expect(isAllowedAddress(address, { allowLoopback: false })).toBe(false);
    });
  }
  it("allows public unicast addresses", () => {
    for (const address of ["8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"]) {
      expect(isAllowedAddress(address, { allowLoopback: false })).toBe(true);
    }
  });
  it("FETCH_ALLOW_LOOPBACK lets IPv4 loopback through and nothing else", () => {
    expect(isAllowedAddress("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress("::1", { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress("::ffff:127.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress("10.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress("169.254.169.254", { allowLoopback: true })).toBe(false);
  });
  it("reads numeric, hex and short IPv4 hosts as the address they are", () => {
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/"]) {
      expect(() => checkUrl(url, { allowLoopback: false })).toThrow(
        "refused: 127.0.0.1 is not a public internet address",
      );
    }
  });
  it("accepts only http and https", () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.com/a",
      "gopher://example.com/",
      "data:text/html,hi",
    ]) {
      expect(() => checkUrl(url, { allowLoopback: true })).toThrow(/^unsupported type \w+ link/);
    }
  });
});

describe("the guard, against a live local server", () => {
  let server: PageServer;
  beforeAll(async () => {
    server = await startPageServer({
      "/story": html(graphPage(FERRY)),
      "/to-mapped": (_req, res) => {
        res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${server.port}/story` }).end();
      },
      "/to-ipv6-loopback": (_req, res) => {
        res.writeHead(302, { location: `http://[::1]:${server.port}/story` }).end();
      },
      "/to-private": (_req, res) => {
        res.writeHead(301, { location: "http://10.20.30.40/admin" }).end();
      },
      "/to-metadata": (_req, res) => {
        res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      },
      "/to-decimal": (_req, res) => {
        res.writeHead(302, { location: `http://2130706433:${server.port}/story` }).end();
      },
    });
  });
  afterAll(async () => {
    await closeDispatchers();
    await server.close();
  });

  it("with FETCH_ALLOW_LOOPBACK off, refuses every spelling of loopback and the server sees no request", async () => {
    const urls = [
      `http://127.0.0.1:${server.port}/story`,
      `http://localhost:${server.port}/story`,
      `http://[::1]:${server.port}/story`,
      "http://2130706433/story",
      `http://2130706433:${server.port}/story`,
      `http://0x7f.1:${server.port}/story`,
      `http://[::ffff:127.0.0.1]:${server.port}/story`,
      `http://127.0.0.1:${server.port}/to-decimal`,
    ];
    for (const url of urls) {
      expect((await failure(fetchResource(url, OFF))).reason, url).toBe("refused-address");
    }
    expect(server.requests).toEqual([]);
  });

  it("refuses `localhost` at lookup, naming the address it resolved to", async () => {
    const result = await failure(fetchResource(`http://localhost:${server.port}/story`, OFF));
    expect(result).toEqual({
      reason: "refused-address",
      address: expect.stringMatching(/^localhost \((127\.0\.0\.1|::1)\)$/),
    });
    expect(server.requests).toEqual([]);
  });

  it("re-checks every redirect: into IPv4-mapped loopback, ::1, private and metadata addresses", async () => {
    server.requests.length = 0;
    const cases: [string, string][] = [
      ["/to-mapped", "::ffff:7f00:1"],
      ["/to-ipv6-loopback", "::1"],
      ["/to-private", "10.20.30.40"],
      ["/to-metadata", "169.254.169.254"],
    ];
    for (const [path, address] of cases) {
      expect(await failure(fetchResource(`${server.base}${path}`, ON))).toEqual({
        reason: "refused-address",
        address,
      });
    }
    // Only the redirecting pages were asked for; the redirect targets never were.
    expect(server.requests).toEqual(["/to-mapped", "/to-ipv6-loopback", "/to-private", "/to-metadata"]);
  });

  it("checks the connected socket's own address, even when no lookup happened", async () => {
    server.requests.length = 0;
    const connect = guardedConnector({ allowLoopback: false }, 2_000);
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: "127.0.0.1", protocol: "http:", port: String(server.port) }, (...args) => {
        args[1]?.destroy();
        resolve(args[0]);
      }),
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).failure).toEqual({ reason: "refused-address", address: "127.0.0.1" });
    expect(server.requests).toEqual([]);
  });
});

describe("fetch settings in the config", () => {
  it("defaults to the documented limits, loopback off", () => {
    expect(readConfig({})).toMatchObject({
      CITEBOT_DATA_DIR: "./data",
      FETCH_ALLOW_LOOPBACK: false,
      FETCH_MAX_BYTES: 5_000_000,
      FETCH_TIMEOUT_MS: 15_000,
      PARSE_TIMEOUT_MS: 10_000,
      LIBRARY_MAX_ARTICLES: 500,
      ARTICLE_MAX_BYTES: 1_048_576,
    });
    expect(readConfig({ FETCH_ALLOW_LOOPBACK: "true" }).FETCH_ALLOW_LOOPBACK).toBe(true);
  });
  it("names a bad value", () => {
    expect(() => readConfig({ FETCH_ALLOW_LOOPBACK: "yes" })).toThrow(
      "configuration: FETCH_ALLOW_LOOPBACK must be true or false",
    );
    expect(() => readConfig({ LIBRARY_MAX_ARTICLES: "0" })).toThrow(
      "configuration: LIBRARY_MAX_ARTICLES must be 1 or more",
    );
  });
});
