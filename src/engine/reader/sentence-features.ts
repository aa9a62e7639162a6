// The sentence ranker's features: how much of the question a sentence holds (by stem, WordNet form and rarity,
// also through the mention an opening pronoun or `the …` points back to), how close together, what kinds of
// answer it holds against what is asked, and where it stands in the article. General features only: the model
// learns what they mean from training data.

import { rankSentences } from "../answers/match.ts";
import { wordVectors } from "../models/word-vectors.ts";
import { type AnalyzedArticle, termWeight } from "../parse/analyze.ts";
import { NOUN_CLASS_NAMES, QUESTION_KINDS, type Question } from "../question/question.ts";
import { articleView } from "./article-view.ts";
import { featureIndex, oneHot } from "./feature-index.ts";
import { termOrder } from "./term-order.ts";

const NAMED = [
  "coverage",
  "coverageRank",
  "coverageGap",
  "exactCoverage",
  "corefCoverage",
  "corefGain",
  "contextCoverage",
  "prevCoverage",
  "nextCoverage",
  "bm25",
  "bm25Rank",
  "surfaceTop",
  "matchedShare",
  "namesMatched",
  "questionNames",
  "spread",
  "pairShare",
  "longestRun",
  "vectorCoverage",
  "vectorGain",
  "vectorSimilarity",
  "tokens",
  "position",
  "paragraphPosition",
  "firstInParagraph",
  "inHeading",
  "inQuote",
  "persons",
  "organizations",
  "places",
  "dates",
  "durations",
  "numbers",
  "amounts",
  "reasons",
  "freshCapitalized",
  "questionTerms",
  "sentences",
  "negated",
] as const;

export type SentenceFeature = (typeof NAMED)[number];
export const SENTENCE_FEATURES: readonly string[] = [
  ...NAMED,
  ...oneHot("kind", QUESTION_KINDS),
  ...oneHot("focus", NOUN_CLASS_NAMES),
];
export const SENTENCE_FEATURE_COUNT = SENTENCE_FEATURES.length;
export const SENTENCE_COLUMN = featureIndex(NAMED);
const at = SENTENCE_COLUMN;
const KIND_COLUMN = NAMED.length;
const FOCUS_COLUMN = KIND_COLUMN + QUESTION_KINDS.length;

/** How much of an earlier mention's words a pronoun or `the …` carries into its sentence. */
const CARRY = 0.7;
/** How far back `the region` may point to the sentence that named it. */
const DEFINITE_REACH = 5;

export interface SentenceScores {
  /** Row-major features, one row per sentence. */
  rows: Float64Array;
  /** Per sentence, the offsets of the question's matched words (for the answer phrase's distance features). */
  matchOffsets: number[][];
  /** Per sentence, its coverage of the question through coreference. */
  coverage: Float64Array;
  /** Per sentence, how well it matches each question term (0 to 1), through coreference. */
  best: Float64Array[];
}

/**
 * How near in meaning a question's words are to a sentence's: `nearest(t, words)` is the best cosine of term t's
 * vector with any of the words' (0 for none, or none above 0), each word's worked out once a question; `whole` the
 * cosine of what the question's words and the sentence's mean together. Names count too: leaving them out (`Haiti`
 * is not `Jamaica`) lowered one dev fold's hit@1 (2026-12-08).
 */
function vectorLikeness(question: Question) {
  const vectors = wordVectors();
  const ids = question.terms.map((t) => vectors.id(t.word));
  const meaning = vectors.meaning(ids.filter((id) => id >= 0));
  const seen = ids.map(() => new Map<number, number>());
  return {
    nearest(t: number, words: readonly number[]): number {
      const id = ids[t] ?? -1;
      const memo = seen[t];
      if (id < 0 || !memo) return 0;
      let best = 0;
      for (const w of words) {
        let cosine = memo.get(w);
        if (cosine === undefined) {
          cosine = vectors.similarity(id, w);
          memo.set(w, cosine);
        }
        if (cosine > best) best = cosine;
      }
      return best;
    },
    whole: (sentence: Float64Array) => vectors.cosine(meaning, sentence),
  };
}

/** A pronoun or `the …` carries an earlier sentence's matches, weakened. */
function carryInto(carried: Float64Array, from: Float64Array | undefined): void {
  if (!from) return;
  for (let t = 0; t < carried.length; t++) carried[t] = Math.max(carried[t] ?? 0, CARRY * (from[t] ?? 0));
}

function put(rows: Float64Array, row: number, feature: SentenceFeature, value: number): void {
  rows[row + at[feature]] = value;
}

export function sentenceFeatures(article: AnalyzedArticle, question: Question): SentenceScores {
  const view = articleView(article);
  const n = article.sentences.length;
  const width = SENTENCE_FEATURE_COUNT;
  const rows = new Float64Array(n * width);
  const terms = question.terms;
  const weights = terms.map((t) => termWeight(article, t.stem));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const bm25Hits = article.index.query(question.text, n);
  const ranked = terms.length > 0 ? rankSentences(article, question, 0, n, bm25Hits) : [];
  const best: Float64Array[] = Array.from({ length: n }, () => new Float64Array(terms.length));
  const exact = new Float64Array(n);
  const coverage = new Float64Array(n);
  const spread = new Float64Array(n);
  const pairShare = new Float64Array(n);
  const longestRun = new Float64Array(n);
  const matchOffsets: number[][] = Array.from({ length: n }, () => []);
  const coverageRank = new Float64Array(n).fill(n);
  ranked.forEach((r, rank) => {
    const i = r.sentence.index;
    coverage[i] = r.coverage;
    coverageRank[i] = rank;
    const b = best[i];
    if (!b) return;
    for (const m of r.matches) if (m.quality > (b[m.term] ?? 0)) b[m.term] = m.quality;
    let e = 0;
    terms.forEach((_, t) => {
      if ((b[t] ?? 0) >= 1) e += weights[t] ?? 0;
    });
    exact[i] = e / total;
    const order = termOrder(article.sentenceTerms[i] ?? [], r.matches, terms, weights);
    pairShare[i] = order.pairShare;
    longestRun[i] = order.longestRun;
    matchOffsets[i] = r.matchOffsets;
    const offsets = r.matchOffsets;
    spread[i] =
      offsets.length > 1
        ? (Math.max(...offsets) - Math.min(...offsets)) / Math.max(1, r.sentence.text.length)
        : 0;
  });
  const topCoverage = ranked[0]?.coverage ?? 0;
  const bm25 = new Float64Array(n);
  const bm25Rank = new Float64Array(n).fill(n);
  const maxBm25 = bm25Hits[0]?.score ?? 1;
  bm25Hits.forEach((h, rank) => {
    bm25[h.id] = h.score / maxBm25;
    bm25Rank[h.id] = rank;
  });
  const surfaceTop = ranked.find((r) => r.bm25Best)?.sentence.index ?? -1;
  const questionStems = new Set(terms.flatMap((t) => [...t.forms.keys()]));
  const names = terms.filter((t) => t.isName).length;
  const corefCoverage = new Float64Array(n);
  const carriedBest: Float64Array[] = new Array(n);
  const kindIndex = QUESTION_KINDS.indexOf(question.type.kind);
  const focusIndex = NOUN_CLASS_NAMES.indexOf(question.focusClass);
  const paragraphs = article.paragraphs.length || 1;
  const likeness = vectorLikeness(question);
  for (const [i, s] of view.sentences.entries()) {
    const b = best[i];
    if (!b) continue;
    // Through coreference: an opening pronoun carries the sentence before; `the region` the sentence that named it.
    const carried = new Float64Array(b);
    if (s.anaphoric && i > 0) carryInto(carried, best[i - 1]);
    for (const stem of s.definites) {
      const earlier = view.stemSentences.get(stem) ?? [];
      for (let k = earlier.length - 1; k >= 0; k--) {
        const j = earlier[k] ?? 0;
        if (j < i && j >= i - DEFINITE_REACH) {
          carryInto(carried, best[j]);
          break;
        }
      }
    }
    let c = 0;
    for (let t = 0; t < terms.length; t++) c += (weights[t] ?? 0) * (carried[t] ?? 0);
    carriedBest[i] = carried;
    corefCoverage[i] = c / total;
    const row = i * width;
    const sentence = article.sentences[i];
    put(rows, row, "coverage", coverage[i] ?? 0);
    put(rows, row, "coverageRank", coverageRank[i] ?? 0);
    put(rows, row, "coverageGap", topCoverage - (coverage[i] ?? 0));
    put(rows, row, "exactCoverage", exact[i] ?? 0);
    put(rows, row, "corefCoverage", corefCoverage[i] ?? 0);
    put(rows, row, "corefGain", (corefCoverage[i] ?? 0) - (coverage[i] ?? 0));
    put(rows, row, "prevCoverage", i > 0 ? (coverage[i - 1] ?? 0) : 0);
    put(rows, row, "nextCoverage", i + 1 < n ? (coverage[i + 1] ?? 0) : 0);
    put(rows, row, "bm25", bm25[i] ?? 0);
    put(rows, row, "bm25Rank", bm25Rank[i] ?? 0);
    put(rows, row, "surfaceTop", surfaceTop === i ? 1 : 0);
    let matched = 0;
    let namesMatched = 0;
    for (let t = 0; t < terms.length; t++)
      if ((b[t] ?? 0) > 0) {
        matched++;
        if (terms[t]?.isName) namesMatched++;
      }
    put(rows, row, "matchedShare", terms.length ? matched / terms.length : 0);
    put(rows, row, "namesMatched", names ? namesMatched / names : 1);
    put(rows, row, "questionNames", names);
    put(rows, row, "spread", spread[i] ?? 0);
    put(rows, row, "pairShare", pairShare[i] ?? 0);
    put(rows, row, "longestRun", longestRun[i] ?? 0);
    // In other words: each question word counts as much as the word of the sentence nearest to it in meaning
    // (`died` for `death`), where that is more than its match by form. Only sentences the ranker scores.
    if ((coverage[i] ?? 0) > 0 || (bm25[i] ?? 0) > 0) {
      let soft = 0;
      for (let t = 0; t < terms.length; t++) {
        // A word the sentence holds as asked counts in full: no likeness is nearer.
        const matched = carried[t] ?? 0;
        soft +=
          (weights[t] ?? 0) * (matched >= 1 ? matched : Math.max(matched, likeness.nearest(t, s.vectors)));
      }
      put(rows, row, "vectorCoverage", soft / total);
      put(rows, row, "vectorGain", soft / total - (corefCoverage[i] ?? 0));
      put(rows, row, "vectorSimilarity", likeness.whole(s.meaning));
    }
    put(rows, row, "tokens", s.tokens.length);
    put(rows, row, "position", n > 1 ? i / (n - 1) : 0);
    put(rows, row, "paragraphPosition", ((sentence?.paragraph ?? 1) - 1) / paragraphs);
    put(rows, row, "firstInParagraph", s.firstInParagraph ? 1 : 0);
    put(rows, row, "inHeading", s.inHeading ? 1 : 0);
    put(rows, row, "inQuote", s.inQuote ? 1 : 0);
    put(rows, row, "persons", s.persons);
    put(rows, row, "organizations", s.organizations);
    put(rows, row, "places", s.places);
    put(rows, row, "dates", s.dates);
    put(rows, row, "durations", s.durations);
    put(rows, row, "numbers", s.numbers);
    put(rows, row, "amounts", s.amounts);
    put(rows, row, "reasons", s.reasons);
    let fresh = 0;
    for (let k = 1; k < s.tokens.length; k++) {
      const tok = s.tokens[k];
      if (tok?.capitalized && !questionStems.has(tok.stem)) fresh++;
    }
    put(rows, row, "freshCapitalized", fresh);
    put(rows, row, "questionTerms", terms.length);
    put(rows, row, "sentences", n);
    put(rows, row, "negated", question.negated ? 1 : 0);
    if (kindIndex >= 0) rows[row + KIND_COLUMN + kindIndex] = 1;
    if (focusIndex >= 0) rows[row + FOCUS_COLUMN + focusIndex] = 1;
  }
  // The context window: a sentence and its neighbours together (an answer told over two sentences).
  for (let i = 0; i < n; i++)
    rows[i * width + at.contextCoverage] = Math.max(
      corefCoverage[i] ?? 0,
      0.5 * ((corefCoverage[i] ?? 0) + Math.max(corefCoverage[i - 1] ?? 0, corefCoverage[i + 1] ?? 0)),
    );
  return { rows, matchOffsets, coverage: corefCoverage, best: carriedBest };
}
