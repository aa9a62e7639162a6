// Temporal expressions with TIMEX3-style values, resolved against the article date.
// chrono-node finds and resolves most expressions; small passes after it set the granularity TIMEX3
// wants (a month is `2024-06`, not a day), turn spans of time into durations, resolve weekdays by the
// sentence's tense, and add what chrono leaves out (bare years, decades, quarters, `now`, `recently`).
import * as chrono from "chrono-node";
import { addDays, displayValue, isoDay, isoWeek, pad, utcDate } from "./dates";
import { sentenceAt } from "./segment";
import type { Sentence, Timex, TimexType } from "./types";

interface Found {
  start: number;
  end: number;
  type: TimexType;
  value: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join("|")}|several|a few|few|many)`;
const UNIT = "(?:year|month|week|day|hour|minute|decade|century|centuries|quarter)";
const UNIT_CODE: Record<string, string> = {
  year: "Y",
  month: "M",
  week: "W",
  day: "D",
  hour: "H",
  minute: "M",
  decade: "DE",
  century: "CE",
  centuries: "CE",
  quarter: "Q",
};

function durationValue(amount: string, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, "");
  const n =
    NUMBER_WORDS[amount.toLowerCase()] ?? (/couple/i.test(amount) ? 2 : /^\d/.test(amount) ? amount : "X");
  if (u === "quarter") return n === "X" ? "PXM" : `P${Number(n) * 3}M`;
  const code = UNIT_CODE[u] ?? "D";
  const time = u === "hour" || u === "minute";
  return `P${time ? "T" : ""}${n}${code}`;
}

const FUTURE = /\b(will|shall|'ll|going to|next|plans? to|planned|expected to|scheduled|upcoming|coming)\b/i;

/** A weekday said in a news sentence is the last one (past tense) or the next one (future tense). */
/** `context` is the text around the weekday: a `will` elsewhere in the sentence is about another event. */
function resolveWeekday(weekday: number, reference: Date, context: string): string {
  const today = reference.getUTCDay();
  if (FUTURE.test(context)) return isoDay(addDays(reference, (weekday - today + 7) % 7));
  return isoDay(addDays(reference, -((today - weekday + 7) % 7)));
}

type ChronoResult = ReturnType<typeof chrono.en.casual.parse>[number];

/** Turns one chrono result into a TIMEX3 value at the granularity the text gives. */
/**
 * @param quarterly the article reports by quarter (it says `quarter` more than once): `a year ago` then means
 *   the same quarter a year before.
 */
function fromChrono(
  result: ChronoResult,
  lead: string,
  reference: Date,
  sentence: string,
  quarterly = false,
  around = sentence,
): Found | null {
  const text = (lead + result.text).toLowerCase();
  const start = result.index - lead.length;
  const end = result.index + result.text.length;
  const c = result.start;
  // Durations: `for three weeks`, `the past two years`.
  const duration = new RegExp(
    `^(?:for|over|during|in|within|after)?\\s*(?:the\\s+)?(?:past|last|next|coming|first)?\\s*(${NUMBER}|a couple of)\\s+(${UNIT})s?(?:\\s+(?:after|later))?$`,
    "i",
  ).exec(text);
  if (duration && !/\bago\b|\blater\b/.test(text)) {
    return {
      start,
      end,
      type: "DURATION",
      value: durationValue(duration[1] as string, duration[2] as string),
    };
  }
  if (/^(?:over|during|in|for)\s+the\s+(?:last|past)\s+(week|month|year)$/.test(text)) {
    const unit = /week|month|year/.exec(text)?.[0] as string;
    return { start, end, type: "DURATION", value: durationValue("1", unit) };
  }
  if (/^(right )?now$/.test(text)) return { start, end, type: "DATE", value: "PRESENT_REF" };
  // `up 20% from a year earlier` in a quarterly report: the same quarter a year before.
  if (/^(a|one) year (ago|earlier)$/.test(text) && (quarterly || /\bquarter/i.test(sentence))) {
    const current = Math.floor(reference.getUTCMonth() / 3) + 1;
    const [year, quarter] =
      current === 1 ? [reference.getUTCFullYear() - 2, 4] : [reference.getUTCFullYear() - 1, current - 1];
    return { start, end, type: "DATE", value: `${year}-Q${quarter}` };
  }
  const week = /^(this past|the past|past|last|this|next|the coming|coming)\s+week(end)?$/.exec(text);
  if (week) {
    const shift = /past|last/.test(week[1] as string) ? -7 : /next|coming/.test(week[1] as string) ? 7 : 0;
    const value = isoWeek(addDays(reference, shift));
    return { start, end, type: "DATE", value: week[2] ? `${value}-WE` : value };
  }
  const known = (k: "year" | "month" | "day" | "hour" | "weekday") => c.isCertain(k);
  const year = c.get("year") as number;
  const month = c.get("month") as number;
  const day = c.get("day") as number;
  if (known("hour") && (known("day") || known("weekday") || /today|tonight|yesterday|tomorrow/.test(text))) {
    const date =
      known("weekday") && !known("day")
        ? resolveWeekday(c.get("weekday") as number, reference, around)
        : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return {
      start,
      end,
      type: "TIME",
      value: `${date}T${pad(c.get("hour") as number)}:${pad(c.get("minute") ?? 0)}`,
    };
  }
  if (known("day") && known("month")) {
    return { start, end, type: "DATE", value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
  }
  if (known("weekday") && !known("day")) {
    return {
      start,
      end,
      type: "DATE",
      value: resolveWeekday(c.get("weekday") as number, reference, around),
    };
  }
  if (known("month")) {
    // chrono picks the nearest year for a bare month; news tells of the past unless the verb says otherwise.
    let y = year;
    if (!known("year") && /^last\s/.test(text)) {
      // `last February`: the February of last year.
      y = reference.getUTCFullYear() - 1;
    } else if (!known("year")) {
      const ref = reference.getUTCFullYear();
      const refMonth = reference.getUTCMonth() + 1;
      y = FUTURE.test(sentence) ? (month >= refMonth ? ref : ref + 1) : month <= refMonth ? ref : ref - 1;
    }
    return { start, end, type: "DATE", value: `${pad(y, 4)}-${pad(month)}` };
  }
  if (known("year")) return { start, end, type: "DATE", value: pad(year, 4) };
  if (known("hour"))
    return {
      start,
      end,
      type: "TIME",
      value: `${isoDay(reference)}T${pad(c.get("hour") as number)}:${pad(c.get("minute") ?? 0)}`,
    };
  if (/today|tonight|yesterday|tomorrow/.test(text)) {
    return { start, end, type: "DATE", value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
  }
  return null;
}

const EXTRA_PATTERNS: {
  pattern: RegExp;
  make: (m: RegExpExecArray, reference: Date | null) => Omit<Found, "start" | "end"> | null;
}[] = [
  // `the 1990s`, `the '90s`
  {
    pattern: /\b(?:the\s+)?((?:1[5-9]|20)\d)0s\b/gi,
    make: (m) => ({ type: "DATE", value: m[1] as string }),
  },
  // `the fourth quarter`, `third-quarter`, `the third quarter of 2024`: a quarter not yet reached is last year's.
  {
    pattern:
      /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+((?:19|20)\d{2}))?\b/gi,
    make: (m, reference) => {
      const q = { first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 }[
        (m[1] as string).toLowerCase() as "first"
      ];
      if (m[2]) return { type: "DATE", value: `${m[2]}-Q${q}` };
      if (!reference) return null;
      const current = Math.floor(reference.getUTCMonth() / 3) + 1;
      return { type: "DATE", value: `${reference.getUTCFullYear() - (q > current ? 1 : 0)}-Q${q}` };
    },
  },
  // `the quarter`, `the latest quarter`: in financial news, the last quarter that has ended.
  {
    pattern: /\bthe\s+(?:latest\s+|last\s+|most recent\s+)?quarter\b/gi,
    make: (_, reference) => {
      if (!reference) return null;
      const current = Math.floor(reference.getUTCMonth() / 3) + 1;
      const year = reference.getUTCFullYear() - (current === 1 ? 1 : 0);
      return { type: "DATE", value: `${year}-Q${current === 1 ? 4 : current - 1}` };
    },
  },
  // Bare years: `in 2021`, `since the 2021 assassination`. Not amounts (`2,021`, `$2021`, `2021 people`).
  // Years before 1600 only where a preposition or possessive says it is a year: `in 1507`, `his 1525 publication`.
  {
    pattern:
      /(?<![\d$£€,.])(?:\b((?:1[6-9]|20)\d{2})|(?<=\b(?:in|since|by|until|from|during|before|after|around|of|between|and|as|his|her|its|their|the)\s)(1[0-5]\d{2}))\b(?!\d|,\d|%|\s*(?:percent|people|officers|troops|dollars|years|km|miles|men|soldiers)\b)/g,
    make: (m) => ({ type: "DATE", value: (m[1] ?? m[2]) as string }),
  },
  // Spans of time chrono does not take: `three days`, `two decades`, `several years`.
  {
    pattern: new RegExp(
      `\\b(${NUMBER})[\\s-]+(${UNIT})s?(?:-long)?\\b(?!\\s+(?:ago|later|earlier|before|after|from))`,
      "gi",
    ),
    make: (m) => ({ type: "DURATION", value: durationValue(m[1] as string, m[2] as string) }),
  },
  // Sets: `every week`, `each year`, `weekly`.
  {
    pattern: /\b(?:every|each)\s+(day|week|month|year)\b|\b(daily|weekly|monthly|annually|yearly)\b/gi,
    make: (m) => {
      const word = ((m[1] ?? m[2]) as string).toLowerCase();
      const code = {
        day: "D",
        daily: "D",
        week: "W",
        weekly: "W",
        month: "M",
        monthly: "M",
        year: "Y",
        annually: "Y",
        yearly: "Y",
      }[word as "day"];
      return { type: "SET", value: `P1${code}` };
    },
  },
  {
    pattern: /\b(now|current|currently|nowadays|these days|at present)\b/gi,
    make: () => ({ type: "DATE", value: "PRESENT_REF" }),
  },
  // `recent months`: an unknown number of them.
  {
    pattern: /\brecent\s+(days|weeks|months|years|decades)\b/gi,
    make: (m) => ({ type: "DURATION", value: durationValue("several", m[1] as string) }),
  },
  // `this summer`, `last winter`, `next spring`.
  {
    pattern: /\b(this|last|next|past)\s+(spring|summer|autumn|fall|winter)\b/gi,
    make: (m, reference) => {
      if (!reference) return null;
      const code = { spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI" }[
        (m[2] as string).toLowerCase() as "spring"
      ];
      const shift = /last|past/i.test(m[1] as string) ? -1 : /next/i.test(m[1] as string) ? 1 : 0;
      return { type: "DATE", value: `${reference.getUTCFullYear() + shift}-${code}` };
    },
  },
  // `year-earlier results`, `the year-ago period`: last year.
  {
    pattern: /\byear-(earlier|ago)\b/gi,
    make: (_, reference) =>
      reference ? { type: "DATE", value: String(reference.getUTCFullYear() - 1) } : null,
  },
  {
    pattern: /\b(recently|recent|the past)\b/gi,
    make: () => ({ type: "DATE", value: "PAST_REF" }),
  },
  {
    pattern: /\b(the future|future)\b/gi,
    make: () => ({ type: "DATE", value: "FUTURE_REF" }),
  },
];

/**
 * What chrono reads as a date but a news text means otherwise: fractions and prices (`1/4`, `7/8`, `1.18 a`),
 * and `Sun` (a newspaper more often than Sunday).
 */
function isNoise(text: string): boolean {
  if (!/\p{L}{3,}/u.test(text) && !/\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}/.test(text)) return true;
  return /^(sun|sat|mon|tue|wed|thu|fri)$/i.test(text.trim());
}

/** `this past week`: chrono takes `past week`; TIMEX3 spans keep the determiner, and `over the` decides a duration. */
function leadOf(text: string, result: ChronoResult): string {
  if (/^(the|this)\b/i.test(result.text)) return "";
  const lead = /\b(?:(?:over|during|in|for) the|this|the)\s+$/i.exec(
    text.slice(Math.max(0, result.index - 12), result.index),
  );
  return lead ? lead[0] : "";
}

/** TIMEX3 spans leave out the preposition chrono includes: `on Sunday` → `Sunday`. */
function trimPreposition(result: ChronoResult): ChronoResult {
  const lead = /^(?:on|in|at|by|since|from|until|during)\s+/i.exec(result.text);
  if (!lead || result.text.length <= lead[0].length) return result;
  return Object.assign(Object.create(Object.getPrototypeOf(result)), result, {
    index: result.index + lead[0].length,
    text: result.text.slice(lead[0].length),
  });
}

/** Finds the article's temporal expressions. `date` (YYYY-MM-DD) anchors relative ones; without it they are skipped. */
export function extractTimexes(text: string, sentences: Sentence[], date: string | null): Timex[] {
  const reference = date ? utcDate(date) : null;
  const found: Found[] = [];
  if (reference) {
    const instant = new Date(reference.getTime() + 12 * 3_600_000);
    const quarterly = (text.match(/\bquarter/gi) ?? []).length > 1;
    for (const parsed of chrono.en.casual.parse(text, { instant, timezone: 0 }, { forwardDate: false })) {
      const result = trimPreposition(parsed);
      if (isNoise(result.text)) continue;
      const sentence = sentenceAt(sentences, result.index);
      const from = Math.max(sentence?.start ?? 0, result.index - 40);
      const around = text.slice(
        from,
        Math.min(sentence?.end ?? text.length, result.index + result.text.length + 25),
      );
      const f = fromChrono(result, leadOf(text, result), reference, sentence?.text ?? "", quarterly, around);
      if (f) found.push(f);
    }
  } else {
    // No article date: keep only what chrono dates on its own (a year given).
    for (const parsed of chrono.en.casual.parse(text)) {
      if (!parsed.start.isCertain("year")) continue;
      const result = trimPreposition(parsed);
      const f = fromChrono(result, "", new Date(0), "");
      if (f) found.push(f);
    }
  }
  for (const { pattern, make } of EXTRA_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      const made = make(m as RegExpExecArray, reference);
      if (made) found.push({ start, end, ...made });
    }
  }
  found.sort((a, z) => a.start - z.start);
  const timexes: Timex[] = [];
  for (const f of found) {
    const sentence = sentenceAt(sentences, f.start);
    if (!sentence) continue;
    timexes.push({
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      type: f.type,
      value: f.value,
      display: displayValue(f.value),
      paragraph: sentence.paragraph,
      sentence: sentence.index,
    });
  }
  return timexes;
}
