// What kind of answer a question asks for, and so which answer path takes it. Named rules, the first that
// matches wins; tested in test/rules/question-types.test.ts.
import {
  AMOUNT_FOCUS_NOUNS,
  AUXILIARIES,
  BE_FORMS,
  CAUSE_NOUNS,
  KIND_NOUNS,
  MEASURE_ADJECTIVES,
  NEGATED_AUXILIARIES,
  NOT_FOCUS_WORDS,
  PAID_FOR_PREPOSITIONS,
  PAYMENT_VERBS,
  PERSON_QUESTION_WORDS,
  PLACE_FOCUS_NOUNS,
  QUOTE_QUESTION_AUXILIARIES,
  QUOTE_VERBS,
  regex,
  SUM_QUESTION_AUXILIARIES,
  TIME_FOCUS_NOUNS,
  TIME_QUESTION_PREPOSITIONS,
  TOPIC_PREPOSITIONS,
} from "../../lexicon/index.ts";
import type { QuestionKind } from "../../types.ts";

export type { QuestionKind };

export interface QuestionType {
  kind: QuestionKind;
  /** The rule that decided (`default` when none did). */
  rule: QuestionTypeRuleId | "default";
  /** The noun the question asks about (`How many *officers* …`), when it names one. */
  focus: string | null;
  /** For a quote-seeking question: whose words, and about what. */
  speaker?: string;
  topic?: string;
}

interface QuestionTypeRule {
  id: string;
  pattern: RegExp;
  action: (m: RegExpExecArray) => Omit<QuestionType, "rule"> | null;
  reason: string;
}

const clean = (s: string | undefined) => s?.trim().replace(/[?.!]+$/, "") || undefined;

export const QUESTION_TYPE_RULES = [
  {
    id: "quote-said-about",
    pattern: regex(
      "i",
    )`^\s*what\s+${QUOTE_QUESTION_AUXILIARIES}\s+((?:\S+\s+){0,4}?\S+)\s+${QUOTE_VERBS}(?:\s+${TOPIC_PREPOSITIONS}\s+(.+?))?\s*\??\s*$`,
    action: (m) => {
      const speaker = clean(m[1]);
      const topic = clean(m[2]);
      return speaker ? { kind: "quote", focus: null, speaker, ...(topic ? { topic } : {}) } : null;
    },
    reason:
      "`What did Ms Vale say about the budget?` asks for her words: the quotes of that speaker on that topic",
  },
  {
    id: "who-word",
    pattern: regex("i")`\b${PERSON_QUESTION_WORDS}\b`,
    action: () => ({ kind: "who", focus: null }),
    reason: "`who`, `whom`, `whose` ask for a person or organisation",
  },
  {
    id: "when-word",
    pattern: regex(
      "i",
    )`^\s*when\b|^\s*${TIME_QUESTION_PREPOSITIONS}?\s*(?:what|which)\s+(${TIME_FOCUS_NOUNS})\b`,
    action: (m) => ({ kind: "when", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`When …?`, `In what year …?` ask for a date",
  },
  {
    id: "how-many",
    pattern: /\bhow\s+many\s+([\p{L}-]+)?/iu,
    action: (m) => ({ kind: "how-many", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`How many officers …?` asks for a count",
  },
  {
    id: "how-much",
    pattern: /\bhow\s+much\s+([\p{L}-]+)?/iu,
    action: (m) => ({ kind: "how-much", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`How much money …?` asks for an amount",
  },
  {
    id: "how-measure",
    pattern: regex("i")`\bhow\s+(${MEASURE_ADJECTIVES})\b`,
    action: (m) => ({ kind: "how-much", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`How long …?`, `How old …?` ask for a measure: a number with its unit",
  },
  {
    id: "what-amount",
    pattern: regex(
      "iu",
    )`\b(?:what|which)\s+(?:${BE_FORMS}\s+(?:the\s+)?)?(?:\p{L}+\s+)?(${AMOUNT_FOCUS_NOUNS})\b`,
    action: (m) => ({ kind: "how-much", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`What percentage …?`, `What was the population …?` ask for an amount",
  },
  {
    id: "what-sum",
    // Not `What did the council pay for?` (the thing bought) nor `What did they spend time on?`.
    pattern: regex(
      "iu",
    )`^\s*what\s+${SUM_QUESTION_AUXILIARIES}\s+(?:[\p{L}'’-]+\s+){1,4}?${PAYMENT_VERBS}\b(?!.*\b${PAID_FOR_PREPOSITIONS}\s*\?\s*$)`,
    action: () => ({ kind: "how-much", focus: null }),
    reason:
      "`What does a ticket cost?`, `What does the grid operator pay for each unit?` ask for a sum of money",
  },
  {
    id: "where-word",
    pattern: regex("i")`^\s*(?:from\s+)?where\b|\bwhere\s+${AUXILIARIES}\b`,
    action: () => ({ kind: "where", focus: null }),
    reason: "`Where …?` asks for a place",
  },
  {
    id: "what-place",
    pattern: regex("iu")`\b(?:what|which)\s+(?:\p{L}+\s+)?(${PLACE_FOCUS_NOUNS})\b`,
    action: (m) => ({ kind: "where", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`In what city …?`, `Which country …?` ask for a place",
  },
  {
    id: "why-word",
    pattern: regex(
      "i",
    )`^\s*why\b|\bwhy\s+${AUXILIARIES}\b|\bfor\s+what\s+reason\b|\bwhat\s+${BE_FORMS}\s+the\s+${CAUSE_NOUNS}s?\b`,
    action: () => ({ kind: "why", focus: null }),
    reason: "`Why …?`, `For what reason …?` ask for a cause",
  },
  {
    id: "how-word",
    pattern: regex("i")`^\s*how\b|\bhow\s+${AUXILIARIES}\b`,
    action: () => ({ kind: "how", focus: null }),
    reason: "`How did the crew reach the ship?` asks for a manner or means",
  },
  {
    id: "what-which",
    pattern: regex("iu")`\b(?:what|which)\b(?:\s+(?:${KIND_NOUNS}\s+of\s+)?([\p{L}-]+))?`,
    action: (m) => ({ kind: "what", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`What did the council approve?`, `Which bridge …?` ask for a thing, an act or a name",
  },
  {
    id: "yes-no",
    pattern: regex("i")`^\s*(?:${AUXILIARIES}|${NEGATED_AUXILIARIES})\b`,
    action: () => ({ kind: "yes-no", focus: null }),
    reason: "a question opened by an auxiliary verb (`Did the bridge reopen?`) asks whether something is so",
  },
] as const satisfies readonly QuestionTypeRule[];

export type QuestionTypeRuleId = (typeof QUESTION_TYPE_RULES)[number]["id"];

/** Words of the question that cannot be its focus noun (`What did …`, `Which of …`). */
const NOT_FOCUS = regex("i")`^${NOT_FOCUS_WORDS}$`;

/** The question's type (a bare phrase with no question word asks `what` the article says about it). */
export function classifyQuestion(question: string): QuestionType {
  for (const rule of QUESTION_TYPE_RULES) {
    const m = rule.pattern.exec(question);
    const found = m && rule.action(m);
    if (!found) continue;
    const focus = found.focus && !NOT_FOCUS.test(found.focus) ? found.focus : null;
    return { ...found, focus, rule: rule.id };
  }
  return { kind: "what", focus: null, rule: "default" };
}
