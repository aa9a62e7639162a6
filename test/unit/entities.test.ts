import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";

const people = (text: string) =>
  analyzeArticle({ meta: { id: "t", title: "t", date: "2024-05-06" }, text })
    .entities.filter((e) => e.type === "person")
    .map((e) => [e.name, e.role]);

describe("names", () => {
  it("keeps an initial with the surname after it", () => {
    expect(people("The innings was saved by K. Ashdown, who made 38.")).toEqual([["K. Ashdown", null]]);
  });

  it("leaves a nationality out of the name and a title out of the name but in the role", () => {
    expect(people("Australian Rob Kettering took six wickets.")).toEqual([["Rob Kettering", null]]);
    expect(people("French President Emmanuel Macron spoke on Monday.")).toEqual([
      ["Emmanuel Macron", "President"],
    ]);
  });

  it("types a team named by city and plural as an organisation, not a person", () => {
    const article = analyzeArticle({
      meta: { id: "t", title: "t", date: null },
      text: "The Harwick Rovers beat the Tellan Larks.",
    });
    expect(article.entities.map((e) => [e.name, e.type])).toEqual([
      ["Harwick Rovers", "organization"],
      ["Tellan Larks", "organization"],
    ]);
  });
});
