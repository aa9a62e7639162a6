// Nameless phrases that cannot answer a who-question: one row where each rule holds and one where it does not.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { NO_ONE_RULES, namesNoOne } from "../../src/engine/answers/who-phrase.ts";
import { phraseHead } from "../../src/engine/text.ts";

const TEXT = [
  "A fresco painted in the 1960s was restored by volunteers.",
  "Its glass roof leaked during the dry season.",
  "Part of the work fell to a team of masons.",
  "Local people raised the money. Part of the crew finished the repairs.",
].join("\n\n");
const article = analyzeArticle({
  meta: { id: "who-phrase", title: "Fresco restored", date: "2026-05-04" },
  text: TEXT,
});
const span = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`no ${phrase}`);
  return { start, end: start + phrase.length };
};

describe("who-phrase rules", () => {
  // [the rule expected to hold (null: none), phrase]
  const ROWS: [string | null, string][] = [
    ["time-phrase", "the 1960s"],
    [null, "volunteers"],
    ["head-not-a-noun", "restored"],
    ["thing-or-place-noun", "A fresco"],
    ["substance-or-time-noun", "Its glass"],
    ["substance-or-time-noun", "the dry season"],
    // The head is `roof`, not `glass`: a thing made, which does nothing either.
    ["thing-or-place-noun", "Its glass roof"],
    ["generic-noun", "Part of the work"],
    [null, "the repairs"],
    // A phrase whose head, or the noun after its `of`, names people may always answer, general as it is.
    [null, "a team of masons"],
    [null, "Part of the crew"],
    [null, "Local people"],
  ];

  it("every rule has a row where it holds", () => {
    for (const rule of NO_ONE_RULES) expect(ROWS.some((r) => r[0] === rule.id)).toBe(true);
  });

  it.each(ROWS)("%s: %s", (rule, phrase) => {
    expect(namesNoOne(article, span(phrase))).toBe(rule);
  });

  it("lets a thing be whom something was done to (`Who did they restore?` → `A fresco`)", () => {
    expect(namesNoOne(article, span("A fresco"), true)).toBe(null);
    expect(namesNoOne(article, span("the 1960s"), true)).toBe("time-phrase");
  });

  it("reads the head before `of`, else the last word", () => {
    expect(phraseHead("part of the roof")).toBe("part");
    expect(phraseHead("the old stone bridge")).toBe("bridge");
  });
});
