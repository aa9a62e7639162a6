// The checkable parts of a claim: amounts, negation, demonyms and the role of a place. One row per rule,
// positive and negative.
import { describe, expect, it } from "vitest";
import {
  AMOUNT_RULES,
  amountsIn,
  compareDates,
  DEMONYM_RULES,
  datesOfClaim,
  PLACE_FRAME_RULES,
  placeFrame,
  placeKeys,
  samePlace,
} from "../../src/engine/check/slots.ts";
import { wordsValue } from "../../src/engine/lexicon/index.ts";

describe("amount rules", () => {
  // [rule, text, the amounts found as [rule, value, phrase]]
  const ROWS = [
    [
      "digits-with-scale",
      "The plan costs 2.5 million dollars.",
      [["digits-with-scale", 2_500_000, "2.5 million dollars"]],
    ],
    ["digits-with-scale", "The plan costs millions.", []],
    ["digits", "Some 1,200 more nurses were hired.", [["digits", 1200, "1,200 more nurses"]]],
    ["digits", "The nurses were hired in groups.", []],
    [
      "number-words",
      "Two hundred and forty miners went on strike.",
      [["number-words", 240, "Two hundred and forty miners"]],
    ],
    ["number-words", "A dozen boats were lost.", [["number-words", 12, "A dozen boats"]]],
    ["number-words", "One miner went home.", []],
  ] as const;

  it("every rule has a row that finds it and one that does not", () => {
    for (const rule of AMOUNT_RULES) {
      const rows = ROWS.filter((r) => r[0] === rule.id);
      expect(rows.some((r) => r[2].length > 0)).toBe(true);
      expect(rows.some((r) => r[2].length === 0)).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s", (_, text, amounts) => {
    expect(amountsIn(text, 0, []).map((a) => [a.rule, a.value, a.phrase])).toEqual(amounts);
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
  const ROWS = [
    ["demonym-ian", "Bolivian", "Bolivia", true],
    ["demonym-ian", "Bolivian", "Belgium", false],
    ["demonym-an", "Kenyan", "Kenya", true],
    ["demonym-an", "Kenyan", "Uganda", false],
    ["demonym-ese", "Sudanese", "Sudan", true],
    ["demonym-ese", "Sudanese", "Senegal", false],
    ["demonym-i", "Iraqi", "Iraq", true],
    ["demonym-i", "Iraqi", "Iran", false],
  ] as const;

  it("every rule has a positive and a negative row", () => {
    for (const rule of DEMONYM_RULES) {
      expect(ROWS.some((r) => r[0] === rule.id && r[3])).toBe(true);
      expect(ROWS.some((r) => r[0] === rule.id && !r[3])).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s ~ %s is %s", (_, demonym, place, same) => {
    expect(samePlace(demonym, place)).toBe(same);
  });

  it("knows demonyms that are not a suffix away", () => {
    expect(placeKeys("French")).toContain("france");
  });
});

describe("place frame rules", () => {
  const frameOf = (text: string, place: string) =>
    placeFrame(text, text.indexOf(place), text.indexOf(place) + place.length);
  const ROWS = [
    ["descriptive-place", "The storm hit the Andean country on Monday.", "Andean", "description"],
    ["descriptive-place", "The storm hit the Lombardy foothills on Monday.", "Lombardy", "other"],
    ["place-preposition", "Floods were reported in the northern Lombardy region.", "Lombardy", "location"],
    ["place-preposition", "Volunteers came from Tasmania.", "Tasmania", "origin"],
    ["place-preposition", "Lombardy reported floods.", "Lombardy", "other"],
    ["demonym-adjective", "A Peruvian climber reached the top.", "Peruvian", "origin"],
    ["demonym-adjective", "The Peruvian-led team reached the top.", "Peruvian", "other"],
  ] as const;

  it("every rule has a positive and a negative row", () => {
    for (const rule of PLACE_FRAME_RULES)
      expect(ROWS.filter((r) => r[0] === rule.id).length).toBeGreaterThan(1);
  });

  it.each(ROWS)("%s: %s (%s)", (_, text, place, frame) => {
    expect(frameOf(text, place)).toBe(frame);
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
