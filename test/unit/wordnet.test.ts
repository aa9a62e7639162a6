// WordNet 3.1 lookups: index binary search, synsets, base forms and related words.
import { describe, expect, it } from "vitest";
import { termOf } from "../../src/engine/text.ts";
import { indexEntry, synsetAt } from "../../src/engine/wordnet/dict.ts";
import { baseForms, irregularVerbBase } from "../../src/engine/wordnet/morphology.ts";
import { mayBePeople, namesPeople } from "../../src/engine/wordnet/noun-class.ts";
import { relatedWords } from "../../src/engine/wordnet/related.ts";

const relation = (word: string, related: string) =>
  relatedWords(word).find((r) => r.word === related)?.relation;

describe("the database", () => {
  it("finds lemmas by binary search, first and last in the file included", () => {
    expect(indexEntry("write", "verb")?.synsets[0]).toBe(1702148);
    expect(indexEntry("take_effect", "verb")?.synsets).toEqual([523362]);
    expect(indexEntry("zymurgy", "noun")?.synsets).toEqual([6089949]);
    expect(indexEntry("writte", "verb")).toBeNull();
    expect(indexEntry("Write", "verb")).toBeNull();
  });

  it("reads a synset's words and pointers at its byte offset", () => {
    const s = synsetAt("verb", 1702148);
    expect(s.words).toEqual(["write", "compose", "pen", "indite"]);
    expect(s.pointers.some((p) => p.symbol === "+" && p.pos === "noun")).toBe(true);
    expect(s.lexFile).toBe(36); // verb.creation
  });
});

describe("morphology", () => {
  it("detaches suffixes and knows irregular forms", () => {
    expect(baseForms("wrote")).toContainEqual({ lemma: "write", pos: "verb" });
    expect(baseForms("children")).toContainEqual({ lemma: "child", pos: "noun" });
    expect(baseForms("arrived")).toContainEqual({ lemma: "arrive", pos: "verb" });
    expect(baseForms("qwxz")).toEqual([]);
    expect(irregularVerbBase("shot")).toBe("shoot");
    expect(irregularVerbBase("wrote")).toBe("write");
    expect(irregularVerbBase("arrived")).toBe("arrived");
  });

  it("gives a short -ied past the term of its verb, as the stemmer does not (died ~ die, not di)", () => {
    expect(termOf("died")).toBe(termOf("die"));
    expect(termOf("tied")).toBe(termOf("tie"));
    expect(termOf("carried")).toBe(termOf("carries"));
    expect(termOf("died")).not.toBe(termOf("dead"));
  });
});

describe("related words", () => {
  it.each([
    ["wrote", "write", "base"],
    ["wrote", "writing", "derivation"],
    ["arrived", "arrival", "derivation"],
    ["elected", "election", "derivation"],
    ["legally", "legal", "derivation"],
    ["died", "perish", "synonym"],
    ["killed", "shoot", "specific"],
    ["killed", "die", "specific"],
  ])("%s → %s (%s)", (word, related, kind) => {
    expect(relation(word, related)).toBe(kind);
  });

  it("leaves unrelated words out and is deterministic", () => {
    expect(relation("wrote", "arrive")).toBeUndefined();
    expect(relatedWords("qwxz")).toEqual([]);
    expect(relatedWords("Killed")).toEqual(relatedWords("killed"));
  });
});

describe("nouns that name people", () => {
  it.each([
    ["teachers", true],
    ["council", true],
    ["person", true],
    ["volunteers", true],
    ["bridge", false],
    ["papers", false],
    ["states", false],
  ])("%s → %s", (word, people) => {
    expect(namesPeople(word)).toBe(people);
  });
});

describe("nouns that may name a person in one of their first senses", () => {
  it.each([
    // A detergent's builder first, then one who builds.
    ["builders", true],
    ["teachers", true],
    // A hunted animal or person in its second sense: enough to rule a where-guess out.
    ["quarry", true],
    ["harbour", false],
    ["bridge", false],
  ])("%s → %s", (word, may) => {
    expect(mayBePeople(word)).toBe(may);
  });
});
