// A small Discord for tests: REST over HTTP and a WebSocket gateway on 127.0.0.1. The real discord.js
// client logs into it (`rest: { api }`); it records every REST call so tests can assert on the bodies.
// Like Discord it can hand out several shards: each connection identifies as `[shard_id, num_shards]`, sees
// only its own guilds, and gets the interactions of a guild whose `(guild_id >> 22) % num_shards` is its id.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export const APP_ID = "111111111111111111";
export const GUILD_ID = "222222222222222222";
/** A second server; with two shards it lives on shard 0 and GUILD_ID on shard 1. */
export const OTHER_GUILD_ID = "222222222226416526";
export const CHANNEL_ID = "333333333333333333";
export const BOT_USER_ID = APP_ID;
/** A member's usual permission bits: no Manage Messages. */
export const MEMBER_PERMISSIONS = "2248473465835073";
/** The same with Manage Messages (1 << 13), as a moderator has. */
export const MODERATOR_PERMISSIONS = (2248473465835073n | (1n << 13n)).toString();

export interface StandInAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export interface AsUser {
  userId?: string;
  permissions?: string;
  /** Where the interaction happens: a server that installed the app (default), a DM, or a server where only the user installed it. */
  where?: Where;
  locale?: string;
  /** The channel it is used in (a thread's id for a thread), and its type (11: a public thread). */
  channelId?: string;
  channelType?: number;
}

/** The interaction fields an `AsUser` sets. */
const asFields = (as: AsUser) => ({
  ...(as.userId ? { userId: as.userId } : {}),
  ...(as.permissions ? { permissions: as.permissions } : {}),
  ...(as.where ? { where: as.where } : {}),
  ...(as.locale ? { locale: as.locale } : {}),
  ...(as.channelId ? { channelId: as.channelId } : {}),
  ...(as.channelType !== undefined ? { channelType: as.channelType } : {}),
});

export type Where = "guild" | "dm" | "user-install";

/** The DM channel between the test user and the bot. */
export const DM_CHANNEL_ID = "444444444444444444";
/** Well-formed but fake: three dot-separated parts, the first the app id in base64. */
export const FAKE_TOKEN = `${Buffer.from(APP_ID).toString("base64")}.GfakeX.stand-in-token-not-real-0123456789`;

export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  body: unknown;
  authorization: string | undefined;
  /** Files sent with a multipart body (`files[n]`), as Discord receives them. */
  files?: { field: string; name: string; type: string; bytes: Buffer }[];
}

/** A canned answer for the next REST call that matches. */
export interface Fault {
  match(call: RecordedCall): boolean;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** How many calls it answers (default 1). */
  times?: number;
}

/** The shard Discord sends a guild's events to. */
export function shardOf(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

export interface StandInOptions {
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** session_start_limit.max_concurrency (default 1). */
  maxConcurrency?: number;
  /** The servers the bot is in (default: GUILD_ID alone). */
  guilds?: readonly string[];
}

/** One identified gateway connection and the shard it asked for. */
export interface Identify {
  shard: [number, number];
  at: number;
}

let snowflakeCounter = 0n;
/** Unique, increasing snowflake-shaped ids. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

export class DiscordStandIn {
  readonly calls: RecordedCall[] = [];
  readonly gatewayEvents: { op: number; t?: string | null; d?: unknown }[] = [];
  readonly faults: Fault[] = [];
  /** Attachment paths the CDN was asked for. */
  readonly cdnRequests: string[] = [];
  registeredCommands: Record<string, unknown>[] = [];
  identifies = 0;
  /** Every IDENTIFY in order, with the shard it named (`[0, 1]` when it named none) and when it came. */
  readonly identified: Identify[] = [];
  resumes = 0;
  /** A token the gateway refuses with close code 4004 (Authentication failed). */
  rejectToken: string | null = null;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private sockets = new Set<WebSocket>();
  /** The shard each identified connection serves. */
  private shardOfSocket = new Map<WebSocket, number>();
  /** The shard each session was identified for, so a resumed connection serves it again. */
  private shardOfSession = new Map<string, number>();
  readonly shards: number;
  readonly maxConcurrency: number;
  readonly guilds: readonly string[];
  private sequence = 0;
  private waiters: { predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  private sessionId = randomBytes(8).toString("hex");
  private interactions = new Map<string, unknown>();
  /** Threads opened on messages: the thread's id is the message's. */
  readonly threads = new Map<string, { parentId: string; name: string }>();
  /** Files served as Discord's CDN would serve attachments. */
  private files = new Map<string, { body: Buffer; type: string }>();

  constructor(options: StandInOptions = {}) {
    this.shards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.guilds = options.guilds ?? [GUILD_ID];
  }

  get port(): number {
    if (!this.server) throw new Error("stand-in not started");
    return (this.server.address() as AddressInfo).port;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss?.handleUpgrade(req, socket, head, (ws) => this.connect(ws));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  // ---- gateway -------------------------------------------------------------------------------------

  private connect(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => {
      this.sockets.delete(ws);
      this.shardOfSocket.delete(ws);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.gatewayEvents.push(payload);
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        if (this.rejectToken && (payload.d as { token?: string }).token === this.rejectToken) {
          this.identifies++;
          ws.close(4004, "Authentication failed.");
          return;
        }
        this.identify(ws, (payload.d as { shard?: [number, number] }).shard ?? [0, 1]);
      }
      if (payload.op === 6) {
        this.resumes++;
        const session = (payload.d as { session_id?: string }).session_id ?? "";
        this.shardOfSocket.set(ws, this.shardOfSession.get(session) ?? 0);
        this.send(ws, "RESUMED", {});
      }
    });
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    this.sequence++;
    ws.send(JSON.stringify({ op: 0, t, s: this.sequence, d }));
  }

  private identify(ws: WebSocket, shard: [number, number]): void {
    this.identifies++;
    this.identified.push({ shard, at: Date.now() });
    this.shardOfSocket.set(ws, shard[0]);
    const guilds = this.guilds.filter((id) => shardOf(id, shard[1]) === shard[0]);
    this.sessionId = randomBytes(8).toString("hex");
    this.shardOfSession.set(this.sessionId, shard[0]);
    this.send(ws, "READY", {
      v: 10,
      user: {
        id: BOT_USER_ID,
        username: "citebot",
        discriminator: "0",
        global_name: null,
        avatar: null,
        bot: true,
        flags: 0,
      },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: this.sessionId,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      application: { id: APP_ID, flags: 0 },
      private_channels: [],
      shard,
    });
    for (const id of guilds) this.guildCreate(ws, id);
  }

  private guildCreate(ws: WebSocket, id: string): void {
    this.send(ws, "GUILD_CREATE", {
      id,
      name: id === GUILD_ID ? "Newsroom" : `Newsroom ${id.slice(-4)}`,
      icon: null,
      owner_id: "444444444444444444",
      unavailable: false,
      member_count: 2,
      large: false,
      features: [],
      roles: [],
      emojis: [],
      stickers: [],
      channels: [{ id: CHANNEL_ID, type: 0, name: "general", position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: new Date().toISOString(),
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      nsfw_level: 0,
    });
  }

  /** Sends a dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.send(ws, t, d);
  }

  /** Sends a guild's dispatch to the connections of the shard that guild belongs to, as Discord does. */
  dispatchToGuild(guildId: string | undefined, t: string, d: unknown): void {
    // DMs go to shard 0, as Discord sends them.
    const target = guildId === undefined ? 0 : shardOf(guildId, this.shards);
    for (const ws of this.sockets) {
      const shard = this.shardOfSocket.get(ws);
      if (shard !== undefined && shard === target) this.send(ws, t, d);
    }
  }

  /** Sends a raw gateway payload (op 7 Reconnect, op 9 Invalid Session …). */
  sendOp(op: number, d: unknown = null): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  /** Drops every gateway connection without a close frame, as a network fault would. */
  dropGateway(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Closes every gateway connection with a close code. */
  closeGateway(code: number): void {
    for (const ws of this.sockets) ws.close(code, "stand-in closed");
  }

  get connected(): number {
    return this.sockets.size;
  }

  // ---- REST ----------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = req.method === "GET" ? this.files.get(url.pathname) : undefined;
    if (url.pathname.startsWith("/attachments/")) {
      this.cdnRequests.push(url.pathname);
      if (!file) {
        res.writeHead(404, { "content-type": "text/plain" }).end("no such attachment");
        return;
      }
      res.writeHead(200, { "content-type": file.type, "content-length": file.body.length }).end(file.body);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers["content-type"] ?? "";
    const { body, files } = type.startsWith("multipart/form-data")
      ? await readMultipart(raw, type)
      : { body: raw.length ? JSON.parse(raw.toString("utf8")) : null, files: undefined };
    const call: RecordedCall = {
      method: req.method ?? "GET",
      // discord.js percent-encodes `@original`.
      path: decodeURIComponent(url.pathname),
      query: url.search,
      body,
      authorization: req.headers.authorization,
      ...(files ? { files } : {}),
    };
    this.calls.push(call);
    const fault = this.faults.find((f) => f.match(call));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      this.reply(res, fault.status, fault.body, fault.headers);
      this.notify(call);
      return;
    }
    this.route(call, res);
    this.notify(call);
  }

  private notify(call: RecordedCall): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  }

  private reply(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  private route(call: RecordedCall, res: ServerResponse): void {
    const { method, path } = call;
    if (method === "GET" && path === "/api/v10/gateway/bot") {
      this.reply(res, 200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 0,
          max_concurrency: this.maxConcurrency,
        },
      });
      return;
    }
    if (/^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (method === "GET") {
        this.reply(res, 200, this.registeredCommands);
        return;
      }
      if (method === "PUT") {
        this.registeredCommands = (call.body as Record<string, unknown>[]).map((c) => ({
          id: snowflake(),
          application_id: APP_ID,
          version: snowflake(),
          default_member_permissions: null,
          nsfw: false,
          ...c,
        }));
        this.reply(res, 200, this.registeredCommands);
        return;
      }
    }
    const callback = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (callback && method === "POST") {
      if (call.query.includes("with_response=true")) {
        this.reply(res, 200, {
          interaction: { id: callback[1], type: 2 },
          resource: { type: 4, message: this.message(call.body) },
        });
        return;
      }
      this.reply(res, 204, null);
      return;
    }
    const thread = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (thread && method === "POST") {
      const [, parentId = "", messageId = ""] = thread;
      if (this.threads.has(messageId)) {
        this.reply(res, 400, { message: "A thread has already been created for this message", code: 160004 });
        return;
      }
      const name = String((call.body as { name?: unknown })?.name ?? "");
      this.threads.set(messageId, { parentId, name });
      this.reply(res, 201, { id: messageId, type: 11, parent_id: parentId, guild_id: GUILD_ID, name });
      return;
    }
    // A message the bot posts by itself (a feed's new items, a follow-up in a thread): recorded like every call.
    if (method === "POST" && /^\/api\/v10\/channels\/\d+\/messages$/.test(path)) {
      this.reply(res, 200, this.message(call.body));
      return;
    }
    if (/^\/api\/v10\/webhooks\/\d+\/[^/]+(\/messages\/.+)?$/.test(path)) {
      this.reply(res, 200, this.message((call.body as { data?: unknown })?.data ?? call.body));
      return;
    }
    this.reply(res, 404, { message: `stand-in has no route for ${method} ${path}`, code: 0 });
  }

  private message(body: unknown): Record<string, unknown> {
    const data = (body ?? {}) as Record<string, unknown>;
    return {
      id: snowflake(),
      channel_id: CHANNEL_ID,
      author: { id: BOT_USER_ID, username: "citebot", discriminator: "0", bot: true, avatar: null },
      content: data.content ?? "",
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 0,
      flags: data.flags ?? 0,
    };
  }

  /** Resolves with the first REST call (already made or to come) that matches. */
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs = 10_000, from = 0): Promise<RecordedCall> {
    const done = this.calls.slice(from).find(predicate);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== wrapped);
        reject(new Error(`no matching REST call within ${timeoutMs} ms`));
      }, timeoutMs);
      const wrapped = (c: RecordedCall) => {
        clearTimeout(timer);
        resolve(c);
      };
      this.waiters.push({ predicate, resolve: wrapped });
    });
  }

  /** The interaction token Discord gave an interaction (webhook calls are made with it). */
  tokenOf(interactionId: string): string {
    return (this.interactions.get(interactionId) as { token: string }).token;
  }

  /** A webhook call (edit, delete, follow-up) the bot made for an interaction. */
  webhookFor(interactionId: string, method: "PATCH" | "DELETE" | "POST", timeoutMs = 15_000) {
    const prefix = `/api/v10/webhooks/${APP_ID}/${this.tokenOf(interactionId)}`;
    return this.waitForCall((c) => c.method === method && c.path.startsWith(prefix), timeoutMs);
  }

  /** The callback the bot sent for an interaction. */
  callbackFor(interactionId: string, timeoutMs = 10_000): Promise<RecordedCall> {
    return this.waitForCall(
      (c) => c.method === "POST" && c.path.startsWith(`/api/v10/interactions/${interactionId}/`),
      timeoutMs,
    );
  }

  // ---- interactions ------------------------------------------------------------------------------------

  /** Sends an INTERACTION_CREATE and returns its id. */
  interact(fields: {
    type: number;
    data: unknown;
    message?: unknown;
    userId?: string;
    /** The member's permission bits (default: no Manage Messages). */
    permissions?: string;
    /** The server it happens in (default GUILD_ID); only that server's shard receives it. */
    guildId?: string;
    /** The user's Discord locale (default en-US). */
    locale?: string;
    where?: Where;
    /** The channel it is used in (default CHANNEL_ID; a DM's own channel in DMs), and its type. */
    channelId?: string;
    channelType?: number;
  }): string {
    const where = fields.where ?? "guild";
    const guildId = where === "dm" ? undefined : (fields.guildId ?? GUILD_ID);
    const id = snowflake();
    const user = {
      id: fields.userId ?? "555555555555555555",
      username: "reader",
      discriminator: "0",
      global_name: "Reader",
      avatar: null,
    };
    const channelId = fields.channelId ?? (where === "dm" ? DM_CHANNEL_ID : CHANNEL_ID);
    const member = {
      user,
      roles: [],
      permissions: fields.permissions ?? MEMBER_PERMISSIONS,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    };
    const payload = {
      id,
      application_id: APP_ID,
      type: fields.type,
      data: fields.data,
      ...(guildId === undefined ? { user } : { guild_id: guildId, member, guild_locale: "en-US" }),
      channel_id: channelId,
      channel: { id: channelId, type: fields.channelType ?? (where === "dm" ? 1 : 0) },
      token: `tok-${randomBytes(12).toString("hex")}`,
      version: 1,
      app_permissions: "2248473465835073",
      locale: fields.locale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners: where === "guild" ? { "0": guildId } : { "1": user.id },
      context: where === "dm" ? 1 : 0,
      attachment_size_limit: 8_388_608,
      ...(fields.message ? { message: fields.message } : {}),
    };
    this.interactions.set(id, payload);
    this.dispatchToGuild(guildId, "INTERACTION_CREATE", payload);
    return id;
  }

  /** Drops what was recorded (calls, gateway events, sent interactions). */
  forget(): void {
    this.calls.length = 0;
    this.gatewayEvents.length = 0;
    this.interactions.clear();
  }

  /** Delivers an interaction again, as Discord may after a resume. */
  redeliver(id: string): void {
    const payload = this.interactions.get(id) as { guild_id?: string };
    this.dispatchToGuild(payload.guild_id, "INTERACTION_CREATE", payload);
  }

  command(
    name: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[] = [],
    userId?: string,
    guildId?: string,
  ): string {
    return this.interact({
      type: 2,
      data: { id: snowflake(), name, type: 1, options },
      ...(userId ? { userId } : {}),
      ...(guildId ? { guildId } : {}),
    });
  }

  /** A slash command used somewhere other than the test guild's channel (a DM, a thread, a user install). */
  commandAs(
    name: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[],
    as: AsUser,
  ): string {
    return this.interact({ type: 2, data: { id: snowflake(), name, type: 1, options }, ...asFields(as) });
  }

  autocomplete(
    name: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[],
  ): string {
    return this.interact({ type: 4, data: { id: snowflake(), name, type: 1, options } });
  }

  /** Serves a file on the stand-in's CDN and returns the attachment object Discord would send. */
  attachment(filename: string, body: string | Buffer, type: string): StandInAttachment {
    const id = snowflake();
    const path = `/attachments/${CHANNEL_ID}/${id}/${filename}`;
    const bytes = Buffer.from(body);
    this.files.set(path, { body: bytes, type });
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: type };
  }

  /** A subcommand (`/article add url:…`), with attachment options resolved as Discord does. */
  subcommand(
    name: string,
    subcommand: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[] = [],
    as: AsUser & { attachments?: StandInAttachment[]; focused?: boolean } = {},
  ): string {
    const attachments = as.attachments ?? [];
    return this.interact({
      type: as.focused ? 4 : 2,
      data: {
        id: snowflake(),
        name,
        type: 1,
        options: [{ name: subcommand, type: 1, options }],
        ...(attachments.length
          ? { resolved: { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } }
          : {}),
      },
      ...asFields(as),
    });
  }

  /** A message context-menu command used on a message with this text and these attachments. */
  messageCommand(
    name: string,
    content: string,
    attachments: StandInAttachment[] = [],
    as: AsUser = {},
  ): string {
    const base = this.message({ content });
    const targetId = String(base.id);
    const target = {
      ...base,
      author: { id: "666666666666666666", username: "poster", discriminator: "0", avatar: null },
      attachments,
    };
    return this.interact({
      type: 2,
      data: {
        id: snowflake(),
        name,
        type: 3,
        target_id: targetId,
        resolved: { messages: { [targetId]: target } },
      },
      ...(as.userId ? { userId: as.userId } : {}),
    });
  }

  /**
   * A submitted modal, its text inputs by custom id; `message` is the message whose button opened it (a
   * follow-up's answer), echoed back as Discord does.
   */
  modalSubmit(
    customId: string,
    values: Record<string, string>,
    as: AsUser & { message?: { id: string; components?: unknown[]; flags?: number } } = {},
  ): string {
    return this.interact({
      type: 5,
      data: {
        custom_id: customId,
        components: Object.entries(values).map(([id, value]) => ({
          type: 1,
          components: [{ type: 4, custom_id: id, value }],
        })),
      },
      ...(as.message ? { message: { ...this.message(as.message), id: as.message.id } } : {}),
      ...asFields(as),
    });
  }

  /** A button press on a message the bot sent (its embeds and components are echoed back, as Discord does). */
  button(
    customId: string,
    messageBody: { embeds?: unknown[]; components?: unknown[]; flags?: number },
    userId?: string,
    as: AsUser = {},
  ): string {
    return this.interact({
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: this.message(messageBody),
      ...(userId ? { userId } : {}),
      ...asFields(as),
    });
  }
}

/** A multipart body as Discord reads it: `payload_json` is the JSON body, the other parts are files. */
export async function readMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: NonNullable<RecordedCall["files"]> }> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  let body: unknown = null;
  const files: NonNullable<RecordedCall["files"]> = [];
  for (const [field, value] of form.entries()) {
    if (field === "payload_json" && typeof value === "string") body = JSON.parse(value);
    else if (typeof value !== "string")
      files.push({
        field,
        name: value.name,
        type: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
  }
  return { body, files };
}
