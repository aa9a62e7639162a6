// The dev split's folds by article, which `npm run train:reader` trains the fold models on and `npm run eval`
// reads back: deterministic, balanced by question count, every record of an article in one fold.
import { describe, expect, it } from "vitest";
import { articleKey, articleOfId, devFolds } from "../../src/eval/folds.ts";

const record = (id: string, questions: number) => ({
  id,
  questions: new Array<unknown>(questions).fill(null),
});

describe("dev folds", () => {
  it("reads a record's article from its id, up to #", () => {
    expect([articleOfId("Harbour_Town#12"), articleOfId("Harbour_Town"), articleOfId("A#b#c")]).toEqual([
      "Harbour_Town",
      "Harbour_Town",
      "A",
    ]);
  });

  it("puts each article in one fold, the largest first into the lighter fold", () => {
    const records = [
      record("Orchard#0", 30),
      record("Harbour#0", 50),
      record("Orchard#1", 10),
      record("Comet#0", 20),
      record("Bridge#0", 20),
      record("Harbour#1", 10),
    ];
    // Harbour 60 → fold 0; Orchard 40 → fold 1; Bridge 20 (before Comet by name) → fold 1; Comet 20 → fold 0.
    expect([...devFolds(records)]).toEqual([
      ["Harbour", 0],
      ["Orchard", 1],
      ["Bridge", 1],
      ["Comet", 0],
    ]);
    expect([...devFolds([...records].reverse())]).toEqual([...devFolds(records)]);
  });

  it("keeps an article's name in the fold file only as a short hash", () => {
    expect(articleKey("Harbour")).toMatch(/^[0-9a-f]{16}$/);
    expect(articleKey("Harbour")).not.toBe(articleKey("Orchard"));
  });
});
