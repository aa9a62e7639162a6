// Who did what to whom around one verb: the clause and object rules, one positive and one negative row each.
import { describe, expect, it } from "vitest";
import {
  CLAUSE_RULES,
  nounPhrases,
  OBJECT_RULES,
  verbArguments,
} from "../../src/engine/answers/arguments.ts";
import type { Sentence } from "../../src/engine/types.ts";

const sentence = (text: string): Sentence => ({ start: 0, end: text.length, index: 0, paragraph: 1, text });
const slice = (text: string, span: { start: number; end: number } | null) =>
  span ? text.slice(span.start, span.end) : null;

describe("clause rules: where the verb's subject is", () => {
  const ROWS = [
    ["relative-pronoun", "The volunteers who built the shed were thanked.", "built", "The volunteers"],
    ["relative-pronoun", "Two Greek nurses who treated the boy spoke.", "treated", "Two Greek nurses"],
    // `who` not right before the verb: the relative clause has a subject of its own.
    ["relative-pronoun", "The clerk who the mayor hired resigned.", "hired", "the mayor"],
    [
      "subordinate-opener",
      "When the town council asked her to stay, she agreed.",
      "asked",
      "the town council",
    ],
    ["subordinate-opener", "After the floods, the army rebuilt the bridge.", "rebuilt", "the army"],
    ["complement-that", "It was not until May that the clerks printed the letters.", "printed", "the clerks"],
    ["complement-that", "The clerks printed the letters in May.", "printed", "The clerks"],
  ] as const;

  it("every rule has a row", () => {
    for (const rule of CLAUSE_RULES) expect(ROWS.filter((r) => r[0] === rule.id).length).toBeGreaterThan(1);
  });

  it.each(ROWS)("%s: %s (%s)", (_, text, verb, subject) => {
    expect(slice(text, verbArguments(text, sentence(text), text.indexOf(verb)).subject)).toBe(subject);
  });
});

describe("object rules: objects that do not follow the verb", () => {
  const ROWS = [
    ["infinitive-object", "The minister refused to meet the envoy.", "refused", undefined, "the envoy"],
    ["infinitive-object", "The minister refused the offer.", "refused", undefined, "the offer"],
    [
      "prepositional-object",
      "Ortiz worked for the harbour authority in 2019.",
      "worked",
      "for",
      "the harbour authority",
    ],
    ["prepositional-object", "Ortiz worked at home in 2019.", "worked", "for", null],
  ] as const;

  it("every rule has a row", () => {
    for (const rule of OBJECT_RULES) expect(ROWS.filter((r) => r[0] === rule.id).length).toBeGreaterThan(1);
  });

  it.each(ROWS)("%s: %s", (_, text, verb, preposition, object) => {
    const args = verbArguments(text, sentence(text), text.indexOf(verb), undefined, preposition);
    expect(slice(text, args.object)).toBe(object);
  });
});

describe("noun phrases of a sentence", () => {
  it.each([
    [
      "The Greek and Cypriot volunteers who built the garden were thanked by the staff.",
      ["The Greek", "Cypriot volunteers", "the garden", "the staff"],
    ],
    // A past form after a phrase is its verb (`thronged`), not a phrase; an adverb ends a phrase.
    ["Students thronged to the square to hear the mayor.", ["Students", "the square", "the mayor"]],
    [
      "The harbour crew also repaired the friends of the club's boat.",
      ["The harbour crew", "the friends of the club's boat"],
    ],
  ])("%s", (text, phrases) => {
    expect(nounPhrases(text, sentence(text)).map((p) => text.slice(p.start, p.end))).toEqual(phrases);
  });
});
