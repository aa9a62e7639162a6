// "Ask about this link" (message menu): adds the first link of a message to the library, makes it the channel's
// current article, and answers with its summary as a card, so that a link posted in a chat can be asked about
// where it sits.
import { ask } from "../app/ask.ts";
import { translator } from "../i18n/messages.ts";
import { renderNotice } from "../render/render.ts";
import { firstLink } from "./article-actions.ts";
import type { ActionContext, ActionReply, FollowUp } from "./command.ts";

export function askAboutLink(ctx: ActionContext): ActionReply {
  const t = translator(ctx.locale);
  const link = firstLink(ctx.target?.content ?? "");
  if (!link) return { type: "message", data: renderNotice(t("notice.noLink")) };
  return {
    type: "deferred",
    ephemeral: false,
    async work(): Promise<FollowUp> {
      const outcome = await ctx.articles.add(ctx.place.serverId, { kind: "url", url: link }, ctx.userId);
      const { id } = outcome.article.meta;
      await ctx.articles.setCurrent(ctx.place.serverId, ctx.place.channelId, id);
      const request = { command: "summary", article: id };
      const summary = ask(outcome.library, request);
      return { visibility: "public", data: ctx.answerCard(outcome.library, request, summary) };
    },
  };
}
