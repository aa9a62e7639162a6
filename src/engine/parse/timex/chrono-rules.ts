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

export interface ChronoRule {
  id: string;
  pattern: RegExp;
  requires?: (m: ChronoMatch) => boolean;
  /** A reading, null to drop the expression, or undefined to let the next rule read it. */
  action: (m: ChronoMatch, match: RegExpExecArray) => Reading | null | undefined;
  reason: string;
}

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

export const CHRONO_RULES = [
  {
    id: "duration-span",
    pattern: new RegExp(
      `^${anyOf(DURATION_LEADS)}?\\s*(?:the\\s+)?${anyOf(DURATION_DETERMINERS)}?\\s*(${AMOUNT})\\s+(${UNIT})s?(?:\\s+(?:after|later))?$`,
      "i",
    ),
    requires: (m) => !/\bago\b|\blater\b/.test(m.text),
    action: (_, match) => resolvedAs("DURATION", durationValue(group(match, 1), group(match, 2))),
    reason: "`for three weeks`, `the past two years` measure a span of time; they name no date.",
  },
  {
    id: "the-past-unit",
    pattern: regex()`^${SPAN_PREPOSITIONS}\s+the\s+(?:last|past)\s+(${WEEK_MONTH_YEAR})$`,
    action: (m, match) => {
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
    reason:
      "`over the past year`, `in the past week`: TimeBank gives the calendar period before the article's, as for `last year`.",
  },
  {
    id: "now",
    pattern: /^(?:right )?now$/,
    action: () => resolvedAs("DATE", "PRESENT_REF"),
    reason: "`now` is the present, whatever the date.",
  },
  {
    id: "anchored-elsewhere",
    pattern: new RegExp(`^(${AMOUNT})\\s+(${UNIT})s?(?=\\s+${anyOf(OFFSET_FOLLOWERS)}$)`, "i"),
    action: (_, match) =>
      resolvedAs("DURATION", durationValue(group(match, 1), group(match, 2)), match[0].length),
    reason:
      "`three days later`, `two weeks before the vote` count from an event in the story, not from the article date: the span is what the text gives.",
  },
  {
    id: "year-ago-in-results",
    pattern: /^(?:a|one) year (?:ago|earlier)$/,
    requires: (m) => m.quarterly || /\bquarter/i.test(m.sentence),
    action: (m) =>
      againstAnchor(
        m.anchor,
        "DATE",
        (a) => {
          const { year, quarter } = lastEndedQuarter(a);
          return `${year - 1}-Q${quarter}`;
        },
        "XXXX-QX",
      ),
    reason:
      "In a quarterly report, `up 20% from a year earlier` compares with the same quarter a year before.",
  },
  {
    id: "calendar-week",
    pattern: regex()`^(${WEEK_DETERMINERS})\s+week(end)?$`,
    action: (m, match) => {
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
    reason:
      "`last week` is the calendar week before the article's, `this week` its own, `last weekend` the one that closed last week (ISO week values).",
  },
  {
    id: "the-weekend",
    pattern: regex()`^(?:${WEEKEND_PREPOSITIONS}\s+)?the\s+weekend$|^weekend$`,
    action: (m) =>
      againstAnchor(m.anchor, "DATE", (a) => weekendValue(a, FUTURE.test(m.around)), "XXXX-WXX-WE"),
    reason: "`over the weekend` is the weekend before the article (the next one in a future clause).",
  },
  {
    id: "part-of-day",
    pattern: regex()`\b(${DAY_PART_WORDS})\b`,
    requires: (m) => !/\d|noon|midnight/.test(m.text),
    action: (m, match) => {
      const part = match[1] === "tonight" ? "NI" : defined(PARTS_OF_DAY[group(match, 1)], "parts of day");
      const day = dayOf(m);
      return { type: "TIME", value: `${day.value}T${part}`, resolved: day.resolved };
    },
    reason: "`Friday evening`, `last night` name a part of a day: TIMEX3 writes it `…TEV`, `…TNI`.",
  },
  {
    id: "clock-time",
    pattern: /[\s\S]/,
    requires: (m) =>
      stated(m, "hour") &&
      (stated(m, "day") || stated(m, "weekday") || RELATIVE_DAY.test(m.text) || !m.anchor),
    action: (m) => {
      const time = `T${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`;
      const dayStated = stated(m, "day") || stated(m, "weekday") || RELATIVE_DAY.test(m.text);
      const day = dayStated ? dayOf(m) : againstAnchor(m.anchor, "DATE", (a) => isoDay(a.date), "XXXX-XX-XX");
      return { type: "TIME", value: `${day.value}${time}`, resolved: day.resolved };
    },
    reason: "A clock time on a named day (`5 p.m. Friday`) is a TIME on that day.",
  },
  {
    id: "day-of-month",
    pattern: /[\s\S]/,
    requires: (m) => stated(m, "day") && stated(m, "month"),
    action: (m) => dayMonth(m),
    reason:
      "`5 May`, `Aug. 14, 2003`: a calendar day; without a year, the nearest one the clause's tense allows.",
  },
  {
    id: "weekday",
    pattern: /[\s\S]/,
    requires: (m) => stated(m, "weekday") && !stated(m, "day"),
    action: (m) => weekdayValue(get(m, "weekday"), m.anchor, m.around, m.text),
    reason: "A weekday in news is the last one (past tense) or the next one (future tense).",
  },
  {
    id: "relative-month",
    pattern: regex()`^${MONTH_DETERMINERS}\s+month$`,
    action: (m) =>
      againstAnchor(m.anchor, "DATE", () => monthValue(get(m, "year"), get(m, "month")), "XXXX-XX"),
    reason: "`last month` is the calendar month before the article's.",
  },
  {
    id: "month",
    pattern: regex()`^(?:(${NEAR_DETERMINERS})\s+)?`,
    requires: (m) => stated(m, "month"),
    action: (m, match) => {
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
    reason: "A month without its year is read by its determiner (`last`, `this`) or the clause's tense.",
  },
  {
    id: "year",
    pattern: /[\s\S]/,
    requires: (m) => stated(m, "year"),
    action: (m) => resolvedAs("DATE", pad(get(m, "year"), 4)),
    reason: "`in 1998`, `last year`: a calendar year.",
  },
  {
    id: "clock-time-today",
    pattern: /[\s\S]/,
    requires: (m) => stated(m, "hour"),
    action: (m) =>
      againstAnchor(
        m.anchor,
        "TIME",
        (a) => `${isoDay(a.date)}T${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`,
        `XXXX-XX-XXT${pad(get(m, "hour"))}:${pad(m.result.start.get("minute") ?? 0)}`,
      ),
    reason: "A clock time with no day is on the article's day.",
  },
  {
    id: "relative-day",
    pattern: RELATIVE_DAY,
    action: (m) => dayOf(m),
    reason: "`yesterday`, `today` are days counted from the article's date.",
  },
  {
    id: "relative-without-anchor",
    pattern: /[\s\S]/,
    requires: (m) => !m.anchor,
    action: (m) => {
      const c = m.result.start;
      if (c.isCertain("day")) return { type: "DATE", value: "XXXX-XX-XX", resolved: false };
      if (c.isCertain("month")) return { type: "DATE", value: "XXXX-XX", resolved: false };
      if (c.isCertain("year")) return { type: "DATE", value: "XXXX", resolved: false };
      return null;
    },
    reason:
      "`two days ago`, `last year` in an undated article: kept, marked as not resolvable, never read against today.",
  },
] as const satisfies readonly ChronoRule[];

export type ChronoRuleId = (typeof CHRONO_RULES)[number]["id"];

/** The first rule that reads the match, with its id (for tests and tracing). */
export function readChrono(m: ChronoMatch): { rule: ChronoRuleId; reading: Reading } | null {
  const rules: readonly (ChronoRule & { id: ChronoRuleId })[] = CHRONO_RULES;
  for (const rule of rules) {
    const match = rule.pattern.exec(m.text);
    if (!match || (rule.requires && !rule.requires(m))) continue;
    const reading = rule.action(m, match);
    if (reading === undefined) continue;
    return reading ? { rule: rule.id, reading } : null;
  }
  return null;
}
