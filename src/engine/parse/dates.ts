// Calendar arithmetic and the human form of TIMEX3 values. All dates are UTC calendar days.

import { ORDINAL_SUFFIXES } from "../lexicon/index.ts";
import {
  CALENDAR_UNIT_NAMES as CALENDAR_UNITS,
  CLOCK_UNIT_NAMES as CLOCK_UNITS,
  MONTH_NAMES,
  PART_OF_DAY_NAMES,
  SEASON_NAMES,
  WEEKDAY_NAMES,
} from "../lexicon/time.ts";
import { defined, group } from "../match.ts";
import { firstFired, type Rule, type RuleId } from "../rules/rule.ts";

const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES;

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function utcDate(iso: string): Date {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export const isoDay = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO 8601 week: `2025-W08`. */
export function isoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

/** The Monday that starts an ISO week value. */
export function weekStart(value: string): Date {
  const [year = 0, week = 1] = value.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = addDays(jan4, -((jan4.getUTCDay() + 6) % 7));
  return addDays(mondayWeek1, (week - 1) * 7);
}

const longDay = (date: Date) =>
  `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

const plural = (unit: string) =>
  unit === "century" ? "centuries" : unit === "millennium" ? "millennia" : `${unit}s`;

function amountOf(amount: string, unit: string): string {
  if (amount === "X") return `several ${plural(unit)}`;
  return `${amount} ${amount === "1" ? unit : plural(unit)}`;
}

/** `P2Y6M` → `2 years 6 months`, `PT1M` → `1 minute`, `PXW` → `several weeks`; null when not a duration. */
export function durationDisplay(value: string): string | null {
  const m = /^P((?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|[YMWDLQ]))*)(?:T((?:(?:\d+(?:\.\d+)?|X)[HMS])+))?$/.exec(
    value,
  );
  if (!m || (!m[1] && !m[2])) return null;
  const parts: string[] = [];
  for (const unit of (m[1] ?? "").matchAll(/(\d+(?:\.\d+)?|X)(DE|CE|[YMWDLQ])/g)) {
    parts.push(amountOf(group(unit, 1), defined(CALENDAR_UNITS[group(unit, 2)], "calendar unit")));
  }
  for (const unit of (m[2] ?? "").matchAll(/(\d+(?:\.\d+)?|X)([HMS])/g)) {
    parts.push(amountOf(group(unit, 1), defined(CLOCK_UNITS[group(unit, 2)], "clock unit")));
  }
  return parts.join(" ");
}

const SEASONS = SEASON_NAMES;

function ordinal(n: number): string {
  // ORDINAL_SUFFIXES: `st`, `nd`, `rd` for 1, 2, 3, then `th`.
  const last = n % 10;
  const suffix =
    (n % 100 >= 11 && n % 100 <= 13) || last === 0 || last > 3 ? "th" : ORDINAL_SUFFIXES[last - 1];
  return `${n}${suffix}`;
}
const PARTS_OF_DAY = PART_OF_DAY_NAMES;

const REFERENCES: Record<string, string> = {
  PAST_REF: "the past",
  PRESENT_REF: "now",
  FUTURE_REF: "the future",
};

/** How a display rule words a value; each action reads its rule's match. */
type DisplayAction =
  | "day-and-time"
  | "day-and-part"
  | "day-and-hour"
  | "day"
  | "month"
  | "week"
  | "weekend"
  | "quarter"
  | "half"
  | "season"
  | "value"
  | "decade"
  | "century"
  | "weekday-no-date"
  | "day-no-year"
  | "month-no-year"
  | "quarter-no-year"
  | "season-no-year"
  | "weekend-no-date"
  | "week-no-date"
  | "no-date"
  | "reference";

const week = (label: string, day: Date) =>
  `${label} of ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;

const DISPLAY: Record<DisplayAction, (m: RegExpExecArray) => string> = {
  "day-and-time": (m) => `${longDay(utcDate(m[0].slice(0, 10)))}, ${m[4]}:${m[5]}`,
  "day-and-part": (m) => `${longDay(utcDate(group(m, 1)))}, ${PARTS_OF_DAY[group(m, 2)]}`,
  "day-and-hour": (m) => `${longDay(utcDate(`${m[1]}-${m[2]}-${m[3]}`))}, ${m[4]}:00`,
  day: (m) => longDay(utcDate(m[0])),
  month: (m) => `${MONTHS[Number(m[2]) - 1]} ${m[1]}`,
  week: (m) => week("week", weekStart(m[0])),
  weekend: (m) => week("weekend", addDays(weekStart(m[0].slice(0, 8)), 5)),
  quarter: (m) => `Q${m[2]} ${m[1]}`,
  half: (m) => `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`,
  season: (m) => `${SEASONS[group(m, 2)]} ${m[1]}`,
  value: (m) => m[0],
  decade: (m) => `the ${m[0]}0s`,
  century: (m) => `the ${ordinal(Number(m[0]) + 1)} century`,
  "weekday-no-date": (m) =>
    `${WEEKDAYS[Number(m[1]) % 7]}${m[2] ? ` ${PARTS_OF_DAY[m[2]]}` : ""}, date not given`,
  "day-no-year": (m) => `${Number(m[2])} ${MONTHS[Number(m[1]) - 1]}, year not given`,
  "month-no-year": (m) => `${MONTHS[Number(m[1]) - 1]}, year not given`,
  "quarter-no-year": (m) => `Q${m[1]}, year not given`,
  "season-no-year": (m) => `${SEASONS[group(m, 1)]}, year not given`,
  "weekend-no-date": () => "a weekend, date not given",
  "week-no-date": () => "a week, date not given",
  "no-date": () => "date not given",
  reference: (m) => REFERENCES[m[0]] ?? m[0],
};

/** How a TIMEX3 value reads: the first rule whose pattern holds on the whole value words it. */
export const DISPLAY_RULES = [
  {
    id: "minute",
    match: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
    action: "day-and-time",
    example: "2031-04-06T09:30",
    reason: "A day and a clock time: the long day, then the time.",
  },
  {
    id: "part-of-day",
    match: /^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)$/,
    action: "day-and-part",
    example: "2031-04-06TEV",
    reason: "A day and a part of it: `Sunday 6 April 2031, evening`.",
  },
  {
    id: "hour",
    match: /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/,
    action: "day-and-hour",
    example: "2031-04-06T14",
    reason: "A day and an hour: the hour on the clock.",
  },
  {
    id: "calendar-day",
    match: /^\d{4}-\d{2}-\d{2}$/,
    action: "day",
    example: "2031-04-06",
    reason: "A calendar day reads with its weekday.",
  },
  {
    id: "calendar-month",
    match: /^(\d{4})-(\d{2})$/,
    action: "month",
    example: "2031-04",
    reason: "A month and its year.",
  },
  {
    id: "iso-week",
    match: /^\d{4}-W\d{2}$/,
    action: "week",
    example: "2031-W15",
    reason: "An ISO week reads as the week of its Monday.",
  },
  {
    id: "iso-weekend",
    match: /^\d{4}-W\d{2}-WE$/,
    action: "weekend",
    example: "2031-W15-WE",
    reason: "A week's weekend reads as the weekend of its Saturday.",
  },
  {
    id: "quarter",
    match: /^(\d{4})-Q([1-4])$/,
    action: "quarter",
    example: "2031-Q2",
    reason: "A quarter of a year: `Q2 2031`.",
  },
  {
    id: "half-year",
    match: /^(\d{4})-H([12])$/,
    action: "half",
    example: "2031-H1",
    reason: "A half of a year: `first half of 2031`.",
  },
  {
    id: "season",
    match: /^(\d{4})-(SP|SU|FA|WI)$/,
    action: "season",
    example: "2031-SU",
    reason: "A season and its year: `summer 2031`.",
  },
  {
    id: "year",
    match: /^\d{4}$/,
    action: "value",
    example: "2031",
    reason: "A year reads as itself.",
  },
  {
    id: "decade",
    match: /^\d{3}$/,
    action: "decade",
    example: "203",
    reason: "Three digits are a decade: `the 2030s`.",
  },
  {
    id: "century",
    match: /^\d{2}$/,
    action: "century",
    example: "20",
    reason: "Two digits are a century, counted from one: `20` is the 21st.",
  },
  {
    id: "weekday-only",
    match: /^XXXX-WXX-([1-7])(?:T(MO|AF|EV|NI))?$/,
    action: "weekday-no-date",
    example: "XXXX-WXX-3TMO",
    reason: "A weekday with no date: `Wednesday morning, date not given`.",
  },
  {
    id: "day-without-year",
    match: /^XXXX-(\d{2})-(\d{2})$/,
    action: "day-no-year",
    example: "XXXX-04-06",
    reason: "A day and month with no year.",
  },
  {
    id: "month-without-year",
    match: /^XXXX-(\d{2})$/,
    action: "month-no-year",
    example: "XXXX-04",
    reason: "A month with no year.",
  },
  {
    id: "quarter-without-year",
    match: /^XXXX-Q([1-4])$/,
    action: "quarter-no-year",
    example: "XXXX-Q3",
    reason: "A quarter with no year.",
  },
  {
    id: "season-without-year",
    match: /^XXXX-(SP|SU|FA|WI)$/,
    action: "season-no-year",
    example: "XXXX-WI",
    reason: "A season with no year.",
  },
  {
    id: "weekend-without-date",
    match: /^XXXX-WXX-WE$/,
    action: "weekend-no-date",
    example: "XXXX-WXX-WE",
    reason: "Some weekend, date not given.",
  },
  {
    id: "week-without-date",
    match: /^XXXX-WXX$/,
    action: "week-no-date",
    example: "XXXX-WXX",
    reason: "Some week, date not given.",
  },
  {
    id: "no-date",
    match: /^XXXX(?:-XX-XX)?(?:T.*)?$/,
    action: "no-date",
    example: "XXXX-XX-XXT10:00",
    reason: "Nothing of the date is known, at most a time.",
  },
  {
    id: "reference",
    match: /^(PAST|PRESENT|FUTURE)_REF$/,
    action: "reference",
    example: "FUTURE_REF",
    reason: "A vague reference to the past, the present or the future.",
  },
] as const satisfies readonly Rule<string, DisplayAction>[];

export type DisplayRuleId = RuleId<typeof DISPLAY_RULES>;

/** A reader's form of a TIMEX3 value: `Sunday 23 February 2025`, `June 2024`, `the week of 17 February 2025`, `1 minute`. */
export function displayValue(value: string): string {
  const duration = durationDisplay(value);
  if (duration !== null) return duration;
  const hit = firstFired(DISPLAY_RULES, value);
  return hit ? DISPLAY[hit.action](hit.match) : value;
}

const SEASON_MONTHS: Record<string, string> = { SP: "03", SU: "06", FA: "09", WI: "12" };

/** Which day a start rule reads from its match. */
type StartAction = "day" | "month" | "week" | "quarter" | "half" | "season" | "year" | "decade";

const START: Record<StartAction, (m: RegExpExecArray) => string> = {
  day: (m) => m[0],
  month: (m) => `${m[1]}-${m[2]}-01`,
  week: (m) => isoDay(weekStart(m[0].slice(0, 8))),
  quarter: (m) => `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`,
  half: (m) => `${m[1]}-${m[2] === "1" ? "01" : "07"}-01`,
  season: (m) => `${m[1]}-${SEASON_MONTHS[group(m, 2)]}-01`,
  year: (m) => `${m[0]}-01-01`,
  decade: (m) => `${m[0]}0-01-01`,
};

/** The first day a TIMEX3 value covers: the first rule whose pattern holds names it. */
export const START_RULES = [
  {
    id: "dated",
    match: /^\d{4}-\d{2}-\d{2}/,
    action: "day",
    example: "2031-04-06T09:30",
    reason: "A value that opens with a calendar day starts on it, whatever time follows.",
  },
  {
    id: "month-start",
    match: /^(\d{4})-(\d{2})$/,
    action: "month",
    example: "2031-04",
    reason: "A month starts on its first day.",
  },
  {
    id: "week-start",
    match: /^\d{4}-W\d{2}(?:-WE)?$/,
    action: "week",
    example: "2031-W15-WE",
    reason: "A week, and its weekend, are ordered by the week's Monday.",
  },
  {
    id: "quarter-start",
    match: /^(\d{4})-Q([1-4])$/,
    action: "quarter",
    example: "2031-Q3",
    reason: "A quarter starts on the first day of its first month.",
  },
  {
    id: "half-start",
    match: /^(\d{4})-H([12])$/,
    action: "half",
    example: "2031-H2",
    reason: "A half year starts on 1 January or 1 July.",
  },
  {
    id: "season-start",
    match: /^(\d{4})-(SP|SU|FA|WI)$/,
    action: "season",
    example: "2031-FA",
    reason: "A season starts on the first day of its first month.",
  },
  {
    id: "year-start",
    match: /^\d{4}$/,
    action: "year",
    example: "2031",
    reason: "A year starts on 1 January.",
  },
  {
    id: "decade-start",
    match: /^\d{3}$/,
    action: "decade",
    example: "203",
    reason: "A decade starts on 1 January of its first year.",
  },
] as const satisfies readonly Rule<string, StartAction>[];

export type StartRuleId = RuleId<typeof START_RULES>;

/** The first day a value covers, for ordering a timeline; null for durations and vague references. */
export function valueStart(value: string): string | null {
  const hit = firstFired(START_RULES, value);
  return hit ? START[hit.action](hit.match) : null;
}
