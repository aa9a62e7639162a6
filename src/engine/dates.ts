// Calendar arithmetic and the human form of TIMEX3 values. All dates are UTC calendar days.

import { ORDINAL_SUFFIXES } from "./lexicon/index.ts";
import {
  CALENDAR_UNIT_NAMES as CALENDAR_UNITS,
  CLOCK_UNIT_NAMES as CLOCK_UNITS,
  MONTH_NAMES,
  PART_OF_DAY_NAMES,
  SEASON_NAMES,
  WEEKDAY_NAMES,
} from "./lexicon/time.ts";
import { defined, group } from "./match.ts";

const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES;

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
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
  const [year, week] = value.split("-W").map(Number) as [number, number];
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

type Rule = [RegExp, (m: RegExpExecArray, value: string) => string | null];

function firstRule(rules: Rule[], value: string): string | null | undefined {
  for (const [pattern, make] of rules) {
    const m = pattern.exec(value);
    if (m) return make(m, value);
  }
  return undefined;
}

const REFERENCES: Record<string, string> = {
  PAST_REF: "the past",
  PRESENT_REF: "now",
  FUTURE_REF: "the future",
};

const DISPLAY_RULES: Rule[] = [
  [
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
    (m, v) => `${longDay(utcDate(v.slice(0, 10)))}, ${m[4]}:${m[5]}`,
  ],
  [
    /^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)$/,
    (m) => `${longDay(utcDate(group(m, 1)))}, ${PARTS_OF_DAY[group(m, 2)]}`,
  ],
  [/^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/, (m) => `${longDay(utcDate(`${m[1]}-${m[2]}-${m[3]}`))}, ${m[4]}:00`],
  [/^\d{4}-\d{2}-\d{2}$/, (_, v) => longDay(utcDate(v))],
  [/^(\d{4})-(\d{2})$/, (m) => `${MONTHS[Number(m[2]) - 1]} ${m[1]}`],
  [
    /^\d{4}-W\d{2}$/,
    (_, v) => {
      const start = weekStart(v);
      return `week of ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
    },
  ],
  [
    /^\d{4}-W\d{2}-WE$/,
    (_, v) => {
      const saturday = addDays(weekStart(v.slice(0, 8)), 5);
      return `weekend of ${saturday.getUTCDate()} ${MONTHS[saturday.getUTCMonth()]} ${saturday.getUTCFullYear()}`;
    },
  ],
  [/^(\d{4})-Q([1-4])$/, (m) => `Q${m[2]} ${m[1]}`],
  [/^(\d{4})-H([12])$/, (m) => `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`],
  [/^(\d{4})-(SP|SU|FA|WI)$/, (m) => `${SEASONS[group(m, 2)]} ${m[1]}`],
  [/^\d{4}$/, (_, v) => v],
  [/^\d{3}$/, (_, v) => `the ${v}0s`],
  [/^\d{2}$/, (_, v) => `the ${ordinal(Number(v) + 1)} century`],
  [
    /^XXXX-WXX-([1-7])(?:T(MO|AF|EV|NI))?$/,
    (m) => `${WEEKDAYS[Number(m[1]) % 7]}${m[2] ? ` ${PARTS_OF_DAY[m[2]]}` : ""}, date not given`,
  ],
  [/^XXXX-(\d{2})-(\d{2})$/, (m) => `${Number(m[2])} ${MONTHS[Number(m[1]) - 1]}, year not given`],
  [/^XXXX-(\d{2})$/, (m) => `${MONTHS[Number(m[1]) - 1]}, year not given`],
  [/^XXXX-Q([1-4])$/, (m) => `Q${m[1]}, year not given`],
  [/^XXXX-(SP|SU|FA|WI)$/, (m) => `${SEASONS[group(m, 1)]}, year not given`],
  [
    /^XXXX-WXX(?:-WE)?$/,
    (_, v) => (v.endsWith("WE") ? "a weekend, date not given" : "a week, date not given"),
  ],
  [/^XXXX(?:-XX-XX)?(?:T.*)?$/, () => "date not given"],
  [/^(PAST|PRESENT|FUTURE)_REF$/, (_, v) => REFERENCES[v] ?? v],
];

/** A reader's form of a TIMEX3 value: `Sunday 23 February 2025`, `June 2024`, `the week of 17 February 2025`, `1 minute`. */
export function displayValue(value: string): string {
  return durationDisplay(value) ?? firstRule(DISPLAY_RULES, value) ?? value;
}

const SEASON_MONTHS: Record<string, string> = { SP: "03", SU: "06", FA: "09", WI: "12" };

const START_RULES: Rule[] = [
  [/^\d{4}-\d{2}-\d{2}/, (_, v) => v.slice(0, 10)],
  [/^(\d{4})-(\d{2})$/, (m) => `${m[1]}-${m[2]}-01`],
  [/^\d{4}-W\d{2}(?:-WE)?$/, (_, v) => isoDay(weekStart(v.slice(0, 8)))],
  [/^(\d{4})-Q([1-4])$/, (m) => `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`],
  [/^(\d{4})-H([12])$/, (m) => `${m[1]}-${m[2] === "1" ? "01" : "07"}-01`],
  [/^(\d{4})-(SP|SU|FA|WI)$/, (m) => `${m[1]}-${SEASON_MONTHS[group(m, 2)]}-01`],
  [/^\d{4}$/, (_, v) => `${v}-01-01`],
  [/^\d{3}$/, (_, v) => `${v}0-01-01`],
];

/** The first day a value covers, for ordering a timeline; null for durations and vague references. */
export function valueStart(value: string): string | null {
  return firstRule(START_RULES, value) ?? null;
}
