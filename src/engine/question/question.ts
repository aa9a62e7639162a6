// A question, read once: its kind (who, when, how many …), the noun it asks about, its content terms with the
// forms that count as each, and whether it negates its premise. Every answer path reads this one value: /ask, /who
// and /when with a question, and /check's retrieval.

import { BE_FORMS, DO_FORMS, NEGATIONS, QUESTION_WORDS } from "../lexicon/index.ts";
import { nounClass } from "../wordnet/noun-class.ts";
import { classifyQuestion, type QuestionType } from "./classify.ts";
import { QUESTION_WORD, type QuestionTerm, questionTerms } from "./terms.ts";

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
  /** The question word, where the question has one. */
  wh: QuestionWord | null;
  /**
   * The term of the asked noun (`Which *ship* …`), or else of the question's first word after the question word:
   * the answer is often that noun's own phrase or stands beside it. -1 for none.
   */
  askedTerm: number;
}

function askedTermOf(terms: readonly QuestionTerm[], focus: string | null, wh: QuestionWord | null): number {
  let asked = -1;
  for (let t = 0; t < terms.length && focus; t++) if (terms[t]?.word === focus) asked = t;
  if (asked < 0 && wh)
    for (let t = 0; t < terms.length && asked < 0; t++) if ((terms[t]?.index ?? -1) > wh.index) asked = t;
  return asked;
}

/**
 * Where the question word stands, and what follows it: `did`/`does`/`do` (the asked thing is the object: `What did
 * the council approve?`) or a form of `be` (`Who was the first mayor?`), within the three words after it.
 */
export interface QuestionWord {
  at: number;
  /** The count of words before it. */
  index: number;
  doSupport: boolean;
  be: boolean;
}

function questionWord(text: string): QuestionWord | null {
  const words = [...text.toLowerCase().matchAll(QUESTION_WORD)];
  const i = words.findIndex((w) => QUESTION_WORDS.includes(w[0]));
  const wh = words[i];
  if (!wh) return null;
  const next = words.slice(i + 1, i + 4).map((w) => w[0]);
  return {
    at: wh.index,
    index: i,
    doSupport: next.some((w) => DO_FORMS.has(w)),
    be: next.some((w) => BE_FORMS.includes(w)),
  };
}

const cache = new Map<string, Question>();
const MAX_CACHED = 2000;

export function readQuestion(text: string): Question {
  const cached = cache.get(text);
  if (cached) return cached;
  const type = classifyQuestion(text);
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const terms = questionTerms(text);
  const wh = questionWord(text);
  const question: Question = {
    text,
    type,
    terms,
    focusClass: nounClassName(type.focus),
    negated: words.some((w) => NEGATIONS.has(w) || w.endsWith("n't")),
    wh,
    askedTerm: askedTermOf(terms, type.focus, wh),
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, question);
  return question;
}
