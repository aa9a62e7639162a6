// WordNet's detachment rules (src/engine/wordnet/morphology.ts): every rule a word it detaches and one it does not.
import { describe, expect, it } from "vitest";
import { fire } from "../../src/engine/rules/rule.ts";
import { DETACHMENT_RULES, type DetachmentRuleId } from "../../src/engine/wordnet/morphology.ts";

/** Each rule: a word it detaches (and the stem it leaves), and a word too short or with another ending. */
const CASES: Record<DetachmentRuleId, { yes: [string, string]; no: string }> = {
  "noun-s-to-nothing": { yes: ["lanterns", "lantern"], no: "is" },
  "noun-ses-to-s": { yes: ["glasses", "glas"], no: "ses" },
  "noun-xes-to-x": { yes: ["boxes", "bo"], no: "axes" },
  "noun-zes-to-z": { yes: ["waltzes", "walt"], no: "waltz" },
  "noun-ches-to-ch": { yes: ["benches", "ben"], no: "bench" },
  "noun-shes-to-sh": { yes: ["dishes", "di"], no: "dish" },
  "noun-men-to-man": { yes: ["firemen", "fire"], no: "fireman" },
  "noun-ies-to-y": { yes: ["ferries", "ferr"], no: "ferry" },
  "verb-s-to-nothing": { yes: ["sails", "sail"], no: "sail" },
  "verb-ies-to-y": { yes: ["carries", "carr"], no: "lies" },
  "verb-es-to-e": { yes: ["closes", "clos"], no: "close" },
  "verb-es-to-nothing": { yes: ["washes", "wash"], no: "yes" },
  "verb-ed-to-e": { yes: ["closed", "clos"], no: "bed" },
  "verb-ed-to-nothing": { yes: ["sailed", "sail"], no: "sailor" },
  "verb-ing-to-e": { yes: ["closing", "clos"], no: "ring" },
  "verb-ing-to-nothing": { yes: ["sailing", "sail"], no: "sailings" },
  "adj-er-to-nothing": { yes: ["colder", "cold"], no: "her" },
  "adj-est-to-nothing": { yes: ["coldest", "cold"], no: "nest" },
  "adj-er-to-e": { yes: ["larger", "larg"], no: "large" },
  "adj-est-to-e": { yes: ["largest", "larg"], no: "large" },
};

describe("detachment rules", () => {
  it.each(DETACHMENT_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    expect(fire(rule, CASES[id].yes[0])?.match[1]).toBe(CASES[id].yes[1]);
    expect(fire(rule, CASES[id].no)).toBeNull();
    expect(fire(rule, rule.example)?.id).toBe(id);
  });
});
