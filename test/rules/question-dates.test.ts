// Date-phrase rules a when-answer falls back on: one row per rule, positive and negative.
import { describe, expect, it } from "vitest";
import { DATE_PHRASE_RULES, datePhrases } from "../../src/engine/answers/date-phrases.ts";

const ROWS: [rule: string, sentence: string, text: string | null, value: string | null][] = [
  ["month-day-year", "The plant opened on May 21, 2013 after delays.", "May 21, 2013", "2013-05-21"],
  ["day-month-year", "The plant opened on 21 May 2013.", "21 May 2013", "2013-05-21"],
  ["month-year", "Troops crossed the border in September 1939.", "September 1939", "1939-09"],
  ["century", "The walls date from the early 12th century.", "early 12th century", "11"],
  ["decade", "Interest returned in the 1990s.", "1990s", "199"],
  ["year-after-preposition", "The abbey was founded in 911 by monks.", "in 911", "0911"],
  ["bare-year", "The 1875 season was his first.", "1875", "1875"],
  ["bare-year", "The club sold 1875 tickets, about 12.5% of the total.", "1875", "1875"],
  ["year-after-preposition", "The price rose by 300 percent.", null, null],
  ["bare-year", "The score was 3021 to 2.", null, null],
];

describe("date phrase rules", () => {
  it("every rule has a row", () => {
    for (const rule of DATE_PHRASE_RULES) expect(ROWS.some((r) => r[0] === rule.id)).toBe(true);
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
