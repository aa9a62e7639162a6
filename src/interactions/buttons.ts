// Stateless buttons: everything a click needs (the request, the page or paragraph, who asked, privacy) travels
// in the button's custom_id, signed with an HMAC over the server id too. Any process or HTTP worker holding the
// same secret answers a click with no memory of the first reply; a forged, altered or other server's id fails.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AskInput } from "../app/ask.ts";
import { DISCORD_LIMITS } from "../render/limits.ts";

/**
 * `share`: post a private answer (a check) to the channel; `size`: answer again at another length (Shorter,
 * Longer); `follow`: ask a follow-up question in a thread.
 */
export type ButtonAction = "page" | "ctx" | "share" | "size" | "follow";

/** What a button carries. `request.command` empty: a context button that shows the paragraph without bold. */
export interface ButtonState {
  action: ButtonAction;
  /** Page index (page), paragraph number (ctx) or length (size). */
  arg: number;
  request: AskInput;
  ephemeral: boolean;
}

export interface DecodedButton extends ButtonState {
  /** The clicking user asked the original question. */
  byOwner: boolean;
}

const VERSION = "b1";
const SEPARATOR = "|";
/** 9 bytes of HMAC-SHA256 in base64url: 12 characters, 72 bits against forgery. */
const MAC_BYTES = 9;
/** The asker, as a keyed 3-byte tag: enough to tell them apart from another clicker, without their id. */
const OWNER_BYTES = 3;
const ACTION_CODE: Record<ButtonAction, string> = { page: "p", ctx: "c", share: "s", size: "l", follow: "f" };
const isButtonAction = (name: string): name is ButtonAction => Object.hasOwn(ACTION_CODE, name);
const ACTION_NAME = new Map<string, ButtonAction>(
  Object.entries(ACTION_CODE).flatMap(([name, code]) =>
    isButtonAction(name) ? [[code, name] as const] : [],
  ),
);

/** `|` and `%` in free text are escaped, so fields split back exactly. */
const escapeField = (value: string | undefined) => (value ?? "").replace(/%/g, "%25").replace(/\|/g, "%7C");
const unescapeField = (value: string) => value.replace(/%7C/g, "|").replace(/%25/g, "%");

export class ButtonCodec {
  private readonly key: Buffer;

  /** `secret` is shared by every process that answers clicks; a random one serves this process alone. */
  constructor(secret: string | Buffer = randomBytes(32)) {
    this.key = createHmac("sha256", "citebot buttons").update(secret).digest();
  }

  private mac(serverId: string, body: string): string {
    return createHmac("sha256", this.key)
      .update(`${serverId}${SEPARATOR}${body}`)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString("base64url");
  }

  /** The last asker's tag: one reply draws up to eight buttons for the same person. */
  private lastOwner: { userId: string; tag: string } | undefined;

  private ownerTag(userId: string): string {
    if (this.lastOwner?.userId === userId) return this.lastOwner.tag;
    const tag = this.computeOwnerTag(userId);
    this.lastOwner = { userId, tag };
    return tag;
  }

  private computeOwnerTag(userId: string): string {
    return createHmac("sha256", this.key)
      .update(`owner${SEPARATOR}${userId}`)
      .digest()
      .subarray(0, OWNER_BYTES)
      .toString("base64url");
  }

  /** The custom_id for a button in `serverId`, or undefined when it does not fit Discord's 100 characters. */
  encode(state: ButtonState, serverId: string, ownerId: string): string | undefined {
    const { request } = state;
    const fields = [
      ACTION_CODE[state.action],
      state.arg.toString(36),
      this.ownerTag(ownerId),
      state.ephemeral ? "e" : "",
      escapeField(request.command),
      escapeField(request.article),
      escapeField(request.query),
      escapeField(request.speaker),
      escapeField(request.topic),
      request.sentences === undefined ? "" : request.sentences.toString(36),
      request.limit === undefined ? "" : request.limit.toString(36),
    ];
    while (fields.length > 5 && fields[fields.length - 1] === "") fields.pop();
    const body = fields.join(SEPARATOR);
    const id = `${VERSION}${SEPARATOR}${this.mac(serverId, body)}${SEPARATOR}${body}`;
    return id.length <= DISCORD_LIMITS.customId ? id : undefined;
  }

  /** The button's state when its id is genuine for `serverId`; null for a forged, altered or foreign id. */
  decode(customId: string, serverId: string, userId: string): DecodedButton | null {
    if (customId.length > DISCORD_LIMITS.customId) return null;
    const [version, mac, ...fields] = customId.split(SEPARATOR);
    if (version !== VERSION || mac === undefined || fields.length < 5) return null;
    const expected = Buffer.from(this.mac(serverId, fields.join(SEPARATOR)));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [action, arg, owner, flags, command, article, query, speaker, topic, sentences, limit] = fields;
    const actionName = ACTION_NAME.get(action ?? "");
    const number = Number.parseInt(arg ?? "", 36);
    if (!actionName || !Number.isSafeInteger(number) || number < 0) return null;
    const text = (value: string | undefined) => (value ? unescapeField(value) : undefined);
    const request: AskInput = { command: unescapeField(command ?? "") };
    const fill = { article: text(article), query: text(query), speaker: text(speaker), topic: text(topic) };
    for (const [name, value] of Object.entries(fill))
      if (value !== undefined) Object.assign(request, { [name]: value });
    if (sentences) request.sentences = Number.parseInt(sentences, 36);
    if (limit) request.limit = Number.parseInt(limit, 36);
    return {
      action: actionName,
      arg: number,
      request,
      ephemeral: flags === "e",
      byOwner: owner === this.ownerTag(userId),
    };
  }
}

/**
 * The secret from the config: BUTTON_SECRET, else one derived from the bot token (the same on every process of
 * one bot), else random for this process (buttons then work only on the process that drew them).
 */
export function buttonSecret(config: {
  BUTTON_SECRET?: string | undefined;
  DISCORD_TOKEN?: string | undefined;
}) {
  if (config.BUTTON_SECRET) return config.BUTTON_SECRET;
  if (config.DISCORD_TOKEN)
    return createHmac("sha256", "citebot button secret").update(config.DISCORD_TOKEN).digest();
  return randomBytes(32);
}
