import { describe, expect, it } from "vitest";
import { seedArticle } from "../helpers.ts";

const article = seedArticle();
const byName = (name: string) => article.entities.find((e) => e.name === name);

describe("the seed article, parsed", () => {
  it("has 13 paragraphs and the two section headings", () => {
    expect(article.paragraphs).toHaveLength(13);
    expect(article.headings.map((h) => h.text)).toEqual(["Surge in violence", "Blow to mission"]);
    expect(article.paragraphs.map((p) => p.section)).toEqual([
      null,
      null,
      null,
      null,
      "Surge in violence",
      "Surge in violence",
      "Surge in violence",
      "Surge in violence",
      "Surge in violence",
      "Blow to mission",
      "Blow to mission",
      "Blow to mission",
      "Blow to mission",
    ]);
    expect(article.text.slice(article.paragraphs[9]!.start, article.paragraphs[9]!.end)).toBe(
      "Officials provided few other details, but the Gran Grif gang controls the region.",
    );
  });

  it("derives a title from the first sentence without its attribution", () => {
    expect(article.meta.title).toBe(
      "A Kenyan police officer sent to Haiti to help rein in violent gangs was fatally shot in a fight…",
    );
    expect(article.meta.date).toBe("2025-02-24");
  });

  it('splits sentences with exact offsets, keeping `," said X` inside one sentence', () => {
    expect(article.sentences).toHaveLength(17);
    for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
    expect(article.sentences[3]!.text).toBe(
      '"We salute our fallen hero," Jack Ombaka, the mission\'s spokesperson, said in a statement.',
    );
    expect(article.sentences[11]!.text).toBe(
      "“This is the price our courageous officer paid — he was killed while fighting for the people of Haiti,” said Ombaka in a statement.",
    );
  });

  it("finds the direct quotes and their speaker, including the continuations and the mixed marks", () => {
    const direct = article.quotes.filter((q) => q.direct);
    expect(direct.map((q) => [q.paragraph, q.speaker, q.text])).toEqual([
      [4, "Jack Ombaka", '"We salute our fallen hero,"'],
      [4, "Jack Ombaka", '"We will pursue these gangs to the last man standing. We will not let you down."'],
      [
        9,
        "Jack Ombaka",
        "“This is the price our courageous officer paid — he was killed while fighting for the people of Haiti,”",
      ],
      [9, "Jack Ombaka", '“We salute our fallen hero."'],
    ]);
    expect(direct.every((q) => q.role === "the mission's spokesperson")).toBe(true);
    for (const q of article.quotes) expect(article.text.slice(q.start, q.end)).toBe(q.text);
  });

  it("keeps reported speech, marked indirect", () => {
    const reported = article.quotes.filter((q) => !q.direct);
    expect(reported.map((q) => [q.paragraph, q.speaker])).toEqual([
      [1, "Kenyan authorities"],
      [5, "The Kenyan mission"],
      [7, "Godfrey Otunge"],
    ]);
    expect(reported[1]!.text).toBe(
      "officers responded to a plea for help from residents in an area known as Pont-Sonde",
    );
    expect(reported[2]!.text).toBe(
      "The police officer was airlifted out of the area and died from his injuries",
    );
    expect(reported[2]!.role).toBe("the commander of the Kenyan forces in Haiti");
  });

  it("finds people with roles, resolving later mentions by surname", () => {
    const people = article.entities.filter((e) => e.type === "person");
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ["Jack Ombaka", "the mission's spokesperson"],
      ["Godfrey Otunge", "the commander of the Kenyan forces in Haiti"],
      ["Jovenel Moïse", "President"],
    ]);
    expect(byName("Jack Ombaka")!.mentions.map((m) => m.text)).toEqual(["Jack Ombaka", "Ombaka", "Ombaka"]);
    // `Mission official Ombaka` in ¶8 is the same person.
    expect(byName("Jack Ombaka")!.mentions[1]!.start).toBe(article.text.indexOf("Ombaka thanked"));
    expect(article.entities.some((e) => ["President", "Sunday", "February", "Kenyan"].includes(e.name))).toBe(
      false,
    );
  });

  it("finds organisations and places", () => {
    const names = (type: string) => article.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(names("organization")).toEqual(["Gran Grif gang", "Haiti’s National Police"]);
    expect(names("place")).toEqual([
      "Haiti",
      "Artibonite",
      "Caribbean",
      "Pont-Sonde",
      "Port-au-Prince",
      "Kenya",
      "Jamaica",
      "Guatemala",
      "El Salvador",
    ]);
  });

  it("resolves temporal expressions against the article date (Monday 2025-02-24)", () => {
    expect(article.timexes.map((t) => [t.text, t.type, t.value, t.display, t.paragraph])).toEqual([
      ["Sunday", "DATE", "2025-02-23", "Sunday 23 February 2025", 1],
      ["this past week", "DATE", "2025-W08", "week of 17 February 2025", 2],
      ["June 2024", "DATE", "2024-06", "June 2024", 3],
      ["Sunday", "DATE", "2025-02-23", "Sunday 23 February 2025", 6],
      ["over the last week", "DATE", "2025-W08", "week of 17 February 2025", 6],
      ["2021", "DATE", "2021", "2021", 11],
      ["February", "DATE", "2025-02", "February 2025", 13],
    ]);
    for (const t of article.timexes) {
      expect(article.text.slice(t.start, t.end)).toBe(t.text);
      expect(article.sentences[t.sentence]!.paragraph).toBe(t.paragraph);
    }
  });

  it("indexes sentences for retrieval", () => {
    const hits = article.index.query("Gran Grif");
    expect(hits[0]!.id).toBe(13);
  });
});
