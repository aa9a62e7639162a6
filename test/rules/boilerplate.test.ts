import { describe, expect, it } from "vitest";
import { summarize } from "../../src/engine/answers/summary.ts";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import {
  BOILERPLATE_RULES,
  type BoilerplateRuleOf,
  boilerplateSentences,
  HEADLINE_REPEATED,
  matchBoilerplate,
  repeatsHeadline,
} from "../../src/engine/parse/boilerplate.ts";
import { summaryItems } from "../helpers.ts";

// Invented sentences: each rule with what it must catch and what it must leave alone.
const CASES: Record<BoilerplateRuleOf<"sentence">["id"], { positive: string[]; negative: string[] }> = {
  "credit-in-parentheses": {
    positive: [
      "A firefighter walks past the ruins on Tuesday. (Photo: Jane Doe)",
      "(AP Photo/Jane Doe)",
      "Volunteers sort books in the new hall (Photo by Jane Doe/Getty Images)",
      "The old mill at dawn (Image courtesy of the museum).",
    ],
    negative: [
      "The council met on Tuesday (photo opportunities were limited).",
      "The mayor (pictured left in the leaflet) said nothing.",
    ],
  },
  "credit-via-agency": {
    positive: [
      "JANE DOE via Getty Images",
      "Jane Doe/AFP via Getty Images",
      "Smoke rises over the hills JOHN ROE via Reuters",
    ],
    negative: ["The footage was shared via Reuters.", "Photos reached editors via Getty Images on Monday."],
  },
  "credit-name-slash-agency": {
    positive: ["Getty Images", "Jane Doe/Reuters", "AFP/Getty Images", "Jane Doe / Shutterstock."],
    negative: ["Reuters reported the sale on Monday.", "Getty Images said it would cut 300 jobs."],
  },
  "credit-label": {
    positive: [
      "Photograph: Jane Doe/Reuters",
      "Image copyright Jane Doe",
      "Image caption Crews cleared the road by noon",
      "Picture by Jane Doe",
      "PHOTO: JOHN ROE",
    ],
    negative: [
      "Photographs of the scene spread quickly online.",
      "Pictures by local children hung on the walls.",
      "Images from the probe arrived on Friday.",
    ],
  },
  "caption-opener": {
    positive: [
      "Pictured: the new reading room on opening day",
      "Main image: crews at the scene.",
      "Above: the old mill",
    ],
    negative: ["Pictured in the leaflet was the old mill.", "Above all, the council wants calm."],
  },
  "copyright-line": {
    positive: ["Copyright 2024 The Daily Example.", "All rights reserved.", "© Example Media Ltd"],
    negative: ["Copyright law changed in 2019.", "All parties reserved their right to appeal."],
  },
  "editors-note": {
    positive: [
      "Editor's note: This story contains graphic descriptions.",
      "Correction: An earlier version gave the wrong date.",
      "Clarification (5 May): the fund is run by the city.",
      "Update — the road has reopened.",
    ],
    negative: ["Correction of the budget took months.", "Updated figures show a rise in rents."],
  },
  "article-amended": {
    positive: [
      "This article was amended on 5 May 2024 to correct the mayor's name.",
      "This story has been updated with comment from the council.",
      "An earlier version of this story misstated the date of the vote.",
    ],
    negative: ["The report was amended by the committee on Tuesday.", "This budget was amended twice."],
  },
  "reporting-credit": {
    positive: [
      "Reporting by Jane Doe; Editing by John Roe",
      "Additional reporting by Ann Lee in Lagos.",
      "Writing by Ann Lee",
    ],
    negative: ["Reporting by the local paper revealed the scheme.", "Editing by hand took weeks."],
  },
  "newsletter-signup": {
    positive: [
      "Sign up for our morning newsletter.",
      "Subscribe to the Example Daily.",
      "Get our free weekly newsletter here.",
    ],
    negative: ["Sign-ups rose by 5% in May.", "Subscribers complained about the price rise."],
  },
  "read-more": {
    positive: [
      "Read more: Why the river flooded twice",
      "Related: The mill's last owner",
      "Watch:",
      "More on this story",
    ],
    negative: ["Read more widely, officials say, and vote.", "Watchdogs criticised the plan."],
  },
  "social-follow": {
    positive: ["Follow us on Instagram.", "Follow Example News on X and Facebook."],
    negative: ["Follow-up talks on trade were held.", "Follow the river north to the mill."],
  },
  "share-prompt": {
    positive: ["Share this article", "Share on Facebook", "Click here to read the full report."],
    negative: ["Share prices fell 3% on Monday.", "Shares in the firm rose."],
  },
  "reader-callout": {
    positive: ["Have you been affected by the floods?", "Do you have a story to share?"],
    negative: ["Have the floods affected prices?", "Residents have been affected for weeks."],
  },
};

const SENTENCE_RULES = BOILERPLATE_RULES.filter(
  (r): r is BoilerplateRuleOf<"sentence"> => r.scope === "sentence",
);

describe("boilerplate rules", () => {
  it("every sentence rule has a table of cases (the web page's rules: test/rules/page-furniture.test.ts)", () => {
    expect(Object.keys(CASES).sort()).toEqual(SENTENCE_RULES.map((r) => r.id).sort());
  });

  it.each(BOILERPLATE_RULES.map((rule) => [rule.id, rule] as const))(
    "%s: its own example is caught by it, in its scope",
    (id, rule) => {
      expect(matchBoilerplate(rule.example, rule.scope)?.id).toBe(id);
    },
  );

  it("names each rule of the one table once, whatever its scope", () => {
    const ids = BOILERPLATE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of SENTENCE_RULES) {
    describe(rule.id, () => {
      const { positive, negative } = CASES[rule.id];
      it.each(positive)("catches %j", (sentence) => {
        expect(rule.match.test(sentence)).toBe(true);
        expect(matchBoilerplate(sentence)?.id).toBe(rule.id);
      });
      it.each(negative)("leaves %j", (sentence) => {
        expect(rule.match.test(sentence)).toBe(false);
        expect(matchBoilerplate(sentence)).toBeUndefined();
      });
    });
  }

  // Its time on hostile input is held, with a generous bound, in test/hostile-input.test.ts.
  it("reads the ends of a long sentence", () => {
    const long = `${"Word ".repeat(20_000)}(Photo: Jane Doe)`;
    const hostile = `${"A".repeat(200_000)} via Getty Images`;
    expect(matchBoilerplate(long)?.id).toBe("credit-in-parentheses");
    expect(matchBoilerplate(hostile)).toBeUndefined();
  });
});

const article = (text: string, title = "") =>
  analyzeArticle({ meta: { id: "t", title, date: "2024-05-06" }, text });

describe(HEADLINE_REPEATED, () => {
  const body = "Crews fought the blaze for three days before rain helped.\n\nThe mill had stood since 1880.";
  it.each([
    [
      "a headline heading repeated with a full stop",
      `Fire destroys the old mill\n\nFire destroys the old mill.\n\n${body}`,
      "",
    ],
    [
      "the given title repeated in capitals",
      `FIRE DESTROYS THE OLD MILL, TOWN MOURNS.\n\n${body}`,
      "Fire destroys the old mill: town mourns",
    ],
    [
      "a title-case headline repeated as the derived title",
      `Fire Destroys the Old Mill in Dunmore.\n\n${body}`,
      "",
    ],
    [
      "a long headline line with no end punctuation",
      `Fire destroys the old mill on the river after a three-day blaze in the valley\n\n${body}`,
      "",
    ],
  ])("skips %s", (_name, text, title) => {
    expect(repeatsHeadline(article(text, title))).toBe(true);
  });

  it.each([
    [
      "a lede that is the derived title",
      `The council voted on Monday to keep the station open.\n\n${body}`,
      "",
    ],
    [
      "a lede that differs from the title",
      `Crews fought the blaze.\n\n${body}`,
      "Fire destroys the old mill",
    ],
    ["a one-paragraph article", "Fire destroys the old mill", "Fire destroys the old mill"],
  ])("keeps %s", (_name, text, title) => {
    expect(repeatsHeadline(article(text, title))).toBe(false);
  });
});

describe("summaries leave boilerplate out", () => {
  const text = [
    "Fire destroys the old mill",
    "Fire destroys the old mill.",
    "A fire destroyed the old mill in Dunmore on Sunday after burning for three days, the fire service said.",
    "A firefighter walks past the ruins of the mill on Tuesday morning. (Photo: Jane Doe)",
    "Crews from four towns fought the fire, which started in a storage shed on Friday night.",
    "JANE DOE via Getty Images",
    "Editor's note: This article was amended on Tuesday to correct the name of the town and the mill.",
    "The mill had stood on the river since 1880 and employed 40 people until it closed in 1992.",
    "Sign up for our morning newsletter about the valley and the mill and the river.",
  ].join("\n\n");
  const a = article(text);

  it("reads a credit line as a heading that opens no section", () => {
    expect(a.headings.map((h) => h.text)).toEqual([
      "Fire destroys the old mill",
      "JANE DOE via Getty Images",
    ]);
    expect(a.paragraphs.map((p) => p.section)).toEqual([null, null, null, null, null, null, null]);
  });

  it("names the rule behind each skipped sentence", () => {
    const skipped = Object.fromEntries(
      [...boilerplateSentences(a)].map(([i, rule]) => [a.sentences[i]?.text.slice(0, 24), rule]),
    );
    expect(skipped).toEqual({
      "Fire destroys the old mi": "headline-repeated",
      "A firefighter walks past": "credit-in-parentheses",
      "(Photo: Jane Doe)": "credit-in-parentheses",
      "Editor's note: This arti": "editors-note",
      "Sign up for our morning ": "newsletter-signup",
    });
  });

  it("summarises the story only, and the skipped sentences stay citable in the article", () => {
    const summary = summarize(a, 10);
    expect(summaryItems(summary).map((i) => i.text)).toEqual([
      "A fire destroyed the old mill in Dunmore on Sunday after burning for three days, the fire service said.",
      "Crews from four towns fought the fire, which started in a storage shed on Friday night.",
      "The mill had stood on the river since 1880 and employed 40 people until it closed in 1992.",
    ]);
    expect(a.sentences).toHaveLength(8);
  });

  it("a credit takes the caption before it on its line, never the line above", () => {
    const captioned = article(
      [
        "The river rose by two metres overnight and closed the old bridge to traffic.",
        "Sandbags line the quay in the old town on Monday as the river keeps rising. Photograph: Jane Doe/Reuters",
        "The council opened two shelters in the town hall.\nJOHN ROE via Getty Images",
      ].join("\n\n"),
    );
    const skipped = [...boilerplateSentences(captioned)].map(([i, rule]) => [
      captioned.sentences[i]?.text,
      rule,
    ]);
    expect(skipped).toEqual([
      ["Photograph: Jane Doe/Reuters", "credit-label"],
      ["Sandbags line the quay in the old town on Monday as the river keeps rising.", "credit-label"],
      ["JOHN ROE via Getty Images", "credit-via-agency"],
    ]);
  });

  it("a short caption line reads as a heading that opens no section", () => {
    const short = article(
      "The river rose overnight and closed the old bridge.\n\nSandbags on the quay. Photograph: Jane Doe/Reuters\n\nThe council opened two shelters.",
    );
    expect(short.headings.map((h) => h.text)).toEqual(["Sandbags on the quay. Photograph: Jane Doe/Reuters"]);
    expect(short.paragraphs.map((p) => p.section)).toEqual([null, null]);
  });

  it("an editor's note takes what follows on its line, at most three sentences", () => {
    const noted = article(
      "Crews cleared the road by noon.\n\nCorrection: An earlier version gave the wrong day. It was Monday. The bridge is open. Buses run. Trains too.",
    );
    expect([...boilerplateSentences(noted).keys()]).toEqual([1, 2, 3, 4]);
  });

  it("says so when nothing but boilerplate is left", () => {
    const onlyCredits = summarize(article("Getty Images\n\nJane Doe/Reuters"));
    expect(onlyCredits.found).toBe(false);
    expect(onlyCredits.text).toBe(
      "The article has nothing to summarise: only a headline, captions, credits or notes.",
    );
  });
});
