// The timex module's date-phrase rules (the years and month-year dates a date comparison falls back on): one row
// per rule, positive and negative.
import { describe, expect, it } from "vitest";
import { DATE_PHRASE_RULES, datePhrases } from "../../src/engine/timex/phrase-rules.ts";

const ROWS: [rule: string, sentence: string, text: string | null, value: string | null][] = [
  ["month-day-year", "The plant opened on June 3, 2011 after delays.", "June 3, 2011", "2011-06-03"],
  ["month-day-year", "The plant opened on June 3 after delays.", null, null],
  ["day-month-year", "The plant opened on 3 June 2011.", "3 June 2011", "2011-06-03"],
  ["day-month-year", "The plant opened on 3 June.", null, null],
  ["month-year", "The mill closed in October 1957.", "October 1957", "1957-10"],
  ["month-year", "The mill closed in October.", null, null],
  ["century", "The walls date from the early 12th century.", "early 12th century", "11"],
  ["century", "The walls went up on the 12th of the month.", null, null],
  ["decade", "Interest returned in the 1990s.", "1990s", "199"],
  ["decade", "Interest returned in the 90s.", null, null],
  ["year-after-preposition", "The abbey was founded in 911 by monks.", "in 911", "0911"],
  ["year-after-preposition", "The price rose by 300 percent.", null, null],
  ["bare-year", "The 1875 season was his first.", "1875", "1875"],
  ["bare-year", "The club sold 1875 tickets, about 12.5% of the total.", "1875", "1875"],
  ["bare-year", "The score was 3021 to 2.", null, null],
];

describe("date phrase rules", () => {
  it("every rule has a positive and a negative row", () => {
    for (const rule of DATE_PHRASE_RULES) {
      expect(ROWS.some((r) => r[0] === rule.id && r[2] !== null)).toBe(true);
      expect(ROWS.some((r) => r[0] === rule.id && r[2] === null)).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s", (rule, sentence, text, value) => {
    const found = datePhrases(sentence, 10);
    if (text === null) {
      expect(found).toEqual([]);
      return;
    }
    const first = found[0];
    expect([first?.rule, first?.text, first?.value]).toEqual([rule, text, value]);
    expect(sentence.slice((first?.start ?? 0) - 10, (first?.end ?? 0) - 10)).toBe(text);
  });
});
