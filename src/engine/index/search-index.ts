import MiniSearch from "minisearch";
import { isStopword, termOf } from "../text.ts";
import type { ParsedArticle } from "../types.ts";

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

/** A word as written, lower-case: the surface field keeps stop words and endings. */
const surfaceTerm = (term: string) => term.toLowerCase();

interface IndexedSentence {
  id: number;
  /** The sentence's words, stemmed and without stop words. */
  text: string;
  /** Its section heading, stemmed: context. */
  section: string;
  /** The sentence's words as written. */
  surface: string;
}

/** The fields a stemmed query reads; the surface field is read only by `surfaceRanking`. */
const STEMMED_FIELDS = ["text", "section"];

/**
 * The article's one sentence index (minisearch BM25). Two readings of each sentence: its stemmed, stop-word-free
 * terms with its section heading as context (`query`), and its surface words, no stemming and no stop list
 * (`surfaceRanking`: a question often repeats its sentence's wording).
 */
export class SentenceIndex {
  private readonly search: MiniSearch<IndexedSentence>;
  /** The last question's surface ranking: /ask ranks and then cites with it, so it is asked twice. */
  private lastSurface: { question: string; ids: readonly number[] } | undefined;

  constructor(article: Pick<ParsedArticle, "sentences" | "paragraphs">) {
    this.search = new MiniSearch<IndexedSentence>({
      fields: [...STEMMED_FIELDS, "surface"],
      processTerm: (term, field) => (field === "surface" ? surfaceTerm(term) : processTerm(term)),
      searchOptions: {
        fields: STEMMED_FIELDS,
        processTerm,
        boost: { text: 2 },
        prefix: (term) => term.length > 4,
        fuzzy: false,
      },
    });
    this.search.addAll(
      article.sentences.map((s) => ({
        id: s.index,
        text: s.text,
        section: article.paragraphs[s.paragraph - 1]?.section ?? "",
        surface: s.text,
      })),
    );
  }

  /** The sentences a question's stemmed terms rank, best first. */
  query(text: string, limit = 10): SentenceHit[] {
    return this.search
      .search(text, { combineWith: "OR" })
      .slice(0, limit)
      .map((r) => ({ id: Number(r.id), score: r.score, terms: r.queryTerms }));
  }

  /** The sentences plain BM25 over the surface words ranks for a question, best first. */
  surfaceRanking(question: string): readonly number[] {
    if (this.lastSurface?.question === question) return this.lastSurface.ids;
    const ids = this.search
      .search(question, {
        fields: ["surface"],
        processTerm: surfaceTerm,
        boost: {},
        prefix: false,
        fuzzy: false,
      })
      .map((hit) => Number(hit.id));
    this.lastSurface = { question, ids };
    return ids;
  }
}
