// What kind of answer a question asks for, and so which answer path takes it. Named rules, the first that
// matches wins; tested in test/rules/question-types.test.ts.
import {
  AMOUNT_FOCUS_NOUNS,
  MEASURE_ADJECTIVES,
  PLACE_FOCUS_NOUNS,
  QUOTE_VERBS,
} from "../../lexicon/index.ts";

export type QuestionKind =
  | "quote"
  | "who"
  | "when"
  | "how-many"
  | "how-much"
  | "where"
  | "why"
  | "how"
  | "yes-no"
  | "what";

export interface QuestionType {
  kind: QuestionKind;
  /** The rule that decided. */
  rule: string;
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

const alternatives = (words: ReadonlySet<string>) => [...words].join("|");
const clean = (s: string | undefined) => s?.trim().replace(/[?.!]+$/, "") || undefined;

export const QUESTION_TYPE_RULES: readonly QuestionTypeRule[] = [
  {
    id: "quote-said-about",
    pattern: new RegExp(
      `^\\s*what\\s+(?:did|does|has|had|do)\\s+((?:\\S+\\s+){0,4}?\\S+)\\s+(?:${alternatives(QUOTE_VERBS)})(?:\\s+(?:about|of|on|regarding)\\s+(.+?))?\\s*\\??\\s*$`,
      "i",
    ),
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
    pattern: /\b(?:who|whom|whose)\b/i,
    action: () => ({ kind: "who", focus: null }),
    reason: "`who`, `whom`, `whose` ask for a person or organisation",
  },
  {
    id: "when-word",
    pattern:
      /^\s*when\b|^\s*(?:in|on|by|during|since|until)?\s*(?:what|which)\s+(year|years|date|day|month|century|decade|season|time|era|period)\b/i,
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
    pattern: new RegExp(`\\bhow\\s+(${alternatives(MEASURE_ADJECTIVES)})\\b`, "i"),
    action: (m) => ({ kind: "how-much", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`How long …?`, `How old …?` ask for a measure: a number with its unit",
  },
  {
    id: "what-amount",
    pattern: new RegExp(
      `\\b(?:what|which)\\s+(?:(?:is|was|were|are)\\s+(?:the\\s+)?)?(?:\\p{L}+\\s+)?(${alternatives(AMOUNT_FOCUS_NOUNS)})\\b`,
      "iu",
    ),
    action: (m) => ({ kind: "how-much", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`What percentage …?`, `What was the population …?` ask for an amount",
  },
  {
    id: "what-sum",
    // Not `What did the council pay for?` (the thing bought) nor `What did they spend time on?`.
    pattern:
      /^\s*what\s+(?:does|did|do|will|would|could)\s+(?:[\p{L}'’-]+\s+){1,4}?(?:pay|pays|cost|costs|charge|charges|earn|earns)\b(?!.*\b(?:for|on|to)\s*\?\s*$)/iu,
    action: () => ({ kind: "how-much", focus: null }),
    reason:
      "`What does a ticket cost?`, `What does the grid operator pay for each unit?` ask for a sum of money",
  },
  {
    id: "where-word",
    pattern: /^\s*(?:from\s+)?where\b|\bwhere\s+(?:is|was|are|were|did|does|do|has|have|had|can|will)\b/i,
    action: () => ({ kind: "where", focus: null }),
    reason: "`Where …?` asks for a place",
  },
  {
    id: "what-place",
    pattern: new RegExp(`\\b(?:what|which)\\s+(?:\\p{L}+\\s+)?(${alternatives(PLACE_FOCUS_NOUNS)})\\b`, "iu"),
    action: (m) => ({ kind: "where", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`In what city …?`, `Which country …?` ask for a place",
  },
  {
    id: "why-word",
    pattern:
      /^\s*why\b|\bwhy\s+(?:did|does|do|is|was|were|are|has|have|had|would|will|should)\b|\bfor\s+what\s+reason\b|\bwhat\s+(?:was|is|were)\s+the\s+(?:reason|cause|motive)s?\b/i,
    action: () => ({ kind: "why", focus: null }),
    reason: "`Why …?`, `For what reason …?` ask for a cause",
  },
  {
    id: "how-word",
    pattern: /^\s*how\b|\bhow\s+(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would)\b/i,
    action: () => ({ kind: "how", focus: null }),
    reason: "`How did the crew reach the ship?` asks for a manner or means",
  },
  {
    id: "what-which",
    pattern: /\b(?:what|which)\b(?:\s+(?:(?:kind|type|sort|form)\s+of\s+)?([\p{L}-]+))?/iu,
    action: (m) => ({ kind: "what", focus: m[1]?.toLowerCase() ?? null }),
    reason: "`What did the council approve?`, `Which bridge …?` ask for a thing, an act or a name",
  },
  {
    id: "yes-no",
    pattern:
      /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must|isn't|aren't|wasn't|weren't|didn't|doesn't|don't|hasn't|haven't)\b/i,
    action: () => ({ kind: "yes-no", focus: null }),
    reason: "a question opened by an auxiliary verb (`Did the bridge reopen?`) asks whether something is so",
  },
];

/** Words of the question that cannot be its focus noun (`What did …`, `Which of …`). */
const NOT_FOCUS =
  /^(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|of|the|a|an|to|in|on|for|kind|type|sort|it|he|she|they|this|that|these|those)$/i;

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
