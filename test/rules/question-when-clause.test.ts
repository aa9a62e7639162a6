// The when-clause rule: a question led by another question word whose `when` only opens a clause.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { WHEN_CLAUSE_QUESTION } from "../../src/engine/answers/when.ts";
import { answer } from "../../src/engine/index.ts";
import { answerRequestSchema } from "../../src/engine/request.ts";
import { rankedItems } from "../helpers.ts";

describe(WHEN_CLAUSE_QUESTION.id, () => {
  it.each([
    ["How old was the rower when she won her first race?", true],
    ["Where did the painter live when the war began?", true],
    ["How many votes were left to count when the mayor conceded?", true],
    ["When did the rower win her first race?", false],
    ["What year did the painter move when the war began?", false],
    ["In what year did the mayor concede?", false],
    ["Who won the race?", false],
  ] as const)("%s → %s", (question, matches) => {
    expect(WHEN_CLAUSE_QUESTION.pattern.test(question)).toBe(matches);
  });
});

describe("a when-clause question answers with the matched sentence", () => {
  const text = [
    "The rower Ada Lind grew up by a cold northern lake and trained there every winter.",
    "She was 19 when she won her first national race on the lake, beating the champion.",
    "Her coach said the club would build a new boathouse in 2027.",
  ].join(" ");
  const article = analyzeArticle({ meta: { id: "rower", title: "", date: "2025-06-01" }, text });
  it("How old was Lind when she won her first national race? → the sentence, answer `19`", () => {
    const a = answer(
      article,
      answerRequestSchema.parse({
        command: "when",
        query: "How old was Lind when she won her first national race?",
      }),
    );
    expect(a.found).toBe(true);
    const best = rankedItems(a)[0]!;
    expect(best.text).toBe(
      "She was 19 when she won her first national race on the lake, beating the champion.",
    );
    expect(best.answer).toBe("19");
    expect(a.text).toBe("“19”, ¶1.");
  });
});
