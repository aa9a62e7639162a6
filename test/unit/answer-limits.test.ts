import { describe, expect, it } from "vitest";
import { ask, RequestError } from "../../src/app/ask.ts";
import { renderAnswerText } from "../../src/cli/render-text.ts";
import {
  type AnswerRequest,
  analyzeArticle,
  answer,
  answerRequestSchema,
  MemoryLibrary,
  sourceFromText,
} from "../../src/engine/index.ts";
import { renderAnswer } from "../../src/render/render.ts";
import { messagePayloadSchema } from "../discord-limits-schema.ts";
import { profileOf, quoteItems } from "../helpers.ts";

// A hostile article of invented words: 2,000 quoted paragraphs from 50 invented clerks, each dated.
const FIRST = ["Mara", "Tobin", "Ilsa", "Corvin", "Petra", "Anselm", "Wren", "Dario", "Lusia", "Fenno"];
const LAST = ["Quill", "Harrow", "Venn", "Osgood", "Brisk"];
const MONTHS = ["March", "April", "May", "June"];
const paragraphs = Array.from({ length: 2000 }, (_, n) => {
  const name = `${FIRST[n % 10]} ${LAST[Math.floor(n / 10) % 5]}`;
  const day = `${(n % 28) + 1} ${MONTHS[n % 4]} 2024`;
  return `"The ferry schedule for berth ${n + 1} is wrong again," said ${name}, a harbour clerk, on ${day}.`;
});
const source = sourceFromText("berths", "berths.txt", `date 2024-07-01 ${paragraphs.join("\n\n")}`);
const article = analyzeArticle(source);
const library = new MemoryLibrary();
library.add(source);

const answerTo = (request: AnswerRequest) => answer(article, answerRequestSchema.parse(request));
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("answers are bounded by their limit", () => {
  it("2,000 quotes: 25 shown and cited by default, the total kept, the JSON small", () => {
    expect(article.quotes).toHaveLength(2000);
    const a = answerTo({ command: "quote" });
    expect([a.kind, a.limit, a.total, a.items.length, a.citations.length]).toEqual([
      "quotes",
      25,
      2000,
      25,
      25,
    ]);
    expect(a.text).toBe(
      "2000 quotes: 40 from Mara Quill, 40 from Tobin Quill, 40 from Ilsa Quill, 40 from Corvin Quill, " +
        "40 from Petra Quill, 40 from Anselm Quill, 40 from Wren Quill, 40 from Dario Quill, " +
        "40 from Lusia Quill, 40 from Fenno Quill, 1600 from 40 other speakers.",
    );
    expect(quoteItems(a).map((q) => q.paragraph)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(bytes(a)).toBeLessThan(12_000);
  });

  it("limit 200 gives 200 items of 2,000; limit 201 is refused with a clear message", () => {
    const a = answerTo({ command: "quote", limit: 200 });
    expect([a.limit, a.total, a.items.length, a.citations.length]).toEqual([200, 2000, 200, 200]);
    expect(bytes(a)).toBeLessThan(100_000);
    expect(answerRequestSchema.safeParse({ command: "quote", limit: 201 }).error?.issues[0]?.message).toBe(
      "limit must be between 1 and 200",
    );
    expect(() => ask(library, { command: "quote", limit: 201 })).toThrow(
      new RequestError("limit must be between 1 and 200"),
    );
    expect(() => ask(library, { command: "who", limit: 0 })).toThrow("limit must be between 1 and 200");
    expect(() => ask(library, { command: "when", limit: 2.5 })).toThrow("limit must be a whole number");
  });

  it("every kind of list stays small: the cast, a profile, the timeline, one speaker's quotes", () => {
    const cast = answerTo({ command: "who" });
    expect([cast.kind, cast.total, cast.items.length]).toEqual(["entities", 50, 25]);
    expect(cast.text).toMatch(/; and 25 others\.$/);
    expect(bytes(cast)).toBeLessThan(50_000);

    const profile = answerTo({ command: "who", query: "Mara Quill" });
    expect(profile.text).toBe("Mara Quill: a harbour clerk. Mentioned 40 times; 40 direct quotes.");
    expect([profileOf(profile).quotes.length, profileOf(profile).mentions.length]).toEqual([25, 25]);
    expect(bytes(profile)).toBeLessThan(20_000);

    const timeline = answerTo({ command: "when" });
    expect([timeline.kind, timeline.total, timeline.items.length]).toEqual([
      "timeline",
      article.timexes.length,
      25,
    ]);
    expect(article.timexes.length).toBeGreaterThanOrEqual(2000);
    expect(bytes(timeline)).toBeLessThan(20_000);

    const one = answerTo({ command: "quote", speaker: "Mara Quill", limit: 5 });
    expect([one.text, one.total, one.items.length]).toEqual(["40 quotes from Mara Quill.", 40, 5]);
  });

  it("the renderers say how many were left out, and the Discord reply stays within limits", () => {
    const a = answerTo({ command: "quote" });
    const reply = renderAnswer(a);
    expect(messagePayloadSchema.safeParse(reply).success).toBe(true);
    expect(reply.embeds?.[0]?.description).toContain("-# Showing the first 25 of 2,000.");
    expect(renderAnswerText(a).split("\n")).toContain("Showing the first 25 of 2,000.");
    const all = answerTo({ command: "quote", speaker: "Mara Quill", limit: 40 });
    expect(renderAnswerText(all)).not.toContain("Showing the first");
  });
});
