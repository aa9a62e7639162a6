// What the words around a name say it does (src/engine/parse/quotes/mention-context.ts).
import { describe, expect, it } from "vitest";
import {
  MENTION_RULES,
  type MentionRuleId,
  mentionRoles,
} from "../../src/engine/parse/quotes/mention-context.ts";
import { fire } from "../../src/engine/rules/rule.ts";

/** The roles of the first occurrence of `name` in `text`. */
const rolesOf = (text: string, name: string) => {
  const start = text.indexOf(name);
  return [...mentionRoles(text, { start, end: start + name.length })].sort();
};

describe("mention rules", () => {
  it("has one rule per id", () => {
    expect(new Set(MENTION_RULES.map((r) => r.id)).size).toBe(MENTION_RULES.length);
  });

  /** Each rule: a name it marks and a name it does not, as [text, name]. */
  const BY_RULE: Record<MentionRuleId, { yes: [string, string]; no: [string, string] }> = {
    "subject-position": {
      yes: ["The ferry sank. Captain Ivo Brandt swam ashore.", "Ivo Brandt"],
      no: ["The ferry sank and Ivo Brandt swam ashore.", "Ivo Brandt"],
    },
    "object-of-verb": {
      yes: ["The council praised Nadia Rahm on Friday.", "Nadia Rahm"],
      no: ["Nadia Rahm praised the council on Friday.", "Nadia Rahm"],
    },
    listener: {
      yes: ["The mayor told Nadia Rahm the pier was safe.", "Nadia Rahm"],
      no: ["The mayor met Nadia Rahm at the pier.", "Nadia Rahm"],
    },
    "speaks-after": {
      yes: ["At the pier, Nadia Rahm, the harbour master, said it was safe.", "Nadia Rahm"],
      no: ["At the pier, Nadia Rahm waved at the crowd.", "Nadia Rahm"],
    },
    "speaks-before": {
      yes: ['"The pier is safe," said Nadia Rahm.', "Nadia Rahm"],
      no: ['"The pier is safe," wrote the paper about Nadia Rahm.', "Nadia Rahm"],
    },
  };
  it.each(MENTION_RULES.map((rule) => [rule.id, rule] as const))("%s: a row for and against", (id, rule) => {
    expect(fire(rule, rule.example)?.id).toBe(id);
    expect(rolesOf(...BY_RULE[id].yes)).toContain(id);
    expect(rolesOf(...BY_RULE[id].no)).not.toContain(id);
  });

  const cases: [text: string, name: string, roles: string[]][] = [
    ["Senator Hale praised Maria Ortiz.", "Hale", ["subject-position"]],
    ["Senator Hale praised Maria Ortiz.", "Maria Ortiz", ["object-of-verb"]],
    ["Hale told Reyes that the plan would pass.", "Reyes", ["listener", "object-of-verb"]],
    ["Hale told Reyes that the plan would pass.", "Hale", ["speaks-after", "subject-position"]],
    ["On Monday, Hale said the plan would pass.", "Hale", ["speaks-after", "subject-position"]],
    ['"We are ready," said Ann Park.', "Ann Park", ["speaks-before"]],
    ["Ann Park, the director, said it was ready.", "Ann Park", ["speaks-after", "subject-position"]],
    ["The mayor met Mr. Hale on Friday.", "Hale", ["object-of-verb"]],
    ["It was written by Tom Hale in 1990.", "Tom Hale", ["object-of-verb"]],
    ["The report about Hale ran long.", "Hale", ["object-of-verb"]],
    ["Crowds cheered as Hale arrived.", "Hale", []],
  ];
  it.each(cases)("%s — %s", (text, name, roles) => {
    expect(rolesOf(text, name)).toEqual(roles);
  });
});
