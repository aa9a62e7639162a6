// Answer-sentence selection records (WikiQA, TrecQA) become short articles for training answerability: the
// candidates are paragraphs, a named answer phrase is located inside its sentence, and a question no candidate
// answers is unanswerable. The records here are invented.
import { describe, expect, it } from "vitest";
import { answerSentenceChunk } from "../../scripts/reader/data.ts";

describe("answerSentenceChunk", () => {
  it("joins the candidates as paragraphs, undoing the corpora's tokenisation", () => {
    const { chunk, phrases } = answerSentenceChunk({
      id: "wikiqa-invented-1",
      question: "what is a tide pool?",
      sentences: [
        { text: '"A tide pool is a rocky pool on the shore , filled by the sea ."', label: 1 },
        { text: "Tide pools hold starfish ( and crabs ) .", label: 0 },
      ],
    });
    expect(chunk.text).toBe(
      "A tide pool is a rocky pool on the shore, filled by the sea.\n\nTide pools hold starfish (and crabs).",
    );
    expect(phrases).toBe(false);
    expect(chunk.questions).toEqual([
      {
        id: "wikiqa-invented-1",
        question: "what is a tide pool?",
        answers: [{ text: "A tide pool is a rocky pool on the shore, filled by the sea.", start: 0 }],
        impossible: false,
      },
    ]);
  });

  it("answers with the named phrase where the right sentence holds it", () => {
    const { chunk, phrases } = answerSentenceChunk({
      id: "trecqa-invented-1",
      question: "Who designed the harbour bridge?",
      sentences: [
        { text: "The council met on Tuesday .", label: 0 },
        { text: "The bridge was designed by Mara Lindqvist in 1931 .", label: 1, answer: "Mara Lindqvist" },
        { text: "Lindqvist later taught in Oslo .", label: 1, answer: "Kari Lindqvist" },
      ],
    });
    expect(phrases).toBe(true);
    const [question] = chunk.questions;
    expect(question?.answers).toEqual([{ text: "Mara Lindqvist", start: 56 }]);
    expect(chunk.text.slice(56, 56 + "Mara Lindqvist".length)).toBe("Mara Lindqvist");
  });

  it("makes a question no candidate answers unanswerable", () => {
    const { chunk } = answerSentenceChunk({
      id: "wikiqa-invented-2",
      question: "when did the lighthouse close?",
      sentences: [
        { text: "The lighthouse stands on a granite point .", label: 0 },
        { text: "", label: 0 },
      ],
    });
    expect(chunk.text).toBe("The lighthouse stands on a granite point.");
    expect(chunk.questions[0]).toMatchObject({ answers: [], impossible: true });
  });
});
