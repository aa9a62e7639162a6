import { sentenceAt } from "../segment.ts";
import type { Answer, AnswerItem, Citation, CommandName, ParsedArticle, Sentence } from "../types.ts";

/** A citation of `text.slice(start, end)`, numbered by the paragraph and sentence it starts in. */
export function cite(article: ParsedArticle, start: number, end: number): Citation {
  const sentence = sentenceAt(article.sentences, start) as Sentence;
  return {
    articleId: article.meta.id,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    excerpt: article.text.slice(start, end),
    start,
    end,
  };
}

export const citeSentence = (article: ParsedArticle, sentence: Sentence) =>
  cite(article, sentence.start, sentence.end);

/** Citations without repeats (the same span cited twice reads as padding). */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function makeAnswer(
  article: ParsedArticle,
  command: CommandName,
  query: string | null,
  fields: Pick<Answer, "kind" | "found" | "text"> & { items?: AnswerItem[]; citations?: Citation[] },
): Answer {
  return {
    command,
    query,
    kind: fields.kind,
    article: {
      id: article.meta.id,
      title: article.meta.title,
      date: article.meta.date,
      ...(article.meta.url ? { url: article.meta.url } : {}),
    },
    found: fields.found,
    text: fields.text,
    items: fields.items ?? [],
    citations: uniqueCitations(fields.citations ?? []),
  };
}

export type { ScoredSentence } from "./match.ts";
export { distanceToMatches, MIN_COVERAGE, rankSentences } from "./match.ts";

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
