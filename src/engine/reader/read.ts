// The reader: one path from a question to the sentences that answer it, the phrase that answers, and whether the
// article answers at all. Three trained models and one trained weight, no hand-set ones: the ranker scores every
// sentence, the extractor every candidate phrase of the ranker's leading sentences (the sentence answered from is
// the best by both), and answerability reads both with what the question asks that the article never mentions.

import { softmax } from "../models/gbdt.ts";
import { type ReaderModels, readerModels } from "../models/reader.ts";
import { type AnalyzedArticle, termWeight } from "../parse/analyze.ts";
import { NOUN_CLASS_NAMES, QUESTION_KINDS, type Question, readQuestion } from "../question/question.ts";
import {
  ANSWERABILITY_COLUMN,
  ANSWERABILITY_FEATURES,
  ANSWERABILITY_NAMED,
} from "./answerability-features.ts";
import { articleView } from "./article-view.ts";
import {
  PHRASE_COLUMN,
  PHRASE_FEATURE_COUNT,
  type PhraseFeature,
  type SentencePhrases,
  sentencePhrases,
} from "./phrases.ts";
import {
  SENTENCE_COLUMN,
  SENTENCE_FEATURE_COUNT,
  type SentenceFeature,
  type SentenceScores,
  sentenceFeatures,
} from "./sentence-features.ts";

const at = ANSWERABILITY_COLUMN;
const KIND_COLUMN = ANSWERABILITY_NAMED;
const FOCUS_COLUMN = KIND_COLUMN + QUESTION_KINDS.length;

export interface RankedSentence {
  sentence: number;
  /** The ranker's probability that this sentence answers, among the article's sentences. */
  probability: number;
  margin: number;
}

export interface AnswerPhrase {
  sentence: number;
  start: number;
  end: number;
  /** The extractor's probability of this phrase among its sentence's candidates. */
  probability: number;
}

export interface Reading {
  question: Question;
  /** Every sentence, best first. */
  ranked: RankedSentence[];
  answer: AnswerPhrase | null;
  /** The answerability model's probability that the article answers the question. */
  answerable: number;
  /** The reader says the article answers (answerable at or above the trained threshold). */
  answers: boolean;
  features: Float64Array;
}

/** The reader on a question's text (scripts and tests; the answers read their Question once and pass it in). */
export function read(article: AnalyzedArticle, text: string, models: ReaderModels = readerModels()): Reading {
  return readQuestionIn(article, readQuestion(text), models);
}

/** The ranker alone: every sentence with its probability, best first (none when no sentence holds the question's words). */
export function rankForQuestion(
  article: AnalyzedArticle,
  question: Question,
  models: ReaderModels = readerModels(),
): RankedSentence[] {
  if (article.sentences.length === 0 || question.terms.length === 0) return [];
  return rankWith(article, sentenceFeatures(article, question), models);
}

function rankWith(article: AnalyzedArticle, scores: SentenceScores, models: ReaderModels): RankedSentence[] {
  const n = article.sentences.length;
  const width = SENTENCE_FEATURE_COUNT;
  // A sentence that holds none of the question's words in any form, nor through a mention it points back to, is
  // not scored: it cannot be the answer, and skipping it keeps long articles fast.
  const margins = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  let scored = 0;
  for (let i = 0; i < n; i++) {
    const row = scores.rows.subarray(i * width, (i + 1) * width);
    if ((scores.coverage[i] ?? 0) <= 0 && (row[SENTENCE_COLUMN.bm25] ?? 0) <= 0) continue;
    margins[i] = models.ranker.margin(row);
    scored++;
  }
  if (scored === 0) return [];
  const probabilities = softmax(margins);
  const ranked: RankedSentence[] = [];
  for (let i = 0; i < n; i++)
    ranked.push({ sentence: i, probability: probabilities[i] ?? 0, margin: margins[i] ?? 0 });
  ranked.sort((a, z) => z.margin - a.margin || a.sentence - z.sentence);
  return ranked;
}

/** How many of the ranker's first sentences the extractor reads, when the phrase weight is above 0. */
export const LEADING_SENTENCES = 3;
/**
 * A leading sentence whose ranker margin is more than this below the first's is not read: its best phrase would
 * have to outscore the first's by 3 / weight, which two sentences' best phrases almost never do. Reading past it
 * changed one dev question's sentence in each fold, and took half of `/ask`'s time (2026-12-08).
 */
export const LEADING_MARGIN_GAP = 3;

interface LeadingSentence {
  /** Its place in the ranker's order. */
  rank: number;
  phrases: SentencePhrases;
  /** The extractor's margin of each candidate phrase. */
  margins: Float64Array;
}

/** The extractor's candidate phrases of one sentence, with their margins. */
function phrasesOf(
  article: AnalyzedArticle,
  question: Question,
  scores: SentenceScores,
  ranked: RankedSentence,
  models: ReaderModels,
): { phrases: SentencePhrases; margins: Float64Array } {
  const phrases = sentencePhrases(
    article,
    ranked.sentence,
    question,
    scores.matchOffsets[ranked.sentence] ?? [],
    ranked.probability,
    0,
  );
  const margins = phrases.candidates.length
    ? models.extractor.rowMargins(phrases.rows, new Float64Array(phrases.candidates.length))
    : new Float64Array(0);
  return { phrases, margins };
}

/** A leading sentence's score: its ranker margin plus the weight times its best phrase's (none: never chosen). */
export const leadingScore = (margin: number, phraseMargin: number, weight: number) =>
  Number.isFinite(phraseMargin) ? margin + weight * phraseMargin : Number.NEGATIVE_INFINITY;

/**
 * The sentence to answer from: among the ranker's leading sentences, the best by its ranker margin plus the phrase
 * weight times its best phrase's margin (a sentence that holds a phrase of the kind asked, placed as asked, reads
 * better than one that only shares the question's words). A sentence with no candidate phrase is not chosen over
 * one with some.
 */
function leadingSentence(
  article: AnalyzedArticle,
  question: Question,
  scores: SentenceScores,
  ranked: readonly RankedSentence[],
  models: ReaderModels,
): LeadingSentence {
  const first = ranked[0] as RankedSentence;
  let lead: LeadingSentence = { rank: 0, ...phrasesOf(article, question, scores, first, models) };
  const weight = models.phraseWeight;
  if (weight <= 0) return lead;
  const scoreOf = (s: RankedSentence, margins: Float64Array) =>
    leadingScore(s.margin, margins.length ? Math.max(...margins) : Number.NEGATIVE_INFINITY, weight);
  let best = scoreOf(first, lead.margins);
  for (let rank = 1; rank < Math.min(LEADING_SENTENCES, ranked.length); rank++) {
    const s = ranked[rank];
    if (!s || !Number.isFinite(s.margin) || first.margin - s.margin > LEADING_MARGIN_GAP) break;
    const read = phrasesOf(article, question, scores, s, models);
    const score = scoreOf(s, read.margins);
    if (score > best) {
      best = score;
      lead = { rank, ...read };
    }
  }
  return lead;
}

/**
 * The leading sentences as the extractor reads them (training chooses the phrase weight from these): each one's
 * ranker margin and best phrase margin (-Infinity for none).
 */
export function leadingMargins(
  article: AnalyzedArticle,
  question: Question,
  models: ReaderModels,
): { sentence: number; margin: number; phraseMargin: number }[] {
  if (article.sentences.length === 0 || question.terms.length === 0) return [];
  const scores = sentenceFeatures(article, question);
  const ranked = rankWith(article, scores, models);
  return ranked
    .slice(0, LEADING_SENTENCES)
    .filter((s) => Number.isFinite(s.margin))
    .map((s) => {
      const { margins } = phrasesOf(article, question, scores, s, models);
      return {
        sentence: s.sentence,
        margin: s.margin,
        phraseMargin: margins.length ? Math.max(...margins) : Number.NEGATIVE_INFINITY,
      };
    });
}

/** The reader on a question already read: the ranked sentences, the answer phrase and whether the article answers. */
export function readQuestionIn(
  article: AnalyzedArticle,
  question: Question,
  models: ReaderModels = readerModels(),
): Reading {
  const n = article.sentences.length;
  const features = new Float64Array(ANSWERABILITY_FEATURES.length);
  if (n === 0 || question.terms.length === 0)
    return { question, ranked: [], answer: null, answerable: 0, answers: false, features };
  const scores = sentenceFeatures(article, question);
  const width = SENTENCE_FEATURE_COUNT;
  const ranked = rankWith(article, scores, models);
  if (!ranked[0]) return { question, ranked, answer: null, answerable: 0, answers: false, features };
  const lead = leadingSentence(article, question, scores, ranked, models);
  if (lead.rank > 0) {
    const [chosen] = ranked.splice(lead.rank, 1);
    if (chosen) ranked.unshift(chosen);
  }
  const top = ranked[0] as RankedSentence;
  const second = ranked[1];
  const { phrases, margins: pm } = lead;
  let answer: AnswerPhrase | null = null;
  let phraseRow = -1;
  let phraseGap = 0;
  if (phrases.candidates.length > 0) {
    const pp = softmax(pm);
    let best = 0;
    for (let k = 1; k < pm.length; k++) if ((pm[k] ?? 0) > (pm[best] ?? 0)) best = k;
    let runnerUp = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < pm.length; k++) if (k !== best) runnerUp = Math.max(runnerUp, pm[k] ?? 0);
    const c = phrases.candidates[best];
    if (c) {
      answer = { sentence: top.sentence, start: c.start, end: c.end, probability: pp[best] ?? 0 };
      phraseRow = best * PHRASE_FEATURE_COUNT;
      phraseGap = Number.isFinite(runnerUp) ? (pm[best] ?? 0) - runnerUp : 10;
      features[at.phraseMargin] = pm[best] ?? 0;
    }
  }
  const row = top.sentence * width;
  const value = (f: SentenceFeature) => scores.rows[row + SENTENCE_COLUMN[f]] ?? 0;
  features[at.topProbability] = top.probability;
  features[at.secondProbability] = second?.probability ?? 0;
  features[at.topMargin] = top.margin;
  features[at.marginGap] = second && Number.isFinite(second.margin) ? top.margin - second.margin : 10;
  features[at.topCoverage] = value("coverage");
  features[at.topCorefCoverage] = value("corefCoverage");
  features[at.topExactCoverage] = value("exactCoverage");
  features[at.topMatchedShare] = value("matchedShare");
  features[at.topNamesMatched] = value("namesMatched");
  // The question's words the best sentence lacks (through coreference too): one rare word missing often means the
  // sentence is about something else (`Who founded the bank?` over `Who ran the bank?`).
  const topBest = scores.best[top.sentence];
  let maxWeight = 0;
  let missingWeight = 0;
  let missingNamesTop = 0;
  let missingNumbersTop = 0;
  question.terms.forEach((term, t) => {
    const w = termWeight(article, term.stem);
    maxWeight = Math.max(maxWeight, w);
    if ((topBest?.[t] ?? 0) > 0) return;
    missingWeight = Math.max(missingWeight, w);
    if (term.isName) missingNamesTop++;
    if (/\p{N}/u.test(term.word)) missingNumbersTop++;
  });
  features[at.topMissingWeight] = maxWeight ? missingWeight / maxWeight : 0;
  features[at.topMissingNames] = missingNamesTop;
  features[at.topMissingNumbers] = missingNumbersTop;
  const sentenceNegated = articleView(article).sentences[top.sentence]?.negated ?? false;
  features[at.negationDiffers] = sentenceNegated !== question.negated ? 1 : 0;
  let bestCoverage = 0;
  for (let i = 0; i < n; i++) bestCoverage = Math.max(bestCoverage, scores.coverage[i] ?? 0);
  features[at.bestCoverage] = bestCoverage;
  // What the question asks about that the article never mentions in any form.
  const stems = articleView(article).stemSentences;
  let weight = 0;
  let uncovered = 0;
  let uncoveredTerms = 0;
  let missingNames = 0;
  for (const term of question.terms) {
    const w = termWeight(article, term.stem);
    weight += w;
    const present = [...term.forms.keys()].some((f) => stems.has(f) || article.termFrequency.has(f));
    if (!present) {
      uncovered += w;
      uncoveredTerms++;
      if (term.isName) missingNames++;
    }
  }
  features[at.uncoveredWeight] = weight ? uncovered / weight : 0;
  features[at.uncoveredTerms] = uncoveredTerms;
  features[at.missingNames] = missingNames;
  features[at.questionNames] = question.terms.filter((t) => t.isName).length;
  features[at.questionTerms] = question.terms.length;
  if (answer && phraseRow >= 0) {
    const p = (f: PhraseFeature) => phrases.rows[phraseRow + PHRASE_COLUMN[f]] ?? 0;
    features[at.phraseProbability] = answer.probability;
    features[at.phraseGap] = phraseGap;
    features[at.phraseQuestionOverlap] = p("questionOverlap");
    features[at.phraseIsName] = p("person") + p("organization") + p("place");
    features[at.phraseIsDate] = p("timexExact");
    features[at.phraseHasNumber] = p("hasNumber");
  }
  features[at.topPersons] = value("persons") + value("organizations");
  features[at.topPlaces] = value("places");
  features[at.topDates] = value("dates");
  features[at.topNumbers] = value("numbers");
  features[at.sentences] = n;
  features[at.negated] = question.negated ? 1 : 0;
  const kind = QUESTION_KINDS.indexOf(question.type.kind);
  if (kind >= 0) features[KIND_COLUMN + kind] = 1;
  const focus = NOUN_CLASS_NAMES.indexOf(question.focusClass);
  if (focus >= 0) features[FOCUS_COLUMN + focus] = 1;
  const answerable = models.answerability.probability(features);
  return { question, ranked, answer, answerable, answers: answerable >= models.threshold, features };
}
