// What every date rule shares: the anchor relative expressions are read against, the reading a rule makes,
// and the small calendar steps the rules take.

import { anyOf, regex, VAGUE_AMOUNTS, WEEKDAY_DETERMINERS } from "../../lexicon/index.ts";
import { DIGIT_WORDS, NUMBER_WORDS, wordsValue } from "../../lexicon/numbers.ts";
import { FUTURE_CUES, UNIT_CODES } from "../../lexicon/time.ts";
import type { TimexType } from "../../types.ts";
import { addDays, isoDay, isoWeek, pad, utcDate } from "../dates.ts";

/** The word that places a weekday: `this coming Friday`. */
const WEEKDAY_DETERMINER = regex()`^(${WEEKDAY_DETERMINERS})\s`;

/** The article's own date, which relative expressions are read against. */
export interface Anchor {
  date: Date;
  year: number;
  /** 1-based. */
  month: number;
}

export function anchorOf(iso: string | null): Anchor | null {
  if (!iso) return null;
  const date = utcDate(iso);
  return { date, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/**
 * A rule's reading of an expression. `resolved: false` means the value is underspecified (`XXXX-08`) because
 * the article gives no date to read it against. `keep` shortens the span to its first `keep` characters.
 */
export interface Reading {
  type: TimexType;
  value: string;
  resolved: boolean;
  keep?: number;
}

export const resolvedAs = (type: TimexType, value: string, keep?: number): Reading =>
  keep === undefined ? { type, value, resolved: true } : { type, value, resolved: true, keep };

/** A value that needs the article date: made from the anchor when there is one, else left underspecified. */
export function againstAnchor(
  anchor: Anchor | null,
  type: TimexType,
  make: (anchor: Anchor) => string,
  underspecified: string,
): Reading {
  return anchor
    ? { type, value: make(anchor), resolved: true }
    : { type, value: underspecified, resolved: false };
}

export const quarterOf = (month: number) => Math.floor((month - 1) / 3) + 1;

/** The last quarter that has ended by the anchor: what `the quarter` means in a results story. */
export function lastEndedQuarter(anchor: Anchor): { year: number; quarter: number } {
  const current = quarterOf(anchor.month);
  return current === 1 ? { year: anchor.year - 1, quarter: 4 } : { year: anchor.year, quarter: current - 1 };
}

export const FUTURE = new RegExp(`\\b(?:${FUTURE_CUES.join("|")})\\b`, "i");

/**
 * A weekday said in a news sentence is the last one (past tense) or the next one (future tense); `last Monday`
 * is always past and, said on a Monday, a week back; `next Monday`, `this coming Monday` always ahead.
 */
export function weekdayValue(
  weekday: number,
  anchor: Anchor | null,
  context: string,
  expression = "",
): Reading {
  const iso = weekday === 0 ? 7 : weekday;
  return againstAnchor(
    anchor,
    "DATE",
    (a) => {
      const today = a.date.getUTCDay();
      const determiner = WEEKDAY_DETERMINER.exec(expression)?.[1] ?? "";
      if (/next|coming/.test(determiner) || (!determiner && FUTURE.test(context))) {
        return isoDay(
          addDays(a.date, ((weekday - today + 6) % 7) + 1 - (determiner ? 0 : weekday === today ? 7 : 0)),
        );
      }
      const back = (today - weekday + 7) % 7;
      return isoDay(addDays(a.date, -(back === 0 && determiner ? 7 : back)));
    },
    `XXXX-WXX-${iso}`,
  );
}

/**
 * The year of a month named without one: news tells of the past unless the clause says otherwise; `this June`
 * is the anchor's year, `last June` the one before the last month (`last February` said in March is a year back).
 */
export function yearOfMonth(month: number, anchor: Anchor, determiner: string, context: string): number {
  if (determiner === "this") return anchor.year;
  if (determiner === "last" || determiner === "past") {
    return month < anchor.month - 1 ? anchor.year : anchor.year - 1;
  }
  if (determiner === "next" || FUTURE.test(context))
    return month > anchor.month ? anchor.year : anchor.year + 1;
  return month <= anchor.month ? anchor.year : anchor.year - 1;
}

export const monthValue = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;

/** ISO week of the weekend before (or, in a future clause, after) the anchor: `2025-W08-WE`. */
export function weekendValue(anchor: Anchor, future: boolean): string {
  const day = anchor.date.getUTCDay();
  const saturday = future ? addDays(anchor.date, (6 - day + 7) % 7) : addDays(anchor.date, -((day + 1) % 7));
  return `${isoWeek(saturday)}-WE`;
}

/** `two` → 2, `twenty five` → 25, `12` → 12, `several` → X. */
export function amountOf(words: string): number | "X" {
  const text = words.toLowerCase().trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/couple/.test(text)) return 2;
  // `a week`: a lone article counts one here, not in a claim's amounts.
  return wordsValue(text) || NUMBER_WORDS[text] || "X";
}

/** TIMEX3 duration: `three weeks` → P3W, `ten minutes` → PT10M, `two quarters` → P2Q. */
export function durationValue(amount: string, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, "");
  const n = amountOf(amount);
  const { code, clock } = UNIT_CODES[u] ?? UNIT_CODES[unit.toLowerCase()] ?? { code: "D", clock: false };
  if (code === "DE" && n !== "X") return `P${n * 10}Y`;
  if (code === "CE" && n !== "X") return `P${n * 100}Y`;
  return `P${clock ? "T" : ""}${n}${code}`;
}

/** A spelled number of the forms news uses for amounts of time, as a regex source. */
export const AMOUNT = `(?:\\d+(?:\\.\\d+)?|(?:${Object.keys(NUMBER_WORDS)
  .filter((w) => w.length > 2 || w === "an")
  .join("|")})(?:[\\s-]${anyOf(DIGIT_WORDS)})?|${anyOf(VAGUE_AMOUNTS)})`;

export const UNIT = anyOf(Object.keys(UNIT_CODES));
