// Tense agreement rules between a when-question and an answering sentence.
import { describe, expect, it } from "vitest";
import { questionTense, tenseAgrees } from "../../src/engine/answers/tense.ts";
import type { Sentence } from "../../src/engine/types.ts";

const sentence = (text: string): Sentence => ({ start: 0, end: text.length, index: 0, paragraph: 1, text });

describe("question tense", () => {
  it.each([
    ["When will he return?", "future"],
    ["When is the vote due to take place?", "future"],
    ["When did he return?", "past"],
    ["When was the bridge opened?", "past"],
    ["What year did the club form?", "past"],
    ["When is the election expected?", "any"],
  ] as const)("%s → %s", (question, tense) => {
    expect(questionTense(question)).toBe(tense);
  });
});

describe("tense agreement", () => {
  it.each([
    ["future", "He returned in 2015.", "2015", "2025-02-01", false],
    ["future", "He will return on 5 May.", "2025-05-05", "2025-02-01", true],
    ["future", "He will return in 2031.", "2031", null, true],
    ["future", "He left in 1998.", "1998", null, false],
    ["past", "He returned in 2015.", "2015", "2025-02-01", true],
    ["past", "He is expected to return on 5 May.", "2025-05-05", "2025-02-01", false],
    ["any", "He left in 1998.", "1998", null, true],
  ] as const)("%s question, %s (%s) → %s", (tense, text, value, date, agrees) => {
    expect(tenseAgrees(tense, sentence(text), value, date)).toBe(agrees);
  });
});
