// Each named entity rule, with sentences of our own: a positive case where it fires and a negative one where it
// must not, so that breaking any rule fails the test named after it.
import { describe, expect, it } from "vitest";
import {
  classify,
  explainSpan,
  type RunView,
  SPAN_RULES,
  TYPE_RULES,
} from "../../src/engine/parse/entities.ts";
import type { EntityType } from "../../src/engine/types.ts";

type SpanCase = [
  sentence: string,
  span: string,
  type: EntityType | null,
  result: [string, EntityType | null] | null,
];

/** rule id → [positive case, negative case]; the negative case must not be fired by that rule. */
const SPAN_CASES: Record<string, { fires: SpanCase; not: SpanCase }> = {
  "honorific-alone": {
    fires: ["Mr. Dor declined to comment.", "Mr", "person", null],
    not: ["Dor declined to comment.", "Dor", "person", ["Dor", "person"]],
  },
  "peel-title": {
    fires: [
      "Retired Lt. Gen. Ann Cole said no.",
      "Retired Lt. Gen. Ann Cole",
      "person",
      ["Ann Cole", "person"],
    ],
    not: ["Ann Cole said no.", "Ann Cole", "person", ["Ann Cole", "person"]],
  },
  "peel-nationality": {
    fires: ["Russian Ivan Petrov won the race.", "Russian Ivan Petrov", "person", ["Ivan Petrov", "person"]],
    not: ["South Africa won the race.", "South Africa", "place", ["South Africa", "place"]],
  },
  "nationality-alone": {
    fires: ["The East African nations met.", "East African", "place", null],
    not: ["The East Timor talks began.", "East Timor", "place", ["East Timor", "place"]],
  },
  "nationality-before-plural": {
    fires: ["Zorvanian troops arrived.", "Zorvanian", "place", null],
    not: ["Troops left Zorvania yesterday.", "Zorvania", "place", ["Zorvania", "place"]],
  },
  "sentence-initial-role-word": {
    fires: ["Mission official Jo Park spoke.", "Mission", "organization", null],
    not: ["Later, Mission staff left.", "Mission", "organization", ["Mission", "organization"]],
  },
  "hyphenated-place": {
    fires: ["They fled to Pont-Dorel on foot.", "Pont-Dorel", "organization", ["Pont-Dorel", "place"]],
    not: ["They fled to Dorel on foot.", "Dorel", "organization", ["Dorel", "organization"]],
  },
  "sentence-initial-word": {
    fires: ["Currently, says Dr Park, the lab is shut.", "Currently", "person", null],
    not: ["Marlow, says Dr Park, is shut.", "Marlow", "place", ["Marlow", "place"]],
  },
  "list-name": {
    fires: ["She is sixth on the UK All-Time list.", "UK All-Time", "person", null],
    not: ["She is sixth in the UK today.", "UK", "place", ["UK", "place"]],
  },
  "party-shorthand": {
    fires: ["Lib Dem leader Jo Park spoke.", "Lib Dem", "person", null],
    not: ["Lib Dem voters stayed home.", "Lib Dem", "organization", ["Lib Dem", "organization"]],
  },
  "organisation-head": {
    fires: [
      "Scientists at Climate Central agreed.",
      "Climate Central",
      "person",
      ["Climate Central", "organization"],
    ],
    not: ["Scientists and Ann Vale agreed.", "Ann Vale", "person", ["Ann Vale", "person"]],
  },
  "group-noun-after": {
    fires: ["The Red Hand gang fled.", "Red Hand", "organization", ["Red Hand gang", "organization"]],
    not: ["The Haitian gangs fled.", "Haitian", null, null],
  },
  "place-noun-after": {
    fires: ["The Caribbean country voted.", "Caribbean", null, ["Caribbean", "place"]],
    not: ["The Caribbean carnival began.", "Caribbean", null, ["Caribbean", null]],
  },
};

describe("span rules", () => {
  it("has a case for every rule", () => {
    expect(Object.keys(SPAN_CASES).sort()).toEqual(SPAN_RULES.map((r) => r.id).sort());
  });
  describe.each(Object.entries(SPAN_CASES))("%s", (id, { fires, not }) => {
    it("fires on its positive case with the expected result", () => {
      const [sentence, span, type, result] = fires;
      const out = explainSpan(sentence, span, type);
      expect(out.rule).toBe(id);
      expect(out.result && [out.result.text, out.result.type]).toEqual(result);
    });
    it("does not fire on its negative case", () => {
      const [sentence, span, type, result] = not;
      const out = explainSpan(sentence, span, type);
      expect(out.rule).not.toBe(id);
      expect(out.result && [out.result.text, out.result.type]).toEqual(result);
    });
  });
});

const run = (words: string[], around: Partial<RunView> = {}): RunView => ({
  words,
  last: words[words.length - 1] as string,
  phrase: words.join(" ").toLowerCase(),
  before: undefined,
  after: undefined,
  next: undefined,
  ...around,
});

/** rule id → [a run it types, a run it must not type]. */
const TYPE_CASES: Record<string, [RunView, RunView]> = {
  "organisation-head": [run(["Climate", "Central"]), run(["Central"])],
  "group-noun-after": [run(["Red", "Hand"], { after: "gang" }), run(["Red", "Hand"], { after: "flag" })],
  "lexicon-organisation": [run(["Google"]), run(["Zentrix"])],
  "place-noun-after": [run(["Artibonite"], { after: "region" }), run(["Artibonite"], { after: "wine" })],
  "lexicon-place": [run(["Kenya"]), run(["Zorvania"])],
  acronym: [run(["ZQX"]), run(["Zqx"])],
  "lexicon-person": [run(["Maria", "Vell"]), run(["Vell", "Maria"])],
  "team-plural": [run(["Harwick", "Rovers"]), run(["Rovers"])],
  "place-preposition": [run(["Dorel"], { before: "in" }), run(["Dorel"], { before: "with" })],
  "speech-verb-after": [run(["Vell"], { next: "said" }), run(["Vell"], { next: "ran" })],
  "hyphenated-place": [run(["Pont-Dorel"]), run(["Pont-dorel"])],
  "unknown-words": [run(["Zorv", "Quell"]), run(["Zorv"])],
};

describe("typing rules", () => {
  it("has a case for every rule", () => {
    expect(Object.keys(TYPE_CASES).sort()).toEqual(TYPE_RULES.map((r) => r.id).sort());
  });
  it.each(Object.entries(TYPE_CASES))("%s", (id, [positive, negative]) => {
    expect(classify(positive)?.id).toBe(id);
    expect(classify(negative)?.id).not.toBe(id);
  });
});
