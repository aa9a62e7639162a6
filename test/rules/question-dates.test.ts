// The timex module's date-phrase rules (the years and month-year dates a date comparison falls back on): one row
// per rule, positive and negative.
import { describe, expect, it } from "vitest";
import {
  DATE_PHRASE_RULES,
  type DatePhraseRuleId,
  datePhrases,
} from "../../src/engine/parse/timex/phrase-rules.ts";

type Yes = [sentence: string, text: string, value: string];
/** Each rule: sentences whose first date phrase it reads, and sentences with no date phrase at all. */
const CASES: Record<DatePhraseRuleId, { yes: Yes[]; no: string[] }> = {
  "month-day-year": {
    yes: [["The plant opened on June 3, 2011 after delays.", "June 3, 2011", "2011-06-03"]],
    no: ["The plant opened on June 3 after delays."],
  },
  "day-month-year": {
    yes: [["The plant opened on 3 June 2011.", "3 June 2011", "2011-06-03"]],
    no: ["The plant opened on 3 June."],
  },
  "month-year": {
    yes: [["The mill closed in October 1957.", "October 1957", "1957-10"]],
    no: ["The mill closed in October."],
  },
  century: {
    yes: [["The walls date from the early 12th century.", "early 12th century", "11"]],
    no: ["The walls went up on the 12th of the month."],
  },
  decade: {
    yes: [["Interest returned in the 1990s.", "1990s", "199"]],
    no: ["Interest returned in the 90s."],
  },
  "year-after-preposition": {
    yes: [["The abbey was founded in 911 by monks.", "in 911", "0911"]],
    no: [
      "The price rose by 300 percent.",
      "The roof was finished after 412 panels were fitted.",
      "The motion passed by 250 votes to 190.",
      "Water reached the ground floor in 300 homes.",
    ],
  },
  "bare-year": {
    yes: [
      ["The 1875 season was his first.", "1875", "1875"],
      ["The club sold 1875 tickets, about 12.5% of the total.", "1875", "1875"],
    ],
    no: ["The score was 3021 to 2."],
  },
};

describe("date phrase rules", () => {
  it.each(DATE_PHRASE_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    for (const [sentence, text, value] of CASES[id].yes) {
      const first = datePhrases(sentence, 10)[0];
      expect([first?.rule, first?.text, first?.value]).toEqual([id, text, value]);
      expect(sentence.slice((first?.start ?? 0) - 10, (first?.end ?? 0) - 10)).toBe(text);
    }
    for (const sentence of CASES[id].no) expect(datePhrases(sentence, 10)).toEqual([]);
    expect(datePhrases(rule.example)[0]?.rule).toBe(id);
  });
});
