// The pronoun-speaker ranking's terms (src/engine/parse/quotes/pronouns.ts), each on a candidate built by hand.
import { describe, expect, it } from "vitest";
import type { MentionRuleId } from "../../src/engine/parse/quotes/mention-context.ts";
import {
  ANTECEDENT_RULES,
  type AntecedentCandidate,
  antecedentFacts,
  antecedentScore,
  DISTANCE_PENALTY_PER_CHAR,
  termWeight,
} from "../../src/engine/parse/quotes/pronouns.ts";
import { factsHold } from "../../src/engine/rules/rule.ts";
import type { Entity } from "../../src/engine/types.ts";

const entity: Entity = {
  id: "person:x",
  name: "X",
  type: "person",
  role: null,
  roleSpan: null,
  mentions: [],
};
const candidate = (
  over: Partial<AntecedentCandidate> & { roles?: Set<MentionRuleId> },
): AntecedentCandidate => ({
  mention: { start: 0, end: 1, text: "X" },
  entity,
  gender: null,
  roles: new Set(),
  distance: 0,
  earlierParagraph: false,
  isPreviousSpeaker: false,
  insideQuote: false,
  sinceLastQuote: false,
  ...over,
});
const weight = (id: (typeof ANTECEDENT_RULES)[number]["id"]) =>
  termWeight(ANTECEDENT_RULES.find((r) => r.id === id)!);
const applies = (
  rule: (typeof ANTECEDENT_RULES)[number],
  c: AntecedentCandidate,
  gender: "male" | "female",
) => factsHold(rule.match, antecedentFacts(c, gender));

describe("antecedent rules", () => {
  const cases: [
    id: (typeof ANTECEDENT_RULES)[number]["id"],
    c: AntecedentCandidate,
    gender: "male" | "female",
  ][] = [
    ["gender-agrees", candidate({ gender: "female" }), "female"],
    ["gender-clashes", candidate({ gender: "female" }), "male"],
    ["subject-position", candidate({ roles: new Set(["subject-position"]) }), "male"],
    ["speaker", candidate({ roles: new Set(["speaks-after"]) }), "male"],
    ["object-of-verb", candidate({ roles: new Set(["object-of-verb"]) }), "male"],
    ["listener", candidate({ roles: new Set(["listener"]) }), "male"],
    ["new-subject", candidate({ roles: new Set(["subject-position"]), sinceLastQuote: true }), "male"],
    ["earlier-paragraph", candidate({ earlierParagraph: true }), "male"],
    ["previous-speaker", candidate({ isPreviousSpeaker: true }), "male"],
    ["inside-quote", candidate({ insideQuote: true }), "male"],
  ];
  it.each(cases)("%s applies to its case and adds its weight", (id, c, gender) => {
    const rule = ANTECEDENT_RULES.find((r) => r.id === id)!;
    expect(applies(rule, c, gender)).toBe(true);
    // Nothing else applies to a bare candidate, so the score is the rule's weight (plus subject-position's own).
    const others = ANTECEDENT_RULES.filter((r) => r.id !== id && applies(r, c, gender));
    expect(antecedentScore(c, gender)).toBeCloseTo(
      termWeight(rule) + others.reduce((n, r) => n + termWeight(r), 0),
    );
  });

  it("does not apply gender terms when the candidate's gender is unknown", () => {
    const c = candidate({});
    expect(ANTECEDENT_RULES.filter((r) => applies(r, c, "male")).map((r) => r.id)).toEqual([]);
  });

  it("lets a clash outweigh every other term together", () => {
    const positives = ANTECEDENT_RULES.filter((r) => r.action === "prefer").reduce((n, r) => n + r.weight, 0);
    expect(weight("gender-clashes") + positives).toBeLessThan(0);
  });

  it("prefers the nearer of two equal candidates", () => {
    expect(antecedentScore(candidate({ distance: 10 }), "male")).toBeGreaterThan(
      antecedentScore(candidate({ distance: 300 }), "male"),
    );
    expect(antecedentScore(candidate({ distance: 400 }), "male")).toBeCloseTo(
      -400 * DISTANCE_PENALTY_PER_CHAR,
    );
  });
});
