// Matching a question against an article's sentences, through the forms of its terms (question/terms.ts).
// A sentence's coverage is the rarity-weighted share of the question's terms it holds (its section heading counts
// for a little), so a graded match answers paraphrased questions and still leaves unrelated ones unanswered.
import { distance } from "fastest-levenshtein";
import type { SentenceHit } from "../index/search-index.ts";
import { type AnalyzedArticle, termWeight } from "../parse/analyze.ts";
import { type Question, readQuestion } from "../question/question.ts";
import { contentTerms } from "../text.ts";
import type { Sentence } from "../types.ts";

/** A form of a question term found in a sentence. */
export interface TermMatch {
  /** Index into the question's terms. */
  term: number;
  /** Offset of the matching word in the article text. */
  at: number;
  quality: number;
}

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  /** Rarity-weighted share of the question's terms the sentence holds (graded by how close each form is). */
  coverage: number;
  /** Where in the sentence the question's terms are (for choosing the nearest answer phrase). */
  matchOffsets: number[];
  matches: TermMatch[];
  /** The sentence holds one of the question's names, or the question has none. */
  namesMatched: boolean;
  /** Plain BM25 over surface words ranks the sentence first too: two independent rankings agree on it. */
  bm25Best: boolean;
}

/** Weight of a form found only in the section heading, relative to the same form in the sentence. */
const HEADING_SHARE = 0.5;
/** A stem this long also matches words it begins (`govern` ~ `governance`), at this quality. */
const PREFIX_MIN_LENGTH = 6;
const PREFIX_QUALITY = 0.9;

const headingTerms = new WeakMap<AnalyzedArticle, Map<string, Set<string>>>();

/** The stems of a section heading (once per article and heading). */
function sectionTerms(article: AnalyzedArticle, section: string | null): Set<string> {
  if (!section) return new Set();
  let byHeading = headingTerms.get(article);
  if (!byHeading) {
    byHeading = new Map();
    headingTerms.set(article, byHeading);
  }
  let terms = byHeading.get(section);
  if (!terms) {
    terms = new Set(contentTerms(section));
    byHeading.set(section, terms);
  }
  return terms;
}

/**
 * The sentence plain BM25 over the article's surface words (no stemming, no stop list: a question often repeats
 * its sentence's wording) ranks first. A second, independent ranking: an answer both agree on is rarely wrong.
 */
function surfaceBest(article: AnalyzedArticle, question: string): number | undefined {
  return article.index.surfaceRanking(question)[0];
}

/**
 * The default share of the question's weight a sentence must hold to be ranked at all (retrieval without an
 * answer type); who and when set their own floor with `Confidence`.
 */
export const MIN_COVERAGE = 0.35;
/** How much the sentence index's BM25 score (normalised to the best hit) adds to coverage when ranking. */
const BM25_SHARE = 0.3;
/**
 * Edits a word may be off by and still be taken as the article's (`Bainbrige` for `Bainbridge`): a slip of the
 * keys, not another word. Longest first; words shorter than five letters must be spelled right.
 */
const NEAR_SPELLING: readonly { minLength: number; edits: number }[] = [
  { minLength: 8, edits: 2 },
  { minLength: 5, edits: 1 },
];
/** How well a near spelling matches, against 1 for the word itself. */
const NEAR_SPELLING_QUALITY = 0.8;

/** The article's stems within the edits the shorter of the two allows of a stem. */
export function nearSpellings(article: AnalyzedArticle, stem: string): string[] {
  const near: string[] = [];
  for (const word of article.termFrequency.keys()) {
    const edits = NEAR_SPELLING.find((n) => Math.min(stem.length, word.length) >= n.minLength)?.edits;
    if (edits !== undefined && Math.abs(word.length - stem.length) <= edits && distance(word, stem) <= edits)
      near.push(word);
  }
  return near;
}

/**
 * The sentences that answer a question best, best first. Each term weighs by its rarity in the article (a term
 * the article never uses weighs like one it uses once: questions paraphrase). Ranked by coverage, then by how
 * close together the matched words are, then by position; BM25 (which weighs repeated and rare words within
 * the sentence) breaks near-ties.
 */
/** rankSentences on a question's text, read once (what the evaluation harness measures). */
export const rankSentencesFor = (article: AnalyzedArticle, text: string): ScoredSentence[] =>
  rankSentences(article, readQuestion(text));

export function rankSentences(
  article: AnalyzedArticle,
  question: Question,
  minCoverage = MIN_COVERAGE,
  limit = 20,
  /** The sentence index's hits for the question, when the caller has them already. */
  hits: readonly SentenceHit[] = article.index.query(question.text, 50),
): ScoredSentence[] {
  const { terms } = question;
  if (terms.length === 0) return [];
  const weights = terms.map((t) => termWeight(article, t.stem));
  const total = weights.reduce((a, b) => a + b, 0);
  const hasNames = terms.some((t) => t.isName);
  const naming = new Set<number>();
  const byForm = new Map<string, { term: number; quality: number }[]>();
  const addTermForm = (form: string, term: number, quality: number) => {
    const found = byForm.get(form);
    if (found) found.push({ term, quality });
    else byForm.set(form, [{ term, quality }]);
  };
  terms.forEach((t, term) => {
    for (const [form, quality] of t.forms) addTermForm(form, term, quality);
    // `goverment`, `Bainbrige`: a word no dictionary knows and the article never uses is taken as a slip of the keys.
    if (!t.inDictionary && ![...t.forms.keys()].some((f) => article.termFrequency.has(f)))
      for (const form of nearSpellings(article, t.stem)) addTermForm(form, term, NEAR_SPELLING_QUALITY);
  });
  const bm25 = new Map(hits.map((h) => [h.id, h.score]));
  const surface = surfaceBest(article, question.text);
  const maxBm25 = Math.max(1e-9, ...bm25.values());
  const ranked: ScoredSentence[] = [];
  const best = new Float64Array(terms.length);
  // Terms long enough to match the words they begin (`govern` ~ `governance`).
  const prefixTerms = terms.flatMap((t, term) => (t.stem.length >= PREFIX_MIN_LENGTH ? [term] : []));
  for (const sentence of article.sentences) {
    best.fill(0);
    const matches: TermMatch[] = [];
    for (const { term: stem, at } of article.sentenceTerms[sentence.index] ?? []) {
      const found = byForm.get(stem);
      if (found) {
        for (const f of found) {
          matches.push({ term: f.term, at, quality: f.quality });
          if (f.quality > (best[f.term] ?? 0)) best[f.term] = f.quality;
        }
        continue;
      }
      for (const term of prefixTerms) {
        if (stem.startsWith(terms[term]?.stem ?? "\u0000")) {
          matches.push({ term, at, quality: PREFIX_QUALITY });
          if (PREFIX_QUALITY > (best[term] ?? 0)) best[term] = PREFIX_QUALITY;
        }
      }
    }
    if (matches.length === 0) continue;
    if (hasNames && terms.some((t, term) => t.isName && (best[term] ?? 0) > 0)) naming.add(sentence.index);
    const heading = sectionTerms(article, article.paragraphs[sentence.paragraph - 1]?.section ?? null);
    let covered = 0;
    terms.forEach((t, term) => {
      let quality = best[term] ?? 0;
      if (quality < HEADING_SHARE && heading.size > 0) {
        for (const [form, q] of t.forms)
          if (heading.has(form)) quality = Math.max(quality, q * HEADING_SHARE);
      }
      covered += (weights[term] ?? 0) * quality;
    });
    const coverage = covered / total;
    if (coverage <= minCoverage) continue;
    const offsets = matches.map((m) => m.at);
    const spread = Math.max(...offsets) - Math.min(...offsets);
    // Coverage decides; among equals, matched words close together, then the earlier sentence.
    const score = coverage + BM25_SHARE * ((bm25.get(sentence.index) ?? 0) / maxBm25) - spread / 100_000;
    ranked.push({
      sentence,
      score,
      coverage,
      matchOffsets: offsets,
      matches,
      namesMatched: !hasNames,
      bm25Best: surface === sentence.index,
    });
  }
  // A sentence that names none of the question's names may still be about them when the sentence before it in
  // the paragraph names one (`Varga moved in 1998. She worked for …`).
  for (const r of ranked) {
    const previous = article.sentences[r.sentence.index - 1];
    r.namesMatched ||=
      naming.has(r.sentence.index) ||
      (previous?.paragraph === r.sentence.paragraph && naming.has(previous.index));
  }
  ranked.sort((a, z) => z.score - a.score || a.sentence.index - z.sentence.index);
  return ranked.slice(0, limit);
}
