import { phrases, words } from "./words.ts";

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

/** Months and weekdays as the first three letters of their names: `jan`, `sun`. */
export const MONTH_STEMS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());
export const WEEKDAY_STEMS = WEEKDAY_NAMES.map((d) => d.slice(0, 3).toLowerCase());

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

export type SeasonCode = "SP" | "SU" | "FA" | "WI";
export const SEASON_CODES: Readonly<Record<string, SeasonCode>> = {
  spring: "SP",
  summer: "SU",
  autumn: "FA",
  fall: "FA",
  winter: "WI",
};

export const SEASON_WORDS = Object.keys(SEASON_CODES);

/** Words before an amount of time that belong to the duration: `for two weeks`, `nearly three years`. */
export const DURATION_LEADS = words("for over during in within after just about nearly almost some");

/** Words between the lead and the amount of a duration: `the past two weeks`, `the first ten days`. */
export const DURATION_DETERMINERS = words("past last next coming first");

/** Words after an amount of time that make it a point offset from another: `two days later`. */
export const OFFSET_FOLLOWERS = words("later before after");

/** Words after an amount of time that make it an offset, not a duration: `three years ago`, `two days from …`. */
export const OFFSET_WORDS = words("ago later earlier before after from");

/** Words after `the end of`, `the start of`: which part of a period. */
export const PERIOD_PARTS = words("end beginning start middle");

/** Words before `week`, `month` in `the end of this month`. */
export const PERIOD_PART_DETERMINERS = words("this last next the");

/** Units counted in `the end of this week`. */
export const WEEK_MONTH_QUARTER = words("week month quarter");

/** Words for an amount that is no number: `several weeks`, `a couple of days`. */
export const VAGUE_AMOUNTS = phrases("a|several|a few|few|many|a couple of");

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

/** Words between the two ends of a date range: `Monday to Friday`, `May and June`. */
export const RANGE_JOINERS = words("to through until till and");

/** Prepositions a date expression may open with, trimmed from it: `on Monday` → `Monday`. */
export const DATE_LEAD_PREPOSITIONS = words("on in at by since from until during");

/** Weekday and unit abbreviations that are no date on their own: `Sun`, `min`. */
export const SHORT_WORDS_NOT_DATES = words("sun sat mon tue wed thu fri sec min hr");

/** Parts of the day that name no day on their own: `good evening`. */
export const DAY_PARTS = words("morning afternoon evening night");

/** Prepositions before `the last week`, `the past year`: the span, not a point. */
export const SPAN_PREPOSITIONS = words("over during in for");

/** Words right before a date that belong to it: `last Friday`, `this past week`. */
export const SPAN_DETERMINERS = phrases("this|the|last|next|this past|past");

/** Days named relative to today: `yesterday`, `last night`. */
export const RELATIVE_DAYS = phrases("today|tonight|yesterday|tomorrow|last night");

/** The calendar units a `past week` span is counted in. */
export const WEEK_MONTH_YEAR = words("week month year");

/** Words before `week` that place it: `this past week`, `the coming week`. */
export const WEEK_DETERMINERS = phrases("this past|the past|past|last|this|next|the coming|coming");

/** Prepositions before `the weekend`. */
export const WEEKEND_PREPOSITIONS = words("over during at on");

/** Words for a part of the day, `tonight` included. */
export const DAY_PART_WORDS = words("morning afternoon evening night overnight tonight");

/** Words before `month` that place it: `the previous month`. */
export const MONTH_DETERMINERS = phrases("last|this|next|past|the past|the coming|the previous|the next");

/** Words that place a period near the article's date: `last May`, `this spring`. */
/** How many periods `last`, `this` and `next` move from the article's own. */
export const RELATIVE_SHIFT: Readonly<Record<string, number>> = { last: -1, this: 0, next: 1 };
export const LAST_THIS_NEXT = Object.keys(RELATIVE_SHIFT);
export const NEAR_DETERMINERS = [...LAST_THIS_NEXT, "past"];

/** Which half: `the first half`, `the latter half`. */
export const HALF_ORDINALS = words("first second last latter");

/** A year named by reference: `the first half of next year`. */
export const YEAR_REFERENCES = phrases("the year|this year|next year|last year");

/** Words before `current`: `its current fiscal year`. */
export const CURRENT_DETERMINERS = words("the its this");

/** Calendar periods a rule reads: `the current quarter`. */
export const PERIOD_UNITS = words("year quarter month week");

/** Words after `the year` that make it a fiscal year: `the year ended March 31`. */
export const FISCAL_YEAR_ENDINGS = words("ended ending to");

/** Words after `the year` that make it some other year: `the year before`, `the year when …`. */
export const NOT_THIS_YEAR_FOLLOWERS = phrases(
  "when|that|which|before|after|he|she|they|it|i|we|of|in which|earlier|ago|later|two thousand",
);

/** Words before a part of a day: `later this evening`. */
export const DAY_PART_MODIFIERS = words("later earlier early late");

/** Days a part of the day is placed in: `this morning`, `yesterday evening`. */
export const DAY_PART_DAYS = words("this yesterday tomorrow");

/** Parts of the day between dawn and night. */
export const DAYTIME_PARTS = words("morning afternoon evening");

/** Decades said as words: `the nineties`. */
export const DECADE_WORDS = words("twenties thirties forties fifties sixties seventies eighties nineties");

/** Which part of a period: `early May`, `mid-2019`. */
export const PERIOD_STAGES = words("early late mid");

/** Words after `May` that make it the verb: `May be`, `may not`. */
export const MAY_VERB_FOLLOWERS = words("be have not also well yet still never even need want");

/** Prepositions before a month that make a bare `May` the month. */
export const MONTH_PREPOSITIONS = words("in since by until from during of");

/** Words before a year from 1000 to 1599 that make it a year, not an amount. */
export const YEAR_LEAD_WORDS = words(
  "in since by until from during before after around of between and as his her its their the",
);

/** Nouns after a four-digit number that make it an amount, not a year: `1500 troops`. */
export const COUNTED_NOUNS = words(
  "percent people officers troops dollars years km miles men soldiers points shares",
);

/** Units of a recurring time: `every week`. */
export const RECURRENCE_UNITS = words("day week month year quarter");

/** Words that point at the present. */
export const PRESENT_WORDS = phrases("now|currently|nowadays|these days|at present|current");

/** Nouns after `current` that name no time: `current account`. */
export const NOT_PRESENT_FOLLOWERS = words("account affairs events");

/** Spans before which `recent` or `past` points at the recent past. */
export const RECENT_SPANS = words("days weeks months years decades");

/** Words that place a season: `this past winter`. */
export const SEASON_DETERMINERS = phrases("this past|this|last|next|past");

/** Words that point at the past. */
export const PAST_WORDS = phrases("recently|recent|the past");

/** Spans after `coming` that point at the future. */
export const COMING_SPANS = words("days weeks months years quarters");

/** Words that place a weekday before or after the article's date: `this coming Friday`. */
export const WEEKDAY_DETERMINERS = phrases("last|this past|past|next|this coming|coming");

/** Labels before a page's own date: `Published`, `Last updated`. */
export const DATE_LABELS = phrases("published|updated|last updated|posted|date");

/** Words before a year in a date phrase: `since 2019`, `circa 1850`. */
export const DATE_PHRASE_LEADS = words(
  "in since by from until till of during around circa before after early late mid",
);

/** Nouns after a number that make it a measure, not a year. */
export const MEASURE_NOUNS = words("percent people men troops km miles yards metres meters feet tons");
