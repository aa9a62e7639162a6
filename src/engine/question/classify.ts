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
} from "../lexicon/index.ts";
import { fired, type Rule, type RuleId } from "../rules/rule.ts";
import type { QuestionKind } from "../types.ts";

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

const clean = (s: string | undefined) => s?.trim().replace(/[?.!]+$/, "") || undefined;

/** The question's kind; `…-of-focus` also reads the noun asked about from the rule's first group. */
type QuestionAction =
  | "quote"
  | "who"
  | "when-of-focus"
  | "how-many-of-focus"
  | "how-much-of-focus"
  | "how-much"
  | "where"
  | "where-of-focus"
  | "why"
  | "how"
  | "what-of-focus"
  | "yes-no";

const focusOf = (m: RegExpExecArray) => m[1]?.toLowerCase() ?? null;

const TYPE_OF: Record<QuestionAction, (m: RegExpExecArray) => Omit<QuestionType, "rule"> | null> = {
  quote: (m) => {
    const speaker = clean(m[1]);
    const topic = clean(m[2]);
    return speaker ? { kind: "quote", focus: null, speaker, ...(topic ? { topic } : {}) } : null;
  },
  who: () => ({ kind: "who", focus: null }),
  "when-of-focus": (m) => ({ kind: "when", focus: focusOf(m) }),
  "how-many-of-focus": (m) => ({ kind: "how-many", focus: focusOf(m) }),
  "how-much-of-focus": (m) => ({ kind: "how-much", focus: focusOf(m) }),
  "how-much": () => ({ kind: "how-much", focus: null }),
  where: () => ({ kind: "where", focus: null }),
  "where-of-focus": (m) => ({ kind: "where", focus: focusOf(m) }),
  why: () => ({ kind: "why", focus: null }),
  how: () => ({ kind: "how", focus: null }),
  "what-of-focus": (m) => ({ kind: "what", focus: focusOf(m) }),
  "yes-no": () => ({ kind: "yes-no", focus: null }),
};

export const QUESTION_TYPE_RULES = [
  {
    id: "quote-said-about",
    match: regex(
      "i",
    )`^\s*what\s+${QUOTE_QUESTION_AUXILIARIES}\s+((?:\S+\s+){0,4}?\S+)\s+${QUOTE_VERBS}(?:\s+${TOPIC_PREPOSITIONS}\s+(.+?))?\s*\??\s*$`,
    action: "quote",
    example: "What did Ms Okafor say about the ferry fares?",
    reason:
      "`What did Ms Vale say about the budget?` asks for her words: the quotes of that speaker on that topic",
  },
  {
    id: "who-word",
    match: regex("i")`\b${PERSON_QUESTION_WORDS}\b`,
    action: "who",
    example: "Whose boat sank near the pier?",
    reason: "`who`, `whom`, `whose` ask for a person or organisation",
  },
  {
    id: "when-word",
    match: regex(
      "i",
    )`^\s*when\b|^\s*${TIME_QUESTION_PREPOSITIONS}?\s*(?:what|which)\s+(${TIME_FOCUS_NOUNS})\b`,
    action: "when-of-focus",
    example: "In what year did the mill close?",
    reason: "`When …?`, `In what year …?` ask for a date",
  },
  {
    id: "how-many",
    match: /\bhow\s+many\s+([\p{L}-]+)?/iu,
    action: "how-many-of-focus",
    example: "How many lanterns were lit?",
    reason: "`How many officers …?` asks for a count",
  },
  {
    id: "how-much",
    match: /\bhow\s+much\s+([\p{L}-]+)?/iu,
    action: "how-much-of-focus",
    example: "How much did the pump cost?",
    reason: "`How much money …?` asks for an amount",
  },
  {
    id: "how-measure",
    match: regex("i")`\bhow\s+(${MEASURE_ADJECTIVES})\b`,
    action: "how-much-of-focus",
    example: "How long is the footbridge?",
    reason: "`How long …?`, `How old …?` ask for a measure: a number with its unit",
  },
  {
    id: "what-amount",
    match: regex(
      "iu",
    )`\b(?:what|which)\s+(?:${BE_FORMS}\s+(?:the\s+)?)?(?:\p{L}+\s+)?(${AMOUNT_FOCUS_NOUNS})\b`,
    action: "how-much-of-focus",
    example: "What percentage of voters backed the plan?",
    reason: "`What percentage …?`, `What was the population …?` ask for an amount",
  },
  {
    id: "what-sum",
    // Not `What did the council pay for?` (the thing bought) nor `What did they spend time on?`.
    match: regex(
      "iu",
    )`^\s*what\s+${SUM_QUESTION_AUXILIARIES}\s+(?:[\p{L}'’-]+\s+){1,4}?${PAYMENT_VERBS}\b(?!.*\b${PAID_FOR_PREPOSITIONS}\s*\?\s*$)`,
    action: "how-much",
    example: "What does the grid operator pay for each unit of power?",
    reason:
      "`What does a ticket cost?`, `What does the grid operator pay for each unit?` ask for a sum of money",
  },
  {
    id: "where-word",
    match: regex("i")`^\s*(?:from\s+)?where\b|\bwhere\s+${AUXILIARIES}\b`,
    action: "where",
    example: "Where did the choir rehearse?",
    reason: "`Where …?` asks for a place",
  },
  {
    id: "what-place",
    match: regex("iu")`\b(?:what|which)\s+(?:\p{L}+\s+)?(${PLACE_FOCUS_NOUNS})\b`,
    action: "where-of-focus",
    example: "In which town did the choir rehearse?",
    reason: "`In what city …?`, `Which country …?` ask for a place",
  },
  {
    id: "why-word",
    match: regex(
      "i",
    )`^\s*why\b|\bwhy\s+${AUXILIARIES}\b|\bfor\s+what\s+reason\b|\bwhat\s+${BE_FORMS}\s+the\s+${CAUSE_NOUNS}s?\b`,
    action: "why",
    example: "Why was the ferry cancelled?",
    reason: "`Why …?`, `For what reason …?` ask for a cause",
  },
  {
    id: "how-word",
    match: regex("i")`^\s*how\b|\bhow\s+${AUXILIARIES}\b`,
    action: "how",
    example: "How did the crew reach the yacht?",
    reason: "`How did the crew reach the ship?` asks for a manner or means",
  },
  {
    id: "what-which",
    match: regex("iu")`\b(?:what|which)\b(?:\s+(?:${KIND_NOUNS}\s+of\s+)?([\p{L}-]+))?`,
    action: "what-of-focus",
    example: "Which bridge reopened?",
    reason: "`What did the council approve?`, `Which bridge …?` ask for a thing, an act or a name",
  },
  {
    id: "yes-no",
    match: regex("i")`^\s*(?:${AUXILIARIES}|${NEGATED_AUXILIARIES})\b`,
    action: "yes-no",
    example: "Did the bridge reopen?",
    reason: "a question opened by an auxiliary verb (`Did the bridge reopen?`) asks whether something is so",
  },
] as const satisfies readonly Rule<string, QuestionAction>[];

export type QuestionTypeRuleId = RuleId<typeof QUESTION_TYPE_RULES>;

/** Words of the question that cannot be its focus noun (`What did …`, `Which of …`). */
const NOT_FOCUS = regex("i")`^${NOT_FOCUS_WORDS}$`;

/** The question's type (a bare phrase with no question word asks `what` the article says about it). */
export function classifyQuestion(question: string): QuestionType {
  for (const hit of fired(QUESTION_TYPE_RULES, question)) {
    const found = TYPE_OF[hit.action](hit.match);
    if (!found) continue;
    const focus = found.focus && !NOT_FOCUS.test(found.focus) ? found.focus : null;
    return { ...found, focus, rule: hit.id };
  }
  return { kind: "what", focus: null, rule: "default" };
}
