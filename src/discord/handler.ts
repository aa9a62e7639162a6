// The one interaction handler: interaction data (command, options, user) in, interaction-callback JSON out.
// It knows nothing of discord.js, so the gateway client and a future HTTP endpoint share it. It owns
// interaction errors: a user's mistake becomes a private note, anything else a private "went wrong (ref …)".

import type { APIEmbed } from "discord-api-types/v10";
import { type AskInput, ask, RequestError } from "../app/ask.ts";
import type { Answer, ArticleLibrary } from "../engine/index.ts";
import { IngestError } from "../ingest/failure.ts";
import { LOCAL_SERVER } from "../store/article-store.ts";
import type { ButtonAction, ButtonCodec } from "./buttons.ts";
import type { AttachmentRef, CommandModule, OptionValues, Place, TargetMessage } from "./command.ts";
import {
  type AnswerPage,
  renderAnswerPage,
  renderContext,
  renderNotice,
  renderShared,
  withButtons,
} from "./render.ts";
import type { MessagePayload, Reply } from "./reply.ts";

export type InteractionInput =
  | {
      kind: "command";
      id: string;
      name: string;
      options: OptionValues;
      userId: string;
      /** Where it was used; absent means a DM (the `local` library). */
      place?: Place | undefined;
      subcommand?: string | undefined;
      /** The member's Manage Messages permission bit. */
      canManageMessages?: boolean | undefined;
      /** Attachment options, by option name. */
      attachments?: Readonly<Record<string, AttachmentRef>> | undefined;
      /** The message a message context-menu command was used on. */
      target?: TargetMessage | undefined;
      /** The options come from a submitted modal. */
      fromModal?: boolean | undefined;
    }
  | {
      kind: "autocomplete";
      id: string;
      name: string;
      options: OptionValues;
      focused: { name: string; value: string };
      userId: string;
      place?: Place | undefined;
      subcommand?: string | undefined;
    }
  | {
      kind: "button";
      id: string;
      customId: string;
      userId: string;
      place?: Place | undefined;
      /** The message the button is on, as Discord sends it with the click (what Share posts). */
      message?: { embeds: APIEmbed[] } | undefined;
    };

export interface HandlerDeps {
  library: ArticleLibrary;
  commands: ReadonlyMap<string, CommandModule>;
  /** Signs and reads the buttons' custom ids: a click carries its own state. */
  buttons: ButtonCodec;
  /** Told of every unexpected error, with the interaction it happened in. */
  onError(error: unknown, input: InteractionInput): void;
}

export const STALE_BUTTON =
  "These buttons have expired (the bot restarted or the answer is old). Run the command again for a fresh answer.";

/**
 * Rendered pages by article and question. An answer is a pure function of the article and the request, so a
 * page rendered once serves every later asker (buttons are added per asker); an edited article is a new
 * object, and its old pages go with it.
 */
const renderedPages = new WeakMap<NonNullable<ReturnType<ArticleLibrary["get"]>>, Map<string, AnswerPage>>();
const PAGES_PER_ARTICLE = 256;

function pageFor(library: ArticleLibrary, request: AskInput, answer: Answer, page: number): AnswerPage {
  const article = library.get(answer.article.id);
  if (!article) return renderAnswerPage(answer, page);
  const pages = renderedPages.get(article) ?? new Map<string, AnswerPage>();
  renderedPages.set(article, pages);
  const key = JSON.stringify([
    request.command,
    request.query,
    request.speaker,
    request.topic,
    request.sentences,
    page,
  ]);
  const cached = pages.get(key);
  if (cached) return cached;
  const rendered = renderAnswerPage(answer, page);
  if (pages.size >= PAGES_PER_ARTICLE) pages.delete(pages.keys().next().value as string);
  pages.set(key, rendered);
  return rendered;
}

/** The library a button's state is signed for: the guild, or `local` in DMs. */
const serverOf = (input: InteractionInput) => input.place?.serverId ?? LOCAL_SERVER;

function handleCommand(input: Extract<InteractionInput, { kind: "command" }>, deps: HandlerDeps): Reply {
  const command = deps.commands.get(input.name);
  if (!command)
    return {
      type: "message",
      data: renderNotice(`Unknown command /${input.name}. It may have been removed.`),
    };
  // Action commands (/article) need the article service: the router answers them (route.ts).
  if (command.kind === "action")
    return { type: "message", data: renderNotice(`/${input.name} is not available on this bot.`) };
  const result = command.execute({
    library: deps.library,
    options: input.options,
    userId: input.userId,
    target: input.target,
    ask: (request) => ask(deps.library, request),
  });
  // The resolved article, not "the newest": a click later must answer about the same article.
  const request = { ...result.request, article: result.answer.article.id };
  const { ephemeral } = result;
  const serverId = serverOf(input);
  const buttonId = (action: ButtonAction, arg: number) =>
    action === "share"
      ? shareButtonId(deps, request, serverId, input.userId)
      : (deps.buttons.encode({ action, arg, request, ephemeral }, serverId, input.userId) ??
        // A long query does not fit in 100 characters: the context button then shows the paragraph unmarked.
        (action === "ctx"
          ? deps.buttons.encode(
              { action, arg, request: { command: "", article: request.article }, ephemeral },
              serverId,
              input.userId,
            )
          : undefined));
  const page = pageFor(deps.library, request, result.answer, 0);
  return {
    type: "message",
    data: withButtons(page, { buttonId, ephemeral, shareable: isShareable(request) }),
  };
}

/** A private check can be shared to the channel (the message menu's answer is private by default). */
const isShareable = (request: AskInput) => request.command === "check";

/**
 * The Share button carries only the command and article: the claims rarely fit in a custom_id, and re-reading
 * the checked message would need the Message Content intent. The click instead reposts the answer it is on,
 * which Discord sends with every click (private messages included).
 */
function shareButtonId(deps: HandlerDeps, request: AskInput, serverId: string, userId: string) {
  return deps.buttons.encode(
    {
      action: "share",
      arg: 0,
      request: { command: request.command, article: request.article },
      ephemeral: true,
    },
    serverId,
    userId,
  );
}

function handleShare(input: Extract<InteractionInput, { kind: "button" }>, byOwner: boolean): Reply {
  if (!byOwner)
    return { type: "message", data: renderNotice("Only the person who ran the check can share it.") };
  const shared = input.message ? renderShared(input.message.embeds) : undefined;
  return {
    type: "message",
    data: shared ?? renderNotice("There is nothing to share here any more. Run the check again."),
  };
}

function handleButton(input: Extract<InteractionInput, { kind: "button" }>, deps: HandlerDeps): Reply {
  const button = deps.buttons.decode(input.customId, serverOf(input), input.userId);
  if (!button) return { type: "message", data: renderNotice(STALE_BUTTON) };
  if (button.action === "share") return handleShare(input, button.byOwner);
  if (button.action === "ctx" && button.request.command === "") {
    const article = button.request.article ? deps.library.get(button.request.article) : undefined;
    if (!article) return { type: "message", data: renderNotice(STALE_BUTTON) };
    return { type: "message", data: renderContext(article, button.arg, []) };
  }
  const answer = ask(deps.library, button.request);
  if (button.action === "page") {
    if (!button.byOwner) {
      return {
        type: "message",
        data: renderNotice(
          `Only the person who asked can page through this answer. Run /${answer.command} yourself to get your own.`,
        ),
      };
    }
    const { request, ephemeral } = button;
    const serverId = serverOf(input);
    const buttonId = (action: ButtonAction, arg: number) =>
      action === "share"
        ? shareButtonId(deps, request, serverId, input.userId)
        : deps.buttons.encode({ action, arg, request, ephemeral }, serverId, input.userId);
    const page = pageFor(deps.library, request, answer, button.arg);
    return {
      type: "update",
      data: withButtons(page, { buttonId, ephemeral, shareable: isShareable(request) }),
    };
  }
  const article = deps.library.get(answer.article.id);
  if (!article) return { type: "message", data: renderNotice(STALE_BUTTON) };
  const cited = answer.citations.filter((c) => c.paragraph === button.arg);
  return { type: "message", data: renderContext(article, button.arg, cited) };
}

export function handleInteraction(input: InteractionInput, deps: HandlerDeps): Reply {
  try {
    switch (input.kind) {
      case "command":
        return handleCommand(input, deps);
      case "button":
        return handleButton(input, deps);
      case "autocomplete": {
        const command = deps.commands.get(input.name);
        const choices =
          command?.autocomplete?.({
            library: deps.library,
            options: input.options,
            focused: input.focused,
          }) ?? [];
        return { type: "autocomplete", choices };
      }
    }
  } catch (error) {
    if (input.kind === "autocomplete") {
      deps.onError(error, input);
      return { type: "autocomplete", choices: [] };
    }
    return { type: "message", data: failureNotice(error, input, deps.onError) };
  }
}

/**
 * The one policy for a failed interaction: a user's mistake (RequestError) or an article that cannot be
 * added (IngestError: unreachable, not an article, too large, …) becomes its own private note,
 * anything else is reported to `onError` and becomes a private "went wrong (ref …)".
 */
export function failureNotice(
  error: unknown,
  input: InteractionInput,
  onError: HandlerDeps["onError"],
): MessagePayload {
  if (error instanceof RequestError) return renderNotice(capitalise(error.message));
  if (error instanceof IngestError)
    return renderNotice(`Could not add the article: ${error.message}. Nothing was stored.`);
  onError(error, input);
  return renderNotice(`Something went wrong on our side (ref ${input.id}). Please try again.`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
