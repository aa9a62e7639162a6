// The one question path: /ask, /who with a question and /when with a question all read the question with the
// learned reader and cite what it ranks, with the phrase it picks marked in the first sentence. They differ only in
// the shape of their items (a who-answer names the entity, a when-answer gives the resolved date).

import { QUESTION_OPENING_PREPOSITIONS, QUESTION_WORDS, regex } from "../lexicon/index.ts";
import type { ReaderModels } from "../models/reader.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { type Question, readQuestion } from "../question/question.ts";
import { type Reading, readQuestionIn } from "../reader/read.ts";
import type { Entity, RankedAnswerItem, Sentence, Timex } from "../types.ts";
import { sentenceNumber } from "./common.ts";

/** Sentences cited for one question. */
export const MAX_CITED = 3;
/** A sentence after the first is cited when the ranker gives it at least this share of the first one's probability
 * (0.02: on both halves of the dev split, by article, a lower share cites the answer in the first three more often). */
export const CITE_SHARE = 0.02;

export interface ReadAnswer {
  reading: Reading;
  /** The cited sentences, best first; the answer phrase lies in the first. */
  sentences: { sentence: Sentence; probability: number }[];
  phrase: { text: string; start: number; end: number } | null;
}

/** A query that opens with a question word or a preposition is a question as it stands. */
const OPENS_QUESTION = regex("i")`^\s*(?:${QUESTION_WORDS}|${QUESTION_OPENING_PREPOSITIONS})\b`;

/**
 * `/when did the mission arrive` and `/who killed the officer` ask with the command's own word: the question is
 * the query with that word before it.
 */
export const askedWith = (word: "Who" | "When", query: string): Question =>
  readQuestion(OPENS_QUESTION.test(query) ? query : `${word} ${query.trim()}`);

/** What a caller may choose on the question path. */
export interface ReaderOptions {
  /** The reader's models; by default the committed ones (the evaluation passes models that never saw the article). */
  reader?: ReaderModels;
}

/** The reader's answer, or null when it says the article doesn't answer. */
export function readAnswer(
  article: AnalyzedArticle,
  question: Question,
  options: ReaderOptions = {},
): ReadAnswer | null {
  const reading = readQuestionIn(article, question, options.reader);
  const top = reading.ranked[0];
  if (!reading.answers || !top) return null;
  const sentences = reading.ranked
    .slice(0, MAX_CITED)
    .filter((r, i) => i === 0 || r.probability >= CITE_SHARE * top.probability)
    .map((r) => ({ sentence: sentenceNumber(article, r.sentence), probability: r.probability }));
  const phrase =
    reading.answer && reading.question.type.kind !== "yes-no"
      ? {
          text: article.text.slice(reading.answer.start, reading.answer.end),
          start: reading.answer.start,
          end: reading.answer.end,
        }
      : null;
  return { reading, sentences, phrase };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** The entity a phrase names, if one of its mentions overlaps it. */
export function entityAt(article: AnalyzedArticle, span: { start: number; end: number }): Entity | undefined {
  return article.entities.find((e) => e.mentions.some((m) => overlaps(m, span)));
}

/** The date expression a phrase holds or lies in. */
export function timexAt(article: AnalyzedArticle, span: { start: number; end: number }): Timex | undefined {
  return article.timexes.find((t) => overlaps(t, span));
}

/** Items in the who/when shape: the phrase in the first sentence, the other sentences as backing. */
export function rankedItems(
  found: ReadAnswer,
  extra: (phrase: { start: number; end: number }) => Partial<RankedAnswerItem>,
): RankedAnswerItem[] {
  const phrase = found.phrase;
  if (!phrase) return [];
  return found.sentences.map(({ sentence, probability }, i) => ({
    text: sentence.text,
    answer: i === 0 ? phrase.text : sentence.text,
    answerStart: i === 0 ? phrase.start : sentence.start,
    answerEnd: i === 0 ? phrase.end : sentence.end,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    score: Math.round(probability * 1000) / 1000,
    ...(i === 0 ? extra(phrase) : {}),
  }));
}
