// Pattern 7: an article without a date never has its relative dates read against today's clock; they are kept,
// unresolved and marked, unless the article states its own date (a dateline, a Published line).
import { describe, expect, it, vi } from "vitest";
import { analyzeArticle, answer, answerRequestSchema, sourceFromText } from "../../src/engine/index.ts";
import { timelineItems } from "../helpers.ts";

const BODY = [
  "The harbour authority said on Sunday that the old pier would be rebuilt this year.",
  "Storms last August cracked its deck, and two divers inspected it yesterday.",
  "The pier first opened on 5 May 1998 and was last repaired in 2011.",
].join("\n\n");

const timeline = (raw: string) => {
  const article = analyzeArticle(sourceFromText("pier", "pier.txt", raw));
  const when = answer(article, answerRequestSchema.parse({ command: "when" }));
  return { article, items: timelineItems(when) };
};

describe("an article that gives no date", () => {
  it("keeps relative expressions unresolved, marked, with underspecified values", () => {
    const { article } = timeline(BODY);
    expect(article.meta.date).toBeNull();
    expect(article.timexes.map((t) => [t.text, t.value, t.resolved, t.display])).toEqual([
      ["Sunday", "XXXX-WXX-7", false, "Sunday — the article gives no date"],
      ["this year", "XXXX", false, "this year — the article gives no date"],
      ["last August", "XXXX-08", false, "last August — the article gives no date"],
      ["yesterday", "XXXX-XX-XX", false, "yesterday — the article gives no date"],
      ["5 May 1998", "1998-05-05", true, "Tuesday 5 May 1998"],
      ["2011", "2011", true, "2011"],
    ]);
  });

  it("reads the same whatever today's date is", () => {
    const before = timeline(BODY).article.timexes;
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2031-07-19T03:00:00Z"));
      expect(timeline(BODY).article.timexes).toEqual(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it("lists dated expressions first on the timeline, the unresolved ones after", () => {
    expect(timeline(BODY).items.map((i) => i.value)).toEqual([
      "1998-05-05",
      "2011",
      "XXXX-WXX-7",
      "XXXX",
      "XXXX-08",
      "XXXX-XX-XX",
    ]);
  });

  it("keeps a month and day without a year unresolved", () => {
    const { article } = timeline("The pier reopened on 5 May.");
    expect(article.timexes.map((t) => [t.text, t.value, t.resolved])).toEqual([
      ["5 May", "XXXX-05-05", false],
    ]);
  });
});

describe("an article that states its own date", () => {
  it("resolves against a wire dateline whose year the copyright line gives", () => {
    const { article } = timeline(`PARIS, March 3 (Reuters) - ${BODY}\n\n© 2025 Example Wire`);
    expect(article.meta.date).toBe("2025-03-03");
    expect(article.timexes.slice(0, 5).map((t) => [t.text, t.value, t.resolved])).toEqual([
      ["March 3", "2025-03-03", true],
      ["Sunday", "2025-03-02", true],
      ["this year", "2025", true],
      ["last August", "2024-08", true],
      ["yesterday", "2025-03-02", true],
    ]);
  });

  it("resolves against a Published line", () => {
    const { article } = timeline(`Published 3 March 2025\n\n${BODY}`);
    expect(article.meta).toMatchObject({ date: "2025-03-03", dateFrom: "published line" });
    expect(article.timexes.find((t) => t.text === "last August")?.display).toBe("August 2024");
  });

  it("leaves relative dates unresolved when a dateline has no year anywhere", () => {
    const { article } = timeline(`PARIS, March 3 (Reuters) - ${BODY}`);
    expect(article.meta.date).toBeNull();
    expect(article.timexes.find((t) => t.text === "last August")?.value).toBe("XXXX-08");
  });
});
