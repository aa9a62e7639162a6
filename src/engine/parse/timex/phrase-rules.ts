// Date phrases the chrono and pattern rules leave out (an undated text keeps only what carries its own year):
// years, decades, centuries, month-and-day dates. The timex module's last reading, for comparing dates
// (`calendarDates` in src/engine/parse/timex.ts). Named rules, tested in test/rules/question-dates.test.ts. Each gives
// a TIMEX3-style value where one follows from the words alone.

import {
  anyOf,
  DATE_PHRASE_LEADS,
  MEASURE_NOUNS,
  MONTH_NAMES,
  monthNumber,
  ORDINAL_SUFFIXES,
  PERIOD_STAGES,
  regex,
} from "../../lexicon/index.ts";
import { group } from "../../match.ts";
import { firedEverywhere, type Rule, type RuleId } from "../../rules/rule.ts";
import type { Span } from "../../types.ts";

export interface DatePhrase extends Span {
  text: string;
  value: string;
  rule: DatePhraseRuleId;
}

const MONTH = `(${anyOf(MONTH_NAMES)})`;
const monthDigits = (name: string) => String(monthNumber(name)).padStart(2, "0");
const ORDINAL_CENTURY = regex()`^(\d{1,2})${ORDINAL_SUFFIXES}$`;

/** How a date-phrase rule writes the value of its match. */
type DatePhraseAction = "month-day-year" | "day-month-year" | "month-year" | "century" | "decade" | "year";

const VALUE: Record<DatePhraseAction, (m: RegExpExecArray) => string> = {
  "month-day-year": (m) => `${m[3]}-${monthDigits(group(m, 1))}-${group(m, 2).padStart(2, "0")}`,
  "day-month-year": (m) => `${m[3]}-${monthDigits(group(m, 2))}-${group(m, 1).padStart(2, "0")}`,
  "month-year": (m) => `${m[2]}-${monthDigits(group(m, 1))}`,
  century: (m) => String(Number(ORDINAL_CENTURY.exec(group(m, 1))?.[1]) - 1).padStart(2, "0"),
  decade: (m) => `${m[1]}${m[2]}`,
  year: (m) => group(m, 1).padStart(4, "0"),
};

export const DATE_PHRASE_RULES = [
  {
    id: "month-day-year",
    match: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "g"),
    action: "month-day-year",
    example: "the harbour froze on March 4, 1947",
    reason: "`June 3, 2011` is a full date",
  },
  {
    id: "day-month-year",
    match: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, "g"),
    action: "day-month-year",
    example: "the harbour froze on 4 March 1947",
    reason: "`3 June 2011` is a full date",
  },
  {
    id: "month-year",
    match: new RegExp(`\\b${MONTH},?\\s+(\\d{4})\\b`, "g"),
    action: "month-year",
    example: "the harbour froze in March 1947",
    reason: "`October 1957` is a month",
  },
  {
    id: "century",
    match: regex("gi")`\b(?:${PERIOD_STAGES}[- ])?(\d{1,2}${ORDINAL_SUFFIXES})[- ]centur(?:y|ies)\b`,
    action: "century",
    example: "a chapel from the 14th century",
    reason: "`the 12th century` is the century 11xx",
  },
  {
    id: "decade",
    match: /\b(1\d|20)(\d)0s\b/g,
    action: "decade",
    example: "a chapel rebuilt in the 1880s",
    reason: "`the 1990s` is the decade 199x",
  },
  {
    id: "year-after-preposition",
    // A three-digit number that a plural noun follows counts things (`after 412 panels`, `by 250 votes`).
    match: regex(
      "gi",
    )`\b(?:${DATE_PHRASE_LEADS}|c\.)\s+(\d{4}|\d{3}(?!\s+[a-z]+s\b))\b(?![-–.,]?\d|\s*(?:%|${MEASURE_NOUNS}))`,
    action: "year",
    example: "the mill has stood since 1832",
    reason:
      "`in 1066`, `since 911`: a preposition before a number of three or four digits makes it a year, unless a plural noun follows a three-digit one",
  },
  {
    id: "bare-year",
    match: /(?<![\d.,$£€])\b(1[0-9]{3}|20[0-9]{2})\b(?![-–.,]?\d|\s*(?:%|percent))/g,
    action: "year",
    example: "The 1832 mill still grinds flour",
    reason: "a number from 1000 to 2099 standing alone is most often a year in news prose",
  },
] as const satisfies readonly Rule<string, DatePhraseAction>[];

export type DatePhraseRuleId = RuleId<typeof DATE_PHRASE_RULES>;

/** The date phrases of a text (offsets relative to `base`), the first rule winning where two overlap. */
export function datePhrases(text: string, base = 0): DatePhrase[] {
  const found: DatePhrase[] = [];
  for (const { id, action, match: m } of firedEverywhere(DATE_PHRASE_RULES, text)) {
    const start = base + m.index;
    const end = start + m[0].length;
    if (found.some((f) => f.start < end && f.end > start)) continue;
    found.push({ start, end, text: m[0], value: VALUE[action](m), rule: id });
  }
  return found.sort((a, z) => a.start - z.start);
}
