// The HTTP interactions endpoint on 127.0.0.1 with a test key pair: signatures, body cap, PING, answers in the
// response, stateless buttons answered by a second endpoint, deferred adds edited through the stand-in's REST.

import { spawn } from "node:child_process";
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openArticleService } from "../src/app/open-articles.ts";
import { readConfig } from "../src/config.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { createEndpoint, type Endpoint } from "../src/http/endpoint.ts";
import { publicKeyFromHex } from "../src/http/signature.ts";
import { DEFAULT_FETCH_LIMITS, fetchResource } from "../src/ingest/fetch.ts";
import { ButtonCodec } from "../src/interactions/buttons.ts";
import { tokenChannels } from "../src/interactions/channels.ts";
import { loadCommands } from "../src/interactions/command.ts";
import { STALE_BUTTON } from "../src/interactions/handler.ts";
import { type RouteDeps, routeInteraction } from "../src/interactions/route.ts";
import { IS_COMPONENTS_V2 } from "../src/render/limits.ts";
import { testLibrary } from "../support/bot-process.ts";
import { DiscordStandIn, FAKE_TOKEN } from "../support/discord-stand-in.ts";
import { FERRY, graphPage } from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";
import { cardOf } from "./card-view.ts";
import { ROOT } from "./helpers.ts";
import { readPng } from "./png-check.ts";

const APP = "190000000000000001";
const GUILD = "290000000000000002";
const OTHER_GUILD = "290000000000000099";
const CHANNEL = "390000000000000003";
const ASKER = "490000000000000004";
const DM_CHANNEL = "390000000000000077";
const STRING = 3;
const INTEGER = 4;
const SECRET = "a test secret for signing buttons";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const publicHex = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

interface Callback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    choices?: { name: string; value: string }[];
    embeds?: { title?: string; description?: string; footer?: { text: string } }[];
    components?: { components: { custom_id: string; label: string; disabled?: boolean }[] }[];
    allowed_mentions?: unknown;
  };
}

interface Sent {
  status: number;
  body: Callback & { error?: string };
}

let nextId = 1;
/** An interaction as Discord POSTs it, in the test guild unless `guild` says otherwise. */
function interaction(type: number, data: unknown, guild = GUILD, userId = ASKER, extra: object = {}) {
  return {
    id: `5900000000000${String(nextId++).padStart(5, "0")}`,
    application_id: APP,
    type,
    token: `tok-${nextId}`,
    version: 1,
    guild_id: guild,
    channel_id: CHANNEL,
    member: { user: { id: userId, username: "reader" }, permissions: "0" },
    ...(data === undefined ? {} : { data }),
    ...extra,
  };
}

/** The same interaction in a DM with the bot: no guild, the user at the top level. */
function inDm(type: number, data: unknown, userId = ASKER) {
  const { guild_id: _guild, member: _member, ...rest } = interaction(type, data, GUILD, userId);
  return { ...rest, channel_id: DM_CHANNEL, user: { id: userId, username: "reader" }, context: 1 };
}

const command = (name: string, options: unknown[] = [], guild?: string) =>
  interaction(2, { id: "1", name, type: 1, options }, guild);

function signed(body: string, key: KeyObject = privateKey, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`), key).toString("hex");
  return { "x-signature-ed25519": signature, "x-signature-timestamp": String(timestamp) };
}

function post(port: number, body: string | Buffer, headers: Record<string, string>): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/interactions",
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || "{}"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const send = (port: number, payload: unknown) => {
  const body = JSON.stringify(payload);
  return post(port, body, signed(body));
};

const silent = pino({ level: "silent" }, new Writable({ write: (_c, _e, done) => done() }));

describe("the HTTP interactions endpoint", () => {
  const standIn = new DiscordStandIn();
  const dataDir = mkdtempSync(join(tmpdir(), "citebot-http-"));
  let pages: PageServer;
  let first: Endpoint;
  let second: Endpoint;
  let firstPort: number;
  let secondPort: number;
  const closers: (() => Promise<void>)[] = [];

  /** One endpoint with its own handler state (cooldowns, codec): nothing is shared but the secret. */
  async function endpoint(): Promise<[Endpoint, number]> {
    const config = readConfig({
      ARTICLES_DIR: testLibrary(),
      CITEBOT_DATA_DIR: dataDir,
      FETCH_ALLOW_LOOPBACK: "true",
    });
    const library = loadLibrary(config.ARTICLES_DIR);
    const opened = openArticleService(config, library);
    closers.push(opened.close);
    const deps: RouteDeps = {
      library,
      articles: opened.service,
      download: async (a) =>
        (await fetchResource(a.url, { ...DEFAULT_FETCH_LIMITS, allowLoopback: true })).bytes,
      commands: await loadCommands(),
      buttons: new ButtonCodec(SECRET),
      cooldowns: opened.shared,
      cooldownMs: 0,
      onError: (error) => {
        throw error;
      },
      channels: tokenChannels(FAKE_TOKEN, standIn.apiBase),
    };
    const made = createEndpoint({
      publicKey: publicKeyFromHex(publicHex),
      route: (input) => routeInteraction(input, deps),
      apiBase: standIn.apiBase,
      bodyMaxBytes: 64 * 1024,
      logger: silent,
    });
    return [made, await made.listen(0, "127.0.0.1")];
  }

  beforeAll(async () => {
    await standIn.start();
    pages = await startPageServer({
      "/ferry": html(graphPage(FERRY)),
      "/slow-ferry": (_req, res) => {
        setTimeout(() => html(graphPage(FERRY))(_req, res), 400);
      },
    });
    [first, firstPort] = await endpoint();
    [second, secondPort] = await endpoint();
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    for (const close of closers) await close();
    await pages.close();
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses a missing signature, a bad one, an old timestamp and a tampered body with 401", async () => {
    const body = JSON.stringify(interaction(1, undefined));
    expect((await post(firstPort, body, {})).status).toBe(401);
    const other = generateKeyPairSync("ed25519").privateKey;
    expect((await post(firstPort, body, signed(body, other))).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 360;
    expect((await post(firstPort, body, signed(body, privateKey, sixMinutesAgo))).status).toBe(401);
    const tampered = body.replace('"type":1', '"type":2');
    expect((await post(firstPort, tampered, signed(body))).status).toBe(401);
    // Not JSON at all, unsigned: refused before any parsing (401, not 400).
    expect((await post(firstPort, "{not json", {})).status).toBe(401);
  });

  it("answers a body over the cap with 413", async () => {
    const big = Buffer.alloc(65 * 1024, "a");
    expect((await post(firstPort, big, signed(big.toString()))).status).toBe(413);
  });

  it("answers PING with PONG", async () => {
    expect(await send(firstPort, interaction(1, undefined))).toEqual({ status: 200, body: { type: 1 } });
  });

  it("answers /who in the response itself", async () => {
    const { status, body } = await send(
      firstPort,
      command("who", [{ name: "query", type: STRING, value: "Ombaka" }]),
    );
    expect(status).toBe(200);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(IS_COMPONENTS_V2);
    expect(cardOf(body.data).title).toBe("Who: Jack Ombaka");
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it("sends /when's timeline picture by editing the acknowledged reply with the file", async () => {
    const payload = command("when");
    const sent = await send(firstPort, payload);
    expect(sent).toEqual({ status: 200, body: { type: 5, data: {} } });
    const edit = await standIn.waitForCall(
      (c) =>
        c.method === "PATCH" && c.path === `/api/v10/webhooks/${APP}/${payload.token}/messages/@original`,
      10_000,
    );
    expect(edit.files?.map((f) => [f.field, f.name, f.type])).toEqual([
      ["files[0]", "timeline.png", "image/png"],
    ]);
    expect(readPng(edit.files?.[0]?.bytes ?? Buffer.alloc(0)).width).toBe(1600);
    const body = edit.body as { flags: number; attachments: unknown[]; allowed_mentions: unknown };
    expect(body.flags).toBe(IS_COMPONENTS_V2);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.attachments).toEqual([
      {
        id: 0,
        filename: "timeline.png",
        description: expect.stringMatching(/^Timeline of A Kenyan police officer/),
      },
    ]);
    expect(cardOf(body).gallery[0]?.url).toBe("attachment://timeline.png");
  });

  it("answers autocomplete with choices", async () => {
    const { body } = await send(
      firstPort,
      interaction(4, {
        id: "1",
        name: "who",
        type: 1,
        options: [{ name: "article", type: STRING, value: "mill", focused: true }],
      }),
    );
    expect(body.type).toBe(8);
    expect(body.data?.choices?.map((c) => c.value)).toEqual(["millbrook-fire-station"]);
  });

  it("pages on a second endpoint with no shared memory; forged and foreign clicks get the stale note", async () => {
    const asked = await send(
      firstPort,
      command("quote", [{ name: "article", type: STRING, value: "millbrook-fire-station" }]),
    );
    expect(cardOf(asked.body.data).footer).toContain("page 1/2");
    const more = cardOf(asked.body.data).buttons.find((b) => b.label.startsWith("More"))?.id as string;
    expect(more.length).toBeLessThanOrEqual(100);

    const paged = await send(secondPort, interaction(3, { custom_id: more, component_type: 2 }));
    expect(paged.body.type).toBe(7);
    expect(paged.body.data?.flags).toBe(IS_COMPONENTS_V2);
    expect(cardOf(paged.body.data).footer).toContain("page 2/2");
    expect(paged.body.data?.allowed_mentions).toEqual({ parse: [] });

    const stale = { type: 4, data: { content: STALE_BUTTON, flags: 64, allowed_mentions: { parse: [] } } };
    const forged = more.replace("|p|1|", "|p|0|");
    expect((await send(secondPort, interaction(3, { custom_id: forged, component_type: 2 }))).body).toEqual(
      stale,
    );
    const foreign = interaction(3, { custom_id: more, component_type: 2 }, OTHER_GUILD);
    expect((await send(secondPort, foreign)).body).toEqual(stale);
  });

  it("shows context and changes a summary's length on another endpoint, stateless", async () => {
    const asked = await send(
      firstPort,
      command("summary", [
        { name: "article", type: STRING, value: "millbrook-fire-station" },
        { name: "sentences", type: INTEGER, value: 2 },
      ]),
    );
    const card = cardOf(asked.body.data);
    const longer = card.buttons.find((b) => b.label === "Longer")?.id ?? "";
    const resized = await send(secondPort, interaction(3, { custom_id: longer, component_type: 2 }));
    expect(resized.body.type).toBe(7);
    expect(cardOf(resized.body.data).texts.filter((t) => t.startsWith("> "))).toHaveLength(3);
    const context = card.sections[0]?.button.id ?? "";
    const shown = await send(secondPort, interaction(3, { custom_id: context, component_type: 2 }));
    expect(shown.body.type).toBe(4);
    expect(shown.body.data?.flags).toBe(64 | IS_COMPONENTS_V2);
    expect(cardOf(shown.body.data).title).toBe("¶1");
  });

  it("asks a follow-up: a form, then the answer in a thread on the answer, tied to the article", async () => {
    const asked = await send(
      firstPort,
      command("ask", [
        { name: "article", type: STRING, value: "millbrook-fire-station" },
        { name: "question", type: STRING, value: "Who is the treasurer?" },
      ]),
    );
    const follow = cardOf(asked.body.data).buttons.find((b) => b.label === "Ask a follow-up")?.id ?? "";
    const form = await send(secondPort, interaction(3, { custom_id: follow, component_type: 2 }));
    expect(form.body).toMatchObject({ type: 9, data: { custom_id: follow, title: "Ask a follow-up" } });

    const messageId = "690000000000000042";
    const submit = interaction(
      5,
      {
        custom_id: follow,
        components: [
          {
            type: 1,
            components: [{ type: 4, custom_id: "question", value: "How much would the repairs cost?" }],
          },
        ],
      },
      GUILD,
      ASKER,
      { message: { id: messageId, embeds: [], components: asked.body.data?.components } },
    );
    expect((await send(secondPort, submit)).body).toEqual({ type: 5, data: { flags: 64 } });
    const posted = await standIn.waitForCall(
      (c) => c.method === "POST" && c.path === `/api/v10/channels/${messageId}/messages`,
    );
    expect(standIn.threads.get(messageId)?.parentId).toBe(CHANNEL);
    expect(cardOf(posted.body).text).toContain("cost about **400,000 pounds**");
    const edit = await standIn.waitForCall(
      (c) => c.method === "PATCH" && c.path === `/api/v10/webhooks/${APP}/${submit.token}/messages/@original`,
    );
    expect((edit.body as { content: string }).content).toBe(`Answered in the thread <#${messageId}>.`);

    const inThread = interaction(
      2,
      {
        id: "1",
        name: "ask",
        type: 1,
        options: [{ name: "question", type: STRING, value: "Who is the treasurer?" }],
      },
      GUILD,
      ASKER,
      { channel_id: messageId, channel: { id: messageId, type: 11 } },
    );
    expect(cardOf((await send(firstPort, inThread)).body.data).text).toContain("Treasurer **Owen Castell**");
  });

  it("reads a DM user's own library, and answers a de user in German", async () => {
    const list = inDm(2, { id: "1", name: "article", type: 1, options: [{ name: "list", type: 1 }] });
    expect((await send(firstPort, list)).body.data?.embeds?.[0]?.title).toBe(
      "Articles added to your library (0)",
    );
    const german = interaction(
      2,
      {
        id: "1",
        name: "ask",
        type: 1,
        options: [
          { name: "article", type: STRING, value: "millbrook-fire-station" },
          { name: "question", type: STRING, value: "Who designed the new swimming pool?" },
        ],
      },
      GUILD,
      ASKER,
      { locale: "de" },
    );
    const texts = cardOf((await send(firstPort, german)).body.data).texts;
    expect(texts[0]?.split("\n")[1]).toBe("Das steht nicht im Artikel.");
  });

  it("defers /article add url: and then edits the original reply through the REST webhook route", async () => {
    const payload = interaction(2, {
      id: "1",
      name: "article",
      type: 1,
      options: [
        { name: "add", type: 1, options: [{ name: "url", type: STRING, value: `${pages.base}/ferry` }] },
      ],
    });
    const { body } = await send(firstPort, payload);
    expect(body).toEqual({ type: 5, data: {} });
    const edit = await standIn.waitForCall(
      (c) =>
        c.method === "PATCH" && c.path === `/api/v10/webhooks/${APP}/${payload.token}/messages/@original`,
    );
    const sent = edit.body as Callback["data"];
    expect(sent?.embeds?.[0]?.title).toBe(FERRY.title);
    expect(sent?.allowed_mentions).toEqual({ parse: [] });
    expect(sent?.flags).toBeUndefined();
  });

  it("serves /healthz", async () => {
    const status = await new Promise<number>((resolve, reject) =>
      request({ host: "127.0.0.1", port: firstPort, path: "/healthz" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end(),
    );
    expect(status).toBe(200);
  });

  it("shuts down gracefully: refuses new connections, finishes the request and the edit in flight", async () => {
    const [last, port] = await endpoint();
    const payload = interaction(2, {
      id: "1",
      name: "article",
      type: 1,
      options: [
        { name: "add", type: 1, options: [{ name: "url", type: STRING, value: `${pages.base}/slow-ferry` }] },
      ],
    });
    const body = JSON.stringify(payload);
    const order: string[] = [];
    // Half the body now, the rest after shutdown began: the request is in flight when close() is called.
    const answered = new Promise<Sent>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/interactions",
          method: "POST",
          headers: { ...signed(body), "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            order.push("answered");
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) });
          });
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 20));
      setTimeout(() => req.end(body.slice(20)), 200);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closed = last.close().then(() => order.push("closed"));
    await new Promise((r) => setTimeout(r, 20));
    await expect(send(port, interaction(1, undefined))).rejects.toThrow(/ECONNREFUSED/);
    const sent = await answered;
    expect(sent).toEqual({ status: 200, body: { type: 5, data: {} } });
    await closed;
    const edit = standIn.calls.find(
      (c) =>
        c.method === "PATCH" && c.path === `/api/v10/webhooks/${APP}/${payload.token}/messages/@original`,
    );
    expect((edit?.body as Callback["data"])?.embeds?.[0]?.title).toBe(FERRY.title);
    expect(order).toEqual(["answered", "closed"]);
  });
});

/** `npm start` in HTTP mode on a free port; resolves once it logs "ready", with its output as it grows. */
async function startHttpProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, "bin", "citebot.mjs"), "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      INTERACTIONS_MODE: "http",
      PORT: "0",
      HOST: "127.0.0.1",
      DISCORD_PUBLIC_KEY: publicHex,
      ARTICLES_DIR: testLibrary(),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { text: "" };
  child.stdout.on("data", (c) => {
    output.text += c;
  });
  child.stderr.on("data", (c) => {
    output.text += c;
  });
  const started = Date.now();
  while (!output.text.includes('"msg":"ready"')) {
    // Generous: a loaded machine (other suites start bots at the same time) can take many seconds.
    if (child.exitCode !== null || Date.now() - started > 60_000)
      throw new Error(`not ready:\n${output.text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output, port: Number(/"port":(\d+)/.exec(output.text)?.[1]) };
}

describe("npm start with INTERACTIONS_MODE=http", () => {
  it("serves signed interactions on PORT and exits 0 on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "citebot-http-process-"));
    const { child, output, port } = await startHttpProcess({ CITEBOT_DATA_DIR: dataDir });
    expect(await send(port, interaction(1, undefined))).toEqual({ status: 200, body: { type: 1 } });
    const who = await send(port, command("who", [{ name: "query", type: STRING, value: "Ombaka" }]));
    expect(cardOf(who.body.data).title).toBe("Who: Jack Ombaka");
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(output.text).toContain('"msg":"stopped"');
  }, 90_000);
});

describe("npm start with INTERACTIONS_MODE=http and a bot token", () => {
  it("follows a feed and posts its items to the channel through the REST API", async () => {
    const standIn = new DiscordStandIn();
    await standIn.start();
    const feedPages = await startPageServer({
      "/ferry": html(graphPage(FERRY)),
      "/feed.xml": (_req, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Ledger</title><link>/</link><item><title>${FERRY.title}</title><link>/ferry</link><guid>ferry</guid></item></channel></rss>`,
          ),
    });
    const dataDir = mkdtempSync(join(tmpdir(), "citebot-http-feeds-"));
    const { child, output, port } = await startHttpProcess({
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      CITEBOT_DATA_DIR: dataDir,
      FETCH_ALLOW_LOOPBACK: "true",
    });
    try {
      const add = interaction(2, {
        id: "1",
        name: "feed",
        type: 1,
        options: [
          {
            name: "add",
            type: 1,
            options: [{ name: "url", type: STRING, value: `${feedPages.base}/feed.xml` }],
          },
        ],
      });
      expect((await send(port, add)).body).toEqual({ type: 5, data: { flags: 64 } });
      const posted = await standIn.waitForCall(
        (c) => c.method === "POST" && c.path === `/api/v10/channels/${CHANNEL}/messages`,
        30_000,
      );
      expect(posted.authorization).toBe(`Bot ${FAKE_TOKEN}`);
      const body = posted.body as { embeds: { title: string; url: string }[]; allowed_mentions: unknown };
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.embeds.map((e) => [e.title, e.url])).toEqual([[FERRY.title, `${feedPages.base}/ferry`]]);
    } finally {
      const code = await new Promise<number | null>((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      });
      await feedPages.close();
      await standIn.stop();
      rmSync(dataDir, { recursive: true, force: true });
      expect(code).toBe(0);
      expect(output.text).not.toContain(FAKE_TOKEN);
    }
  }, 90_000);
});
