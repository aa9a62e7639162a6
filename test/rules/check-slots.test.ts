// The checkable parts of a claim: amounts, negation, demonyms and the role of a place. One row per rule,
// positive and negative.
import { describe, expect, it } from "vitest";
import { analyzePair } from "../../src/engine/check/entailment-features.ts";
import {
  AMOUNT_RULES,
  type AmountRuleId,
  amountsIn,
  compareDates,
  DEMONYM_RULES,
  type DemonymRuleId,
  datesOfClaim,
  PLACE_FRAME_RULES,
  type PlaceFrameRuleId,
  placeFrame,
  placeKeys,
  samePlace,
} from "../../src/engine/check/slots.ts";
import { wordsValue } from "../../src/engine/lexicon/index.ts";
import { idfOf } from "../../src/engine/models/nli.ts";
import { fire } from "../../src/engine/rules/rule.ts";

describe("amount rules", () => {
  // Each rule: texts it finds an amount in, as [value, phrase], and a text it finds none in.
  const CASES: Record<AmountRuleId, { yes: [string, number, string][]; no: string }> = {
    "digits-with-scale": {
      yes: [["The plan costs 2.5 million dollars.", 2_500_000, "2.5 million dollars"]],
      no: "The plan costs millions.",
    },
    digits: {
      yes: [["Some 1,200 more nurses were hired.", 1200, "1,200 more nurses"]],
      no: "The nurses were hired in groups.",
    },
    "number-words": {
      yes: [
        ["Two hundred and forty miners went on strike.", 240, "Two hundred and forty miners"],
        ["A dozen boats were lost.", 12, "A dozen boats"],
        ["After a two-year rebuild, the pier reopened.", 2, "two-year rebuild"],
        ["She signed a three-month contract with the club.", 3, "three-month contract"],
        ["Crews began a five-day search of the coast.", 5, "five-day search"],
        ["A hundred volunteers cleared the beach.", 100, "A hundred volunteers"],
      ],
      no: "One miner went home.",
    },
  };

  it.each(AMOUNT_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    for (const [text, value, phrase] of CASES[id].yes)
      expect(amountsIn(text, 0, []).map((a) => [a.rule, a.value, a.phrase])).toEqual([[id, value, phrase]]);
    expect(amountsIn(CASES[id].no, 0, [])).toEqual([]);
    expect(amountsIn(rule.example, 0, []).map((a) => a.rule)).toEqual([id]);
  });

  it("reads what an amount counts past modifiers and possessives", () => {
    expect(amountsIn("They lost two of their best players.", 0, [])[0]?.counted).toEqual(["best", "player"]);
  });

  it("leaves dates to the date rules", () => {
    const text = "The tunnel opened in 1998.";
    expect(amountsIn(text, 0, datesOfClaim(text, "2026-01-10"))).toEqual([]);
  });

  it.each([
    ["twenty-five", 25],
    ["three thousand four hundred", 3400],
    ["a hundred", 100],
    ["nine", 9],
    ["blue", null],
  ] as const)("number words %s = %s", (words, value) => {
    expect(wordsValue(words)).toBe(value);
  });
});

describe("demonym rules", () => {
  // Each rule: a demonym, its place, and a place it is not.
  const CASES: Record<DemonymRuleId, [demonym: string, same: string, other: string]> = {
    "demonym-ian": ["Bolivian", "Bolivia", "Belgium"],
    "demonym-an": ["Kenyan", "Kenya", "Uganda"],
    "demonym-ese": ["Sudanese", "Sudan", "Senegal"],
    "demonym-i": ["Iraqi", "Iraq", "Iran"],
  };

  it.each(DEMONYM_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const [demonym, same, other] = CASES[id];
    expect(samePlace(demonym, same)).toBe(true);
    expect(samePlace(demonym, other)).toBe(false);
    expect(fire(rule, rule.example)?.id).toBe(id);
  });

  it("knows demonyms that are not a suffix away", () => {
    expect(placeKeys("French")).toContain("france");
  });

  // A people in the plural is its place too; a word that only ends in `s` is left as it is.
  const PLURALS = [
    ["Kenyans", "Kenya", true],
    ["Bolivians", "Bolivia", true],
    ["Iraqis", "Iraq", true],
    ["Athens", "Athen", false],
    ["Kenyans", "Uganda", false],
    ["Davis", "Dav", false],
  ] as const;
  it.each(PLURALS)("%s and %s: %s", (people, place, same) => {
    expect(samePlace(people, place)).toBe(same);
  });

  it("a plural people confirms the claim's place", () => {
    const pair = analyzePair(
      "More than 600 Kenyans already serve in the mission.",
      "Officers from Kenya serve in the mission.",
      idfOf(new Map(), 5),
    );
    expect([pair.unconfirmed, pair.mismatch]).toEqual([null, null]);
  });
});

describe("place frame rules", () => {
  const frameOf = (text: string, place: string) =>
    placeFrame(text, text.indexOf(place), text.indexOf(place) + place.length);
  type Row = [text: string, place: string, frame: string];
  // Each rule: sentences where it gives the place its frame, and one where it does not.
  const CASES: Record<PlaceFrameRuleId, { yes: Row[]; no: Row }> = {
    "descriptive-place": {
      yes: [["The storm hit the Andean country on Monday.", "Andean", "description"]],
      no: ["The storm hit the Lombardy foothills on Monday.", "Lombardy", "other"],
    },
    "place-preposition": {
      yes: [
        ["Floods were reported in the northern Lombardy region.", "Lombardy", "location"],
        ["Volunteers came from Tasmania.", "Tasmania", "origin"],
      ],
      no: ["Lombardy reported floods.", "Lombardy", "other"],
    },
    "demonym-adjective": {
      yes: [["A Peruvian climber reached the top.", "Peruvian", "origin"]],
      no: ["The Peruvian-led team reached the top.", "Peruvian", "other"],
    },
  };

  it.each(PLACE_FRAME_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    for (const [text, place, frame] of [...CASES[id].yes, CASES[id].no])
      expect(frameOf(text, place)).toBe(frame);
    expect(fire(rule, rule.example)?.id).toBe(id);
  });
});

describe("dates of a claim", () => {
  it("reads relative dates against the article date", () => {
    expect(datesOfClaim("The vote was held on Saturday.", "2026-04-15").map((d) => d.value)).toEqual([
      "2026-04-11",
    ]);
  });

  it("compares at the claim's granularity", () => {
    expect(compareDates("2024", "2024-06")).toBe("same");
    expect(compareDates("2024-06-03", "2024-06")).toBe("finer");
    expect(compareDates("2023", "2024-06")).toBe("different");
  });
});
