// Ask a follow-up: the answer to a question submitted in the follow-up form goes to a thread on the answer's
// message, opened by the first follow-up (a thread started from a message has the message's id, so a later one
// finds it). The thread's current article is the one asked about, kept in the store like any channel's, so
// `/ask` there needs no `article:` and any process can answer. Where no thread can be opened (a DM, a private
// answer, a server where only the user installed the app), the answer comes in place.
import type { ArticleService } from "../app/article-service.ts";
import { t as translate } from "../i18n/messages.ts";
import { EPHEMERAL } from "../render/limits.ts";
import { renderDone } from "../render/render-article.ts";
import type { MessagePayload, Reply } from "../render/reply.ts";
import type { Channels } from "./channels.ts";
import type { FollowUp } from "./command.ts";
import { answerFollowUp, failureNotice, type HandlerDeps, type InteractionInput } from "./handler.ts";
import type { Place } from "./place.ts";

const SNOWFLAKE = /^\d{1,20}$/;

export type FollowUpReply = Reply | { type: "deferred"; ephemeral: boolean; work(): Promise<FollowUp> };

export async function routeFollowUp(
  input: Extract<InteractionInput, { kind: "modal" }>,
  deps: HandlerDeps,
  place: Place,
  articles: ArticleService | undefined,
  channels: Channels | undefined,
): Promise<FollowUpReply> {
  const { reply, articleId, ephemeral } = answerFollowUp(input, deps);
  if (articleId === undefined || reply.type !== "message") return reply;
  if (place.inThread) {
    await articles?.setCurrent(place.serverId, place.channelId, articleId);
    return reply;
  }
  const { messageId } = input;
  if (!place.threads || ephemeral || !channels || !articles || messageId === undefined) return reply;
  const thread: ThreadAnswer = {
    place,
    messageId,
    articleId,
    title: deps.library.meta(articleId)?.title ?? articleId,
    data: reply.data,
  };
  return {
    type: "deferred",
    ephemeral: true,
    work: (): Promise<FollowUp> =>
      answerInThread(thread, articles, channels, input, deps).catch((error: unknown) => ({
        visibility: "private" as const,
        data: failureNotice(error, input, deps.onError),
      })),
  };
}

interface ThreadAnswer {
  place: Place;
  messageId: string;
  articleId: string;
  title: string;
  data: MessagePayload;
}

async function answerInThread(
  { place, messageId, articleId, title, data }: ThreadAnswer,
  articles: ArticleService,
  channels: Channels,
  input: InteractionInput,
  deps: HandlerDeps,
): Promise<FollowUp> {
  let threadId: string;
  try {
    threadId = await channels.openThread(place.channelId, messageId, title);
  } catch (error) {
    // No thread here (the bot may not open threads in this channel): the answer, to the asker alone.
    deps.onError(error, input);
    return { visibility: "private", data: { ...data, flags: (data.flags ?? 0) | EPHEMERAL } };
  }
  if (!SNOWFLAKE.test(threadId)) throw new Error("Discord gave a thread id that is not a snowflake");
  await articles.setCurrent(place.serverId, threadId, articleId);
  await channels.post(threadId, data);
  // The note is ours, with a channel link (which pings nobody): markdown as written, not escaped.
  const note = translate(input.locale, "notice.followUpInThread", { thread: threadId });
  return { visibility: "private", data: { ...renderDone(note), flags: EPHEMERAL } };
}
