// What a who-question asks for: the speaker of a statement (`Who said …?`), who did something (`Who killed …?`),
// who it was done to (`Who was killed?`, `Who did he cut off?`), or anyone the matched sentence names.
// Named rules, tested in test/rules/question-who.test.ts.
import { ADJUNCT_OPENERS, COMPOUND_PARTICLES, lexiconTag, STRANDED_PREPOSITIONS } from "../lexicon/index.ts";

export type WhoAsks =
  | { kind: "speaker" }
  | { kind: "agent"; verb: string; particle: string | undefined }
  | { kind: "patient"; verb: string; particle: string | undefined; preposition?: string }
  | { kind: "any" };

interface WhoQuestionRule {
  id: string;
  pattern: RegExp;
  asks: (m: RegExpExecArray) => WhoAsks | null;
  reason: string;
}

const VERBISH = new Set(["Verb", "PastTense", "PresentTense", "Infinitive", "Participle", "Gerund"]);
const looksLikeVerb = (word: string) =>
  VERBISH.has(lexiconTag(word.toLowerCase()) ?? "") || /(?:ed|en)$/i.test(word);
const particleOf = (word: string | undefined) =>
  word && COMPOUND_PARTICLES.has(word.toLowerCase()) ? word.toLowerCase() : undefined;
const SUBJECT_PRONOUN = /^(he|she|they|it|we|you|i)$/i;
/** `for` in `Who did she work for?` or `… for in 2019?`: a preposition with no object of its own. */
const strandedPreposition = (word: string | undefined, next: string | undefined) =>
  word &&
  STRANDED_PREPOSITIONS.has(word.toLowerCase()) &&
  (next === undefined || ADJUNCT_OPENERS.has(next.toLowerCase()))
    ? word.toLowerCase()
    : undefined;

export const WHO_QUESTION_RULES: readonly WhoQuestionRule[] = [
  {
    id: "who-said",
    pattern:
      /^\s*(?:who|whom)\s+(?:said|says|told|tells|has said|had said|stated|warned|claimed|argued|insisted|added|remarked)\b|\baccording to whom\b/i,
    asks: () => ({ kind: "speaker" }),
    reason: "`Who said …?` asks for the speaker of a quote or statement, from the attributions",
  },
  {
    id: "who-was-verbed",
    pattern:
      /^\s*(?:who|whom)\s+(?:was|were|is|are|has been|have been|had been|got|gets|will be)\s+([\p{L}-]+)(?:\s+([\p{L}]+))?/iu,
    asks: (m) =>
      looksLikeVerb(m[1] as string)
        ? { kind: "patient", verb: (m[1] as string).toLowerCase(), particle: particleOf(m[2]) }
        : null,
    reason:
      "`Who was killed?` asks who it was done to: the subject of a passive, the object of an active verb",
  },
  {
    id: "who-did-x-verb-preposition",
    pattern:
      /^\s*[Ww]ho(?:m)?\s+(?:did|does|do|will|would|could|can|should|has|have|had)\s+((?:the\s+)?[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s+([\p{L}-]+)\s+([\p{L}]+)(?:\s*[?.!]*\s*$|\s+([\p{L}]+))/u,
    asks: (m) => {
      const preposition = strandedPreposition(m[3], m[4]);
      return preposition && (SUBJECT_PRONOUN.test(m[1] as string) || /^\p{Lu}|^the\s/u.test(m[1] as string))
        ? { kind: "patient", verb: (m[2] as string).toLowerCase(), particle: undefined, preposition }
        : null;
    },
    reason: "`Who did she work for?` asks for the object of the preposition left at the end",
  },
  {
    id: "who-did-x-verb",
    pattern:
      /^\s*[Ww]ho(?:m)?\s+(?:did|does|do|will|would|could|can|should|has|have|had)\s+((?:the\s+)?[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s+([\p{L}-]+)(?:\s+([\p{L}]+))?/u,
    asks: (m) =>
      SUBJECT_PRONOUN.test(m[1] as string) || /^\p{Lu}|^the\s/u.test(m[1] as string)
        ? { kind: "patient", verb: (m[2] as string).toLowerCase(), particle: particleOf(m[3]) }
        : null,
    reason: "`Who did he cut off?` asks for the object of the verb",
  },
  {
    id: "who-verbed",
    pattern: /^\s*who\s+([\p{L}-]+)(?:\s+([\p{L}]+))?/iu,
    asks: (m) =>
      looksLikeVerb(m[1] as string) && !/^(is|was|are|were|has|have|had|did|does|do)$/i.test(m[1] as string)
        ? { kind: "agent", verb: (m[1] as string).toLowerCase(), particle: particleOf(m[2]) }
        : null,
    reason:
      "`Who killed the officer?` asks for who did it: the subject of an active verb, the agent of a passive",
  },
];

export function whoAsks(question: string): WhoAsks {
  for (const rule of WHO_QUESTION_RULES) {
    const m = rule.pattern.exec(question);
    const asks = m && rule.asks(m);
    if (asks) return asks;
  }
  return { kind: "any" };
}
