import type { AnalyzedArticle } from "../analyze";
import { sentenceAt } from "../segment";
import { contentTerms, termOf } from "../text";
import type { Answer, AnswerItem, Citation, CommandName, ParsedArticle, Sentence } from "../types";

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

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  /** Share of the question's content terms the sentence holds. */
  coverage: number;
  /** Where in the sentence the question's terms are (for choosing the nearest answer phrase). */
  matchOffsets: number[];
}

/** Question words that carry no content: `who`, `when`, `did`, `happen` … */
const QUESTION_NOISE = new Set(["happen", "occur", "take", "place", "tell", "know", "articl", "say"]);

// News tells one event in several words; a question may use any of them.
const SYNONYM_GROUPS = [
  "die died death dead kill killed slain shot fatal",
  "arrive arrival came deploy deployed land landed",
  "attack assault raid",
  "arrest arrested detain detained",
  "begin began start started launch launched",
  "end ended finish finished conclude",
  "elect elected vote voted win won",
  "meet met meeting",
  "leave left depart departed",
  "announce announced declare declared",
  "join joined",
].map((group) => new Set(group.split(" ").map(termOf)));

/** The term and the terms that mean the same event. */
function alternatives(term: string): Set<string> {
  const group = SYNONYM_GROUPS.find((g) => g.has(term));
  return group ?? new Set([term]);
}

export function questionTerms(question: string): string[] {
  return [...new Set(contentTerms(question))].filter((t) => !QUESTION_NOISE.has(t));
}

/** A sentence must hold more than this share of the question's weight to be taken to answer it. */
export const MIN_COVERAGE = 0.5;
/** Candidates this far below the best coverage are dropped: they would cite what does not answer. */
const COVERAGE_SLACK = 0.25;

/**
 * The sentences that answer a question best. Each question term weighs by its rarity in the article (a term
 * the article never uses weighs as much as its rarest one); a sentence must hold more than half of the
 * question's weight. Ranked by BM25 score times coverage.
 */
export function rankSentences(article: AnalyzedArticle, question: string, limit = 20): ScoredSentence[] {
  const terms = questionTerms(question);
  if (terms.length === 0) return [];
  const df = article.termFrequency;
  const n = article.sentences.length;
  const wanted = terms.map(alternatives);
  const weights = wanted.map((g) => {
    // A term the article never uses weighs like its rarest term: questions paraphrase.
    const seen = Math.max(1, ...[...g].map((t) => df.get(t) ?? 0));
    return Math.log(1 + n / (1 + seen));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const expanded = [question, ...wanted.flatMap((g) => (g.size > 1 ? [...g] : []))].join(" ");
  const ranked: ScoredSentence[] = [];
  for (const hit of article.index.query(expanded, limit)) {
    const sentence = article.sentences[hit.id] as Sentence;
    const matchOffsets: number[] = [];
    const covered = new Set<number>();
    for (const { term, at } of article.sentenceTerms[hit.id] ?? []) {
      const which = wanted.findIndex(
        (g) => g.has(term) || [...g].some((t) => t.length > 4 && term.startsWith(t)),
      );
      if (which < 0) continue;
      covered.add(which);
      matchOffsets.push(at);
    }
    const coverage = [...covered].reduce((sum, i) => sum + (weights[i] as number), 0) / total;
    if (coverage <= MIN_COVERAGE) continue;
    ranked.push({ sentence, score: hit.score * coverage, coverage, matchOffsets });
  }
  ranked.sort((a, z) => z.score - a.score);
  const best = Math.max(0, ...ranked.map((r) => r.coverage));
  return ranked.filter((r) => r.coverage >= best - COVERAGE_SLACK);
}

/** Distance from a span to the nearest matched question term. */
export function distanceToMatches(start: number, end: number, offsets: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) best = Math.min(best, o < start ? start - o : o >= end ? o - end : 0);
  return best;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
