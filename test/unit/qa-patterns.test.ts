// Questions routed to the right evidence, on articles written for these tests.
import { describe, expect, it } from "vitest";
import { answer } from "../../src/engine/index.ts";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import { answerRequestSchema } from "../../src/engine/request.ts";
import type { Answer } from "../../src/engine/types.ts";
import { profileOf, rankedItems } from "../helpers.ts";

/** The table as the committed reader model answers it (out of 10 answered and 9 unanswerable questions). */
const RIGHT = 8;
const REFUSED = 7;

const DEBATE = [
  'Senator Maria Hale spoke after the debate on Tuesday. Hale told Ana Reyes that the choice "could not be clearer."',
  "The senator was interviewed on a late show, where she spoke over the host as he cut off MSNBC anchor Jo Reyes in the middle of a question.",
  '"Our plan is a lie detector for the budget," Tom Briggs told BBC News. The Cypriot delegation did not comment.',
  "The new tax will take effect in March 2026, officials said. The bank bailed out two lenders in 2019.",
  "Writing in the journal Nature in 2021, Dr Lena Ortiz described the results.",
  "The coach is in the best shape now since finishing fourth at the European Championships in 1998.",
  "The general election is widely expected to be 5 May, party officials said. Briggs returned from exile in 2015.",
].join("\n\n");

const debate = analyzeArticle({ meta: { id: "debate", title: "", date: "2025-02-01" }, text: DEBATE });

function ask(article: ReturnType<typeof analyzeArticle>, command: "who" | "when", query: string): Answer {
  const a = answer(article, answerRequestSchema.parse({ command, query }));
  for (const c of a.citations) expect(c.excerpt).toBe(article.text.slice(c.start, c.end));
  for (const i of a.found && a.kind !== "profile" ? rankedItems(a) : [])
    expect(article.text.slice(i.answerStart, i.answerEnd)).toBe(i.answer);
  return a;
}

const best = (a: Answer) => rankedItems(a)[0]!;

// [command, question, the answer's entity (who) or date value (when), its paragraph]
const ANSWERED: ["who" | "when", string, string, number][] = [
  ["who", "Who said the choice could not be clearer?", "Maria Hale", 1],
  ["who", "Who said the plan is a lie detector?", "Tom Briggs", 3],
  ["who", "Who did he cut off?", "Jo Reyes", 2],
  ["who", "Who wrote about the results?", "Lena Ortiz", 5],
  ["when", "When does the tax go into effect?", "2026-03", 4],
  ["when", "When did the bank provide a bailout?", "2019", 4],
  ["when", "When did Ortiz write about the results?", "2021", 5],
  ["when", "When did the coach finish fourth at the European Championships?", "1998", 6],
  ["when", "When is the election expected?", "2025-05-05", 7],
  ["when", "When did Briggs return?", "2015", 7],
];

const CLINIC = [
  "The Riverside clinic opened a new wing on 3 March 2024, the health board said.",
  "Dr Amir Sato, the clinic's director, said the wing would serve 400 patients a week.",
  "The Greek and Cypriot volunteers who built the garden were thanked by the staff.",
  "Funding came from the city council and a local charity.",
].join("\n\n");
const clinic = analyzeArticle({ meta: { id: "clinic", title: "", date: "2024-03-05" }, text: CLINIC });

const NOT_ANSWERED: ["who" | "when", string][] = [
  ["who", "Who won the football match?"],
  ["who", "Who was arrested?"],
  ["who", "Who is the mayor of the city?"],
  ["who", "Who invented the vaccine?"],
  ["who", "Who resigned from the board?"],
  ["when", "When will the clinic close?"],
  ["when", "When did Dr Sato retire?"],
  ["when", "When will the second wing open?"],
  ["when", "When did the charity start?"],
];

describe("who and when questions through the reader", () => {
  it.each(ANSWERED)("%s: %s cites the article's own words", (command, query) => {
    ask(debate, command, query);
  });

  it.each(NOT_ANSWERED)("%s: %s cites the article's own words", (command, query) => {
    ask(clinic, command, query);
  });

  it("answers the table and refuses what the clinic article does not say", () => {
    const right = ANSWERED.filter(([command, query, expected, paragraph]) => {
      const a = ask(debate, command, query);
      if (!a.found) return false;
      const item = best(a);
      return (command === "who" ? item.entity : item.value) === expected && item.paragraph === paragraph;
    }).length;
    const refused = NOT_ANSWERED.filter(([command, query]) => !ask(clinic, command, query).found).length;
    // Measured with the committed reader model (exact, so a retrained model shows its change here).
    expect({ right, refused }).toEqual({ right: RIGHT, refused: REFUSED });
  });
});

describe("profiles cite each sentence once", () => {
  it("a speaker's role sentence holding a quote is not cited again for the quote", () => {
    const text =
      'Jan Novak, the club\'s coach, said: "We are ready." Novak added that the team had trained all week.\n\nNovak thanked the fans.';
    const article = analyzeArticle({ meta: { id: "club", title: "", date: null }, text });
    const a = ask(article, "who", "Novak");
    expect(profileOf(a).role).toBe("the club's coach");
    const sentences = a.citations.map((c) => c.sentence);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentences).toEqual([0, 1, 2]);
  });
});
