// The comma parts of a speaker phrase (src/engine/parse/quotes/attribution.ts): every rule a part it holds on and one
// it does not, keyed by rule id, and the subject they leave. The phrases are invented.
import { describe, expect, it } from "vitest";
import {
  COMMA_PART_RULES,
  type CommaPartRuleId,
  subjectWithRole,
} from "../../src/engine/parse/quotes/attribution.ts";
import { fire } from "../../src/engine/rules/rule.ts";

const CASES: Record<CommaPartRuleId, { yes: string; no: string }> = {
  "scene-lead-in": { yes: "Asked about the delay", no: "Nadia Rahm" },
  "role-appositive": { yes: "the ferry company's director", no: "Ferry director Nadia Rahm" },
  "adverbial-part": { yes: "speaking to reporters", no: "the town's beekeeper" },
  "relative-clause": { yes: "whose shop closed in June", no: "the shop owner" },
};

describe("comma-part rules", () => {
  it.each(COMMA_PART_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    expect(fire(rule, CASES[id].yes)?.id).toBe(id);
    expect(fire(rule, CASES[id].no)).toBeNull();
    expect(fire(rule, rule.example)?.id).toBe(id);
  });

  const speaker = (phrase: string) => {
    const found = subjectWithRole(0, phrase, phrase, 0);
    return {
      speaker: found && phrase.slice(found.speaker.start, found.speaker.end),
      role: found?.role ? phrase.slice(found.role.start, found.role.end) : null,
    };
  };
  it("skips a lead-in and an adverbial, and keeps the role", () => {
    expect(
      speaker("In a letter to the mayor, Nadia Rahm, the ferry company's director, at a briefing"),
    ).toEqual({
      speaker: "Nadia Rahm",
      role: "the ferry company's director",
    });
  });
  it("a relative clause is not a role", () => {
    expect(speaker("Nadia Rahm, whose shop closed in June")).toEqual({ speaker: "Nadia Rahm", role: null });
  });
});
