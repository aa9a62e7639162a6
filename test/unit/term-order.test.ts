// The question's word pairs as a sentence holds them (src/engine/reader/term-order.ts): each row an invented
// question and sentence with the exact pair share (unit weights) and longest in-order run.
import { describe, expect, it } from "vitest";
import { questionTerms } from "../../src/engine/question/terms.ts";
import { termOrder } from "../../src/engine/reader/term-order.ts";
import { contentTermsAt } from "../../src/engine/text.ts";

/** Matches every sentence word whose stem is one of a question term's forms, as the ranker's matcher does. */
function order(question: string, sentence: string) {
  const terms = questionTerms(question);
  const sentenceTerms = contentTermsAt(sentence);
  const matches = sentenceTerms.flatMap(({ term, at }) =>
    terms.flatMap((t, i) => (t.forms.has(term) ? [{ term: i, at }] : [])),
  );
  return termOrder(
    sentenceTerms,
    matches,
    terms,
    terms.map(() => 1),
  );
}

const TABLE: { question: string; sentence: string; pairShare: number; longestRun: number }[] = [
  // Both pairs side by side in the question's order: the whole question is one run.
  {
    question: "Who painted the Blue Hall?",
    sentence: "The Blue Hall was painted by Ines Varro.",
    pairShare: 1 / 2,
    longestRun: 2 / 3,
  },
  {
    question: "Who painted the Blue Hall?",
    sentence: "Ines Varro painted the Blue Hall in 1902.",
    pairShare: 1,
    longestRun: 1,
  },
  // The same words apart: no pair held.
  {
    question: "Who painted the Blue Hall?",
    sentence: "The blue door of the old hall was painted by Varro.",
    pairShare: 0,
    longestRun: 1 / 3,
  },
  // `president of the council` ~ `the council's president`: a pair holds in either order, a run only in order.
  {
    question: "Who is president of the council?",
    sentence: "The council's president is Dara Quill.",
    pairShare: 1,
    longestRun: 1 / 2,
  },
  // Question words far apart in the question form no pair.
  {
    question: "Which harbour did the storm that began on Monday flood?",
    sentence: "The storm flooded the harbour.",
    pairShare: 0,
    longestRun: 1 / 5,
  },
  // Nothing matched: nothing held.
  {
    question: "Who painted the Blue Hall?",
    sentence: "Rain fell all week.",
    pairShare: 0,
    longestRun: 0,
  },
];

describe("termOrder", () => {
  it.each(TABLE)("$question | $sentence", ({ question, sentence, pairShare, longestRun }) => {
    const got = order(question, sentence);
    expect(got.pairShare).toBeCloseTo(pairShare, 10);
    expect(got.longestRun).toBeCloseTo(longestRun, 10);
  });
});
