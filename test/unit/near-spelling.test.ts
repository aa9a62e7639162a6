// A question word typed with a slip of the keys still meets the article's word: one edit in five letters or more,
// two in eight or more, and only for a word no dictionary knows (`nigth` may be `night`; `light` is not `night`).
import { describe, expect, it } from "vitest";
import { nearSpellings, rankSentences } from "../../src/engine/answers/match.ts";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import { readQuestion } from "../../src/engine/question/question.ts";

const TEXT = [
  "The council voted on Friday to close the footbridge.",
  "The parliament voted on Monday to fund the new harbour wall.",
  "The ferry sailed on Tuesday with 40 fishermen.",
  "The ferry sailed in light rain on Wednesday.",
].join("\n\n");
const article = analyzeArticle({ meta: { id: "near", title: "", date: "2026-03-02" }, text: TEXT });
const firstSentence = (question: string) =>
  rankSentences(article, readQuestion(question), 0)[0]?.sentence.index;

describe("near spellings", () => {
  it.each([
    ["parliment", ["parliament"]],
    ["parlaiment", ["parliament"]],
    ["harbor", ["harbour"]],
    ["fishermn", ["fishermen"]],
    ["nite", []],
    ["bridges", []],
  ])("%s → %j", (stem, near) => {
    expect(nearSpellings(article, stem)).toEqual(near);
  });

  it("ranks the sentence a misspelt word meets first", () => {
    expect(firstSentence("When did the parliment vote?")).toBe(1);
    expect(firstSentence("When did the parliament vote?")).toBe(1);
    expect(firstSentence("When did the council vote?")).toBe(0);
  });

  it("leaves a word the dictionary knows to its own meaning", () => {
    // `night` is a word: it is not read as a slip for `light`, so the tie goes to the earlier sentence.
    expect(firstSentence("When did the ferry sail at night?")).toBe(2);
    expect(firstSentence("When did the ferry sail in the rain?")).toBe(3);
  });
});
