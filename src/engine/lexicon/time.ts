import { words } from "./words.ts";

// Words the date rules read: calendar names, number words, units of time, tense cues, parts of the day.

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const WEEKDAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

/** A month name or its news abbreviation (`Sept.`, `Aug`), as a regex source; months are 1-based by position. */
export const MONTH_PATTERN =
  "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:tember|t\\.?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";

/** Months as news abbreviates them, lower-case and without their stop: `jan`, `sept`. */
export const MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec");

/** 1-based month of a name or abbreviation, or undefined. */
export function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase().slice(0, 3);
  const index = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(key));
  return index < 0 ? undefined : index + 1;
}

/** 0-based weekday (Sunday 0) of a name, or undefined. */
export function weekdayNumber(word: string): number | undefined {
  const index = WEEKDAY_NAMES.findIndex((d) => d.toLowerCase() === word.toLowerCase());
  return index < 0 ? undefined : index;
}

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** Units of time and their TIMEX3 duration letters; `T` marks the clock units written after `PT`. */
export const UNIT_CODES: Readonly<Record<string, { code: string; clock: boolean }>> = {
  year: { code: "Y", clock: false },
  month: { code: "M", clock: false },
  week: { code: "W", clock: false },
  day: { code: "D", clock: false },
  hour: { code: "H", clock: true },
  minute: { code: "M", clock: true },
  second: { code: "S", clock: true },
  decade: { code: "DE", clock: false },
  century: { code: "CE", clock: false },
  centuries: { code: "CE", clock: false },
  quarter: { code: "Q", clock: false },
};

/** Words that put a clause in the future: a bare weekday or month there is the next one, not the last. */
export const FUTURE_CUES = [
  "will",
  "shall",
  "'ll",
  "going to",
  "next",
  "plans? to",
  "planned",
  "expected",
  "expects?",
  "scheduled",
  "set to",
  "(?:is|are) due",
  "is to",
  "are to",
  "upcoming",
  "must",
  "coming",
] as const;

/** TIMEX3 parts of the day: `Friday evening` is `…TEV`. */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: "MO",
  afternoon: "AF",
  evening: "EV",
  night: "NI",
  overnight: "NI",
};

/** Names of the TIMEX3 parts of the day, for display. */
export const PART_OF_DAY_NAMES: Readonly<Record<string, string>> = {
  MO: "morning",
  AF: "afternoon",
  EV: "evening",
  NI: "night",
};

/** Duration letters before `T` (calendar units) and after it (clock units): `PT1M` is a minute, `P1M` a month. */
export const CALENDAR_UNIT_NAMES: Readonly<Record<string, string>> = {
  Y: "year",
  M: "month",
  W: "week",
  D: "day",
  DE: "decade",
  CE: "century",
  L: "millennium",
  Q: "quarter",
};
export const CLOCK_UNIT_NAMES: Readonly<Record<string, string>> = { H: "hour", M: "minute", S: "second" };

export const SEASON_CODES: Readonly<Record<string, string>> = {
  spring: "SP",
  summer: "SU",
  autumn: "FA",
  fall: "FA",
  winter: "WI",
};

export const SEASON_NAMES: Readonly<Record<string, string>> = {
  SP: "spring",
  SU: "summer",
  FA: "autumn",
  WI: "winter",
};

/** Ordinals of quarters and halves. */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  last: 4,
};

/** News agencies whose name in brackets closes a dateline: `PARIS, March 3 (Reuters) -`. */
export const NEWS_AGENCIES = [
  "Reuters",
  "AP",
  "AFP",
  "UPI",
  "Bloomberg",
  "dpa",
  "Xinhua",
  "PA",
  "CNN",
  "BBC",
  "ANSA",
  "EFE",
  "IANS",
  "PTI",
  "Kyodo",
] as const;
