// How a message splits into claims: one row per rule, positive and negative.
import { describe, expect, it } from "vitest";
import { CLAIM_SPLIT_RULES, splitClaims } from "../../src/engine/check/claims.ts";

describe("claim split rules", () => {
  const ROWS = [
    [
      "semicolon",
      "The ferry left at noon; the bridge stayed shut",
      ["The ferry left at noon", "the bridge stayed shut"],
    ],
    ["semicolon", "The ferry left at noon", ["The ferry left at noon"]],
    [
      "but-clause",
      "The council approved the budget, but the mayor vetoed it",
      ["The council approved the budget", "the mayor vetoed it"],
    ],
    ["but-clause", "The budget was small but generous", ["The budget was small but generous"]],
    [
      "and-clause",
      "The mill opened in 1871 and the town grew around it",
      ["The mill opened in 1871", "the town grew around it"],
    ],
    ["and-clause", "Peru and Chile sent rescue teams", ["Peru and Chile sent rescue teams"]],
  ] as const;

  it("every rule has a positive and a negative row", () => {
    for (const rule of CLAIM_SPLIT_RULES) {
      const rows = ROWS.filter((r) => r[0] === rule.id);
      expect(rows.some((r) => r[2].length > 1)).toBe(true);
      expect(rows.some((r) => r[2].length === 1)).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s", (_, text, claims) => {
    expect(splitClaims(text).map((c) => c.text)).toEqual(claims);
  });

  it("splits sentences and lines, and keeps offsets into the message", () => {
    const message = "The dam burst on Friday. Nobody was hurt.\nThe river rose 3 metres";
    const claims = splitClaims(message);
    expect(claims.map((c) => c.text)).toEqual([
      "The dam burst on Friday",
      "Nobody was hurt",
      "The river rose 3 metres",
    ]);
    for (const c of claims) expect(message.slice(c.start, c.end)).toBe(c.text);
  });

  it("gives no claims for blank text", () => {
    expect(splitClaims("  \n ")).toEqual([]);
  });
});
