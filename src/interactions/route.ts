// Routes an interaction to its server's library: the guild's articles plus the seeds (`local` in DMs), with
// the channel's current article as the default for every command. Action commands (/article, the message
// menu) run here; answer commands, buttons and autocomplete go on to the one handler. Every command first passes
// the user's cooldown, kept in the shared state so that all processes serving the bot hold the same one.
import type { ArticleService } from "../app/article-service.ts";
import { t } from "../i18n/messages.ts";
import { EPHEMERAL } from "../render/limits.ts";
import { renderNotice } from "../render/render.ts";
import type { Reply } from "../render/reply.ts";
import type { Cooldowns } from "../store/shared-state.ts";
import type { Channels } from "./channels.ts";
import type { ActionCommandModule, ActionContext, ActionReply, AttachmentRef, FollowUp } from "./command.ts";
import { routeFollowUp } from "./follow-up.ts";
import {
  answerMessage,
  failureNotice,
  type HandlerDeps,
  handleInteraction,
  type InteractionInput,
} from "./handler.ts";
import { libraryScopeReply } from "./library-scope.ts";
import { ownPlace, type Place } from "./place.ts";

export interface RouteDeps extends HandlerDeps {
  /** The stored libraries; without it every server sees only the built-in articles (`library`). */
  articles?: ArticleService | undefined;
  /** Reads an attachment's bytes (through the guarded fetcher). */
  download(attachment: AttachmentRef): Promise<Uint8Array>;
  /** Per-user pauses between commands: in memory, or in Redis when several processes serve the bot. */
  cooldowns: Cooldowns;
  /** How long a user waits between commands (0: no pause). */
  cooldownMs: number;
  /** Posts on the bot's own (follow-up threads); without it a follow-up is answered in place. */
  channels?: Channels | undefined;
}

export type RoutedReply = Reply | Exclude<ActionReply, { type: "message" }>;

/** No place given (a DM in older payloads and tests): the user's own library. */
export const placeOf = (input: InteractionInput): Place => input.place ?? ownPlace(input.userId);

/** Where Discord allows the user-installed app only private replies, every reply is private. */
function privately(reply: RoutedReply): RoutedReply {
  switch (reply.type) {
    case "message":
      return { ...reply, data: { ...reply.data, flags: (reply.data.flags ?? 0) | EPHEMERAL } };
    case "deferred":
      return { ...reply, ephemeral: true };
    default:
      return reply;
  }
}

/** Fills in `article:` with the channel's current article when the user gave none. */
function withCurrent<T extends Extract<InteractionInput, { kind: "command" | "autocomplete" }>>(
  input: T,
  current: string | undefined,
): T {
  if (!current || typeof input.options.article === "string") return input;
  return { ...input, options: { ...input.options, article: current } };
}

async function runAction(
  command: ActionCommandModule,
  input: Extract<InteractionInput, { kind: "command" }>,
  deps: RouteDeps,
  articles: ArticleService,
): Promise<RoutedReply> {
  const place = placeOf(input);
  const ctx: ActionContext = {
    articles,
    library: await articles.library(place.serverId),
    place,
    userId: input.userId,
    canManageMessages: input.canManageMessages === true,
    subcommand: input.subcommand,
    options: input.options,
    attachments: input.attachments ?? {},
    target: input.target,
    fromModal: input.fromModal === true,
    download: deps.download,
    locale: input.locale,
    answerCard: (library, request, answer) =>
      answerMessage(input, { ...deps, library }, request, answer, 0, false),
  };
  const reply = await command.execute(ctx);
  if (reply.type !== "deferred") return reply;
  // The deferred work owns its failures too: one private note, and the bot carries on.
  return {
    ...reply,
    work: (): Promise<FollowUp> =>
      reply.work().catch((error: unknown) => ({
        visibility: "private" as const,
        data: failureNotice(error, input, deps.onError),
      })),
  };
}

/** A private note when the user used a command too recently (whichever process served the last one). */
async function cooldownNotice(
  userId: string,
  locale: string | undefined,
  deps: RouteDeps,
): Promise<RoutedReply | undefined> {
  const cooldown = await deps.cooldowns.tryCooldown(`user:${userId}`, deps.cooldownMs);
  if (cooldown.allowed) return undefined;
  return {
    type: "message",
    data: renderNotice(t(locale, "notice.cooldown", { seconds: (cooldown.waitMs / 1000).toFixed(1) })),
  };
}

/** Never rejects: every failure becomes a reply (or empty choices) by the handler's one policy. */
export async function routeInteraction(input: InteractionInput, deps: RouteDeps): Promise<RoutedReply> {
  const reply = await routeAnywhere(input, deps);
  return placeOf(input).privateOnly ? privately(reply) : reply;
}

async function routeAnywhere(input: InteractionInput, deps: RouteDeps): Promise<RoutedReply> {
  try {
    // Every known command counts towards the user's cooldown; buttons and autocomplete do not.
    if (input.kind === "command" && deps.commands.has(input.name)) {
      const wait = await cooldownNotice(input.userId, input.locale, deps);
      if (wait) return wait;
    }
    const { articles } = deps;
    if (!articles) return handleInteraction(input, deps);
    const place = placeOf(input);
    const library = await articles.library(place.serverId);
    const scoped: HandlerDeps = { ...deps, library };
    if (input.kind === "button") return handleInteraction(input, scoped);
    if (input.kind === "modal") return await routeFollowUp(input, scoped, place, articles, deps.channels);
    if (input.kind === "command") {
      const command = deps.commands.get(input.name);
      if (command?.kind === "action") return await runAction(command, input, deps, articles);
      const scoped = await libraryScopeReply(
        input.name,
        input.options,
        place.serverId,
        articles,
        library,
        input.locale,
      );
      if (scoped) return scoped;
    }
    const current = await articles.current(place.serverId, place.channelId);
    return handleInteraction(withCurrent(input, current), scoped);
  } catch (error) {
    if (input.kind === "autocomplete") {
      deps.onError(error, input);
      return { type: "autocomplete", choices: [] };
    }
    return { type: "message", data: failureNotice(error, input, deps.onError) };
  }
}
