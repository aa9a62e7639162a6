// Questions routed to the right evidence, on articles written for these tests.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../src/engine/analyze.ts";
import { answer } from "../src/engine/index.ts";
import { answerRequestSchema } from "../src/engine/request.ts";
import type { Answer } from "../src/engine/types.ts";
import { profileOf, rankedItems, seedArticle } from "./helpers.ts";

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

describe("who said: from the quote attributions", () => {
  it.each([
    ["Who said the choice could not be clearer?", "Maria Hale", 1],
    ["Who said the plan is a lie detector?", "Tom Briggs", 3],
  ])("%s → %s", (query, entity, paragraph) => {
    const a = ask(debate, "who", query);
    expect([best(a).entity, best(a).paragraph]).toEqual([entity, paragraph]);
  });

  it("never answers with the publication a speaker told", () => {
    const a = ask(debate, "who", "Who said the plan is a lie detector?");
    expect(rankedItems(a).map((i) => i.entity)).not.toContain("BBC News");
  });
});

describe("who did what: the argument the question asks for", () => {
  it("answers the object of `cut off`, not the organisation before the name", () => {
    expect(best(ask(debate, "who", "Who did he cut off?")).entity).toBe("Jo Reyes");
  });

  it("answers an opening participle's subject (`Writing in …, Dr Ortiz`)", () => {
    expect(best(ask(debate, "who", "Who wrote about the results?")).entity).toBe("Lena Ortiz");
  });

  const seed = seedArticle();
  it("on the seed: who was killed is the officer (¶1), who killed him one of the gangs (¶1), never Ombaka", () => {
    const killed = best(ask(seed, "who", "Who was killed?"));
    expect([killed.answer, killed.paragraph]).toEqual(["A Kenyan police officer", 1]);
    const killer = ask(seed, "who", "Who killed the officer?");
    expect([best(killer).answer, best(killer).paragraph]).toEqual(["one of the gangs", 1]);
    expect(rankedItems(killer).map((i) => i.entity)).not.toContain("Jack Ombaka");
  });
});

describe("when: the date of the matched event, paraphrases through WordNet", () => {
  it.each([
    ["When does the tax go into effect?", "2026-03", 4],
    ["When did the bank provide a bailout?", "2019", 4],
    ["When did Ortiz write about the results?", "2021", 5],
    ["When did the coach finish fourth at the European Championships?", "1998", 6],
    ["When is the election expected?", "2025-05-05", 7],
  ])("%s → %s", (query, value, paragraph) => {
    const a = ask(debate, "when", query);
    expect([best(a).value, best(a).paragraph]).toEqual([value, paragraph]);
  });

  it("a vague word answers only when the question asks about it", () => {
    const a = ask(debate, "when", "When is the coach in the best shape now?");
    expect(best(a).answer).toBe("now");
  });
});

describe("unanswerable questions stay unanswered", () => {
  const CLINIC = [
    "The Riverside clinic opened a new wing on 3 March 2024, the health board said.",
    "Dr Amir Sato, the clinic's director, said the wing would serve 400 patients a week.",
    "The Greek and Cypriot volunteers who built the garden were thanked by the staff.",
    "Funding came from the city council and a local charity.",
  ].join("\n\n");
  const clinic = analyzeArticle({ meta: { id: "clinic", title: "", date: "2024-03-05" }, text: CLINIC });

  it.each([
    ["who", "Who is Cypriot?"],
    ["who", "Who won the football match?"],
    ["who", "Who was arrested?"],
    ["who", "Who is the mayor of the city?"],
    ["who", "Who invented the vaccine?"],
    ["who", "Who resigned from the board?"],
    ["when", "When will the clinic close?"],
    ["when", "When did Dr Sato retire?"],
    ["when", "When was the garden built?"],
    ["when", "When will the second wing open?"],
    ["when", "When did the charity start?"],
  ] as const)("%s: %s", (command, query) => {
    const a = ask(clinic, command, query);
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it("a future question is not answered by a past date of the same event", () => {
    expect(ask(debate, "when", "When will Briggs return?").found).toBe(false);
    expect(best(ask(debate, "when", "When did Briggs return?")).value).toBe("2015");
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
