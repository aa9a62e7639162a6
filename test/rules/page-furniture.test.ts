import { describe, expect, it } from "vitest";
import { BOILERPLATE_RULES, matchBoilerplate } from "../../src/engine/index.ts";

// The web extractor's rules in the engine's one boilerplate table: whole paragraphs and class or id tokens.
const idsOf = (scope: "paragraph" | "class-token") =>
  BOILERPLATE_RULES.filter((r) => r.scope === scope)
    .map((r) => r.id)
    .sort();

// Each rule, with text it must catch and article text it must leave alone (sentences invented here).
const paragraphCases: Record<string, { drops: string[]; keeps: string[] }> = {
  "link-paragraph": {
    drops: [
      "Read more: Island school to close early",
      "Related stories",
      "See also: the new timetable",
      "Read more",
    ],
    keeps: [
      "Related research shows the ferry is used mostly by shift workers.",
      "Watchdog groups asked the harbour trust to publish its accounts.",
    ],
  },
  advertisement: {
    drops: ["Advertisement", "Story continues below advertisement"],
    keeps: ["Advertisements for the new service went up at every pier on Monday."],
  },
  "newsletter-pitch": {
    drops: [
      "Sign up for our morning briefing.",
      "Subscribe to get the best of the bay every Friday.",
      "To continue reading, create a free account.",
    ],
    keeps: ["Subscribers to the ferry pass will pay twelve percent more from April."],
  },
  "share-paragraph": {
    drops: ["Share this article", "Follow us on social media", "Copy link"],
    keeps: ["Share prices of the ferry company fell after the announcement."],
  },
  "photo-credit": {
    drops: ["Photo: Staff photographer", "Image by the harbour trust", "Illustration: Mara Quill"],
    keeps: ["Photographs from the opening show crowds on the quay."],
  },
  copyright: {
    drops: ["© 2025 The Coastal Ledger. All rights reserved.", "Copyright 2024 Quay Gazette"],
    keeps: ["Copyrighted designs were used for the new ferry livery, the company said."],
  },
};

const classCases: Record<string, { drops: string[]; keeps: string[] }> = {
  "share-bar": { drops: ["share-bar", "article__share", "social"], keeps: ["story-body", "shared-content"] },
  newsletter: { drops: ["newsletter-signup", "paywall-box", "c-promo"], keeps: ["entry-content"] },
  related: { drops: ["related-stories", "read-more", "readmore"], keeps: ["story-header"] },
  advert: { drops: ["ad-slot", "ads", "advertisement"], keeps: ["head", "lead-image", "loading"] },
  caption: { drops: ["amp-caption", "photo-credit"], keeps: ["captioned-story-body"] },
  comments: { drops: ["comments", "entry-tags", "breadcrumb"], keeps: ["content-column"] },
};

describe("page furniture: paragraph rules", () => {
  it("has a case table for every rule", () => {
    expect(Object.keys(paragraphCases).sort()).toEqual(idsOf("paragraph"));
  });
  for (const [id, { drops, keeps }] of Object.entries(paragraphCases)) {
    for (const text of drops)
      it(`${id} drops "${text}"`, () => expect(matchBoilerplate(text, "paragraph")?.id).toBe(id));
    for (const text of keeps)
      it(`${id} keeps "${text}"`, () => expect(matchBoilerplate(text, "paragraph")).toBeUndefined());
  }
});

describe("page furniture: class rules", () => {
  it("has a case table for every rule", () => {
    expect(Object.keys(classCases).sort()).toEqual(idsOf("class-token"));
  });
  for (const [id, { drops, keeps }] of Object.entries(classCases)) {
    for (const token of drops)
      it(`${id} drops .${token}`, () => expect(matchBoilerplate(token, "class-token")?.id).toBe(id));
    for (const token of keeps)
      it(`${id} keeps .${token}`, () => expect(matchBoilerplate(token, "class-token")).toBeUndefined());
  }
});
