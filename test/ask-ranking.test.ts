// /ask's citations after the first: the sentence that goes on about the first one (`It …`) and plain BM25's
// second opinion back up the best match.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../src/engine/analyze.ts";
import { answer, answerRequestSchema } from "../src/engine/index.ts";

const BRIDGE = [
  "Linden Valley council approved a new cycle bridge on Tuesday. It will cross the river beside the old mill.",
  "Council members debated the cycle bridge for three hours before the vote.",
  "A survey by the council found that most residents wanted the cycle bridge.",
  "The council approved a lighting plan for the valley's cycle paths in a separate vote.",
].join("\n\n");
const bridge = analyzeArticle({ meta: { id: "bridge", title: "", date: "2025-03-04" }, text: BRIDGE });

const citedSentences = (question: string) => {
  const a = answer(bridge, answerRequestSchema.parse({ command: "ask", query: question }));
  if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
  return a.items.map((i) => i.sentence);
};

describe("ask citations after the first", () => {
  it("cites the sentence that goes on about the best match before a weaker match elsewhere", () => {
    // The other approval (4) matches the question well; `It will cross …` (1) matches none of it but goes on about
    // the best match, so it comes before the survey (2), which only shares a word or two.
    expect(citedSentences("What did Linden Valley council approve on Tuesday?")).toEqual([0, 4, 1]);
  });
});

describe("ask evidence for a measure", () => {
  const HALL = [
    "Nobody yet knows what the roof work will cost.",
    "The roof work at the hall will take ten weeks.",
    "The roof work at the hall will take 40,000 euros.",
  ].join("\n\n");
  const hall = analyzeArticle({ meta: { id: "hall", title: "", date: "2025-03-04" }, text: HALL });

  it("puts the sentence with a sum of money before an equal match with another number, for a cost", () => {
    // `ten weeks` ranks its sentence above one with no number, but is no cost: that sentence is a closest passage.
    const a = answer(
      hall,
      answerRequestSchema.parse({ command: "ask", query: "How much will the roof work cost?" }),
    );
    if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
    expect(a.items.map((i) => [i.sentence, i.answer?.text ?? null])).toEqual([
      [0, null],
      [2, "40,000 euros"],
      [1, null],
    ]);
  });
});

describe("answers do not depend on the questions asked before", () => {
  it("gives the same answer to a question asked first, after another, and again", () => {
    const first = answer(
      bridge,
      answerRequestSchema.parse({ command: "ask", query: "How long did members debate?" }),
    );
    const other = answer(
      bridge,
      answerRequestSchema.parse({ command: "ask", query: "What did the survey find?" }),
    );
    const again = answer(
      bridge,
      answerRequestSchema.parse({ command: "ask", query: "How long did members debate?" }),
    );
    expect(again).toEqual(first);
    expect(other.citations[0]?.excerpt).toBe(
      "A survey by the council found that most residents wanted the cycle bridge.",
    );
    if (first.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${first.kind}`);
    expect(first.items[0]?.answer?.text).toBe("three hours");
  });
});

describe("a measure question and a number that counts something else", () => {
  const PIER = [
    "About 900 passengers use the crossing each day.",
    "The crossing to the island takes 40 minutes in calm weather.",
  ].join("\n\n");
  const pier = analyzeArticle({ meta: { id: "pier", title: "", date: "2025-03-04" }, text: PIER });
  const ask = (query: string) => answer(pier, answerRequestSchema.parse({ command: "ask", query }));

  it("answers how long with the length of time, not the count of passengers", () => {
    const a = ask("How long does the crossing take?");
    if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
    expect(a.items[0]?.answer?.text).toBe("40 minutes");
  });

  it("does not answer how long with a count when the article gives no length of time", () => {
    const only = analyzeArticle({
      meta: { id: "p", title: "", date: null },
      text: "About 900 passengers use the crossing each day.",
    });
    const a = answer(
      only,
      answerRequestSchema.parse({ command: "ask", query: "How long does the crossing take?" }),
    );
    expect(a.kind === "ask-answer" ? a.items[0]?.answer : undefined).toBeUndefined();
    expect(
      answer(
        only,
        answerRequestSchema.parse({ command: "ask", query: "How many passengers use the crossing?" }),
      ).text,
    ).toBe("900, ¶1.");
  });
});

describe("a sum of money answers only for what the question prices", () => {
  const QUAY = [
    "The repairs to the quay are expected to cost 3.4 million euros.",
    "The harbour board was fined 40,000 euros for the oil spill.",
    "The insurer of the shipping firm paid 2 million euros for the damaged crane.",
    "The lock gates will be replaced, and the work will take ten months.",
  ].join("\n\n");
  const quay = analyzeArticle({ meta: { id: "quay", title: "", date: "2025-03-04" }, text: QUAY });
  const first = (query: string) => {
    const a = answer(quay, answerRequestSchema.parse({ command: "ask", query }));
    if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
    return {
      sentence: a.items[0]?.sentence,
      answer: a.items[0]?.answer?.text ?? null,
      closest: a.items[0]?.closest,
    };
  };

  it.each([
    ["How much will the quay repairs cost?", 0, "3.4 million euros"],
    ["How much was the harbour board fined?", 1, "40,000 euros"],
    // The sum in the sentence is another fine's or another thing's: a passage, not an answer.
    ["How much was the shipping firm fined?", 2, null],
    ["How much does a ferry ticket cost?", 0, null],
    // A length of time is no cost.
    ["How much will replacing the lock gates cost?", 3, null],
  ] as const)("%s → sentence %i, %s", (question, sentence, phrase) => {
    expect(first(question)).toEqual({ sentence, answer: phrase, closest: phrase === null });
  });
});

describe("how much of a substance", () => {
  const LAKE = [
    "Four helicopters from two bases dropped water from the lake on the fire.",
    "A tanker brought 30,000 litres of water to the village.",
  ].join("\n\n");
  const lake = analyzeArticle({ meta: { id: "lake", title: "", date: "2025-03-04" }, text: LAKE });
  const firstAnswer = (query: string) => {
    const a = answer(lake, answerRequestSchema.parse({ command: "ask", query }));
    return a.kind === "ask-answer" ? (a.items[0]?.answer?.text ?? null) : a.kind;
  };

  it("answers with the amount, not a count of things", () => {
    expect(firstAnswer("How much water did the tanker bring?")).toBe("30,000 litres");
    expect(firstAnswer("How much water did the helicopters drop?")).toBe(null);
    // A count is still the answer to how many.
    expect(firstAnswer("How many helicopters dropped water?")).toBe("Four");
  });
});

describe("a where-guess that may name people", () => {
  const QUARRY = [
    "The new arch was built with stone from the quarry that supplied the original builders.",
    "The stone for the old wall came from a quarry near Alder Hill.",
  ].join("\n\n");
  const quarry = analyzeArticle({ meta: { id: "quarry", title: "", date: "2025-03-04" }, text: QUARRY });
  const first = (query: string) => {
    const a = answer(quarry, answerRequestSchema.parse({ command: "ask", query }));
    if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
    return [a.items[0]?.sentence, a.items[0]?.answer?.text ?? null];
  };

  it("says who, not where: the sentence is only the closest passage", () => {
    expect(first("Where was the stone for the new arch cut?")).toEqual([0, null]);
  });

  it("a named place still answers", () => {
    expect(first("Where did the stone for the old wall come from?")).toEqual([1, "Alder Hill"]);
  });
});
