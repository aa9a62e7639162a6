// When a ranked answer is trusted: agreement with plain BM25, margins, and the question's names.
import { describe, expect, it } from "vitest";
import { type Confidence, isConfident, type ScoredSentence } from "../src/engine/answers/match.ts";

const rule: Confidence = { agreed: 0.25, min: 0.3, margin: 0.1, sure: 0.5, nearTop: null };

const scored = (coverage: number, bm25Best: boolean, namesMatched = true): ScoredSentence => ({
  sentence: { start: 0, end: 10, index: 0, paragraph: 1, text: "The mayor." },
  score: coverage,
  coverage,
  matchOffsets: [],
  matches: [],
  namesMatched,
  bm25Best,
});

describe("isConfident", () => {
  it.each([
    ["BM25 agrees, above `agreed`", [scored(0.28, true), scored(0.27, false)], true],
    ["BM25 agrees, below `agreed`", [scored(0.2, true)], false],
    ["BM25 agrees but the question's names are missing", [scored(0.6, true, false)], false],
    ["no agreement, clear margin", [scored(0.45, false), scored(0.31, false)], true],
    ["no agreement, close second", [scored(0.45, false), scored(0.4, false)], false],
    ["no agreement, holds most of the question", [scored(0.55, false), scored(0.5, false)], true],
    ["a sentence without the question's names needs 0.7", [scored(0.6, false, false)], false],
  ] as const)("%s → %s", (_, answered, confident) => {
    expect(isConfident(rule, answered, undefined)).toBe(confident);
  });
});
