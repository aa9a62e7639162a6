// The reading of one chrono-node result, as named rules tried in order: the first whose pattern matches
// (and whose `requires` holds) reads it. chrono finds the expression; these rules decide what TIMEX3 value
// the text gives, at the granularity it gives (a month is `2024-06`, not a day), and leave it underspecified
// (`XXXX-08`) when the article has no date to read it against.
import type * as chrono from "chrono-node";
import {
  anyOf,
  DAY_PART_WORDS,
  DURATION_DETERMINERS,
  DURATION_LEADS,
  MONTH_DETERMINERS,
  MONTH_STEMS,
  NEAR_DETERMINERS,
  OFFSET_FOLLOWERS,
  RELATIVE_DAYS,
  regex,
  SPAN_PREPOSITIONS,
  WEEK_DETERMINERS,
  WEEK_MONTH_YEAR,
  WEEKDAY_STEMS,
  WEEKEND_PREPOSITIONS,
} from "../../lexicon/index.ts";
import { PARTS_OF_DAY } from "../../lexicon/time.ts";
import { defined, group } from "../../match.ts";
import { type FactMatch, factsHold, fire, type Rule, type RuleId } from "../../rules/rule.ts";
import { addDays, isoDay, isoWeek, pad } from "../dates.ts";
import {
  AMOUNT,
  type Anchor,
  againstAnchor,
  durationValue,
  FUTURE,
  lastEndedQuarter,
  monthValue,
  type Reading,
  resolvedAs,
  UNIT,
  weekdayValue,
  weekendValue,
  yearOfMonth,
} from "./reading.ts";

export type ChronoResult = ReturnType<typeof chrono.en.casual.parse>[number];
type Component = "year" | "month" | "day" | "hour" | "minute" | "weekday";

/** One chrono result in its place in the article. */
export interface ChronoMatch {
  /** Lower-cased expression, with the determiner before it (`the`, `this`) that chrono leaves out. */
  text: string;
  result: ChronoResult;
  anchor: Anchor | null;
  /** The text around the expression: its clause's tense decides a bare weekday or month. */
  around: string;
  sentence: string;
  /** The article reports by quarter (it says `quarter` more than once). */
  quarterly: boolean;
}

/** Reads a chrono match as a value: a reading, null to drop the expression, or undefined to let the next rule read it. */
type ChronoReader = (m: ChronoMatch, match: RegExpExecArray) => Reading | null | undefined;

/** Said in the text itself, not filled in by chrono from the reference date (which an undated article lacks). */
function stated(m: ChronoMatch, component: Component): boolean {
  if (!m.result.start.isCertain(component)) return false;
  if (m.anchor) return true;
  // Undated: chrono still marks `yesterday`'s day and `last year`'s year as known, against a stand-in date.
  if (component === "year") return /\b\d{4}\b|'\d{2}\b/.test(m.text);
  if (component === "month") return MONTH_OR_NUMERIC_DATE.test(m.text);
  if (component === "day") return /\d/.test(m.text) && stated(m, "month");
  if (component === "weekday") return WEEKDAY_STEM.test(m.text);
  return true;
}

/** A component chrono gave the match (the rule that reads it has checked that it is there). */
const get = (m: ChronoMatch, component: Component) =>
  defined(m.result.start.get(component) ?? undefined, `chrono's ${component}`);

/** The calendar day chrono computed, when the anchor gave it one. */
const chronoDay = (m: ChronoMatch) =>
  `${pad(get(m, "year"), 4)}-${pad(get(m, "month"))}-${pad(get(m, "day"))}`;

const MONTH_OR_NUMERIC_DATE = regex()`\b${MONTH_STEMS}|\d+[/-]\d+`;
const WEEKDAY_STEM = regex()`\b${WEEKDAY_STEMS}`;
const RELATIVE_DAY = regex()`\b${RELATIVE_DAYS}\b`;

/** What a rule may require of a chrono match beyond its pattern. */
type ChronoFact =
  | "stated-day"
  | "stated-weekday"
  | "stated-month"
  | "stated-year"
  | "stated-hour"
  /** `yesterday`, `today`, `tomorrow`. */
  | "relative-day"
  /** The article has no date to read against. */
  | "undated"
  /** The article reports by quarter. */
  | "quarterly"
  | "quarter-in-sentence"
  /** `ago`, `later`: a span counted from an event, not a length of time. */
  | "counts-from-event"
  | "digit-or-clock-word";

const CHRONO_FACTS: { readonly [F in ChronoFact]: (m: ChronoMatch) => boolean } = {
  "stated-day": (m) => stated(m, "day"),
  "stated-weekday": (m) => stated(m, "weekday"),
  "stated-month": (m) => stated(m, "month"),
  "stated-year": (m) => stated(m, "year"),
  "stated-hour": (m) => stated(m, "hour"),
  "relative-day": (m) => RELATIVE_DAY.test(m.text),
  undated: (m) => !m.anchor,
  quarterly: (m) => m.quarterly,
  "quarter-in-sentence": (m) => /\bquarter/i.test(m.sentence),
  "counts-from-event": (m) => /\bago\b|\blater\b/.test(m.text),
  "digit-or-clock-word": (m) => /\d|noon|midnight/.test(m.text),
};

/** The day a `yesterday`, `Friday` or `5 May` names, or its underspecified form. */
function dayOf(m: ChronoMatch): Reading {
  if (stated(m, "weekday") && !stated(m, "day"))
    return weekdayValue(get(m, "weekday"), m.anchor, m.around, m.text);
  if (stated(m, "day") && stated(m, "month")) return dayMonth(m);
  return againstAnchor(m.anchor, "DATE", () => chronoDay(m), "XXXX-XX-XX");
}

/**
 * A day of a month: chrono's calendar day when the text gives the year or the article its date (for a bare
 * `5 May`, the nearest to the article date, which news bears out better than tense); else `XXXX-05-05`.
 */
function dayMonth(m: ChronoMatch): Reading {
  if (stated(m, "year") || m.anchor) return resolvedAs("DATE", chronoDay(m));
  return { type: "DATE", value: `XXXX-${pad(get(m, "month"))}-${pad(get(m, "day"))}`, resolved: false };
}

/** What each rule reads a match as: its action names one of these. */
const READ_CHRONO = {
  "duration-span": (_, match) => resolvedAs("DURATION", durationValue(group(match, 1), group(match, 2))),
  "the-past-unit": (m, match) => {
    const unit = group(match, 1).toLowerCase();
    return againstAnchor(
      m.anchor,
      "DATE",
      (a) =>
        unit === "week"
          ? isoWeek(addDays(a.date, -7))
          : unit === "month"
            ? monthValue(a.month === 1 ? a.year - 1 : a.year, a.month === 1 ? 12 : a.month - 1)
            : String(a.year - 1),
      unit === "week" ? "XXXX-WXX" : unit === "month" ? "XXXX-XX" : "XXXX",
    );
  },
  now: () => resolvedAs("DATE", "PRESENT_REF"),
  "anchored-elsewhere": (_, match) =>
    resolvedAs("DURATION", durationValue(group(match, 1), group(match, 2)), match[0].length),
  "year-ago-in-results": (m) =>
    againstAnchor(
      m.anchor,
      "DATE",
      (a) => {
        const { year, quarter } = lastEndedQuarter(a);
        return `${year - 1}-Q${quarter}`;
      },
      "XXXX-QX",
    ),
  "calendar-week": (m, match) => {
    const which = group(match, 1);
    const shift = /past|last/.test(which) ? -7 : /next|coming/.test(which) ? 7 : 0;
    // An ISO week ends with its weekend: `last weekend` closes last week, `this weekend` this one.
    const weekend = match[2] ? "-WE" : "";
    return againstAnchor(
      m.anchor,
      "DATE",
      (a) => `${isoWeek(addDays(a.date, shift))}${weekend}`,
      `XXXX-WXX${weekend}`,
    );
  },
  "the-weekend": (m) =>
    againstAnchor(m.anchor, "DATE", (a) => weekendValue(a, FUTURE.test(m.around)), "XXXX-WXX-WE"),
  "part-of-day": (m, match) => {
    const part = match[1] === "tonight" ? "NI" : defined(PARTS_OF_DAY[group(match, 1)], "parts of day");
    const day = dayOf(m);
    return { type: "TIME", value: `${day.value}T${part}`, resolved: day.resolved };
  },
  "clock-time": (m) => {
    const time = `T${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`;
    const dayStated = stated(m, "day") || stated(m, "weekday") || RELATIVE_DAY.test(m.text);
    const day = dayStated ? dayOf(m) : againstAnchor(m.anchor, "DATE", (a) => isoDay(a.date), "XXXX-XX-XX");
    return { type: "TIME", value: `${day.value}${time}`, resolved: day.resolved };
  },
  "day-of-month": (m) => dayMonth(m),
  weekday: (m) => weekdayValue(get(m, "weekday"), m.anchor, m.around, m.text),
  "relative-month": (m) =>
    againstAnchor(m.anchor, "DATE", () => monthValue(get(m, "year"), get(m, "month")), "XXXX-XX"),
  month: (m, match) => {
    const month = get(m, "month");
    if (stated(m, "year") && /\d{4}|'\d{2}|year/.test(m.text))
      return resolvedAs("DATE", monthValue(get(m, "year"), month));
    return againstAnchor(
      m.anchor,
      "DATE",
      (a) => monthValue(yearOfMonth(month, a, match[1] ?? "", m.around), month),
      `XXXX-${pad(month)}`,
    );
  },
  year: (m) => resolvedAs("DATE", pad(get(m, "year"), 4)),
  "clock-time-today": (m) =>
    againstAnchor(
      m.anchor,
      "TIME",
      (a) => `${isoDay(a.date)}T${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`,
      `XXXX-XX-XXT${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`,
    ),
  "relative-day": (m) => dayOf(m),
  "relative-without-anchor": (m) => {
    const c = m.result.start;
    if (c.isCertain("day")) return { type: "DATE", value: "XXXX-XX-XX", resolved: false };
    if (c.isCertain("month")) return { type: "DATE", value: "XXXX-XX", resolved: false };
    if (c.isCertain("year")) return { type: "DATE", value: "XXXX", resolved: false };
    return null;
  },
} satisfies Record<string, ChronoReader>;

type ChronoAction = keyof typeof READ_CHRONO;

export const CHRONO_RULES = [
  {
    id: "duration-span",
    match: new RegExp(
      `^${anyOf(DURATION_LEADS)}?\\s*(?:the\\s+)?${anyOf(DURATION_DETERMINERS)}?\\s*(${AMOUNT})\\s+(${UNIT})s?(?:\\s+(?:after|later))?$`,
      "i",
    ),
    requires: { all: [], none: ["counts-from-event"] },
    action: "duration-span",
    reason: "`for three weeks`, `the past two years` measure a span of time; they name no date.",
    example: "for three weeks",
  },
  {
    id: "the-past-unit",
    match: regex()`^${SPAN_PREPOSITIONS}\s+the\s+(?:last|past)\s+(${WEEK_MONTH_YEAR})$`,
    action: "the-past-unit",
    reason:
      "`over the past year`, `in the past week`: TimeBank gives the calendar period before the article's, as for `last year`.",
    example: "over the past year",
  },
  {
    id: "now",
    match: /^(?:right )?now$/,
    action: "now",
    reason: "`now` is the present, whatever the date.",
    example: "now",
  },
  {
    id: "anchored-elsewhere",
    match: new RegExp(`^(${AMOUNT})\\s+(${UNIT})s?(?=\\s+${anyOf(OFFSET_FOLLOWERS)}$)`, "i"),
    action: "anchored-elsewhere",
    reason:
      "`three days later`, `two weeks before the vote` count from an event in the story, not from the article date: the span is what the text gives.",
    example: "three days later",
  },
  {
    id: "year-ago-in-results",
    match: /^(?:a|one) year (?:ago|earlier)$/,
    requires: { all: [], any: ["quarterly", "quarter-in-sentence"] },
    action: "year-ago-in-results",
    reason:
      "In a quarterly report, `up 20% from a year earlier` compares with the same quarter a year before.",
    example: "a year earlier",
  },
  {
    id: "calendar-week",
    match: regex()`^(${WEEK_DETERMINERS})\s+week(end)?$`,
    action: "calendar-week",
    reason:
      "`last week` is the calendar week before the article's, `this week` its own, `last weekend` the one that closed last week (ISO week values).",
    example: "last week",
  },
  {
    id: "the-weekend",
    match: regex()`^(?:${WEEKEND_PREPOSITIONS}\s+)?the\s+weekend$|^weekend$`,
    action: "the-weekend",
    reason: "`over the weekend` is the weekend before the article (the next one in a future clause).",
    example: "over the weekend",
  },
  {
    id: "part-of-day",
    match: regex()`\b(${DAY_PART_WORDS})\b`,
    requires: { all: [], none: ["digit-or-clock-word"] },
    action: "part-of-day",
    reason: "`Friday evening`, `last night` name a part of a day: TIMEX3 writes it `…TEV`, `…TNI`.",
    example: "Friday evening",
  },
  {
    id: "clock-time",
    match: /[\s\S]/,
    requires: { all: ["stated-hour"], any: ["stated-day", "stated-weekday", "relative-day", "undated"] },
    action: "clock-time",
    reason: "A clock time on a named day (`5 p.m. Friday`) is a TIME on that day.",
    example: "5 p.m. Friday",
  },
  {
    id: "day-of-month",
    match: /[\s\S]/,
    requires: { all: ["stated-day", "stated-month"] },
    action: "day-of-month",
    reason:
      "`5 May`, `Aug. 14, 2003`: a calendar day; without a year, the nearest one the clause's tense allows.",
    example: "5 May",
  },
  {
    id: "weekday",
    match: /[\s\S]/,
    requires: { all: ["stated-weekday"], none: ["stated-day"] },
    action: "weekday",
    reason: "A weekday in news is the last one (past tense) or the next one (future tense).",
    example: "on tuesday",
  },
  {
    id: "relative-month",
    match: regex()`^${MONTH_DETERMINERS}\s+month$`,
    action: "relative-month",
    reason: "`last month` is the calendar month before the article's.",
    example: "last month",
  },
  {
    id: "month",
    match: regex()`^(?:(${NEAR_DETERMINERS})\s+)?`,
    requires: { all: ["stated-month"] },
    action: "month",
    reason: "A month without its year is read by its determiner (`last`, `this`) or the clause's tense.",
    example: "last may",
  },
  {
    id: "year",
    match: /[\s\S]/,
    requires: { all: ["stated-year"] },
    action: "year",
    reason: "`in 1998`, `last year`: a calendar year.",
    example: "in 1998",
  },
  {
    id: "clock-time-today",
    match: /[\s\S]/,
    requires: { all: ["stated-hour"] },
    action: "clock-time-today",
    reason: "A clock time with no day is on the article's day.",
    example: "at 5 p.m.",
  },
  {
    id: "relative-day",
    match: RELATIVE_DAY,
    action: "relative-day",
    reason: "`yesterday`, `today` are days counted from the article's date.",
    example: "yesterday",
  },
  {
    id: "relative-without-anchor",
    match: /[\s\S]/,
    requires: { all: ["undated"] },
    action: "relative-without-anchor",
    reason:
      "`two days ago`, `last year` in an undated article: kept, marked as not resolvable, never read against today.",
    example: "two days ago",
  },
] as const satisfies readonly (Rule<string, ChronoAction> & { requires?: FactMatch<ChronoFact> })[];

export type ChronoRuleId = RuleId<typeof CHRONO_RULES>;

/** The first rule that reads the match, with its id (for tests and tracing). */
export function readChrono(m: ChronoMatch): { rule: ChronoRuleId; reading: Reading } | null {
  const facts = (fact: ChronoFact) => CHRONO_FACTS[fact](m);
  for (const rule of CHRONO_RULES) {
    const hit = fire(rule, m.text);
    if (!hit || ("requires" in rule && !factsHold(rule.requires, facts))) continue;
    const reading = READ_CHRONO[rule.action](m, hit.match);
    if (reading === undefined) continue;
    return reading ? { rule: rule.id, reading } : null;
  }
  return null;
}
