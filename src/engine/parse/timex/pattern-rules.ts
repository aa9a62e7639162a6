// Temporal expressions chrono-node misreads or leaves out, as named rules over the article text.
// `over-chrono` rules win where they overlap a chrono result (chrono reads `the year-ago period` as next
// year); `after-chrono` rules only fill the gaps chrono leaves (bare years, decades, sets, `recently`).

import {
  anyOf,
  COMING_SPANS,
  COUNTED_NOUNS,
  CURRENT_DETERMINERS,
  DAY_PART_DAYS,
  DAY_PART_MODIFIERS,
  DAYTIME_PARTS,
  DECADE_WORDS,
  DIGIT_WORDS,
  FISCAL_YEAR_ENDINGS,
  HALF_ORDINALS,
  LAST_THIS_NEXT,
  MAY_VERB_FOLLOWERS,
  MONTH_PREPOSITIONS,
  NEAR_DETERMINERS,
  NOT_PRESENT_FOLLOWERS,
  NOT_THIS_YEAR_FOLLOWERS,
  OFFSET_WORDS,
  ORDINAL_SUFFIXES,
  PARTS_OF_DAY,
  PAST_WORDS,
  PERIOD_PART_DETERMINERS,
  PERIOD_PARTS,
  PERIOD_STAGES,
  PERIOD_UNITS,
  PRESENT_WORDS,
  RECENT_SPANS,
  RECURRENCE_UNITS,
  regex,
  SEASON_DETERMINERS,
  SEASON_WORDS,
  TEEN_WORDS,
  TENS_WORDS,
  UNIT_CODES,
  WEEK_MONTH_QUARTER,
  WEEKDAY_NAMES,
  wordsValue,
  YEAR_LEAD_WORDS,
  YEAR_REFERENCES,
} from "../../lexicon/index.ts";
import {
  MONTH_PATTERN,
  monthNumber,
  ORDINALS,
  RELATIVE_SHIFT,
  SEASON_CODES,
  weekdayNumber,
} from "../../lexicon/time.ts";
import { defined, group } from "../../match.ts";
import type { Rule, RuleId } from "../../rules/rule.ts";
import { isoDay, isoWeek, pad } from "../dates.ts";
import {
  AMOUNT,
  type Anchor,
  againstAnchor,
  durationValue,
  FUTURE,
  lastEndedQuarter,
  monthValue,
  quarterOf,
  type Reading,
  resolvedAs,
  UNIT,
  yearOfMonth,
} from "./reading.ts";

/** A preposition right before a month: `in May`. */
const MONTH_PREPOSITION_BEFORE = regex()`\b${MONTH_PREPOSITIONS}\s$`;

export interface PatternContext {
  anchor: Anchor | null;
  /** The article reports by quarter (it says `quarter` more than once). */
  quarterly: boolean;
  /** The text around a match: its clause's tense. */
  around: string;
}

/** Before chrono reads the text (its expressions are taken first), or after (only what chrono left). */
export type PatternStage = "over-chrono" | "after-chrono";

/** Reads one occurrence of a rule's pattern (global, so every occurrence is found) as a value, or null. */
type PatternReader = (match: RegExpExecArray, context: PatternContext) => Reading | null;

const ORDINAL = `(${anyOf(Object.keys(ORDINALS).filter((w) => w !== "last"))})`;
const ordinal = (word: string | undefined) => (word ? ORDINALS[word.toLowerCase()] : undefined);

/** The previous year's reporting quarter, or the given quarter of last year. */
const yearAgoQuarter = (anchor: Anchor | null, quarter: number | undefined): Reading =>
  againstAnchor(
    anchor,
    "DATE",
    (a) => {
      const last = lastEndedQuarter(a);
      return quarter ? `${a.year - 1}-Q${quarter}` : `${last.year - 1}-Q${last.quarter}`;
    },
    `XXXX-Q${quarter ?? "X"}`,
  );

const TWO_DIGITS = `(?:${anyOf(TENS_WORDS)}(?:[- ]${anyOf(DIGIT_WORDS)})?|${anyOf(TEEN_WORDS)})`;

/** `ninety-seven` → 97. */
const twoDigits = (words: string): number => wordsValue(words) ?? 0;

const PRESENT_REF: Reading = { type: "DATE", value: "PRESENT_REF", resolved: true };
const PAST_REF: Reading = { type: "DATE", value: "PAST_REF", resolved: true };
const FUTURE_REF: Reading = { type: "DATE", value: "FUTURE_REF", resolved: true };

/** What each rule reads a match as: its action names one of these. */
const READ_PATTERN = {
  "spelled-year": (m) => {
    const year = m[2]
      ? (m[2].toLowerCase() === "nineteen" ? 1900 : 1800) + twoDigits(group(m, 3))
      : 2000 + (m[4] ? twoDigits(m[4]) : 0);
    const month = m[1] ? monthNumber(m[1]) : undefined;
    return resolvedAs("DATE", month ? monthValue(year, month) : String(year));
  },
  "month-of-relative-year": (m, { anchor }) => {
    const month = defined(monthNumber(group(m, 1)), "month");
    const shift = defined(RELATIVE_SHIFT[group(m, 2).toLowerCase()], "shift");
    return againstAnchor(anchor, "DATE", (a) => monthValue(a.year + shift, month), `XXXX-${pad(month)}`);
  },
  "year-ago-period": (m, { anchor }) => yearAgoQuarter(anchor, ordinal(m[1])),
  "relative-year-quarter": (m, { anchor }) => {
    const shift = defined(RELATIVE_SHIFT[group(m, 1).toLowerCase()], "shift");
    const quarter = ordinal(m[2]);
    return againstAnchor(
      anchor,
      "DATE",
      (a) => `${a.year + shift}-Q${quarter ?? lastEndedQuarter(a).quarter}`,
      `XXXX-Q${quarter ?? "X"}`,
    );
  },
  "year-quarter": (m, { anchor }) => {
    const quarter = ordinal(m[2]) ?? (anchor ? lastEndedQuarter(anchor).quarter : undefined);
    return quarter
      ? resolvedAs("DATE", `${m[1]}-Q${quarter}`)
      : { type: "DATE", value: `${m[1]}-QX`, resolved: false };
  },
  "half-year": (m, { anchor }) => {
    const half = /first/i.test(group(m, 1)) ? 1 : 2;
    const which = group(m, 2).toLowerCase();
    if (/^\d/.test(which)) return resolvedAs("DATE", `${which}-H${half}`);
    const shift = which.startsWith("next") ? 1 : which.startsWith("last") ? -1 : 0;
    return againstAnchor(anchor, "DATE", (a) => `${a.year + shift}-H${half}`, `XXXX-H${half}`);
  },
  "current-period": (m, { anchor }) => {
    const unit = group(m, 1).toLowerCase();
    return againstAnchor(
      anchor,
      "DATE",
      (a) =>
        unit === "year"
          ? String(a.year)
          : unit === "quarter"
            ? `${a.year}-Q${quarterOf(a.month)}`
            : unit === "month"
              ? monthValue(a.year, a.month)
              : "PRESENT_REF",
      "XXXX",
    );
  },
  "year-ended": () => resolvedAs("DURATION", "P1Y"),
  "the-year": (_, { anchor }) => againstAnchor(anchor, "DATE", (a) => String(a.year), "XXXX"),
  "part-of-period": (m, { anchor, around }) => {
    if (m[3]) {
      const month = defined(monthNumber(m[3]), "month");
      if (m[4]) return resolvedAs("DATE", monthValue(Number(m[4]), month));
      return againstAnchor(
        anchor,
        "DATE",
        (a) => monthValue(yearOfMonth(month, a, "", around), month),
        `XXXX-${pad(month)}`,
      );
    }
    const which = group(m, 1).toLowerCase();
    const unit = group(m, 2).toLowerCase();
    const shift = which === "last" ? -1 : which === "next" ? 1 : 0;
    return againstAnchor(
      anchor,
      "DATE",
      (a) => {
        if (unit === "week") return isoWeek(new Date(a.date.getTime() + shift * 7 * 86_400_000));
        if (unit === "quarter") {
          const q = quarterOf(a.month) - 1 + shift;
          return `${a.year + Math.floor(q / 4)}-Q${(((q % 4) + 4) % 4) + 1}`;
        }
        const month = a.month - 1 + shift;
        return monthValue(a.year + Math.floor(month / 12), (((month % 12) + 12) % 12) + 1);
      },
      unit === "week" ? "XXXX-WXX" : unit === "quarter" ? "XXXX-QX" : "XXXX-XX",
    );
  },
  "part-of-this-day": (m, { anchor }) => {
    const part = defined(PARTS_OF_DAY[group(m, 2, 3).toLowerCase()], "part of the day");
    const shift = /yesterday/i.test(m[1] ?? "") ? -1 : /tomorrow/i.test(m[1] ?? "") ? 1 : 0;
    return againstAnchor(
      anchor,
      "TIME",
      (a) => `${isoDay(new Date(a.date.getTime() + shift * 86_400_000))}T${part}`,
      `XXXX-XX-XXT${part}`,
    );
  },
  "the-season": (m, { anchor, around }) => {
    const code = defined(SEASON_CODES[group(m, 1).toLowerCase()], "season code");
    const starts = { SP: 3, SU: 6, FA: 9, WI: 12 }[code];
    return againstAnchor(
      anchor,
      "DATE",
      (a) => `${starts <= a.month || FUTURE.test(around) ? a.year : a.year - 1}-${code}`,
      `XXXX-${code}`,
    );
  },
  century: (m) => resolvedAs("DATE", pad(Number(m[1]) - 1)),
  "spelled-decade": (m, { anchor }) => {
    const decade = DECADE_WORDS.indexOf(group(m, 1).toLowerCase()) + 2;
    const century = anchor && anchor.year >= 2000 + decade * 10 ? 20 : 19;
    return /^the\s/i.test(m[0]) ? resolvedAs("DATE", `${century}${decade}`) : null;
  },
  "month-may": (m, { anchor, around }) =>
    againstAnchor(
      anchor,
      "DATE",
      (a) => monthValue(yearOfMonth(5, a, (m[1] ?? "").toLowerCase(), around), 5),
      "XXXX-05",
    ),
  "month-may-after-preposition": (m, { anchor, around }) => {
    if (!MONTH_PREPOSITION_BEFORE.test(m.input.slice(Math.max(0, m.index - 7), m.index))) return null;
    return againstAnchor(anchor, "DATE", (a) => monthValue(yearOfMonth(5, a, "", around), 5), "XXXX-05");
  },
  decade: (m, { anchor }) => {
    if (m[1]) return resolvedAs("DATE", m[1]);
    const century = anchor ? Math.floor(anchor.year / 100) : 19;
    return resolvedAs("DATE", `${century}${m[2]}`);
  },
  "ordinal-quarter": (m, { anchor }) => {
    const quarter = defined(ordinal(m[1]), "quarter");
    if (m[2]) return resolvedAs("DATE", `${m[2]}-Q${quarter}`);
    return againstAnchor(
      anchor,
      "DATE",
      (a) => `${a.year - (quarter > quarterOf(a.month) ? 1 : 0)}-Q${quarter}`,
      `XXXX-Q${quarter}`,
    );
  },
  "reporting-quarter": (m, { anchor, quarterly }) => {
    if (/period/i.test(m[0]) && !quarterly) return null;
    return againstAnchor(
      anchor,
      "DATE",
      (a) => {
        const { year, quarter } = lastEndedQuarter(a);
        return `${year}-Q${quarter}`;
      },
      "XXXX-QX",
    );
  },
  "bare-year": (m) => resolvedAs("DATE", group(m, 1, 2)),
  "span-of-time": (m) => {
    // `three-quarters of the budget` is a fraction.
    if (
      /^quarter/i.test(group(m, 2)) &&
      /^\s+of\b(?!\s+(?:19|20)\d{2})/.test(m.input.slice(m.index + m[0].length))
    )
      return null;
    // `€40,000 a year`, `twice a day` are rates, not spans.
    if (
      /^an?$/i.test(group(m, 1).trim()) &&
      /\d|twice|times/i.test(m.input.slice(Math.max(0, m.index - 16), m.index))
    )
      return null;
    return resolvedAs("DURATION", durationValue(group(m, 1), group(m, 2)));
  },
  "set-every-weekday-or-month": (m) => {
    const word = group(m, 1);
    const weekday = weekdayNumber(word);
    if (weekday !== undefined) return resolvedAs("SET", `XXXX-WXX-${weekday === 0 ? 7 : weekday}`);
    return resolvedAs("SET", `XXXX-${pad(defined(monthNumber(word), "month"))}`);
  },
  "set-every-unit": (m) => {
    const code = UNIT_CODES[group(m, 1).toLowerCase()]?.code;
    return code ? resolvedAs("SET", `P1${code}`) : null;
  },
  present: () => PRESENT_REF,
  "recent-units": () => PAST_REF,
  season: (m, { anchor }) => {
    const code = defined(SEASON_CODES[group(m, 2).toLowerCase()], "season code");
    const which = group(m, 1).toLowerCase();
    const shift = which === "last" || which === "past" ? -1 : which === "next" ? 1 : 0;
    return againstAnchor(anchor, "DATE", (a) => `${a.year + shift}-${code}`, `XXXX-${code}`);
  },
  past: () => PAST_REF,
  future: () => FUTURE_REF,
} satisfies Record<string, PatternReader>;

type PatternAction = keyof typeof READ_PATTERN;

export const PATTERN_RULES = [
  {
    id: "spelled-year",
    stage: "over-chrono",
    match: new RegExp(
      `\\b(?:(${MONTH_PATTERN})\\s+)?(?:(nineteen|eighteen)[- ](${TWO_DIGITS})|two thousand(?:(?: and)? (${anyOf(DIGIT_WORDS)}|${anyOf(TEEN_WORDS)}))?)\\b`,
      "gi",
    ),
    action: "spelled-year",
    reason: "Broadcast transcripts spell years out: `nineteen eighty-four`, `by two thousand and six`.",
    example: "nineteen eighty-four",
  },
  {
    id: "month-of-relative-year",
    stage: "over-chrono",
    match: new RegExp(`\\b(${MONTH_PATTERN})\\s+(${anyOf(LAST_THIS_NEXT)})\\s+year\\b`, "gi"),
    action: "month-of-relative-year",
    reason: "`March last year` is one month of last year; chrono keeps only `last year`.",
    example: "March last year",
  },
  {
    id: "year-ago-period",
    stage: "over-chrono",
    match: new RegExp(
      `\\b(?:the\\s+)?(?:comparable\\s+|corresponding\\s+)?year[- ](?:ago|earlier)\\s+(?:${ORDINAL}[- ])?(?:quarter|period)\\b`,
      "gi",
    ),
    action: "year-ago-period",
    reason: "`the comparable year-ago period` in a results story is the same quarter of the year before.",
    example: "the comparable year-ago period",
  },
  {
    id: "relative-year-quarter",
    stage: "over-chrono",
    match: new RegExp(`\\b(${anyOf(LAST_THIS_NEXT)}) year's\\s+(?:${ORDINAL}[- ])?quarter\\b`, "gi"),
    action: "relative-year-quarter",
    reason:
      "`next year's third quarter`, `this year's quarter` name a quarter of a year counted from the article.",
    example: "next year's third quarter",
  },
  {
    id: "year-quarter",
    stage: "over-chrono",
    match: new RegExp(`\\bthe\\s+((?:19|20)\\d{2})\\s+(?:${ORDINAL}[- ])?(?:quarter|period)\\b`, "gi"),
    action: "year-quarter",
    reason: "`the 2023 fourth quarter`, `the 2011 period`: a quarter of the year given.",
    example: "the 2023 fourth quarter",
  },
  {
    id: "half-year",
    stage: "over-chrono",
    match: regex(
      "gi",
    )`\b(?:the\s+)?(${HALF_ORDINALS})\s+(?:half|two quarters)\s+of\s+((?:19|20)\d{2}|${YEAR_REFERENCES})\b`,
    action: "half-year",
    reason: "`the first half of 2024` is a half-year (TIMEX3 `2024-H1`).",
    example: "the first half of 2024",
  },
  {
    id: "current-period",
    stage: "over-chrono",
    match: regex("gi")`\b${CURRENT_DETERMINERS}\s+current\s+(?:fiscal\s+)?(${PERIOD_UNITS})\b`,
    action: "current-period",
    reason: "`the current quarter` is the one the article is written in.",
    example: "the current quarter",
  },
  {
    id: "year-ended",
    stage: "over-chrono",
    match: regex("gi")`\bthe\s+(?:fiscal\s+|financial\s+)?year(?=\s+${FISCAL_YEAR_ENDINGS}\b)`,
    action: "year-ended",
    reason: "`the year ended 30 September` is a twelve-month reporting span, not a calendar year.",
    example: "the year ended 30 September",
  },
  {
    id: "the-year",
    stage: "over-chrono",
    match: regex(
      "gi",
    )`\bthe\s+(?:full\s+|fiscal\s+|whole\s+)?year\b(?![-'’]|\s+${NOT_THIS_YEAR_FOLLOWERS}\b)`,
    action: "the-year",
    reason: "`a low for the year`, `later in the year`: the article's own year.",
    example: "a low for the year",
  },
  {
    id: "part-of-period",
    stage: "over-chrono",
    match: new RegExp(
      `\\bthe\\s+${anyOf(PERIOD_PARTS)}\\s+of\\s+(?:(${anyOf(PERIOD_PART_DETERMINERS)})\\s+(${anyOf(WEEK_MONTH_QUARTER)})|(${MONTH_PATTERN})(?:\\s+((?:19|20)\\d{2}))?)\\b`,
      "gi",
    ),
    action: "part-of-period",
    reason:
      "`the middle of next month`, `the start of November` fall within that period: TIMEX3 gives the period.",
    example: "the middle of next month",
  },
  {
    id: "part-of-this-day",
    stage: "over-chrono",
    match: regex(
      "gi",
    )`\b${DAY_PART_MODIFIERS}\s+(${DAY_PART_DAYS})\s+(${DAYTIME_PARTS})\b|\bmid[- ]?(morning|afternoon)\b`,
    action: "part-of-this-day",
    reason:
      "`early this evening`, `mid-morning`: a part of the article's day (TIMEX3 `…TEV`); chrono reads a plain `this evening` itself.",
    example: "early this evening",
  },
  {
    id: "the-season",
    stage: "over-chrono",
    match: regex("gi")`\b(?:over\s+|during\s+)?the\s+(?:early\s+|late\s+)?(${SEASON_WORDS})\b(?!\s+of\b)`,
    action: "the-season",
    reason:
      "`over the summer` is the latest summer (this year's once it has begun), the coming one in a future clause.",
    example: "over the summer",
  },
  {
    id: "century",
    stage: "over-chrono",
    match: regex("gi")`\b(?:the\s+)?(\d{1,2})${ORDINAL_SUFFIXES}[- ]century\b`,
    action: "century",
    reason: "`the 20th century` is TIMEX3 `19`.",
    example: "the 20th century",
  },
  {
    id: "spelled-decade",
    stage: "after-chrono",
    match: regex("gi")`\b(?:the\s+)?(${DECADE_WORDS})\b`,
    action: "spelled-decade",
    reason: "`the nineties` name a decade; a bare `nineties` is more often an age or a temperature.",
    example: "the nineties",
  },
  {
    id: "month-may",
    stage: "after-chrono",
    match: regex("g")`\b(?:(${NEAR_DETERMINERS})\s+|${PERIOD_STAGES}[- ])May\b`,
    action: "month-may",
    reason: "chrono leaves `May` alone (it is also a verb); after `last` or `early` it is the month.",
    example: "last May",
  },
  {
    id: "month-may-after-preposition",
    stage: "after-chrono",
    match: regex("g")`\bMay\b(?!\s+${MAY_VERB_FOLLOWERS}\b)`,
    action: "month-may-after-preposition",
    reason:
      "`in May`, `since May`: after a preposition of time the capitalised `May` is the month, not the verb.",
    example: "in May",
  },
  {
    id: "decade",
    stage: "after-chrono",
    match: /\b(?:the\s+)?(?:((?:1[5-9]|20)\d)0s|'(\d)0s)\b/gi,
    action: "decade",
    reason: "`the 1990s`, `the '90s` name a decade (TIMEX3 `199`).",
    example: "the 1990s",
  },
  {
    id: "ordinal-quarter",
    stage: "after-chrono",
    match: new RegExp(`\\b(?:the\\s+)?${ORDINAL}[\\s-]+quarter(?:\\s+of\\s+((?:19|20)\\d{2}))?\\b`, "gi"),
    action: "ordinal-quarter",
    reason: "`the third quarter`: a quarter not yet reached this year is last year's.",
    example: "the third quarter",
  },
  {
    id: "reporting-quarter",
    stage: "after-chrono",
    match: /\b(?:the|this)\s+(?:latest\s+|last\s+|most recent\s+)?(?:quarter|period)\b(?!-)/gi,
    action: "reporting-quarter",
    reason: "`the quarter`, `the latest period` in results news: the last quarter that has ended.",
    example: "the quarter",
  },
  {
    id: "bare-year",
    stage: "after-chrono",
    match: regex(
      "gi",
    )`(?<![\d$£€,.])(?:\b((?:1[6-9]|20)\d{2})|(?<=\b${YEAR_LEAD_WORDS}\s)(1[0-5]\d{2}))\b(?!\d|[,.]\d|%|\s*${COUNTED_NOUNS}\b)`,
    action: "bare-year",
    reason:
      "`in 2021`, `in 1184`, `her 1497 chart`: a year; not amounts (`2,021`, `$2021`, `1840.6 points`, `1400 passengers`).",
    example: "in 2021",
  },
  {
    id: "span-of-time",
    stage: "after-chrono",
    match: new RegExp(
      `(?<![$£€]\\s?)\\b(${AMOUNT})[\\s-]+(${UNIT})s?(?:-long)?\\b(?![-\\s]+old\\b)(?!\\s+${anyOf(OFFSET_WORDS)})`,
      "gi",
    ),
    action: "span-of-time",
    reason:
      "`three days`, `two decades`, `several years`: spans chrono does not take; ages (`61 years old`) are not.",
    example: "three days",
  },
  {
    id: "set-every-weekday-or-month",
    stage: "over-chrono",
    match: new RegExp(`\\b(?:every|each)\\s+(${anyOf(WEEKDAY_NAMES)}|${MONTH_PATTERN})\\b`, "gi"),
    action: "set-every-weekday-or-month",
    reason: "`each October`, `every Thursday` recur: a TIMEX3 SET, not one date.",
    example: "each October",
  },
  {
    id: "set-every-unit",
    stage: "after-chrono",
    match: regex("gi")`\b(?:every|each)\s+(${RECURRENCE_UNITS})\b`,
    action: "set-every-unit",
    reason:
      "`every week`, `each quarter`: how often, a TIMEX3 SET (the adverbs `daily`, `annually` mostly qualify an amount).",
    example: "every week",
  },
  {
    id: "present",
    stage: "after-chrono",
    match: regex("gi")`\b(${PRESENT_WORDS})\b(?!\s+${NOT_PRESENT_FOLLOWERS})`,
    action: "present",
    reason: "`currently`, `these days`: the present (PRESENT_REF).",
    example: "currently",
  },
  {
    id: "recent-units",
    stage: "after-chrono",
    match: regex("gi")`\b(?:in\s+)?(?:recent|past)\s+${RECENT_SPANS}\b`,
    action: "recent-units",
    reason: "`recent months`, `in past decades`: an unbounded stretch of the past (PAST_REF).",
    example: "recent months",
  },
  {
    id: "season",
    stage: "after-chrono",
    match: regex("gi")`\b(${SEASON_DETERMINERS})\s+(${SEASON_WORDS})\b`,
    action: "season",
    reason: "`this summer`, `last winter`: a season of a year counted from the article.",
    example: "this summer",
  },
  {
    id: "past",
    stage: "after-chrono",
    match: regex("gi")`\b(${PAST_WORDS})\b`,
    action: "past",
    reason: "`recently`, `the past`: the past in general (PAST_REF).",
    example: "recently",
  },
  {
    id: "future",
    stage: "after-chrono",
    match: regex(
      "gi",
    )`\b(?:(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|(?<!\bas\s)soon(?!\s+(?:as|after)\b)|the\s+(?:near|short)\s+term|(?:in\s+)?(?:the\s+)?coming\s+${COMING_SPANS}|future\s+(?:quarters|years))\b`,
    action: "future",
    reason:
      "`the future`, `soon`, `the near term`: the future in general (FUTURE_REF); the adjective (`future tenants`) is not a time.",
    example: "the future",
  },
] as const satisfies readonly (Rule<string, PatternAction> & { stage: PatternStage })[];

export type PatternRuleId = RuleId<typeof PATTERN_RULES>;

/** What a pattern rule's action reads one occurrence as. */
export const readPattern = (
  rule: (typeof PATTERN_RULES)[number],
  match: RegExpExecArray,
  context: PatternContext,
) => READ_PATTERN[rule.action](match, context);
