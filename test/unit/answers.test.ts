import { describe, expect, it } from "vitest";
import { answer } from "../../src/engine/index.ts";
import { type AnswerRequest, answerRequestSchema } from "../../src/engine/request.ts";
import type { Answer } from "../../src/engine/types.ts";
import {
  entityItems,
  profileOf,
  quoteItems,
  rankedItems,
  seedArticle,
  summaryItems,
  timelineItems,
} from "../helpers.ts";

const article = seedArticle();
const ask = (request: AnswerRequest): Answer => answer(article, answerRequestSchema.parse(request));

/** Every citation quotes the article exactly. */
function expectExactCitations(a: Answer) {
  for (const c of a.citations) {
    expect(c.excerpt).toBe(article.text.slice(c.start, c.end));
    expect(c.articleId).toBe("kenyan-officer-killed-in-haiti");
    expect(article.sentences[c.sentence]!.paragraph).toBe(c.paragraph);
  }
}

describe("summary", () => {
  it("picks the lead sentences by default, in article order, each cited exactly", () => {
    const a = ask({ command: "summary" });
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.paragraph)).toEqual([1, 2, 3]);
    expect(summaryItems(a).map((i) => i.sentence)).toEqual([0, 1, 2]);
    expectExactCitations(a);
  });

  it("takes the number of sentences asked for and never a direct-quote sentence first", () => {
    const five = ask({ command: "summary", sentences: 5 });
    expect(five.citations).toHaveLength(5);
    const order = five.citations.map((c) => c.sentence);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expectExactCitations(five);
    expect(ask({ command: "summary", sentences: 1 }).citations.map((c) => c.paragraph)).toEqual([1]);
  });

  it("refuses 0 or 11 sentences with a clear message", () => {
    expect(
      answerRequestSchema.safeParse({ command: "summary", sentences: 0 }).error?.issues[0]?.message,
    ).toBe("sentences must be between 1 and 10");
    expect(answerRequestSchema.safeParse({ command: "summary", sentences: 11 }).success).toBe(false);
  });
});

describe("quote", () => {
  it("finds Ombaka's quotes by any name form, with role and ¶", () => {
    for (const speaker of ["Ombaka", "jack ombaka", "Jack Ombaka", "spokesperson"]) {
      const a = ask({ command: "quote", speaker });
      expect(a.kind).toBe("quotes");
      expect(quoteItems(a).map((q) => q.paragraph)).toEqual([4, 4, 9, 9]);
    }
    const a = ask({ command: "quote", speaker: "Ombaka" });
    expect(a.text).toBe("4 quotes from Jack Ombaka.");
    expect(quoteItems(a)[0]?.role).toBe("the mission's spokesperson");
    expectExactCitations(a);
  });

  it("filters by topic", () => {
    const a = ask({ command: "quote", topic: "hero" });
    expect(a.citations.map((c) => c.excerpt)).toEqual([
      '"We salute our fallen hero,"',
      '“We salute our fallen hero."',
    ]);
    const b = ask({ command: "quote", speaker: "Ombaka", topic: "price of courage" });
    expect(b.citations.map((c) => c.paragraph)).toEqual([9]);
  });

  it("falls back to reported statements when someone is not quoted directly", () => {
    const a = ask({ command: "quote", speaker: "Otunge" });
    expect(a.kind).toBe("statements");
    expect(a.text).toBe("1 reported statement from Godfrey Otunge (no direct quote).");
    expect(a.citations[0]!.excerpt).toBe(
      "The police officer was airlifted out of the area and died from his injuries",
    );
  });

  it("says plainly when there is no such quote, and who is quoted", () => {
    const a = ask({ command: "quote", speaker: "Moïse" });
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.text).toBe(
      "The article has no quote from Moïse. Quoted in it: Jack Ombaka (4), Kenyan authorities (1), The Kenyan mission (1), Godfrey Otunge (1).",
    );
  });
});

/** The seed's who- and when-question tables as the committed reader model answers them (below). */
const WHO_RIGHT = 3;
const WHO_REFUSED = 2;
const WHEN_RIGHT = 3;
const WHEN_REFUSED = 1;

describe("who", () => {
  it("lists people and organisations, most prominent first, then places", () => {
    const a = ask({ command: "who" });
    const items = entityItems(a);
    expect(items.slice(0, 5).map((i) => [i.name, i.type])).toEqual([
      ["Jack Ombaka", "person"],
      ["Godfrey Otunge", "person"],
      ["Jovenel Moïse", "person"],
      ["Gran Grif gang", "organization"],
      ["Haiti’s National Police", "organization"],
    ]);
    expect(items[5]).toMatchObject({ name: "Haiti", type: "place" });
    expect(a.citations.map((c) => c.paragraph)).toEqual([4, 7, 11, 10, 13]);
    expectExactCitations(a);
  });

  it("profiles a person named by surname, full name or without accents", () => {
    for (const query of ["Ombaka", "Jack Ombaka", "Who is Jack Ombaka?"]) {
      const a = ask({ command: "who", query });
      expect(a.kind).toBe("profile");
      expect(profileOf(a).name).toBe("Jack Ombaka");
    }
    const otunge = ask({ command: "who", query: "Godfrey Otunge" });
    expect(otunge.text).toBe(
      "Godfrey Otunge: the commander of the Kenyan forces in Haiti. Mentioned 1 time; 1 reported statement.",
    );
    expect(otunge.citations[0]!.paragraph).toBe(7);
    const moise = ask({ command: "who", query: "moise" });
    expect(profileOf(moise).role).toBe("President");
    expect(moise.citations.map((c) => c.paragraph)).toEqual([11]);
    expectExactCitations(otunge);
  });

  // The seed's who-questions as the committed reader model answers them: entity, phrase and paragraph of the first
  // item for the answered ones, and which are refused.
  const WHO_ANSWERED: [string, string, string, number][] = [
    ["Who controls the region?", "Gran Grif gang", "Gran Grif gang", 10],
    ["Who is the commander of the Kenyan forces?", "Godfrey Otunge", "Godfrey Otunge", 7],
    ["Who thanked hospital staff?", "Jack Ombaka", "Ombaka", 8],
  ];
  const WHO_UNANSWERED = ["Who is the president of Kenya?", "Who is Marta Quill?", "Who won the election?"];

  it.each([...WHO_ANSWERED.map(([q]) => q), ...WHO_UNANSWERED])(
    "%s: cites the article's own words",
    (query) => {
      const a = ask({ command: "who", query });
      for (const i of a.found ? rankedItems(a) : [])
        expect(article.text.slice(i.answerStart, i.answerEnd)).toBe(i.answer);
      expectExactCitations(a);
    },
  );

  it("answers the seed's who-questions", () => {
    const right = WHO_ANSWERED.filter(([query, entity, phrase, paragraph]) => {
      const a = ask({ command: "who", query });
      const best = a.found ? rankedItems(a)[0] : undefined;
      return best?.entity === entity && best.answer === phrase && best.paragraph === paragraph;
    }).length;
    const refused = WHO_UNANSWERED.filter((query) => !ask({ command: "who", query }).found).length;
    expect({ right, refused }).toEqual({ right: WHO_RIGHT, refused: WHO_REFUSED });
  });
});

describe("when", () => {
  it("gives a timeline in calendar order", () => {
    const a = ask({ command: "when" });
    expect(timelineItems(a).map((i) => i.value)).toEqual([
      "2021",
      "2024-06",
      "2025-02",
      "2025-W08",
      "2025-W08",
      "2025-02-23",
      "2025-02-23",
    ]);
    expect(a.citations.map((c) => c.paragraph)).toEqual([11, 3, 13, 2, 6, 1]);
    expect(timelineItems(a)[0]?.event).toContain("since the 2021 assassination of President Jovenel Moïse");
    expectExactCitations(a);
  });

  // The seed's when-questions as the committed reader model answers them.
  const WHEN_ANSWERED: [string, string, string, number][] = [
    ["When did the mission arrive?", "2024-06", "June 2024", 3],
    ["When did more police officers join?", "2025-02", "February", 13],
    ["When was the officer shot?", "2025-02-23", "Sunday", 1],
    ["When was President Moïse assassinated?", "2021", "2021", 11],
  ];
  const WHEN_UNANSWERED = ["When will the mission end?", "When did the gang leader surrender?"];

  it.each([...WHEN_ANSWERED.map(([q]) => q), ...WHEN_UNANSWERED])(
    "%s: cites the article's own words",
    (query) => {
      const a = ask({ command: "when", query });
      expectExactCitations(a);
      if (!a.found)
        expect(a.text).toBe("The article does not say when. Try /when with no question for its timeline.");
    },
  );

  it("answers the seed's when-questions", () => {
    const right = WHEN_ANSWERED.filter(([query, value, phrase, paragraph]) => {
      const a = ask({ command: "when", query });
      const best = a.found ? rankedItems(a)[0] : undefined;
      return best?.value === value && best.answer === phrase && best.paragraph === paragraph;
    }).length;
    const refused = WHEN_UNANSWERED.filter((query) => !ask({ command: "when", query }).found).length;
    expect({ right, refused }).toEqual({ right: WHEN_RIGHT, refused: WHEN_REFUSED });
  });
});
