// The features a what-answer's candidates are weighed by (CHOICE_WEIGHTS in src/engine/answers/ask/what.ts): each
// with a sentence where it holds for a candidate and one where it does not, so breaking one fails a named row.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { askEvidence } from "../../src/engine/answers/ask/answer.ts";
import { classifyQuestion } from "../../src/engine/answers/ask/classify.ts";
import { CHOICE_RULES, CHOICE_WEIGHTS, whatCandidates } from "../../src/engine/answers/ask/what.ts";

/** Features measured in tokens or counts rather than holding or not. */
const GRADED = new Set(["nearest", "meanDistance", "inside", "longer", "inWindow"]);

// [feature, sentence, question, candidate, whether the feature holds for it]
const ROWS: [string, string, string, string, boolean][] = [
  [
    "noNounHead",
    "The Tallow Street depot mainly stores road salt.",
    "What does the Tallow Street depot store?",
    "mainly",
    true,
  ],
  [
    "noNounHead",
    "The Tallow Street depot mainly stores road salt.",
    "What does the Tallow Street depot store?",
    "road salt",
    false,
  ],
  [
    "afterPreposition",
    "The ferry crew reached the island by lifeboat.",
    "By what did the ferry crew reach the island?",
    "lifeboat",
    true,
  ],
  [
    "afterPreposition",
    "The ferry crew reached the island by lifeboat.",
    "What did the ferry crew reach?",
    "island",
    false,
  ],
  [
    "inSituAfterAskedWord",
    "The council banned a street market on Sundays.",
    "The council banned a what?",
    "street market",
    true,
  ],
  [
    "inSituAfterAskedWord",
    "The council banned a street market on Sundays.",
    "What did the council ban?",
    "street market",
    false,
  ],
  [
    "means",
    "The ferry crew reached the island by lifeboat.",
    "How did the ferry crew reach the island?",
    "lifeboat",
    true,
  ],
  [
    "means",
    "The ferry crew reached the island by lifeboat.",
    "What did the ferry crew use?",
    "lifeboat",
    false,
  ],
  ["manner", "The pupils sat quietly in the hall.", "How did the pupils sit in the hall?", "quietly", true],
  ["manner", "The pupils sat quietly in the hall.", "What did the pupils sit in?", "hall", false],
  [
    "kindOfFocus",
    "Ada Bell played the cello at the fete.",
    "What instrument did Ada Bell play?",
    "cello",
    true,
  ],
  [
    "kindOfFocus",
    "Ada Bell played the cello at the fete.",
    "What instrument did Ada Bell play?",
    "fete",
    false,
  ],
  ["generic", "The festival was part of the harbour's anniversary.", "What was the festival?", "part", true],
  [
    "generic",
    "The festival was a celebration of the harbour's anniversary.",
    "What was the festival?",
    "celebration",
    false,
  ],
  [
    "dateLike",
    "The council approved the bridge plan in March.",
    "What did the council approve?",
    "March",
    true,
  ],
  [
    "dateLike",
    "The council approved the bridge plan in March.",
    "What month did the council approve the plan?",
    "March",
    false,
  ],
  [
    "action",
    "The harbour board closed the old pier, the chair said.",
    "What did the harbour board do?",
    "closed the old pier",
    true,
  ],
  [
    "action",
    "The harbour board closed the old pier, the chair said.",
    "What did the harbour board close?",
    "old pier",
    false,
  ],
  [
    "passiveAgent",
    "The blaze was caused by a discarded barbecue.",
    "What caused the blaze?",
    "discarded barbecue",
    true,
  ],
  [
    "passiveAgent",
    "The blaze was caused by a discarded barbecue.",
    "What did the barbecue cause?",
    "blaze",
    false,
  ],
  [
    "numberForHow",
    "Parents raised 35,000 euros through a sponsored walk.",
    "How did parents raise the money?",
    "35,000 euros",
    true,
  ],
  [
    "numberForHow",
    "Parents raised 35,000 euros through a sponsored walk.",
    "How much did parents raise?",
    "35,000 euros",
    false,
  ],
  [
    "predicate",
    "The ferry was suspended on Friday after the storm.",
    "What happened to the ferry?",
    "suspended on Friday after the storm",
    true,
  ],
  [
    "predicate",
    "The ferry was suspended on Friday after the storm.",
    "How was the ferry stopped?",
    "suspended on Friday after the storm",
    false,
  ],
  [
    "nextToFocus",
    "The old bridge was closed in May, and in June the bridge Kelby Span opened.",
    "What bridge opened in June?",
    "Kelby Span",
    true,
  ],
  [
    "reported",
    "The council warned that the old sea wall would not last the winter.",
    "What did the council warn?",
    "the old sea wall would not last the winter",
    true,
  ],
  ["reported", "Engineers inspected the old sea wall.", "What did engineers inspect?", "old sea wall", false],
  [
    "passiveSubject",
    "A bronze statue of the founder will be moved to the square.",
    "What will be moved to the square?",
    "bronze statue of the founder",
    true,
  ],
  [
    "passiveSubject",
    "A bronze statue of the founder will be moved to the square.",
    "What will the council move to the square?",
    "bronze statue of the founder",
    false,
  ],
  [
    "afterAskedWord",
    "The old depot will become a museum of trams.",
    "The old depot will become what?",
    "museum",
    true,
  ],
  [
    "afterAskedWord",
    "The old depot will become a museum of trams.",
    "What will the old depot become?",
    "museum",
    false,
  ],
  [
    "beforeAskedWord",
    "A burst water main flooded the Corven underpass.",
    "What flooded the Corven underpass?",
    "burst water main",
    true,
  ],
  [
    "beforeAskedWord",
    "A burst water main flooded the Corven underpass.",
    "What did the burst main flood?",
    "Corven underpass",
    false,
  ],
  [
    "withFocus",
    "Workers rebuilt the stone arch bridge over the Ness.",
    "What kind of bridge did workers rebuild?",
    "stone arch bridge",
    true,
  ],
  [
    "withFocus",
    "Workers rebuilt the stone arch bridge over the Ness.",
    "What did workers rebuild?",
    "stone arch bridge",
    false,
  ],
  [
    "attached",
    "The mayor opened the first stage of the Harlow tramway.",
    "What did the mayor open?",
    "first stage of the Harlow tramway",
    true,
  ],
  [
    "attached",
    "The mayor opened the first stage of the Harlow tramway.",
    "What did the mayor open?",
    "first stage",
    false,
  ],
  [
    "coordinated",
    "Rising rents and noise drove the bakers out of the arcade.",
    "What drove the bakers out of the arcade besides rising rents?",
    "noise",
    true,
  ],
  [
    "coordinated",
    "Rising rents and noise drove the bakers out of the arcade.",
    "What drove the bakers out?",
    "arcade",
    false,
  ],
  [
    "additive",
    "Rising rents and noise drove the bakers out of the arcade.",
    "Along with rising rents, what drove the bakers out of the arcade?",
    "noise",
    true,
  ],
  [
    "additive",
    "Rising rents and noise drove the bakers out of the arcade.",
    "What drove the bakers out besides rents?",
    "arcade",
    false,
  ],
  [
    "afterExampleMarker",
    "The fair sells local produce such as cheese and cider.",
    "What does the fair sell?",
    "cheese and cider",
    true,
  ],
  [
    "afterExampleMarker",
    "The fair sells local produce such as cheese and cider.",
    "What does the fair sell?",
    "local produce",
    false,
  ],
  [
    "exampleAsked",
    "The fair sells local produce such as cheese and cider.",
    "What is an example of the local produce the fair sells?",
    "cheese and cider",
    true,
  ],
  [
    "exampleAsked",
    "The fair sells local produce such as cheese and cider.",
    "What does the fair sell?",
    "cheese and cider",
    false,
  ],
  [
    "between",
    "The council gave the Brook Street hall to a youth choir on Friday.",
    "What did the council give to a youth choir?",
    "Brook Street hall",
    true,
  ],
  [
    "between",
    "The council gave the Brook Street hall to a youth choir on Friday.",
    "What did the council give to a youth choir?",
    "Friday",
    false,
  ],
  [
    "afterAll",
    "The harbour board bought a new pilot boat.",
    "What did the harbour board buy?",
    "new pilot boat",
    true,
  ],
  [
    "afterAll",
    "A new pilot boat was bought by the harbour board.",
    "What did the harbour board buy?",
    "new pilot boat",
    false,
  ],
  [
    "beforeAll",
    "A new pilot boat was bought by the harbour board.",
    "What did the harbour board buy?",
    "new pilot boat",
    true,
  ],
  [
    "beforeAll",
    "The harbour board bought a new pilot boat.",
    "What did the harbour board buy?",
    "new pilot boat",
    false,
  ],
  [
    "oneWord",
    "The market hall reopened as a cinema in June.",
    "What did the market hall reopen as?",
    "cinema",
    true,
  ],
  [
    "oneWord",
    "The market hall reopened as a cinema in June.",
    "What did the market hall reopen as?",
    "cinema in June",
    false,
  ],
  [
    "parenthetical",
    "The water regulator (Aquastat) fined the company.",
    "What is the water regulator called?",
    "Aquastat",
    true,
  ],
  [
    "parenthetical",
    "The water regulator Aquastat fined the company.",
    "What is the water regulator called?",
    "Aquastat",
    false,
  ],
  ["appositive", "The owner, Ada Bell, restored the mill.", "Who restored the mill?", "Ada Bell", true],
  ["appositive", "The owner Ada Bell restored the mill.", "Who restored the mill?", "Ada Bell", false],
  [
    "capitalised",
    "The choir sang at Kelby Abbey last spring.",
    "What did the choir sing at?",
    "Kelby Abbey",
    true,
  ],
  [
    "capitalised",
    "The choir sang at the old abbey last spring.",
    "What did the choir sing at?",
    "old abbey last spring",
    false,
  ],
  [
    "namedAs",
    "The new square will be known as Weavers Yard.",
    "What will the new square be called?",
    "Weavers Yard",
    true,
  ],
  ["namedAs", "The new square will have a fountain.", "What will the new square have?", "fountain", false],
  [
    "quoted",
    'Residents call the footbridge "the Wobble".',
    "What do residents call the footbridge?",
    "the Wobble",
    true,
  ],
  [
    "quoted",
    "Residents call the footbridge the Wobble.",
    "What do residents call the footbridge?",
    "Wobble",
    false,
  ],
  ["number", "The repair took 14 weeks.", "What did the repair take?", "14 weeks", true],
  ["number", "The repair took many weeks.", "What did the repair take?", "weeks", false],
  ["nextToFocus", "The club Harbour Eights won the cup.", "What club won the cup?", "Harbour Eights", true],
  [
    "nextToFocus",
    "Harbour Eights, a rowing club, won the cup.",
    "What rowing club won the cup?",
    "Harbour Eights",
    false,
  ],
  [
    "entityOfFocusClass",
    "The painter Mina Lord opened the fete.",
    "What painter opened the fete?",
    "Mina Lord",
    true,
  ],
  [
    "entityOfFocusClass",
    "The painter Mina Lord opened the fete.",
    "What club opened the fete?",
    "Mina Lord",
    false,
  ],
  [
    "entityForThing",
    "Ada Bell played the cello for Kelby Rovers.",
    "What instrument did Ada Bell play?",
    "Kelby Rovers",
    true,
  ],
  [
    "entityForThing",
    "Ada Bell played the cello for Kelby Rovers.",
    "What team did Ada Bell play for?",
    "Kelby Rovers",
    false,
  ],
];

const analysed = new Map<string, ReturnType<typeof analyzeArticle>>();
function featuresOf(sentence: string, question: string, text: string) {
  let article = analysed.get(sentence);
  if (!article) {
    article = analyzeArticle({ meta: { id: "t", title: "", date: "2025-05-01" }, text: sentence });
    analysed.set(sentence, article);
  }
  const type = classifyQuestion(question);
  const best = askEvidence(article, question, type)[0];
  if (!best) throw new Error(`no evidence for ${question}`);
  const found = whatCandidates(article, best.ranked, question, type).filter((c) => c.text === text);
  if (found.length === 0) throw new Error(`no candidate "${text}"`);
  return found;
}

describe("what-answer features", () => {
  it("every feature that holds or not has a row where it holds and one where it does not", () => {
    // Choice rules have their own table (ask-what.test.ts); `entity` and `number` are a candidate's kind.
    const rules = new Set(CHOICE_RULES.map((r) => r.id));
    for (const feature of Object.keys(CHOICE_WEIGHTS).filter((f) => !GRADED.has(f) && !rules.has(f))) {
      if (feature === "entity") continue;
      expect(
        ROWS.some((r) => r[0] === feature && r[4]),
        feature,
      ).toBe(true);
      expect(
        ROWS.some((r) => r[0] === feature && !r[4]),
        feature,
      ).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s / %s → %s", (feature, sentence, question, text, holds) => {
    const values = featuresOf(sentence, question, text).map((c) => (c.features[feature] ?? 0) !== 0);
    expect(values.some((v) => v === holds)).toBe(true);
  });
});
