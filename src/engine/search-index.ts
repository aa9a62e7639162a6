import MiniSearch from "minisearch";
import { isStopword, termOf } from "./text.ts";
import type { ParsedArticle } from "./types.ts";

export interface SentenceHit {
  /** Sentence index. */
  id: number;
  score: number;
  /** The query terms (stemmed) this sentence matched. */
  terms: string[];
}

/** Stemmed, stop-word-free terms: `arrived` and `arrive` meet, `the` never counts. */
export function processTerm(term: string): string | null {
  if (isStopword(term)) return null;
  const stem = termOf(term);
  return stem.length > 0 ? stem : null;
}

/** A minisearch index over an article's sentences, each with its section heading as context. */
export class SentenceIndex {
  private readonly search: MiniSearch<{ id: number; text: string; section: string }>;

  constructor(article: Pick<ParsedArticle, "sentences" | "paragraphs">) {
    this.search = new MiniSearch({
      fields: ["text", "section"],
      processTerm,
      searchOptions: { boost: { text: 2 }, prefix: (term) => term.length > 4, fuzzy: false },
    });
    this.search.addAll(
      article.sentences.map((s) => ({
        id: s.index,
        text: s.text,
        section: article.paragraphs[s.paragraph - 1]?.section ?? "",
      })),
    );
  }

  query(text: string, limit = 10): SentenceHit[] {
    return this.search
      .search(text, { combineWith: "OR" })
      .slice(0, limit)
      .map((r) => ({ id: r.id as number, score: r.score, terms: r.queryTerms }));
  }
}
