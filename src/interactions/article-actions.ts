// `/article add|list|info|remove|use` and the message menu's "Add article to citebot": what each does with
// the server's library. Adding is long work (fetch + parse), so it defers and returns the edit to make.
import { extname } from "node:path";
import type { AddRequest } from "../app/article-service.ts";
import { ask, RequestError, resolveArticleId } from "../app/ask.ts";
import { languageNote } from "../i18n/language.ts";
import { t, translator } from "../i18n/messages.ts";
import { FILE_KINDS } from "../ingest/ingest.ts";
import { renderNotice } from "../render/render.ts";
import {
  LIST_PAGE_SIZE,
  renderAdded,
  renderDone,
  renderInfo,
  renderList,
  titleOf,
} from "../render/render-article.ts";
import type { ActionContext, ActionReply, AttachmentRef, FollowUp } from "./command.ts";
import { stringOption } from "./command.ts";
import { isUserLibrary, libraryName } from "./place.ts";

/** What to add, as the user gave it (an attachment is read only after the reply is deferred). */
export type AddSource =
  | { kind: "url"; url: string }
  | { kind: "attachment"; attachment: AttachmentRef }
  | { kind: "text"; text: string; title?: string | undefined };

export const ADD_TEXT_MODAL = "article:add-text";
/** Discord's limit for one text input in a modal. */
const MODAL_TEXT_MAX = 4000;
const SUMMARY_SENTENCES = 3;

export const SUPPORTED_FILES = Object.keys(FILE_KINDS).filter((e) => e !== ".htm");

const message = (data: ReturnType<typeof renderNotice>): ActionReply => ({ type: "message", data });

/** The first web link of a message's text: `<…>` (no preview) and `[text](…)` forms included. */
export function firstLink(content: string): string | undefined {
  const match = /https?:\/\/[^\s<>"]+/i.exec(content);
  if (!match) return undefined;
  let link = match[0];
  // Trailing punctuation belongs to the sentence, and a `)` to markdown, unless the link opened one.
  while (/[.,;:!?'\])]$/.test(link)) {
    if (link.endsWith(")") && (link.match(/\(/g)?.length ?? 0) >= (link.match(/\)/g)?.length ?? 0)) break;
    link = link.slice(0, -1);
  }
  return link;
}

function unsupportedFile(name: string): string | undefined {
  const extension = extname(name).toLowerCase();
  return FILE_KINDS[extension]
    ? undefined
    : `Unsupported file type ${extension ? `"${extension}"` : `(no extension on "${name}")`}: citebot reads ${SUPPORTED_FILES.join(", ")} files.`;
}

/** Defers, reads and stores the article, makes it the channel's current one, and shows it with a summary. */
export function addArticle(ctx: ActionContext, source: AddSource): ActionReply {
  if (source.kind === "attachment") {
    const problem = unsupportedFile(source.attachment.name);
    if (problem) return message(renderNotice(problem));
  }
  return {
    type: "deferred",
    ephemeral: false,
    async work(): Promise<FollowUp> {
      const request: AddRequest =
        source.kind === "attachment"
          ? {
              kind: "file",
              name: source.attachment.name,
              bytes: await ctx.download(source.attachment),
            }
          : source;
      const outcome = await ctx.articles.add(ctx.place.serverId, request, ctx.userId);
      const { id } = outcome.article.meta;
      await ctx.articles.setCurrent(ctx.place.serverId, ctx.place.channelId, id);
      const article = outcome.library.get(id);
      if (!article) throw new Error(`stored article ${id} is missing from the library`);
      const summary = ask(outcome.library, { command: "summary", article: id, sentences: SUMMARY_SENTENCES });
      const t = translator(ctx.locale);
      const library = libraryName(ctx.place, t);
      const notes = {
        heading: t(outcome.status === "added" ? "article.added" : "article.duplicate", { library }),
        language: languageNote(article, t, ctx.locale),
      };
      return { visibility: "public", data: renderAdded(article, summary.citations, notes) };
    },
  };
}

/** The modal for pasting a long text (a slash option is one line of at most 6000 characters). */
function textModal(): ActionReply {
  return {
    type: "modal",
    data: {
      custom_id: ADD_TEXT_MODAL,
      title: "Add an article as text",
      components: [
        {
          type: 1,
          components: [
            {
              type: 4,
              custom_id: "title",
              label: "Title (optional)",
              style: 1,
              required: false,
              max_length: 200,
            },
          ],
        },
        {
          type: 1,
          components: [
            {
              type: 4,
              custom_id: "text",
              label: "Article text (paragraphs separated by blank lines)",
              style: 2,
              required: true,
              min_length: 1,
              max_length: MODAL_TEXT_MAX,
            },
          ],
        },
      ],
    },
  };
}

/** `/article add` (and its modal): exactly one of `url`, `file`, `text`; none opens the text modal. */
export function addFromOptions(ctx: ActionContext): ActionReply {
  const url = stringOption(ctx.options, "url");
  const file = ctx.attachments.file;
  const text = stringOption(ctx.options, "text");
  const given = [url, file, text].filter((v) => v !== undefined).length;
  if (given > 1) return message(renderNotice("Give one of url:, file: or text:, not several."));
  if (url) return addArticle(ctx, { kind: "url", url });
  if (file) return addArticle(ctx, { kind: "attachment", attachment: file });
  if (text) return addArticle(ctx, { kind: "text", text, title: stringOption(ctx.options, "title") });
  if (ctx.fromModal) return message(renderNotice("The article text was empty: nothing was added."));
  return textModal();
}

/** The message menu: the message's first link, else its first attachment. */
export function addFromMessage(ctx: ActionContext): ActionReply {
  const content = ctx.target?.content ?? "";
  const link = firstLink(content);
  if (link) return addArticle(ctx, { kind: "url", url: link });
  const attachment = ctx.target?.attachments[0];
  if (attachment) return addArticle(ctx, { kind: "attachment", attachment });
  return message(
    renderNotice(
      "That message has no link or attached file to add. Use it on a message with a link, or a .txt, .md, .html or .pdf file.",
    ),
  );
}

export async function listArticles(ctx: ActionContext): Promise<ActionReply> {
  const pageOption = ctx.options.page;
  const page = typeof pageOption === "number" && pageOption >= 1 ? Math.floor(pageOption) - 1 : 0;
  const { items, total } = await ctx.articles.list(ctx.place.serverId, page, LIST_PAGE_SIZE);
  const builtIn = ctx.library.list().filter((m) => ctx.library.isSeed(m.id)).length;
  const title = t(ctx.locale, isUserLibrary(ctx.place.serverId) ? "article.listUser" : "article.listServer", {
    count: total,
  });
  return message(renderList(items, page, total, builtIn, title));
}

/** The article named by `article:`, else the channel's current one, else the most recent. */
async function chosenArticle(ctx: ActionContext) {
  const named = stringOption(ctx.options, "article");
  const current = await ctx.articles.current(ctx.place.serverId, ctx.place.channelId);
  const meta = resolveArticleId(ctx.library, named ?? current);
  return { meta, isCurrent: meta.id === current };
}

export async function articleInfo(ctx: ActionContext): Promise<ActionReply> {
  const { meta, isCurrent } = await chosenArticle(ctx);
  const article = ctx.library.get(meta.id);
  if (!article) throw new RequestError(`the article "${meta.id}" could not be read`);
  return message(renderInfo(article, ctx.library.storedInfo(meta.id), isCurrent));
}

export async function useArticle(ctx: ActionContext): Promise<ActionReply> {
  const id = stringOption(ctx.options, "article");
  if (!id) throw new RequestError("name the article to use (article:)");
  await ctx.articles.setCurrent(ctx.place.serverId, ctx.place.channelId, id);
  const meta = resolveArticleId(ctx.library, id);
  return message(renderDone(t(ctx.locale, "article.current", { title: titleOf(meta.title), id: meta.id })));
}

export async function removeArticle(ctx: ActionContext): Promise<ActionReply> {
  const id = stringOption(ctx.options, "article");
  if (!id) throw new RequestError("name the article to remove (article:)");
  const title = ctx.library.meta(id)?.title ?? id;
  const outcome = await ctx.articles.remove(ctx.place.serverId, id, {
    userId: ctx.userId,
    canManageMessages: ctx.canManageMessages,
  });
  const say = translator(ctx.locale);
  const library = libraryName(ctx.place, say);
  switch (outcome.status) {
    case "removed":
      return message(renderDone(say("article.removed", { title: titleOf(title), id, library })));
    case "built-in":
      return message(renderNotice(say("article.builtIn", { title })));
    case "not-found":
      return message(renderNotice(say("article.notFound", { id, library })));
    case "forbidden":
      return message(renderNotice(say("article.onlyAdder", { title })));
  }
}
