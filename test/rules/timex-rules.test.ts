// Each date rule, by id, on invented sentences: what it reads (positive) and what it must leave alone (negative).
import { describe, expect, it } from "vitest";
import { splitAllSentences, splitBlocks } from "../../src/engine/parse/segment.ts";
import { CHRONO_RULES } from "../../src/engine/parse/timex/chrono-rules.ts";
import { PATTERN_RULES } from "../../src/engine/parse/timex/pattern-rules.ts";
import { readTimexes, SPAN_PASSES } from "../../src/engine/parse/timex.ts";
import { fire } from "../../src/engine/rules/rule.ts";

/** Wednesday 12 March 2025: the article date the cases are read against. */
const DATE = "2025-03-12";

function read(text: string, date: string | null = DATE) {
  const sentences = splitAllSentences(text, splitBlocks(text).paragraphs);
  return readTimexes(text, sentences, date).map((f) => ({
    rule: f.rule,
    text: text.slice(f.start, f.end),
    value: f.value,
    resolved: f.resolved,
  }));
}

/** [rule id, sentence, expression, TIMEX3 value]; read against DATE unless the id says undated. */
type Positive = [string, string, string, string];
/** [rule id, sentence]: the rule must read nothing in it. */
type Negative = [string, string];

const POSITIVE: Positive[] = [
  // chrono rules
  ["duration-span", "The strike lasted for five weeks.", "for five weeks", "P5W"],
  ["the-past-unit", "The river rose over the past week.", "over the past week", "2025-W10"],
  ["the-past-unit", "Rents fell in the past year.", "in the past year", "2024"],
  ["now", "The mayor is in Lisbon right now.", "now", "PRESENT_REF"],
  ["anchored-elsewhere", "Three days later, the bridge reopened.", "Three days", "P3D"],
  ["year-ago-in-results", "Quarterly sales rose 8% from a year earlier.", "a year earlier", "2023-Q4"],
  ["calendar-week", "The council voted last week.", "last week", "2025-W10"],
  ["calendar-week", "The council voted last weekend.", "last weekend", "2025-W10-WE"],
  ["calendar-week", "The council votes this weekend.", "this weekend", "2025-W11-WE"],
  ["the-weekend", "Flooding closed roads over the weekend.", "over the weekend", "2025-W10-WE"],
  ["part-of-day", "The fire started on Friday evening.", "Friday evening", "2025-03-07TEV"],
  ["part-of-day", "The council sits this evening.", "this evening", "2025-03-12TEV"],
  ["clock-time", "The polls closed at 9 p.m. Thursday.", "9 p.m. Thursday", "2025-03-06T21:00"],
  ["day-of-month", "The ferry sank on 2 February.", "2 February", "2025-02-02"],
  ["weekday", "The minister resigned on Monday.", "Monday", "2025-03-10"],
  ["weekday", "The minister will resign on Monday.", "Monday", "2025-03-17"],
  ["weekday", "The board met last Wednesday.", "last Wednesday", "2025-03-05"],
  ["weekday", "Sales fell due to weak demand on Tuesday.", "Tuesday", "2025-03-11"],
  ["weekday", "The report is due on Tuesday.", "Tuesday", "2025-03-18"],
  ["relative-month", "Exports fell last month.", "last month", "2025-02"],
  ["month", "The dam burst in January.", "January", "2025-01"],
  ["month", "The dam burst last June.", "last June", "2024-06"],
  ["month", "The vote is expected in June.", "June", "2025-06"],
  ["year", "The bridge opened last year.", "last year", "2024"],
  ["year", "The plant closed two years ago.", "two years ago", "2023"],
  ["month", "The plant closed six months ago.", "six months ago", "2024-09"],
  ["clock-time-today", "The meeting began at 10 a.m.", "10 a.m.", "2025-03-12T10:00"],
  ["day-of-month", "The rescue came yesterday.", "yesterday", "2025-03-11"],
  // pattern rules
  ["spelled-year", "In nineteen eighty-four the mill closed.", "nineteen eighty-four", "1984"],
  ["spelled-year", "The plan ran to the year two thousand.", "two thousand", "2000"],
  ["month-of-relative-year", "In October last year the port flooded.", "October last year", "2024-10"],
  ["year-ago-period", "Margins widened from the year-ago period.", "the year-ago period", "2023-Q4"],
  [
    "relative-year-quarter",
    "The merger may close in next year's third quarter.",
    "next year's third quarter",
    "2026-Q3",
  ],
  ["year-quarter", "Profit fell in the 2023 second quarter.", "the 2023 second quarter", "2023-Q2"],
  ["half-year", "Output rose in the first half of 2024.", "the first half of 2024", "2024-H1"],
  ["current-period", "Bookings should pick up in the current month.", "the current month", "2025-03"],
  ["year-ended", "Revenue for the year ended June 30 rose.", "the year", "P1Y"],
  ["the-year", "Shares hit a low for the year in June.", "the year", "2025"],
  ["part-of-period", "Ballots go out at the middle of next week.", "the middle of next week", "2025-W12"],
  ["part-of-period", "The lease ran out at the end of January.", "the end of January", "2025-01"],
  ["part-of-period", "Prices rose at the start of last month.", "the start of last month", "2025-02"],
  ["part-of-this-day", "Talks resume early this evening.", "early this evening", "2025-03-12TEV"],
  ["the-season", "Rents climbed during the winter.", "during the winter", "2024-WI"],
  ["century", "The town kept its 19th-century mill.", "19th-century", "18"],
  ["spelled-decade", "Crime fell through the nineties.", "the nineties", "199"],
  ["month-may", "The treaty was signed last May.", "last May", "2024-05"],
  ["month-may-after-preposition", "The talks must end by May.", "May", "2025-05"],
  ["decade", "The club peaked in the 1990s.", "the 1990s", "199"],
  ["ordinal-quarter", "Losses narrowed in the third quarter.", "the third quarter", "2024-Q3"],
  [
    "ordinal-quarter",
    "Losses narrowed in the fourth quarter of 2023.",
    "the fourth quarter of 2023",
    "2023-Q4",
  ],
  ["reporting-quarter", "Revenue rose 5% in the quarter.", "the quarter", "2024-Q4"],
  ["bare-year", "Her 1497 chart shows the bay.", "1497", "1497"],
  ["bare-year", "The abbey burned in 1184.", "1184", "1184"],
  ["bare-year", "Their 1588 fleet sank off the cape.", "1588", "1588"],
  ["bare-year", "The bridge opened in 1998.", "1998", "1998"],
  ["span-of-time", "The drought lasted two decades.", "two decades", "P20Y"],
  ["set-every-weekday-or-month", "The market opens every Thursday.", "every Thursday", "XXXX-WXX-4"],
  ["set-every-unit", "The ferry sails every week.", "every week", "P1W"],
  ["present", "The firm currently employs 40 people.", "currently", "PRESENT_REF"],
  ["recent-units", "Rents have climbed in recent years.", "in recent years", "PAST_REF"],
  ["season", "The hotel reopens next summer.", "next summer", "2026-SU"],
  ["past", "The lab recently hired two chemists.", "recently", "PAST_REF"],
  ["future", "Prices will fall in the near future.", "in the near future", "FUTURE_REF"],
];

const NEGATIVE: Negative[] = [
  // chrono rules
  ["duration-span", "The dam burst two days ago."],
  ["the-past-unit", "Rents fell over the past two years."],
  ["now", "Snow fell on the hills."],
  ["anchored-elsewhere", "The bridge reopened three days ago."],
  ["year-ago-in-results", "The village flooded a year ago."],
  ["calendar-week", "The ferry sails every week."],
  ["the-weekend", "The shop shuts on weekdays."],
  ["part-of-day", "Good evening, and welcome."],
  ["clock-time", "The polls closed on Thursday."],
  ["day-of-month", "The ferry sank in February."],
  ["weekday", "The Sun reported the story first."],
  ["relative-month", "Exports fell last year."],
  ["month", "Ministers may resign over the vote."],
  ["month", "They march on the capital."],
  ["year", "Exports fell last month."],
  ["clock-time-today", "The polls closed at 9 p.m. Thursday."],
  ["relative-day", "The rescue came on 2 February."],
  ["relative-without-anchor", "The bridge opened last year."],
  // pattern rules
  ["spelled-year", "Nineteen people were hurt."],
  ["month-of-relative-year", "Rents rose last year."],
  ["year-ago-period", "The plant closed a year ago."],
  ["relative-year-quarter", "Next year's budget is larger."],
  ["year-quarter", "The 2023 budget was larger."],
  ["half-year", "The team led in the first half of the match."],
  ["current-period", "The current owner bought the mill."],
  ["year-ended", "The year ahead looks hard."],
  ["the-year", "It was the year he left."],
  ["the-year", "Margins widened from the year-ago period."],
  ["part-of-period", "The end of the siege came slowly."],
  ["part-of-this-day", "The morning paper arrived late."],
  ["the-season", "The summer of the flood was wet."],
  ["century", "The town kept its 19 mills."],
  ["spelled-decade", "The singer is in her nineties."],
  ["month-may", "Officials may resign."],
  ["month-may-after-preposition", "May I ask? May be so. The tax in May be raised."],
  ["decade", "The choir sang 40 songs."],
  ["ordinal-quarter", "A quarter of the staff left."],
  ["reporting-quarter", "The quarter-point cut surprised traders."],
  ["bare-year", "The ticket cost $2021 and drew 2,021 people."],
  ["bare-year", "The index closed at 1840.6 points."],
  ["bare-year", "The ferry carried 1400 passengers."],
  ["span-of-time", "A 52-year-old teacher earns $40,000 a year."],
  ["span-of-time", "The country imports three-quarters of its grain."],
  ["set-every-weekday-or-month", "The market opened on Thursday."],
  ["set-every-unit", "The firm raised its quarterly dividend."],
  ["set-every-unit", "The paper is published weekly."],
  ["present", "The current account deficit widened."],
  ["recent-units", "The recent storm felled trees."],
  ["season", "The summer camp reopened."],
  ["past", "The team passed the test."],
  ["future", "Investors watched future earnings as soon as the bell rang."],
];

/** Rules that only read undated articles (tested below). */
const UNDATED_ONLY = ["relative-without-anchor", "relative-day"];

describe("date rules, each on sentences of its own", () => {
  it.each(POSITIVE)("%s reads “%s”", (rule, sentence, expression, value) => {
    expect(read(sentence)).toContainEqual({ rule, text: expression, value, resolved: true });
  });

  it.each(NEGATIVE)("%s leaves alone “%s”", (rule, sentence) => {
    expect(read(sentence).filter((f) => f.rule === rule)).toEqual([]);
  });

  // Chrono's rules read the expression chrono found, lower-cased; the pattern rules read the text as written.
  it.each(CHRONO_RULES.map((rule) => [rule.id, rule] as const))(
    "%s: its pattern holds on its own example",
    (_, rule) => {
      expect(fire(rule, rule.example.toLowerCase())).not.toBeNull();
    },
  );
  it.each(PATTERN_RULES.map((rule) => [rule.id, rule] as const))(
    "%s: its pattern holds on its own example",
    (_, rule) => {
      expect(fire(rule, rule.example)).not.toBeNull();
    },
  );

  it("names every rule once", () => {
    const ids = [...CHRONO_RULES, ...PATTERN_RULES].map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it("has a positive case for every rule", () => {
    const tested = new Set(POSITIVE.map(([rule]) => rule));
    const untested = [...CHRONO_RULES, ...PATTERN_RULES]
      .map((r) => r.id)
      .filter((id) => !tested.has(id) && !UNDATED_ONLY.includes(id));
    expect(untested).toEqual([]);
  });

  it("has a negative case for every rule", () => {
    const tested = new Set(NEGATIVE.map(([rule]) => rule));
    const untested = [...CHRONO_RULES, ...PATTERN_RULES].map((r) => r.id).filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
  });
});

describe("an undated article: relative expressions kept, unresolved", () => {
  it.each([
    ["The dam burst two days ago.", "two days ago", "XXXX-XX-XX", "relative-without-anchor"],
    ["The rescue came yesterday.", "yesterday", "XXXX-XX-XX", "relative-day"],
    ["The bridge opened last year.", "last year", "XXXX", "relative-without-anchor"],
    ["The treaty was signed last August.", "last August", "XXXX-08", "month"],
    ["The minister resigned on Sunday.", "Sunday", "XXXX-WXX-7", "weekday"],
    ["The ferry sank on 5 May.", "5 May", "XXXX-05-05", "day-of-month"],
    ["The council voted last week.", "last week", "XXXX-WXX", "calendar-week"],
    ["Revenue rose 5% in the quarter.", "the quarter", "XXXX-QX", "reporting-quarter"],
  ])("“%s” → %s = %s", (sentence, expression, value, rule) => {
    expect(read(sentence, null)).toEqual([{ rule, text: expression, value, resolved: false }]);
  });

  it("still resolves what carries its own year", () => {
    expect(read("The ferry sank on 5 May 1998 and was raised in 2001.", null)).toEqual([
      { rule: "day-of-month", text: "5 May 1998", value: "1998-05-05", resolved: true },
      { rule: "bare-year", text: "2001", value: "2001", resolved: true },
    ]);
  });
});

describe("span passes over chrono's results", () => {
  it.each([
    [
      "split-range",
      "Shares traded from Monday to 4 March.",
      [
        ["weekday", "Monday", "2025-03-10"],
        ["day-of-month", "4 March", "2025-03-04"],
      ],
    ],
    ["trim-preposition", "The talks ended on Sunday.", [["weekday", "Sunday", "2025-03-09"]]],
    ["trim-punctuation", "On Sunday, the talks ended.", [["weekday", "Sunday", "2025-03-09"]]],
    ["drop-noise", "The Sun and the SEC cut the fee in half and met 1/4 of costs.", []],
  ] as const)("%s: “%s”", (_, sentence, expected) => {
    expect(read(sentence).map((f) => [f.rule, f.text, f.value])).toEqual(expected);
  });

  it("names each pass once, with a reason", () => {
    expect(SPAN_PASSES.map((p) => p.id)).toEqual([
      "split-range",
      "trim-preposition",
      "trim-punctuation",
      "drop-noise",
    ]);
    for (const pass of SPAN_PASSES) expect(pass.reason.length).toBeGreaterThan(10);
  });
});
