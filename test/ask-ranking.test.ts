// /ask over small invented articles: the citations after the first (the sentence that goes on about the first one,
// `It …`, and plain BM25's second opinion back up the best match), and which numbers, sums and where-guesses answer
// the kind of thing asked for; the rest are only the closest passage.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../src/engine/analyze.ts";
import { answer, answerRequestSchema } from "../src/engine/index.ts";

/** A test article of the given paragraphs. */
const articleOf = (id: string, paragraphs: string[]) =>
  analyzeArticle({ meta: { id, title: "", date: "2025-03-04" }, text: paragraphs.join("\n\n") });

const NOT_SAID = "The article doesn't say.";

/**
 * The first item /ask cites: its sentence, its answer phrase (null for a closest passage) and whether it is closest;
 * or, when /ask cites nothing, what it says.
 */
const firstItem = (article: ReturnType<typeof analyzeArticle>, query: string) => {
  const a = answer(article, answerRequestSchema.parse({ command: "ask", query }));
  if (a.kind === "none") return a.text;
  if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
  const item = a.items[0];
  return { sentence: item?.sentence, answer: item?.answer?.text ?? null, closest: item?.closest };
};

const bridge = articleOf("bridge", [
  "Linden Valley council approved a new cycle bridge on Tuesday. It will cross the river beside the old mill.",
  "Council members debated the cycle bridge for three hours before the vote.",
  "A survey by the council found that most residents wanted the cycle bridge.",
  "The council approved a lighting plan for the valley's cycle paths in a separate vote.",
]);

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
  const hall = articleOf("hall", [
    "Nobody yet knows what the roof work will cost.",
    "The roof work at the hall will take ten weeks.",
    "The roof work at the hall will take 40,000 euros.",
  ]);

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
  const pier = articleOf("pier", [
    "About 900 passengers use the crossing each day.",
    "The crossing to the island takes 40 minutes in calm weather.",
  ]);
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

describe("an amount or a place answers only when it is of the asked kind, for the asked thing", () => {
  const articles = {
    quay: articleOf("quay", [
      "The repairs to the quay are expected to cost 3.4 million euros.",
      "The harbour board was fined 40,000 euros for the oil spill.",
      "The insurer of the shipping firm paid 2 million euros for the damaged crane.",
      "The lock gates will be replaced, and the work will take ten months.",
    ]),
    lake: articleOf("lake", [
      "Four helicopters from two bases dropped water from the lake on the fire.",
      "A tanker brought 30,000 litres of water to the village.",
    ]),
    wells: articleOf("wells", [
      "Only a few wells in the valley still hold water after the dry summer.",
      "Several farmers said the old pumps still work, but the wells are low.",
    ]),
    dinner: articleOf("dinner", ["The market opened in 1835 with a dinner attended by 2000 guests."]),
    quarry: articleOf("quarry", [
      "The new arch was built with stone from the quarry that supplied the original builders.",
      "The stone for the old wall came from a quarry near Alder Hill.",
    ]),
  };

  // [article, question, the first cited sentence, its answer phrase (null: only the closest passage)]
  it.each([
    ["quay", "How much will the quay repairs cost?", 0, "3.4 million euros"],
    ["quay", "How much was the harbour board fined?", 1, "40,000 euros"],
    // The sum in the sentence is another thing's, or no fine: the closest passage, or, when no passage about the
    // question holds a sum for what is asked, nothing.
    ["quay", "How much was the shipping firm fined?", null, null],
    ["quay", "How much does a ferry ticket cost?", 0, null],
    // A length of time is no cost.
    ["quay", "How much will replacing the lock gates cost?", null, null],
    ["lake", "How much water did the tanker bring?", 1, "30,000 litres"],
    // A count of things is no amount of water; it is still the answer to how many.
    ["lake", "How much water did the helicopters drop?", 0, null],
    ["lake", "How many helicopters dropped water?", 0, "Four"],
    // No number in the sentence: a quantifier counting the asked noun answers how many; one counting another does
    // not, and as no passage counts the pumps, the article does not say.
    ["wells", "How many wells still hold water?", 0, "Only a few"],
    ["wells", "How many pumps still work?", null, null],
    // A number like a year counts the asked noun right after it; the year the question does not ask for is no count.
    ["dinner", "How many guests attended the dinner?", 0, "2000"],
    // `the original builders` says who, not where.
    ["quarry", "Where was the stone for the new arch cut?", 0, null],
    ["quarry", "Where did the stone for the old wall come from?", 1, "Alder Hill"],
  ] as const)("%s: %s → sentence %s, %s", (id, question, sentence, phrase) => {
    expect(firstItem(articles[id], question)).toEqual(
      sentence === null ? NOT_SAID : { sentence, answer: phrase, closest: phrase === null },
    );
  });
});
