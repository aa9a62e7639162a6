import { defined } from "../match.ts";
import { sentenceAt } from "../parse/segment.ts";
import type { AnswerKind, AnswerOfKind, Citation, CommandName, ParsedArticle, Sentence } from "../types.ts";

/** A citation of `text.slice(start, end)`, numbered by the paragraph and sentence it starts in. */
export function cite(article: ParsedArticle, start: number, end: number): Citation {
  const sentence = defined(sentenceAt(article.sentences, start), "sentence");
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

/** What an answer function decides; `makeAnswer` adds the command, query and article. */
export interface AnswerFields<K extends AnswerKind, I> {
  kind: K;
  found: boolean;
  text: string;
  /** The items shown: at most `limit` of them. */
  items?: I[];
  limit: number;
  /** How many items there were before the limit (`items.length` when not given). */
  total?: number;
  citations?: Citation[];
}

/**
 * An answer of one kind. The result is assignable to `Answer` only when `items` fit the kind (`I` is `never`
 * for an answer without items), so a kind's item shape is checked where the answer is made.
 */
export function makeAnswer<K extends AnswerKind, I = never>(
  article: ParsedArticle,
  command: CommandName,
  query: string | null,
  fields: AnswerFields<K, I>,
): AnswerOfKind<K, NoInfer<I>> {
  const items = fields.items ?? [];
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
    items,
    limit: fields.limit,
    total: fields.total ?? items.length,
    citations: uniqueCitations(fields.citations ?? []),
  };
}

/** The first `limit` of a list; an answer cites only what it shows, so a long list cannot make it huge. */
/** The article's sentence number `index`, which the caller knows exists (it came from the article). */
export function sentenceNumber(article: ParsedArticle, index: number): Sentence {
  return defined(article.sentences[index], `sentence ${index}`);
}

export function firstOf<T>(list: readonly T[], limit: number): T[] {
  return list.slice(0, limit);
}

/** `a, b, c` for at most `max` names, then `and 7 others` (`others` as given) for the rest. */
export function listNames(names: readonly string[], max: number, separator: string, others: string): string {
  const shown = names.slice(0, max).join(separator);
  return names.length > max ? `${shown}${separator}and ${names.length - max} ${others}` : shown;
}

export type { ScoredSentence } from "./match.ts";
export { MIN_COVERAGE, rankSentences } from "./match.ts";

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
