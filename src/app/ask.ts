// The one path from a user's request (any adapter) to an Answer: pick the article, check the options, answer.
import { answer } from "../engine/index.ts";
import type { ArticleLibrary } from "../engine/library.ts";
import { answerRequestSchema, requestProblem } from "../engine/request.ts";
import type { Answer, ArticleMeta } from "../engine/types.ts";

/** A problem with what the user asked; its message is safe and meant to be shown to them. */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RequestError";
  }
}

export interface AskInput {
  command: string;
  /** Article id; the library's most recent article when absent. */
  article?: string | undefined;
  query?: string | undefined;
  speaker?: string | undefined;
  topic?: string | undefined;
  sentences?: number | undefined;
  /** The most items the answer holds (default 25, at most 200). */
  limit?: number | undefined;
}

export function unknownArticleMessage(library: ArticleLibrary, id: string): string {
  const ids = library.list().map((a) => a.id);
  const shown = ids.slice(0, 8).join(", ");
  return `unknown article "${id}" (known: ${shown}${ids.length > 8 ? `, … ${ids.length - 8} more` : ""})`;
}

export function resolveArticleId(library: ArticleLibrary, id: string | undefined): ArticleMeta {
  const wanted = id?.trim() || library.defaultId();
  const meta = wanted ? library.meta(wanted) : undefined;
  if (!meta)
    throw new RequestError(wanted ? unknownArticleMessage(library, wanted) : "the library has no articles");
  return meta;
}

export function ask(library: ArticleLibrary, input: AskInput): Answer {
  const command = input.command.replace(/^\//, "").toLowerCase();
  const raw =
    command === "quote"
      ? { command, speaker: input.speaker, topic: input.topic ?? input.query, limit: input.limit }
      : command === "summary"
        ? { command, sentences: input.sentences, limit: input.limit }
        : { command, query: input.query, limit: input.limit };
  const parsed = answerRequestSchema.safeParse(raw);
  if (!parsed.success) throw new RequestError(requestProblem(parsed.error));
  const meta = resolveArticleId(library, input.article);
  const article = library.get(meta.id);
  if (!article) throw new RequestError(unknownArticleMessage(library, meta.id));
  return answer(article, parsed.data);
}
