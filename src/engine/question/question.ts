// A question, read once: its kind (who, when, how many …), the noun it asks about, its content terms with the
// forms that count as each, and whether it negates its premise. Every answer path reads this one value: /ask, /who
// and /when with a question, and /check's retrieval.

import { NEGATIONS } from "../lexicon/index.ts";
import { nounClass } from "../wordnet/noun-class.ts";
import { classifyQuestion, type QuestionType } from "./classify.ts";
import { type QuestionTerm, questionTerms } from "./terms.ts";

/** WordNet's broad classes of a noun that the reader tells apart (lexicographer files), and `none`. */
export const NOUN_CLASSES = {
  act: 4,
  artifact: 6,
  attribute: 7,
  cognition: 9,
  communication: 10,
  event: 11,
  group: 14,
  location: 15,
  person: 18,
  quantity: 23,
  time: 28,
} as const;
type LexicographerClass = keyof typeof NOUN_CLASSES;
export type NounClassName = LexicographerClass | "other" | "none";
const isLexicographerClass = (name: string): name is LexicographerClass => Object.hasOwn(NOUN_CLASSES, name);
export const NOUN_CLASS_NAMES: readonly NounClassName[] = [
  ...Object.keys(NOUN_CLASSES).filter(isLexicographerClass),
  "other",
  "none",
];
const CLASS_OF_FILE = new Map<number, LexicographerClass>(
  Object.entries(NOUN_CLASSES).flatMap(([name, file]) =>
    isLexicographerClass(name) ? [[file, name] as const] : [],
  ),
);

export function nounClassName(word: string | null): NounClassName {
  if (!word) return "none";
  const found = nounClass(word);
  if (found === null) return "none";
  return CLASS_OF_FILE.get(found) ?? "other";
}

export { QUESTION_KINDS } from "../types.ts";

export interface Question {
  text: string;
  type: QuestionType;
  terms: QuestionTerm[];
  /** The broad class of the noun the question asks about (`What instrument …` → artifact). */
  focusClass: NounClassName;
  /** The question negates its premise (`Which team did not win?`). */
  negated: boolean;
}

const cache = new Map<string, Question>();
const MAX_CACHED = 2000;

export function readQuestion(text: string): Question {
  const cached = cache.get(text);
  if (cached) return cached;
  const type = classifyQuestion(text);
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const question: Question = {
    text,
    type,
    terms: questionTerms(text),
    focusClass: nounClassName(type.focus),
    negated: words.some((w) => NEGATIONS.has(w) || w.endsWith("n't")),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, question);
  return question;
}
