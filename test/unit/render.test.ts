import { describe, expect, it } from "vitest";
import { answerTitle } from "../../src/app/answer-view.ts";
import { renderAnswerText } from "../../src/cli/render-text.ts";
import { analyzeArticle, answer, sourceFromText } from "../../src/engine/index.ts";
import { type AnswerRequest, answerRequestSchema } from "../../src/engine/request.ts";
import type { Answer } from "../../src/engine/types.ts";
import { paginate, renderAnswer } from "../../src/render/render.ts";
import { messagePayloadSchema } from "../discord-limits-schema.ts";
import { summaryItems, timelineItems } from "../helpers.ts";

// An article of our own words.
const FERRY = `date 2024-05-06

Harbour ferry returns after storm repairs

The harbour ferry returned to service on Friday after two weeks of storm repairs, the port authority said.

"We are glad to have our crossing back," harbour master Lena Ortiz said.

Repairs began in April 2024, when a storm damaged the landing stage.

"The new deck will last thirty years," said engineer Tom Reyes.

Passengers queued from dawn, and the first crossing left at seven.`;

const ferry = analyzeArticle(sourceFromText("ferry", "ferry", FERRY));
const ask = (request: AnswerRequest, article = ferry): Answer =>
  answer(article, answerRequestSchema.parse(request));
const description = (a: Answer, page = 0) => renderAnswer(a, { page }).embeds?.[0]?.description ?? "";
const discordTitle = (a: Answer) => renderAnswer(a).embeds?.[0]?.title;
const cliTitle = (a: Answer) => renderAnswerText(a).split("\n")[0];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("titles show the question once", () => {
  it.each<[AnswerRequest, string]>([
    [{ command: "who", query: "Who said it was worth the wait?" }, "Who said it was worth the wait?"],
    [{ command: "who", query: "who repaired the landing stage?" }, "Who repaired the landing stage?"],
    [{ command: "who", query: "Ferreira" }, "Who: Ferreira"],
    [{ command: "who" }, "Who's who"],
    [{ command: "when", query: "When did the ferry return?" }, "When did the ferry return?"],
    [{ command: "when", query: "ferry return" }, "When: ferry return"],
    [{ command: "when" }, "Timeline"],
    [{ command: "quote", speaker: "Reyes", topic: "deck" }, "Quotes by Reyes about “deck”"],
    [{ command: "quote", topic: "deck" }, "Quotes about “deck”"],
    [{ command: "quote", speaker: "Ortiz" }, "Quotes by Ortiz"],
    [{ command: "quote" }, "Quotes"],
    [{ command: "summary", sentences: 2 }, "Summary in 2 sentences"],
  ])("%j → %s, in Discord and in the terminal", (request, title) => {
    const a = ask(request);
    expect(discordTitle(a)).toBe(title);
    expect(cliTitle(a)).toBe(title);
    expect(answerTitle(a)).toBe(title);
  });

  it("never repeats the command word", () => {
    const a = ask({ command: "who", query: "Who said it?" });
    expect(cliTitle(a)).not.toMatch(/^Who\W+Who/);
    expect(discordTitle(a)).not.toMatch(/^Who\W+Who/);
  });
});

describe("the timeline shows each resolved date beside its sentence", () => {
  const timeline = ask({ command: "when" });

  it("in the terminal, the expression marked and its date under the sentence", () => {
    const text = renderAnswerText(timeline);
    expect(text).toContain(
      "  ¶3 Repairs began in [April 2024], when a storm damaged the landing stage.\n      · April 2024\n",
    );
    expect(text).toContain("      · Friday 3 May 2024; ");
  });

  it("in Discord, the date after the ¶ of its excerpt", () => {
    expect(description(timeline)).toContain(
      "> Repairs began in **April 2024**, when a storm damaged the landing stage.\n-# ¶3 · April 2024",
    );
  });

  it("every expression's display is shown beside the sentence it is in", () => {
    const text = renderAnswerText(timeline);
    const discord = description(timeline);
    for (const item of timelineItems(timeline)) {
      const c = timeline.citations.find((c) => c.start <= item.start && item.end <= c.end);
      expect(c).toBeDefined();
      expect(discord).toMatch(new RegExp(`-# ¶${c?.paragraph} · [^\\n]*${escapeRegExp(item.display)}`));
      expect(text).toMatch(new RegExp(`      · [^\\n]*${escapeRegExp(item.display)}`));
    }
  });
});

describe("the Discord summary shows each sentence once, numbered and cited", () => {
  it("one sentence: exactly the lead, numbered, with its ¶", () => {
    expect(description(ask({ command: "summary", sentences: 1 }))).toBe(
      "> **1.** The harbour ferry returned to service on Friday after two weeks of storm repairs, the port authority said.\n-# ¶1",
    );
  });

  it("several: each sentence appears once, in article order", () => {
    const a = ask({ command: "summary", sentences: 3 });
    const items = summaryItems(a);
    const shown = description(a);
    expect(shown).toBe(
      items.map((item, i) => `> **${i + 1}.** ${item.text}\n-# ¶${item.paragraph}`).join("\n\n"),
    );
    for (const item of items) expect(shown.split(item.text.slice(0, 40)).length - 1).toBe(1);
  });

  it("in the terminal too: numbered, no blank line doubled", () => {
    expect(renderAnswerText(ask({ command: "summary", sentences: 1 }))).toBe(
      "Summary in 1 sentence\nHarbour ferry returns after storm repairs (2024-05-06) [ferry]\n\n" +
        "  1. ¶1 The harbour ferry returned to service on Friday after two weeks of storm repairs,\n" +
        "  the port authority said.",
    );
  });

  it("pages ten long sentences within Discord's limits, numbering on across pages", () => {
    // Twelve long paragraphs with no words in common, so that none is held back as a near-duplicate.
    const word = (n: number) =>
      `${"bcdfghjklmnpqrstvwz"[n % 19]}${"aeiou"[Math.floor(n / 19) % 5]}${"bcdfghjklmnpqrstvwz"[Math.floor(n / 95) % 19]}o`;
    const long = Array.from(
      { length: 12 },
      (_, i) => `Paragraph ${Array.from({ length: 40 }, (_, j) => word(i * 40 + j)).join(" ")}.`,
    ).join("\n\n");
    const article = analyzeArticle(sourceFromText("long", "long", `date 2024-05-06 ${long}`));
    const a = ask({ command: "summary", sentences: 10 }, article);
    const pages = paginate(a);
    expect(pages.map((p) => p.blocks.length)).toEqual([6, 4]);
    const second = renderAnswer(a, { page: 1, buttonId: (action, arg) => `${action}:${arg}` });
    expect(messagePayloadSchema.parse(second).allowed_mentions).toEqual({ parse: [] });
    expect(second.embeds?.[0]?.description).toMatch(/^-# \(continued, page 2\)\n\n> \*\*7\.\*\* Paragraph/);
    expect(
      messagePayloadSchema.safeParse(renderAnswer(a, { buttonId: (action, arg) => `${action}:${arg}` }))
        .success,
    ).toBe(true);
  });
});

describe("notes under excerpts add to them, never repeat them", () => {
  it("a when-answer whose phrase is its date has no note; the date is in bold", () => {
    expect(description(ask({ command: "when", query: "When did repairs begin?" }))).toBe(
      "April 2024 (“April 2024”), ¶3.\n\n> Repairs began in **April 2024**, when a storm damaged the landing stage.\n-# ¶3" +
        "\n\n> **The harbour ferry returned to service on Friday after two weeks of storm repairs, the port authority said.**\n-# ¶1",
    );
  });

  it("the who's-who list leaves out a note naming whom the excerpt names in full", () => {
    const listing = description(ask({ command: "who" }));
    for (const [, excerpt, note] of listing.matchAll(/^> (.*)\n-# ¶\d+ · (.*)$/gm))
      expect(excerpt?.replace(/\*\*/g, "")).not.toContain(note);
  });
});

describe("quote answers say who said what", () => {
  const council = analyzeArticle(
    sourceFromText(
      "council",
      "council",
      `date 2024-05-06 "We will open the bridge on Monday," Mayor Ann Park said.

"The bridge is safe for buses," police chief Jo Reyes said.

"It was a long wait for everyone," Ann Park said.`,
    ),
  );

  it("counts each speaker's quotes", () => {
    const a = ask({ command: "quote" }, council);
    expect(a.text).toBe("3 quotes: 2 from Ann Park, 1 from Jo Reyes.");
    expect(renderAnswerText(a)).toContain(
      '  ¶1 "We will open the bridge on Monday,"\n      — Ann Park, Mayor',
    );
  });

  it("says once that statements are reported, in the answer line, not under each", () => {
    const reported = analyzeArticle(
      sourceFromText(
        "r",
        "r",
        "date 2024-05-06 The bridge will reopen on Monday, Mayor Ann Park said in a statement.",
      ),
    );
    const a = ask({ command: "quote", speaker: "Park" }, reported);
    expect(a.kind).toBe("statements");
    expect(a.text).toBe("1 reported statement from Ann Park (no direct quote).");
    expect(description(a)).toBe(
      "1 reported statement from Ann Park (no direct quote).\n\n> The bridge will reopen on Monday\n-# ¶1 · Ann Park, Mayor",
    );
  });

  it("names a single speaker once", () => {
    expect(ask({ command: "quote", speaker: "Park" }, council).text).toBe("2 quotes from Ann Park.");
  });
});
