// What kind of answer a question asks for: for every rule, a question it decides and one it must not.
import { describe, expect, it } from "vitest";
import { classifyQuestion, QUESTION_TYPE_RULES } from "../../src/engine/answers/ask/classify.ts";

// [rule, question, decided by the rule?, kind the question gets]
const ROWS = [
  ["quote-said-about", "What did Ms Okafor say about the ferry fares?", true, "quote"],
  ["quote-said-about", "What did the council approve on Monday?", false, "what"],
  ["who-word", "Whose boat sank near the pier?", true, "who"],
  ["who-word", "What sank near the pier?", false, "what"],
  ["when-word", "In what year did the Lindqvist mill close?", true, "when"],
  ["when-word", "What mill closed in the valley?", false, "what"],
  ["how-many", "How many lanterns were lit on the quay?", true, "how-many"],
  ["how-many", "How were the lanterns lit?", false, "how"],
  ["how-much", "How much did the new pump cost?", true, "how-much"],
  ["how-much", "How did the new pump work?", false, "how"],
  ["how-measure", "How long is the Tarrow footbridge?", true, "how-much"],
  ["how-measure", "How was the Tarrow footbridge built?", false, "how"],
  ["what-amount", "What percentage of the voters backed Pell?", true, "how-much"],
  ["what-amount", "What colour was the Pell campaign bus?", false, "what"],
  ["what-sum", "What does the grid operator pay for each unit of power?", true, "how-much"],
  ["what-sum", "What did the council pay for?", false, "what"],
  ["where-word", "Where did the choir rehearse?", true, "where"],
  ["where-word", "Why did the choir rehearse twice?", false, "why"],
  ["what-place", "In which town did the choir rehearse?", true, "where"],
  ["what-place", "Which hymn did the choir rehearse?", false, "what"],
  ["why-word", "Why was the ferry cancelled?", true, "why"],
  ["why-word", "Was the ferry cancelled?", false, "yes-no"],
  ["how-word", "How did the crew reach the stranded yacht?", true, "how"],
  ["how-word", "How many crew reached the stranded yacht?", false, "how-many"],
  ["what-which", "Which bridge did the storm damage?", true, "what"],
  ["what-which", "Did the storm damage the bridge?", false, "yes-no"],
  ["yes-no", "Did the Harwick bakery reopen?", true, "yes-no"],
  ["yes-no", "When did the Harwick bakery reopen?", false, "when"],
] as const;

describe("question type rules", () => {
  it("every rule has a positive and a negative row", () => {
    for (const rule of QUESTION_TYPE_RULES) {
      expect(ROWS.some((r) => r[0] === rule.id && r[2])).toBe(true);
      expect(ROWS.some((r) => r[0] === rule.id && !r[2])).toBe(true);
    }
  });

  it.each(ROWS)("%s: %s (%s)", (rule, question, decided, kind) => {
    const type = classifyQuestion(question);
    expect(type.rule === rule).toBe(decided);
    expect(type.kind).toBe(kind);
  });

  it("reads the speaker and topic of a quote-seeking question, and the focus noun of a count", () => {
    expect(classifyQuestion("What did Ms Okafor say about the ferry fares?")).toEqual({
      kind: "quote",
      rule: "quote-said-about",
      focus: null,
      speaker: "Ms Okafor",
      topic: "the ferry fares",
    });
    expect(classifyQuestion("How many lanterns were lit?").focus).toBe("lanterns");
  });

  it("a bare phrase asks what the article says about it", () => {
    expect(classifyQuestion("the new ferry timetable")).toEqual({
      kind: "what",
      rule: "default",
      focus: null,
    });
  });
});
