// Whom a sentence's pronoun stands for: one positive and one negative row per rule.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { PRONOUN_RULES, pronounReferent } from "../../src/engine/answers/pronoun-referent.ts";

const referentOf = (text: string, sentenceIndex: number) => {
  const article = analyzeArticle({ meta: { id: "pronouns", title: "", date: null }, text });
  const sentence = article.sentences[sentenceIndex];
  if (!sentence) throw new Error(`no sentence ${sentenceIndex}`);
  return pronounReferent(article, sentence)?.name ?? null;
};

describe("pronoun rules", () => {
  const ROWS = [
    [
      "personal-pronoun",
      "Senator Maria Hale won the seat in May. After the count, she thanked the volunteers.",
      1,
      "Maria Hale",
    ],
    // `she` cannot stand for an organisation named after the person.
    ["personal-pronoun", "The Harbour Trust opened the museum. Later she thanked the volunteers.", 1, null],
    [
      "neuter-pronoun",
      "Brightwater Energy bought the plant in March. It closed the plant a year later.",
      1,
      "Brightwater Energy",
    ],
    ["neuter-pronoun", "Tomas Berg bought the plant in March. It closed a year later.", 1, null],
    [
      "plural-pronoun",
      "The Harbour Trust opened the museum. They thanked the volunteers.",
      1,
      "Harbour Trust",
    ],
    ["plural-pronoun", "The museum opened in March. They thanked the volunteers.", 1, null],
  ] as const;

  it("every rule has a positive and a negative row", () => {
    for (const rule of PRONOUN_RULES) {
      const rows = ROWS.filter((r) => r[0] === rule.id);
      expect(rows.some((r) => r[3] !== null)).toBe(true);
      expect(rows.some((r) => r[3] === null)).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s", (_, text, sentence, referent) => {
    expect(referentOf(text, sentence)).toBe(referent);
  });
});
