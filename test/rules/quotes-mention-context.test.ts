// What the words around a name say it does (src/engine/quotes/mention-context.ts).
import { describe, expect, it } from "vitest";
import { MENTION_RULES, mentionRoles } from "../../src/engine/quotes/mention-context.ts";

/** The roles of the first occurrence of `name` in `text`. */
const rolesOf = (text: string, name: string) => {
  const start = text.indexOf(name);
  return [...mentionRoles(text, { start, end: start + name.length })].sort();
};

describe("mention rules", () => {
  it("has one rule per id", () => {
    expect(new Set(MENTION_RULES.map((r) => r.id)).size).toBe(MENTION_RULES.length);
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
