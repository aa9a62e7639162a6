// The date an article states about itself, when no front matter gives one: a dateline
// (`LONDON, May 5 (Reuters) -`, `May 5, 2024 —`) or a `Published`/`Updated` line near the top.
// A dateline without a year takes it only from the article's own furniture (a Published line, a copyright
// line, the URL); a year found in the story is about the story, so without one the date stays unknown.

import { anyOf, DATE_LABELS, ORDINAL_SUFFIXES, regex } from "../../lexicon/index.ts";
import { MONTH_PATTERN, monthNumber, NEWS_AGENCIES } from "../../lexicon/time.ts";
import { defined, group } from "../../match.ts";

export interface StatedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  from: "dateline" | "published line";
}

/** How far into the text the article's own date is looked for: datelines and bylines sit at the top. */
const HEAD_CHARS = 1500;

const pad = (n: number) => String(n).padStart(2, "0");

function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const DAY_FIRST = new RegExp(
  `\\b(\\d{1,2})${anyOf(ORDINAL_SUFFIXES)}?\\s+(${MONTH_PATTERN})\\.?,?\\s+((?:19|20)\\d{2})\\b`,
  "i",
);
const MONTH_FIRST = new RegExp(
  `\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})${anyOf(ORDINAL_SUFFIXES)}?,?\\s+((?:19|20)\\d{2})\\b`,
  "i",
);
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;

/** A full calendar date written anywhere in `line`: `5 May 2024`, `May 5, 2024`, `2024-05-05`. */
export function fullDateIn(line: string): string | null {
  const iso = ISO.exec(line);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(line);
  if (dayFirst) {
    return calendarDay(
      Number(dayFirst[3]),
      defined(monthNumber(group(dayFirst, 2)), "month"),
      Number(dayFirst[1]),
    );
  }
  const monthFirst = MONTH_FIRST.exec(line);
  if (monthFirst) {
    return calendarDay(
      Number(monthFirst[3]),
      defined(monthNumber(group(monthFirst, 1)), "month"),
      Number(monthFirst[2]),
    );
  }
  return null;
}

const PUBLISHED_LINE = regex("i")`^\s*(?:first\s+)?${DATE_LABELS}\b(?:\s+(?:on|at))?\s*:?\s*(.+)$`;

const AGENCY = `\\((?:${NEWS_AGENCIES.join("|")})\\)`;
/** `PARIS, March 3 (Reuters) -`, `HARBOURTON, Nov. 2, 2024 (AP) —`: a place in capitals, a date, a dash. */
const DATELINE = new RegExp(
  `^\\s*[A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][A-Za-z.'’ ]{1,30})?,?\\s+(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:,?\\s+((?:19|20)\\d{2}))?\\s*(?:${AGENCY}\\s*)?[-—–]`,
);
/** `May 5, 2024 —` or `5 May 2024 -` opening a paragraph. */
const DATE_DASH = new RegExp(
  `^\\s*(?:(${MONTH_PATTERN})\\.?\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})|(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?\\s+((?:19|20)\\d{2}))\\s*[-—–]`,
);
const COPYRIGHT_YEAR = /(?:©|\(c\)|copyright)\s*((?:19|20)\d{2})\b/i;
const URL_YEAR = /\/((?:19|20)\d{2})\/(?:\d{2}\/)?/;

/** The article's own date from its text (and its URL for a year), or null when it states none. */
export function statedArticleDate(text: string, url?: string): StatedDate | null {
  const head = text.slice(0, HEAD_CHARS);
  const lines = head.split("\n");
  let publishedYear: number | undefined;
  for (const line of lines) {
    const published = PUBLISHED_LINE.exec(line);
    if (!published) continue;
    const date = fullDateIn(group(published, 1));
    if (date) return { date, from: "published line" };
    const year = /\b((?:19|20)\d{2})\b/.exec(group(published, 1));
    if (year) publishedYear ??= Number(year[1]);
  }
  for (const line of lines) {
    const dated = DATE_DASH.exec(line);
    if (dated) {
      const date = dated[1]
        ? calendarDay(Number(dated[3]), defined(monthNumber(dated[1]), "month"), Number(dated[2]))
        : calendarDay(Number(dated[6]), defined(monthNumber(group(dated, 5)), "month"), Number(dated[4]));
      if (date) return { date, from: "dateline" };
    }
    const dateline = DATELINE.exec(line);
    if (!dateline) continue;
    const year =
      (dateline[3] ? Number(dateline[3]) : undefined) ??
      publishedYear ??
      numberOf(
        COPYRIGHT_YEAR.exec(text.slice(0, HEAD_CHARS)) ?? COPYRIGHT_YEAR.exec(text.slice(-HEAD_CHARS)),
      ) ??
      numberOf(url ? URL_YEAR.exec(url) : null);
    if (year === undefined) return null;
    const date = calendarDay(year, defined(monthNumber(group(dateline, 1)), "month"), Number(dateline[2]));
    return date ? { date, from: "dateline" } : null;
  }
  return null;
}

const numberOf = (match: RegExpExecArray | null) => (match ? Number(match[1]) : undefined);
