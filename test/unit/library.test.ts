import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/app/ask.ts";
import { loadLibrary } from "../../src/files/folder-library.ts";
import { profileOf, quoteItems, RIVERSIDE, rankedItems, SEED_ID, SEEDS, tempLibrary } from "../helpers.ts";

function twoArticleLibrary() {
  const dir = tempLibrary({ "riverside-library-reopens.md": readFileSync(RIVERSIDE) });
  copyFileSync(join(SEEDS, `${SEED_ID}.txt`), join(dir, `${SEED_ID}.txt`));
  return loadLibrary(dir);
}

describe("an article in front-matter format (written for these tests)", () => {
  const library = twoArticleLibrary();
  const article = library.get("riverside-library-reopens")!;

  it("takes title, date and url from the front matter and finds the heading", () => {
    expect(article.meta).toEqual({
      id: "riverside-library-reopens",
      title: "Riverside library reopens after two-year rebuild",
      date: "2025-06-12",
      url: "https://example.org/news/riverside-library",
      source: "Example Gazette",
      author: "Test Desk",
    });
    expect(article.paragraphs).toHaveLength(6);
    expect(article.headings.map((h) => h.text)).toEqual(["Flood damage"]);
  });

  it("attributes curly and straight quotes, and non-ASCII names with titles", () => {
    expect(article.quotes.filter((q) => q.direct).map((q) => [q.paragraph, q.speaker])).toEqual([
      [2, "Zoë Castellanos"],
      [2, "Zoë Castellanos"],
      [5, "Tomás Ferreira"],
      [5, "Tomás Ferreira"],
    ]);
    expect(article.entities.filter((e) => e.type === "person").map((e) => [e.name, e.role])).toEqual([
      ["Zoë Castellanos", "Mayor"],
      ["Tomás Ferreira", "Head librarian"],
    ]);
    const reported = article.quotes.filter((q) => !q.direct).map((q) => [q.speaker, q.text]);
    expect(reported).toContainEqual([
      "the city council",
      "The old building was closed in March 2023 after a flood destroyed most of its ground floor",
    ]);
    expect(reported).toContainEqual([
      "Tomás Ferreira",
      "the new reading room holds twice as many seats as the old one",
    ]);
  });

  it("resolves its dates against its own date (Thursday 2025-06-12)", () => {
    expect(article.timexes.map((t) => [t.text, t.value])).toEqual([
      ["Tuesday", "2025-06-10"],
      ["two-year", "P2Y"],
      ["2009", "2009"],
      ["March 2023", "2023-03"],
      ["next month", "2025-07"],
    ]);
  });
});

describe("a library of several articles", () => {
  const library = twoArticleLibrary();

  it("lists newest first and answers from the newest by default", () => {
    expect(library.list().map((a) => a.id)).toEqual(["riverside-library-reopens", SEED_ID]);
    expect(ask(library, { command: "who", query: "Castellanos" }).article.id).toBe(
      "riverside-library-reopens",
    );
  });

  it("answers from the article asked for", () => {
    const when = ask(library, { command: "when", article: SEED_ID, query: "When did the mission arrive?" });
    expect(rankedItems(when)[0]?.value).toBe("2024-06");
    const closed = ask(library, { command: "when", query: "When was the old building closed?" });
    expect(rankedItems(closed)[0]?.display).toBe("March 2023");
    const cut = ask(library, { command: "who", query: "Who cut the ribbon?" });
    expect(rankedItems(cut)[0]?.entity).toBe("Zoë Castellanos");
    const quotes = ask(library, { command: "quote", speaker: "Ferreira", topic: "books" });
    expect(quoteItems(quotes).map((q) => q.text)).toEqual(['"We lost about 40,000 books that spring,"']);
    const profile = ask(library, { command: "who", query: "castellanos" });
    expect(profileOf(profile).quotes).toHaveLength(2);
  });

  it("names an unknown article id and the known ones", () => {
    expect(() => ask(library, { command: "who", article: "nope" })).toThrow(
      `unknown article "nope" (known: riverside-library-reopens, ${SEED_ID})`,
    );
  });

  it("names an unknown command", () => {
    expect(() => ask(library, { command: "why" })).toThrow(
      "unknown command (use one of: summary, quote, who, when, ask, check)",
    );
  });
});
