// Temporal expressions with TIMEX3-style values, read against the article's own date.
// A pipeline of named passes, after chrono-node's own parser/refiner design: chrono finds expressions; span
// passes trim and split what it found; the chrono rules (timex/chrono-rules.ts) read each one at the
// granularity the text gives; the pattern rules (timex/pattern-rules.ts) override chrono where it misreads and
// add what it leaves out. An article without a date keeps its relative expressions, unresolved and marked:
// nothing here ever reads today's clock. For comparing dates (the claim checker), `calendarDates` adds the years,
// decades and month-year dates of the phrase rules (timex/phrase-rules.ts) where the other rules found nothing.
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node";
import {
  DATE_LEAD_PREPOSITIONS,
  DAY_PARTS,
  RANGE_JOINERS,
  regex,
  SHORT_WORDS_NOT_DATES,
  SPAN_DETERMINERS,
  SPAN_PREPOSITIONS,
} from "../lexicon/index.ts";
import { everywhere } from "../rules/rule.ts";
import type { Sentence, Timex } from "../types.ts";
import { displayValue } from "./dates.ts";
import { sentenceAt } from "./segment.ts";
import { type ChronoResult, type ChronoRuleId, readChrono } from "./timex/chrono-rules.ts";
import { PATTERN_RULES, type PatternRuleId, type PatternStage, readPattern } from "./timex/pattern-rules.ts";
import { datePhrases } from "./timex/phrase-rules.ts";
import { type Anchor, anchorOf, type Reading } from "./timex/reading.ts";

/** A preposition that opens a date expression: `on Monday`. */
const LEADING_PREPOSITION = regex("i")`^${DATE_LEAD_PREPOSITIONS}\s+`;
/** An abbreviation alone (`Sun`, `the min`): no date. */
const SHORT_WORD_ONLY = regex("i")`^(?:the\s+)?${SHORT_WORDS_NOT_DATES}\.?$`;
/** A part of the day alone (`evening`): no date. */
const DAY_PART_ONLY = regex("i")`^${DAY_PARTS}$`;
/** Words right before a date that belong to it: `over the`, `this past`. */
const LEAD_WORDS = regex("i")`\b(?:${SPAN_PREPOSITIONS} the|${SPAN_DETERMINERS})\s+$`;

/** One expression found, with the id of the rule that read it (so tests can name the rule). */
export interface FoundTimex extends Reading {
  start: number;
  end: number;
  rule: PatternRuleId | ChronoRuleId;
}
type Found = FoundTimex;

// chrono-node is loaded on the first article read, not at start-up (it takes a noticeable part of a second);
// a synchronous require of its CommonJS build keeps readTimexes synchronous.
let chrono: typeof Chrono | undefined;
function casualChrono(): typeof Chrono.en.casual {
  chrono ??= createRequire(import.meta.url)("chrono-node") as typeof Chrono;
  return chrono.en.casual;
}

/** What chrono reads against in an undated article: fixed, so results never depend on when the code runs. */
const STAND_IN_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));

/** A pass over chrono's results before they are read: it may trim, split or drop them. */
interface SpanPass {
  id: string;
  apply: (
    result: ChronoResult,
    text: string,
    reparse: (from: number, to: number) => ChronoResult[],
  ) => ChronoResult[];
  reason: string;
}

function withSpan(result: ChronoResult, index: number, text: string): ChronoResult {
  return Object.assign(Object.create(Object.getPrototypeOf(result)), result, { index, text });
}

const RANGE_JOINER = regex("i")`\s+${RANGE_JOINERS}\s+|\s+[-–—]\s+`;

export const SPAN_PASSES: readonly SpanPass[] = [
  {
    id: "split-range",
    apply: (result, _, reparse) => {
      const joiner = result.end ? RANGE_JOINER.exec(result.text) : null;
      if (!joiner) return [result];
      const left = reparse(result.index, result.index + joiner.index);
      const right = reparse(
        result.index + joiner.index + joiner[0].length,
        result.index + result.text.length,
      );
      return [...left, ...right];
    },
    reason: "`from Friday to December` is two expressions, each with its own value (TIMEX3 marks both ends).",
  },
  {
    id: "trim-preposition",
    apply: (result) => {
      const lead = LEADING_PREPOSITION.exec(result.text);
      if (!lead || result.text.length <= lead[0].length) return [result];
      return [withSpan(result, result.index + lead[0].length, result.text.slice(lead[0].length))];
    },
    reason: "TIMEX3 spans leave out the preposition chrono includes: `on Sunday` → `Sunday`.",
  },
  {
    id: "trim-punctuation",
    apply: (result) => {
      const trimmed = result.text.replace(/[\s,;:]+$/, "");
      return [trimmed === result.text ? result : withSpan(result, result.index, trimmed)];
    },
    reason: "chrono keeps the comma after a weekday (`Sunday,`); the expression ends before it.",
  },
  {
    id: "drop-noise",
    apply: (result) => {
      const t = result.text;
      const dateOrClock = /\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/i;
      if (!/\p{L}{3,}/u.test(t) && !dateOrClock.test(t)) return [];
      if (SHORT_WORD_ONLY.test(t)) return [];
      if (/^half\b/i.test(t)) return [];
      // Month names are capitalised: `may` and `march` in lower case are verbs.
      if (/^(?:may|march)$/.test(t)) return [];
      // `good evening`, `a breakfast show`: a bare part of the day names no day.
      if (DAY_PART_ONLY.test(t)) return [];
      return [result];
    },
    reason:
      "What chrono reads as a date but news means otherwise: fractions (`1/4`), `Sun` (a newspaper), `the SEC`, `in half`.",
  },
];

/** `this past month`: chrono takes `past month`; TIMEX3 spans keep the determiner, and `over the` decides a duration. */
function leadOf(text: string, result: ChronoResult): string {
  if (/^(the|this)\b/i.test(result.text)) return "";
  const lead = LEAD_WORDS.exec(text.slice(Math.max(0, result.index - 12), result.index));
  return lead ? lead[0] : "";
}

/** Spans already taken, kept sorted, so each overlap test is a binary search (hostile input has thousands). */
class Taken {
  private readonly spans: { start: number; end: number }[] = [];
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.spans[mid]?.end ?? at + 1) > at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  overlaps(start: number, end: number): boolean {
    const next = this.spans[this.firstEndingAfter(start)];
    return next !== undefined && next.start < end;
  }
  add(start: number, end: number): void {
    this.spans.splice(this.firstEndingAfter(start), 0, { start, end });
  }
}

function runPatternRules(
  rules: readonly (typeof PATTERN_RULES)[number][],
  text: string,
  sentences: Sentence[],
  anchor: Anchor | null,
  quarterly: boolean,
  taken: Taken,
  found: Found[],
): void {
  for (const rule of rules) {
    for (const { match: m } of everywhere(rule, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.overlaps(start, end)) continue;
      const sentence = sentenceAt(sentences, start);
      const around = text.slice(
        Math.max(sentence?.start ?? 0, start - 40),
        Math.min(sentence?.end ?? text.length, end + 25),
      );
      const reading = readPattern(rule, m, { anchor, quarterly, around });
      if (!reading) continue;
      taken.add(start, end);
      found.push({ start, end, ...reading, rule: rule.id });
    }
  }
}

/** Every expression the rules read, in text order, each with its rule id. */
export function readTimexes(text: string, sentences: Sentence[], date: string | null): FoundTimex[] {
  const anchor = anchorOf(date);
  const instant = anchor ? new Date(anchor.date.getTime() + 12 * 3_600_000) : STAND_IN_INSTANT;
  const quarterly = (text.match(/\bquarter/gi) ?? []).length > 1;
  const casual = casualChrono();
  const parse = (from: number, to: number) =>
    casual
      .parse(text.slice(from, to), { instant, timezone: 0 }, { forwardDate: false })
      .map((r) => withSpan(r, r.index + from, r.text));

  const found: Found[] = [];
  const taken = new Taken();
  const patternStage = (stage: PatternStage) =>
    runPatternRules(
      PATTERN_RULES.filter((r) => r.stage === stage),
      text,
      sentences,
      anchor,
      quarterly,
      taken,
      found,
    );
  patternStage("over-chrono");

  for (const parsed of parse(0, text.length)) {
    let results = [parsed];
    for (const pass of SPAN_PASSES) results = results.flatMap((r) => pass.apply(r, text, parse));
    for (const result of results) {
      const lead = leadOf(text, result);
      const start = result.index - lead.length;
      const sentence = sentenceAt(sentences, result.index);
      const around = text.slice(
        Math.max(sentence?.start ?? 0, result.index - 40),
        Math.min(sentence?.end ?? text.length, result.index + result.text.length + 25),
      );
      const read = readChrono({
        text: (lead + result.text).toLowerCase(),
        result,
        anchor,
        around,
        sentence: sentence?.text ?? "",
        quarterly,
      });
      if (!read) continue;
      const end =
        read.reading.keep === undefined ? result.index + result.text.length : start + read.reading.keep;
      if (taken.overlaps(start, end)) continue;
      taken.add(start, end);
      found.push({ ...read.reading, start, end, rule: read.rule });
    }
  }

  patternStage("after-chrono");

  return found.sort((a, z) => a.start - z.start);
}

/** Finds the article's temporal expressions. `date` (YYYY-MM-DD) anchors relative ones; without it they stay unresolved. */
export function extractTimexes(text: string, sentences: Sentence[], date: string | null): Timex[] {
  const timexes: Timex[] = [];
  for (const f of readTimexes(text, sentences, date)) {
    const sentence = sentenceAt(sentences, f.start);
    if (!sentence) continue;
    const expression = text.slice(f.start, f.end);
    timexes.push({
      start: f.start,
      end: f.end,
      text: expression,
      type: f.type,
      value: f.value,
      resolved: f.resolved,
      display: f.resolved ? displayValue(f.value) : `${expression} — the article gives no date`,
      paragraph: sentence.paragraph,
      sentence: sentence.index,
    });
  }
  return timexes;
}

/** A date a text states, as a calendar value: `2025-02-23`, `2024-06`, `2023`. */
export interface CalendarDate {
  start: number;
  end: number;
  text: string;
  /** Calendar values only: durations and vague references are not compared. */
  value: string;
}

const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/;

/**
 * The calendar dates of a short text (a claim, an evidence sentence), relative ones read against the article's
 * date; then the years and month-year dates the phrase rules find where the date rules found nothing.
 */
export function calendarDates(text: string, articleDate: string | null): CalendarDate[] {
  const sentence = { start: 0, end: text.length, index: 0, paragraph: 1, text };
  const read: CalendarDate[] = readTimexes(text, [sentence], articleDate).flatMap((t) => {
    const value = CALENDAR_VALUE.exec(t.value)?.[0];
    return value && t.resolved
      ? [{ start: t.start, end: t.end, text: text.slice(t.start, t.end), value }]
      : [];
  });
  const extra = datePhrases(text).filter(
    (p) => /^\d{4}(?:-\d{2})?$/.test(p.value) && !read.some((d) => d.start < p.end && d.end > p.start),
  );
  return [...read, ...extra.map((p) => ({ start: p.start, end: p.end, text: p.text, value: p.value }))].sort(
    (a, z) => a.start - z.start,
  );
}
