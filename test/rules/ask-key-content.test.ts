// The key-content gate of /ask: a number must count what a how-many question counts, and a question's name must
// be in the article in some form. Each row is a one-sentence article, a question, and whether the rule holds.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { askEvidence } from "../../src/engine/answers/ask/answer.ts";
import { classifyQuestion } from "../../src/engine/answers/ask/classify.ts";
import { namesInArticle, phraseFits } from "../../src/engine/answers/ask/key-content.ts";

const articleOf = (text: string) => analyzeArticle({ meta: { id: "t", title: "", date: null }, text });

// [sentence, question, does the best sentence's number count what is asked]
const COUNTS: [string, string, boolean][] = [
  ["Volunteers planted 300 oak trees along the canal.", "How many trees did volunteers plant?", true],
  ["Volunteers planted 300 young oak trees along the canal.", "How many trees did volunteers plant?", true],
  ["The sailing crew was 12, the club said.", "How many sailing crew did the club have?", true],
  ["Volunteers worked for nine days along the canal.", "How many volunteers worked along the canal?", false],
  ["The canal has 40 moorings for boats.", "How many families live on the canal?", false],
  ["The lock was repaired three times last year.", "How many times was the lock repaired?", true],
];

// [sentence, question, does the article name one of the question's names]
const NAMES: [string, string, boolean][] = [
  ["The choir sang in Tallford on Sunday.", "Where did the choir from Tallford sing?", true],
  ["The choir toured Australia in May.", "Which Australian cities did the choir visit?", true],
  ["The choir sang in Tallford on Sunday.", "Where did the choir from Brenmoor sing?", false],
  ["The choir sang in Tallford on Sunday.", "Where did the choir sing?", true],
  // A slip of the keys in a name: one edit in five letters or more, two in eight or more.
  ["The choir sang in Tallford on Sunday.", "Where did the choir from Talford sing?", true],
  ["The choir sang in Westerbrook on Sunday.", "Where did the choir from Westerbok sing?", true],
  ["The choir sang in Westerbrook on Sunday.", "Where did the choir from Westbok sing?", false],
  ["The choir sang in Lund on Sunday.", "Where did the choir from Lunda sing?", false],
  // `the Moon` is the one of its kind, not a name the article must use; `Brenmoor` after `the` is still a name.
  ["The probe sent back pictures of the lunar surface.", "Did the probe photograph the Moon?", true],
  ["The choir sang in Tallford on Sunday.", "Did the Brenmoor choir sing?", false],
  ["The choir sang in Tallford on Sunday.", "Did the choir sing on Mondays?", false],
  // An acronym of a name the article spells out (roman numerals and digits kept as written).
  ["The Harbour Safety Board closed the quay on Monday.", "Why did the HSB close the quay?", true],
  ["The Harbour Safety Board closed the quay on Monday.", "Why did the HSE close the quay?", false],
  ["The quay was rebuilt after World War II by the town.", "When was the quay rebuilt after WWII?", true],
  // A place named by its people's word; a unit written with a capital is no name.
  ["The Swiss choir sang in Tallford on Sunday.", "Where did the choir from Switzerland sing?", true],
  ["The Swiss choir sang in Tallford on Sunday.", "Where did the choir from Norway sing?", false],
  ["The school pays each teacher 30,000 a year.", "How much does the school pay a teacher, in Euros?", true],
  // A nationality describes what is asked about: the article need not use it.
  ["The painter Jan Roos restored the altar at Tallford.", "Which Dutch painter restored the altar?", true],
];

describe("key content: the number counts the asked noun", () => {
  it.each(COUNTS)("%s / %s → %s", (sentence, question, fits) => {
    const article = articleOf(sentence);
    const type = classifyQuestion(question);
    const best = askEvidence(article, question, type)[0];
    if (!best) throw new Error("no evidence");
    expect(best.phrase).not.toBeNull();
    expect(phraseFits(article, question, type, best)).toBe(fits);
  });
});

describe("key content: the question's names are in the article", () => {
  it.each(NAMES)("%s / %s → %s", (sentence, question, named) => {
    expect(namesInArticle(articleOf(sentence), question)).toBe(named);
  });
});
