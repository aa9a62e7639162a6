// The one rule language (src/engine/rules/rule.ts): the runner reports which rules fired, in table order.
import { describe, expect, it } from "vitest";
import { anyFired, fire, fired, firstFired, type Rule } from "../../src/engine/rules/rule.ts";

const TABLE = [
  { id: "digits", reason: "numbers", example: "room 12", match: /\d+/, action: "keep" },
  { id: "shout", reason: "all capitals", example: "STOP", match: /^[A-Z]+$/g, action: "drop" },
  { id: "room", reason: "a room number", example: "room 12", match: /room (\d+)/, action: "keep" },
] as const satisfies readonly Rule<string, "keep" | "drop">[];

describe("rule runner", () => {
  it("returns every rule that holds, in table order, with its id and match", () => {
    const hits = [...fired(TABLE, "room 12")];
    expect(hits.map((h) => h.id)).toEqual(["digits", "room"]);
    expect(hits[1]?.match[1]).toBe("12");
  });
  it("the first rule that holds wins", () => {
    expect(firstFired(TABLE, "room 7")?.id).toBe("digits");
    expect(firstFired(TABLE, "nothing here")).toBeNull();
  });
  it("a global pattern gives the same answer every time", () => {
    const shout = TABLE[1];
    expect(fire(shout, "STOP")?.action).toBe("drop");
    expect(fire(shout, "STOP")?.action).toBe("drop");
    expect(anyFired(TABLE, "quiet")).toBe(false);
  });
  it("every example fires its own rule", () => {
    for (const rule of TABLE) expect(fire(rule, rule.example)?.id).toBe(rule.id);
  });
});
