import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";

// Invented sentences: the one sentence index, read by stems (with the section heading) and by surface words.
const article = analyzeArticle({
  meta: { id: "t", title: "", date: "2024-05-06" },
  text: [
    "The ferry arrived late on Monday.",
    "Harbour works",
    "Crews were arriving at the quay when the storm began.",
    "The harbour master said the quay would reopen in spring.",
  ].join("\n\n"),
});

describe("the sentence index", () => {
  it("matches stems, so `arrive` finds `arrived` and `arriving`, and ignores stop words", () => {
    const ids = article.index.query("did they arrive", 10).map((h) => h.id);
    expect(ids.sort()).toEqual([0, 1]);
  });

  it("lets a section heading count for the sentences under it", () => {
    expect(article.index.query("harbour works", 10).map((h) => h.id)).toContain(1);
  });

  it("ranks by the surface words too: no stems, no stop list, no heading", () => {
    expect(article.index.surfaceRanking("arrive")).toEqual([]);
    expect(article.index.surfaceRanking("when the storm began")[0]).toBe(1);
    expect(article.index.surfaceRanking("works")).toEqual([]);
  });
});
