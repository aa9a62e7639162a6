// The one interaction handler: interaction data (command, options, user) in, interaction-callback JSON out.
// It knows nothing of discord.js, so the gateway client and a future HTTP endpoint share it. It owns
// interaction errors: a user's mistake becomes a private note, anything else a private "went wrong (ref …)".

import {
  type APIEmbed,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  TextInputStyle,
} from "discord-api-types/v10";
import { type AskInput, ask, RequestError } from "../app/ask.ts";
import type { Answer, ArticleLibrary } from "../engine/index.ts";
import { languageNote } from "../i18n/language.ts";
import { type Translate, translator } from "../i18n/messages.ts";
import { IngestError } from "../ingest/failure.ts";
import {
  type CardOptions,
  LENGTH_RANGE,
  type LengthControl,
  renderCard,
  renderContextCard,
  renderSharedCard,
} from "../render/cards.ts";
import {
  type AnswerPage,
  renderAnswerPage,
  renderNotice,
  renderShared,
  withButtons,
} from "../render/render.ts";
import type { MessagePayload, Reply } from "../render/reply.ts";
import { renderTimeline, TIMELINE_FILE } from "../render/timeline.ts";
import type { ButtonAction, ButtonCodec } from "./buttons.ts";
import type { AttachmentRef, CommandModule, OptionValues, TargetMessage } from "./command.ts";
import { ownPlace, type Place } from "./place.ts";

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
      /** The user's Discord locale (`de`, `pt-BR`): citebot's own words follow it. */
      locale?: string | undefined;
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
      locale?: string | undefined;
    }
  | {
      /** A submitted modal: a follow-up question (the article add form becomes a command). */
      kind: "modal";
      id: string;
      customId: string;
      /** The text inputs, by custom id. */
      fields: Readonly<Record<string, string>>;
      userId: string;
      place?: Place | undefined;
      /** The message whose button opened the modal. */
      messageId?: string | undefined;
      locale?: string | undefined;
    }
  | {
      kind: "button";
      id: string;
      customId: string;
      userId: string;
      place?: Place | undefined;
      /** The message the button is on, as Discord sends it with the click (what Share posts). */
      message?: { embeds: APIEmbed[]; components?: APIMessageTopLevelComponent[] | undefined } | undefined;
      locale?: string | undefined;
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

/** A private note in the user's language. */
const note = (t: Translate, key: string, vars?: Record<string, string | number>) =>
  renderNotice(t(key, vars));

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
  const oldest = pages.keys().next();
  if (pages.size >= PAGES_PER_ARTICLE && !oldest.done) pages.delete(oldest.value);
  pages.set(key, rendered);
  return rendered;
}

/** Timeline pictures by article and locale: drawn once, like the pages above. */
const drawnTimelines = new WeakMap<object, Map<string, CardOptions["picture"]>>();

/** `/when` with no question draws the article's timeline, shown in the card's media gallery. */
function pictureFor(
  library: ArticleLibrary,
  answer: Answer,
  locale: string | undefined,
  t: Translate,
): CardOptions["picture"] {
  if (answer.kind !== "timeline" || answer.items.length === 0) return undefined;
  const draw = () => {
    const drawn = renderTimeline(answer, t);
    return drawn && { name: TIMELINE_FILE, data: drawn.png, description: drawn.alt };
  };
  const article = library.get(answer.article.id);
  if (!article) return draw();
  const byLocale = drawnTimelines.get(article) ?? new Map<string, CardOptions["picture"]>();
  drawnTimelines.set(article, byLocale);
  const key = locale ?? "";
  if (!byLocale.has(key)) byLocale.set(key, draw());
  return byLocale.get(key);
}

/** "citebot reads English articles" under an answer about an article in another language. */
function noteFor(library: ArticleLibrary, answer: Answer, locale: string | undefined, t: Translate) {
  const article = library.get(answer.article.id);
  return article ? languageNote(article, t, locale) : undefined;
}

/** The library a button's state is signed for: the guild's, or the user's own. */
const serverOf = (input: InteractionInput) => (input.place ?? ownPlace(input.userId)).serverId;

function handleCommand(input: Extract<InteractionInput, { kind: "command" }>, deps: HandlerDeps): Reply {
  const t = translator(input.locale);
  const command = deps.commands.get(input.name);
  if (!command) return { type: "message", data: note(t, "notice.unknownCommand", { command: input.name }) };
  // Action commands (/article) need the article service: the router answers them (route.ts).
  if (command.kind === "action")
    return { type: "message", data: note(t, "notice.notAvailable", { command: input.name }) };
  const result = command.execute({
    library: deps.library,
    options: input.options,
    userId: input.userId,
    target: input.target,
    ask: (request) => ask(deps.library, request),
  });
  // The resolved article, not "the newest": a click later must answer about the same article.
  const request = { ...result.request, article: result.answer.article.id };
  return { type: "message", data: answerMessage(input, deps, request, result.answer, 0, result.ephemeral) };
}

/**
 * An answer's page as a card, with its buttons signed for the asker; the embed (render.ts) when the page
 * does not fit a card's limits.
 */
export function answerMessage(
  input: InteractionInput,
  deps: HandlerDeps,
  request: AskInput,
  answer: Answer,
  page: number,
  ephemeral: boolean,
): MessagePayload {
  const serverId = serverOf(input);
  const buttonId = (action: ButtonAction, arg: number) => {
    if (action === "follow") return followButtonId(deps, request, ephemeral, serverId, input.userId);
    if (action === "share") return shareButtonId(deps, request, serverId, input.userId);
    return (
      deps.buttons.encode({ action, arg, request, ephemeral }, serverId, input.userId) ??
      // A long query does not fit in 100 characters: the context button then shows the paragraph unmarked.
      (action === "ctx"
        ? deps.buttons.encode(
            { action, arg, request: { command: "", article: request.article }, ephemeral },
            serverId,
            input.userId,
          )
        : undefined)
    );
  };
  const shareable = isShareable(request);
  const t = translator(input.locale);
  const card = renderCard(answer, {
    t,
    page,
    buttonId,
    ephemeral,
    shareable,
    length: lengthOf(request, answer),
    picture: pictureFor(deps.library, answer, input.locale, t),
    note: noteFor(deps.library, answer, input.locale, t),
  });
  return (
    card ?? withButtons(pageFor(deps.library, request, answer, page), { buttonId, ephemeral, shareable })
  );
}

/**
 * Shorter/Longer: a summary's sentences, or the passages of /ask, 1–7. Longer stops where the article has no
 * more to give (the answer came back with fewer items than asked for).
 */
export function lengthOf(request: AskInput, answer: Answer): LengthControl | undefined {
  if (!answer.found) return undefined;
  const asked =
    request.command === "summary"
      ? (request.sentences ?? answer.items.length)
      : request.command === "ask"
        ? (request.limit ?? Math.max(1, answer.items.length))
        : undefined;
  if (asked === undefined) return undefined;
  const value = Math.min(LENGTH_RANGE.max, Math.max(LENGTH_RANGE.min, asked));
  return { value, min: LENGTH_RANGE.min, max: answer.items.length < value ? value : LENGTH_RANGE.max };
}

/** The request asked again at another length. */
function withLength(request: AskInput, length: number): AskInput {
  const value = Math.min(LENGTH_RANGE.max, Math.max(LENGTH_RANGE.min, length));
  return request.command === "summary" ? { ...request, sentences: value } : { ...request, limit: value };
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

/** Ask a follow-up: the article and the answer's privacy; the question comes from the modal it opens. */
function followButtonId(
  deps: HandlerDeps,
  request: AskInput,
  ephemeral: boolean,
  serverId: string,
  userId: string,
) {
  if (!request.article) return undefined;
  return deps.buttons.encode(
    { action: "follow", arg: 0, request: { command: "ask", article: request.article }, ephemeral },
    serverId,
    userId,
  );
}

/** The custom id of the follow-up form's one text input. */
export const FOLLOW_UP_QUESTION = "question";
const QUESTION_MAX = 300;

/** The form a follow-up button opens: its custom id is the button's own (signed: it names the article). */
function followUpModal(customId: string, t: Translate): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: t("modal.followUp.title"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: FOLLOW_UP_QUESTION,
            label: t("modal.followUp.label"),
            style: TextInputStyle.Short,
            min_length: 2,
            max_length: QUESTION_MAX,
            required: true,
          },
        ],
      },
    ],
  };
}

/** A follow-up's answer, and the article it was about (so the router can tie a thread to it). */
export interface FollowUpAnswer {
  reply: Reply;
  articleId?: string | undefined;
  /** The answer the follow-up was asked from was private: so is this one. */
  ephemeral: boolean;
}

/** Answers a submitted follow-up question about the article its button named. */
export function answerFollowUp(
  input: Extract<InteractionInput, { kind: "modal" }>,
  deps: HandlerDeps,
): FollowUpAnswer {
  const t = translator(input.locale);
  const state = deps.buttons.decode(input.customId, serverOf(input), input.userId);
  if (state?.action !== "follow" || !state.request.article)
    return { reply: { type: "message", data: note(t, "notice.staleButtons") }, ephemeral: true };
  const request: AskInput = {
    command: "ask",
    article: state.request.article,
    query: (input.fields[FOLLOW_UP_QUESTION] ?? "").trim(),
  };
  const answer = ask(deps.library, request);
  const data = answerMessage(input, deps, request, answer, 0, state.ephemeral);
  return { reply: { type: "message", data }, articleId: answer.article.id, ephemeral: state.ephemeral };
}

function handleShare(
  input: Extract<InteractionInput, { kind: "button" }>,
  byOwner: boolean,
  t: Translate,
): Reply {
  if (!byOwner) return { type: "message", data: note(t, "notice.onlyCheckerShares") };
  const shown = input.message;
  const shared = shown?.components?.length
    ? renderSharedCard(shown.components)
    : shown
      ? renderShared(shown.embeds)
      : undefined;
  return { type: "message", data: shared ?? note(t, "notice.nothingToShare") };
}

function handleButton(input: Extract<InteractionInput, { kind: "button" }>, deps: HandlerDeps): Reply {
  const t = translator(input.locale);
  const button = deps.buttons.decode(input.customId, serverOf(input), input.userId);
  if (!button) return { type: "message", data: note(t, "notice.staleButtons") };
  if (button.action === "share") return handleShare(input, button.byOwner, t);
  if (button.action === "follow") return { type: "modal", data: followUpModal(input.customId, t) };
  if (button.action === "ctx" && button.request.command === "") {
    const article = button.request.article ? deps.library.get(button.request.article) : undefined;
    if (!article) return { type: "message", data: note(t, "notice.staleButtons") };
    return { type: "message", data: renderContextCard(article, button.arg, [], t) };
  }
  if (button.action === "page" || button.action === "size") {
    const { ephemeral } = button;
    const request = button.action === "size" ? withLength(button.request, button.arg) : button.request;
    const answer = ask(deps.library, request);
    if (!button.byOwner) {
      const key = button.action === "page" ? "notice.onlyAskerPages" : "notice.onlyAskerResizes";
      return { type: "message", data: note(t, key, { command: answer.command }) };
    }
    const page = button.action === "page" ? button.arg : 0;
    return { type: "update", data: answerMessage(input, deps, request, answer, page, ephemeral) };
  }
  const answer = ask(deps.library, button.request);
  const article = deps.library.get(answer.article.id);
  if (!article) return { type: "message", data: note(t, "notice.staleButtons") };
  const cited = answer.citations.filter((c) => c.paragraph === button.arg);
  return { type: "message", data: renderContextCard(article, button.arg, cited, t) };
}

export function handleInteraction(input: InteractionInput, deps: HandlerDeps): Reply {
  try {
    switch (input.kind) {
      case "command":
        return handleCommand(input, deps);
      case "button":
        return handleButton(input, deps);
      case "modal":
        return answerFollowUp(input, deps).reply;
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
  const t = translator(input.locale);
  if (error instanceof RequestError) return renderNotice(capitalise(error.message));
  if (error instanceof IngestError) return note(t, "notice.couldNotAdd", { reason: error.message });
  onError(error, input);
  return note(t, "notice.wentWrong", { ref: input.id });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
