// The date display and start rules (src/engine/parse/dates.ts): every rule a positive and a negative row, keyed by id.
import { describe, expect, it } from "vitest";
import {
  DISPLAY_RULES,
  type DisplayRuleId,
  displayValue,
  START_RULES,
  type StartRuleId,
  valueStart,
} from "../../src/engine/parse/dates.ts";
import { fire, firstFired } from "../../src/engine/rules/rule.ts";

interface Case {
  /** A value the rule is the first to fire on, and what it gives. */
  yes: [value: string, result: string];
  /** A value the rule does not fire on. */
  no: string;
}

const DISPLAY: Record<DisplayRuleId, Case> = {
  minute: { yes: ["2031-04-06T09:30", "Sunday 6 April 2031, 09:30"], no: "2031-04-06T09" },
  "part-of-day": { yes: ["2031-04-06TEV", "Sunday 6 April 2031, evening"], no: "2031-04-06TXX" },
  hour: { yes: ["2031-04-06T14", "Sunday 6 April 2031, 14:00"], no: "2031-04-06T14:05" },
  "calendar-day": { yes: ["2031-04-06", "Sunday 6 April 2031"], no: "2031-04" },
  "calendar-month": { yes: ["2031-04", "April 2031"], no: "2031-4" },
  "iso-week": { yes: ["2031-W15", "week of 7 April 2031"], no: "2031-W15-WE" },
  "iso-weekend": { yes: ["2031-W15-WE", "weekend of 12 April 2031"], no: "2031-W15" },
  quarter: { yes: ["2031-Q2", "Q2 2031"], no: "2031-Q5" },
  "half-year": { yes: ["2031-H1", "first half of 2031"], no: "2031-H3" },
  season: { yes: ["2031-SU", "summer 2031"], no: "2031-AU" },
  year: { yes: ["2031", "2031"], no: "20311" },
  decade: { yes: ["203", "the 2030s"], no: "2030" },
  century: { yes: ["20", "the 21st century"], no: "2" },
  "weekday-only": { yes: ["XXXX-WXX-3TMO", "Wednesday morning, date not given"], no: "XXXX-WXX-8" },
  "day-without-year": { yes: ["XXXX-04-06", "6 April, year not given"], no: "XXXX-04" },
  "month-without-year": { yes: ["XXXX-04", "April, year not given"], no: "XXXX-Q4" },
  "quarter-without-year": { yes: ["XXXX-Q3", "Q3, year not given"], no: "XXXX-Q7" },
  "season-without-year": { yes: ["XXXX-WI", "winter, year not given"], no: "XXXX-WE" },
  "weekend-without-date": { yes: ["XXXX-WXX-WE", "a weekend, date not given"], no: "XXXX-WXX" },
  "week-without-date": { yes: ["XXXX-WXX", "a week, date not given"], no: "XXXX-WXX-WE" },
  "no-date": { yes: ["XXXX-XX-XXT10:00", "date not given"], no: "XXXX-04" },
  reference: { yes: ["FUTURE_REF", "the future"], no: "LATER_REF" },
};

const START: Record<StartRuleId, Case> = {
  dated: { yes: ["2031-04-06T09:30", "2031-04-06"], no: "2031-04" },
  "month-start": { yes: ["2031-04", "2031-04-01"], no: "2031-04-06" },
  "week-start": { yes: ["2031-W15-WE", "2031-04-07"], no: "2031-W15-3" },
  "quarter-start": { yes: ["2031-Q3", "2031-07-01"], no: "2031-Q0" },
  "half-start": { yes: ["2031-H2", "2031-07-01"], no: "2031-H0" },
  "season-start": { yes: ["2031-FA", "2031-09-01"], no: "XXXX-FA" },
  "year-start": { yes: ["2031", "2031-01-01"], no: "PRESENT_REF" },
  "decade-start": { yes: ["203", "2030-01-01"], no: "20" },
};

describe("date display rules", () => {
  it.each(DISPLAY_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const { yes, no } = DISPLAY[id];
    expect(firstFired(DISPLAY_RULES, yes[0])?.id).toBe(id);
    expect(displayValue(yes[0])).toBe(yes[1]);
    expect(fire(rule, no)).toBeNull();
    expect(fire(rule, rule.example)?.id).toBe(id);
  });
});

describe("date start rules", () => {
  it.each(START_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const { yes, no } = START[id];
    expect(firstFired(START_RULES, yes[0])?.id).toBe(id);
    expect(valueStart(yes[0])).toBe(yes[1]);
    expect(fire(rule, no)).toBeNull();
    expect(fire(rule, rule.example)?.id).toBe(id);
  });
  it("durations and vague references have no start", () => {
    expect(valueStart("P2Y")).toBeNull();
    expect(valueStart("PAST_REF")).toBeNull();
  });
});
