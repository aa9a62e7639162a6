// The time-of-day rule: `What time …?` asks for a clock time or a part of the day, not a date.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { PART_OF_DAY_PHRASE, TIME_OF_DAY_QUESTION } from "../../src/engine/answers/when.ts";
import { answer } from "../../src/engine/index.ts";
import { answerRequestSchema } from "../../src/engine/request.ts";

describe(TIME_OF_DAY_QUESTION.id, () => {
  it.each([
    ["What time did the fire start?", true],
    ["At what time did the ferry leave?", true],
    ["What hour did the polls close?", true],
    ["The ferry left at what time?", true],
    ["What time period do the carvings date from?", false],
    ["During what time did the city grow?", false],
    ["When did the fire start?", false],
    ["What year did the ferry leave?", false],
  ] as const)("%s → %s", (question, matches) => {
    expect(TIME_OF_DAY_QUESTION.pattern.test(question)).toBe(matches);
  });
});

describe(PART_OF_DAY_PHRASE.id, () => {
  it.each([
    ["The monks met at night in the chapel.", "at night"],
    ["The bakers start in the early morning.", "in the early morning"],
    ["The gates open at dawn.", "at dawn"],
    ["The crews worked overnight to clear the road.", "overnight"],
    ["The morning show moved to a new studio.", null],
    ["The gates open at nightfall.", null],
    ["The night shift ended.", null],
  ] as const)("%s → %s", (sentence, phrase) => {
    expect(sentence.match(PART_OF_DAY_PHRASE.pattern)?.[0] ?? null).toBe(phrase);
  });
});

describe("a time-of-day question is answered only by a time of day", () => {
  const ask = (text: string, question: string) =>
    answer(
      analyzeArticle({ meta: { id: "fire", title: "", date: "2025-06-01" }, text }),
      answerRequestSchema.parse({ command: "when", query: question }),
    );

  it("answers with the clock time", () => {
    const a = ask(
      "The barn fire started at 3:15 a.m. on Sunday, the fire service said.",
      "What time did the fire start?",
    );
    expect(a.found).toBe(true);
    expect(a.kind === "when-answer" ? a.items[0]?.answer : a.kind).toBe("3:15 a.m. on Sunday");
  });

  it("answers with a part of the day", () => {
    const a = ask(
      "The barn fire started on Sunday evening, the fire service said.",
      "What time did the fire start?",
    );
    expect(a.kind === "when-answer" ? a.items[0]?.answer : a.kind).toBe("Sunday evening");
  });

  it("answers with a part of the day that has no date", () => {
    const a = ask(
      "The volunteers searched the moor at night, the police said.",
      "What time of day did they search?",
    );
    expect(a.kind === "when-answer" ? a.items[0]?.answer : a.kind).toBe("at night");
    expect(a.text).toBe("“at night”, ¶1.");
    // A bare part of the day answers only a question that asks for a time of day.
    expect(
      ask("The volunteers searched the moor at night, the police said.", "When did they search?").found,
    ).toBe(false);
  });

  it("does not answer with a date that gives no time of day", () => {
    const text = "The barn fire started on Sunday, the fire service said.";
    expect(ask(text, "What time did the fire start?").found).toBe(false);
    // The same date answers when.
    const a = ask(text, "When did the fire start?");
    expect(a.kind === "when-answer" ? a.items[0]?.answer : a.kind).toBe("Sunday");
  });
});
