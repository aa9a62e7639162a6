// The HTTP interactions endpoint on node:http: `POST /interactions` (signed by Discord) and `GET /healthz`.
// The raw body is read (capped: 413), its Ed25519 signature checked (401) before any parsing, and the reply
// is the interaction callback itself. Deferred work edits the original reply through the REST webhook route.

import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { FollowUp } from "../interactions/command.ts";
import type { InteractionInput } from "../interactions/handler.ts";
import type { RoutedReply } from "../interactions/route.ts";
import { IS_COMPONENTS_V2 } from "../render/limits.ts";
import { renderNotice } from "../render/render.ts";
import type { MessagePayload } from "../render/reply.ts";
import { InteractionType, parseInteraction, type RawInteraction } from "./interaction-input.ts";
import { checkSignature } from "./signature.ts";

/** Discord's interaction callback types. */
const Callback = {
  Pong: 1,
  Message: 4,
  Deferred: 5,
  DeferredUpdate: 6,
  Update: 7,
  Autocomplete: 8,
  Modal: 9,
} as const;
const EPHEMERAL = 64;
const JSON_HEADERS = { "content-type": "application/json" };

export interface EndpointOptions {
  publicKey: KeyObject;
  /** Answers one interaction; never rejects (routeInteraction's contract). */
  route(input: InteractionInput): Promise<RoutedReply>;
  /** Discord's REST API root, e.g. https://discord.com/api (DISCORD_API_BASE). */
  apiBase: string;
  bodyMaxBytes: number;
  logger: Logger;
  nowSeconds?: () => number;
}

class TooLarge extends Error {}

/** The body, or TooLarge once it passes `max` bytes (nothing more is buffered). */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    // A request without an encoding set gives Buffers.
    if (!Buffer.isBuffer(chunk)) throw new TypeError("a request body chunk is not a Buffer");
    size += chunk.length;
    if (size > max) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A message with files (a card's picture) as Discord takes it: multipart/form-data, the JSON in
 * `payload_json` with `attachments` naming each file, and each file as `files[n]`.
 */
export function multipartMessage(data: MessagePayload): FormData {
  const { files = [], ...rest } = data;
  const form = new FormData();
  const attachments = files.map((f, id) => ({ id, filename: f.name, description: f.description }));
  form.append("payload_json", JSON.stringify({ ...rest, attachments }));
  files.forEach((f, id) => {
    form.append(`files[${id}]`, new Blob([f.data], { type: "image/png" }), f.name);
  });
  return form;
}

/** A message payload as an edit: an existing message's privacy cannot change; a card stays a card. */
function asEdit({ flags, ...rest }: MessagePayload): MessagePayload {
  const kept = (flags ?? 0) & IS_COMPONENTS_V2;
  return kept ? { ...rest, flags: kept } : rest;
}

/** The callback JSON for a reply, and the deferred work to run after it is sent. */
export function callbackFor(reply: RoutedReply): {
  body: unknown;
  work?: () => Promise<FollowUp>;
  ephemeral?: boolean;
} {
  switch (reply.type) {
    case "message":
      return { body: { type: Callback.Message, data: reply.data } };
    case "update":
      return { body: { type: Callback.Update, data: asEdit(reply.data) } };
    case "autocomplete":
      return { body: { type: Callback.Autocomplete, data: { choices: reply.choices } } };
    case "modal":
      return { body: { type: Callback.Modal, data: reply.data } };
    case "deferred":
      return {
        body: { type: Callback.Deferred, data: reply.ephemeral ? { flags: EPHEMERAL } : {} },
        work: reply.work,
        ephemeral: reply.ephemeral,
      };
  }
}

export function createEndpoint(options: EndpointOptions) {
  const { logger, bodyMaxBytes } = options;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const apiRoot = `${options.apiBase.replace(/\/+$/, "")}/v10`;
  /** Requests being answered and deferred edits still to make: shutdown waits for both. */
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  const track = <T>(task: Promise<T>): Promise<T> => {
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task)).catch(() => {});
    return task;
  };

  async function webhook(
    method: "PATCH" | "POST" | "DELETE",
    raw: RawInteraction,
    path: string,
    body?: unknown,
  ) {
    const url = `${apiRoot}/webhooks/${raw.application_id}/${raw.token}${path}`;
    for (let attempt = 0; ; attempt++) {
      const form = body instanceof FormData;
      const response = await fetch(url, {
        method,
        headers: body === undefined || form ? {} : JSON_HEADERS,
        ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.ok) return;
      // One retry for a rate limit or a server fault, after the wait Discord asks for.
      if (attempt === 0 && (response.status === 429 || response.status >= 500)) {
        const payload: unknown = await response.json().catch(() => ({}));
        const after =
          typeof payload === "object" &&
          payload !== null &&
          "retry_after" in payload &&
          typeof payload.retry_after === "number"
            ? payload.retry_after
            : 1;
        await new Promise((r) => setTimeout(r, Math.min(Math.max(after, 0), 5) * 1000));
        continue;
      }
      throw new Error(`Discord answered ${method} ${path || "/"} with ${response.status}`);
    }
  }

  /** Runs the deferred work, then edits the original reply (or, for a private failure, replaces it). */
  async function finish(
    raw: RawInteraction,
    work: () => Promise<FollowUp>,
    ephemeral: boolean,
  ): Promise<void> {
    try {
      const followUp = await work();
      if (followUp.visibility === "public" || ephemeral) {
        await webhook("PATCH", raw, "/messages/@original", asEdit(followUp.data));
        return;
      }
      // A public "thinking…" cannot become private: it goes, and the failure is said to the user alone.
      await webhook("DELETE", raw, "/messages/@original");
      const edit = asEdit(followUp.data);
      await webhook("POST", raw, "", { ...edit, flags: (edit.flags ?? 0) | EPHEMERAL });
    } catch (error) {
      logger.error({ err: error, interactionId: raw.id }, "the deferred reply could not be edited");
      await webhook(
        "PATCH",
        raw,
        "/messages/@original",
        asEdit(renderNotice(`Something went wrong on our side (ref ${raw.id}). Please try again.`)),
      ).catch(() => {});
    }
  }

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req, bodyMaxBytes);
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      res.setHeader("connection", "close");
      send(res, 413, { error: "body too large" });
      res.once("finish", () => req.destroy());
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === "string" ? value : undefined;
    };
    const check = checkSignature(
      options.publicKey,
      header("x-signature-ed25519"),
      header("x-signature-timestamp"),
      body,
      nowSeconds(),
    );
    if (!check.ok) {
      logger.debug({ reason: check.reason }, "unsigned or badly signed request refused");
      send(res, 401, { error: "invalid request signature" });
      return;
    }
    let parsed: ReturnType<typeof parseInteraction>;
    try {
      parsed = parseInteraction(body.toString("utf8"));
    } catch {
      send(res, 400, { error: "not an interaction" });
      return;
    }
    const { raw, input } = parsed;
    if (raw.type === InteractionType.Ping) {
      send(res, 200, { type: Callback.Pong });
      return;
    }
    if (!input) {
      send(res, 400, { error: "unsupported interaction" });
      return;
    }
    const started = performance.now();
    const reply = await options.route(input);
    // A message with a file cannot be the HTTP response itself: acknowledge, then edit it in with the file.
    if ((reply.type === "message" || reply.type === "update") && reply.data.files?.length) {
      const { data } = reply;
      const ephemeral = ((data.flags ?? 0) & EPHEMERAL) !== 0;
      send(res, 200, {
        type: reply.type === "update" ? Callback.DeferredUpdate : Callback.Deferred,
        data: ephemeral ? { flags: EPHEMERAL } : {},
      });
      track(
        webhook("PATCH", raw, "/messages/@original", multipartMessage(asEdit(data))).catch((error) =>
          logger.error({ err: error, interactionId: raw.id }, "the reply with a file could not be sent"),
        ),
      );
      return;
    }
    const { body: callback, work, ephemeral } = callbackFor(reply);
    send(res, 200, callback);
    logger.debug(
      { interactionId: input.id, kind: input.kind, ms: Math.round((performance.now() - started) * 10) / 10 },
      "answered",
    );
    if (work) track(finish(raw, work, ephemeral === true));
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      send(res, closing ? 503 : 200, { ok: !closing });
      return;
    }
    if (path !== "/interactions") {
      send(res, 404, { error: "not found" });
      return;
    }
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      send(res, 405, { error: "method not allowed" });
      return;
    }
    track(
      interactions(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "interaction request failed");
        if (!res.headersSent) send(res, 500, { error: "internal error" });
        else res.destroy();
      }),
    );
  });

  return {
    server,
    async listen(port: number, host: string): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const address = server.address();
      // A server listening on a host and port has an AddressInfo (a string is a pipe's path).
      if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
      return address.port;
    },
    /** Stops accepting, lets requests and deferred edits in flight finish (up to `graceMs`), then closes. */
    async close(graceMs = 10_000): Promise<void> {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      const drain = async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      };
      await Promise.race([drain(), deadline]);
      server.closeAllConnections();
      await closed;
    },
  };
}

export type Endpoint = ReturnType<typeof createEndpoint>;
