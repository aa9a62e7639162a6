// Tense agreement between a when-question and the sentence that would answer it: `When will he return?` is not
// answered by the date of something that already happened. Named rules, tested in test/rules/question-tense.test.ts.
import { valueStart } from "../dates.ts";
import type { Sentence } from "../types.ts";

export type QuestionTense = "future" | "past" | "any";

interface TenseRule {
  id: string;
  pattern: RegExp;
  reason: string;
}

export const FUTURE_QUESTION: TenseRule = {
  id: "future-question",
  pattern: /\b(will|shall|going to|(?:due|set|scheduled) to)\b|'ll\b/i,
  reason: "`When will…`, `When is it due to…` ask about what has not happened yet",
};

export const PAST_QUESTION: TenseRule = {
  id: "past-question",
  pattern: /^\s*(?:when|what\s+\w+|in\s+what\s+\w+|which\s+\w+)\s+(?:did|was|were|had)\b/i,
  reason: "`When did…`, `When was…` ask about what has happened",
};

export const FUTURE_SENTENCE: TenseRule = {
  id: "future-sentence",
  pattern:
    /\b(will|shall|won't|going to|expected|scheduled|due to|set to|plans? to|planned|intends? to|next|upcoming|later this|to be held|would)\b|'ll\b/i,
  reason: "a sentence that says what will, or is expected to, happen",
};

export function questionTense(question: string): QuestionTense {
  if (FUTURE_QUESTION.pattern.test(question)) return "future";
  if (PAST_QUESTION.pattern.test(question)) return "past";
  return "any";
}

/**
 * Whether a date in a sentence can answer a question of this tense. A future question needs a sentence about the
 * future or a date after the article's own; a past question refuses a date after the article's date in a sentence
 * about the future. Without an article date, only the sentence's words decide.
 */
export function tenseAgrees(
  tense: QuestionTense,
  sentence: Sentence,
  value: string,
  articleDate: string | null,
): boolean {
  if (tense === "any") return true;
  const futureWords = FUTURE_SENTENCE.pattern.test(sentence.text);
  const start = valueStart(value);
  const after = articleDate && start ? start > articleDate : null;
  if (tense === "future") return after === true || (futureWords && after !== false);
  return !(futureWords && after === true);
}
