// How a message splits into claims: one row per rule, positive and negative.
import { describe, expect, it } from "vitest";
import { CLAIM_SPLIT_RULES, type ClaimSplitRuleId, splitClaims } from "../../src/engine/check/claims.ts";

describe("claim split rules", () => {
  /** Each rule: a sentence it splits, and one it leaves whole. */
  const CASES: Record<ClaimSplitRuleId, { yes: [string, string[]]; no: string }> = {
    semicolon: {
      yes: [
        "The ferry left at noon; the bridge stayed shut",
        ["The ferry left at noon", "the bridge stayed shut"],
      ],
      no: "The ferry left at noon",
    },
    "but-clause": {
      yes: [
        "The council approved the budget, but the mayor vetoed it",
        ["The council approved the budget", "the mayor vetoed it"],
      ],
      no: "The budget was small but generous",
    },
    "and-clause": {
      yes: [
        "The mill opened in 1871 and the town grew around it",
        ["The mill opened in 1871", "the town grew around it"],
      ],
      no: "Peru and Chile sent rescue teams",
    },
  };

  it.each(CLAIM_SPLIT_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const { yes, no } = CASES[id];
    expect(splitClaims(yes[0]).map((c) => c.text)).toEqual(yes[1]);
    expect(splitClaims(no).map((c) => c.text)).toEqual([no]);
    expect(splitClaims(rule.example).length).toBe(2);
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
