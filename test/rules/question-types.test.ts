// What kind of answer a question asks for: for every rule, a question it decides and one it must not.
import { describe, expect, it } from "vitest";
import {
  classifyQuestion,
  QUESTION_TYPE_RULES,
  type QuestionTypeRuleId,
} from "../../src/engine/question/classify.ts";

/** Each rule: a question it decides, and one it must not, with the kind each gets. */
const CASES: Record<QuestionTypeRuleId, { yes: [string, string]; no: [string, string] }> = {
  "quote-said-about": {
    yes: ["What did Ms Okafor say about the ferry fares?", "quote"],
    no: ["What did the council approve on Monday?", "what"],
  },
  "who-word": { yes: ["Whose boat sank near the pier?", "who"], no: ["What sank near the pier?", "what"] },
  "when-word": {
    yes: ["In what year did the Lindqvist mill close?", "when"],
    no: ["What mill closed in the valley?", "what"],
  },
  "how-many": {
    yes: ["How many lanterns were lit on the quay?", "how-many"],
    no: ["How were the lanterns lit?", "how"],
  },
  "how-much": {
    yes: ["How much did the new pump cost?", "how-much"],
    no: ["How did the new pump work?", "how"],
  },
  "how-measure": {
    yes: ["How long is the Tarrow footbridge?", "how-much"],
    no: ["How was the Tarrow footbridge built?", "how"],
  },
  "what-amount": {
    yes: ["What percentage of the voters backed Pell?", "how-much"],
    no: ["What colour was the Pell campaign bus?", "what"],
  },
  "what-sum": {
    yes: ["What does the grid operator pay for each unit of power?", "how-much"],
    no: ["What did the council pay for?", "what"],
  },
  "where-word": {
    yes: ["Where did the choir rehearse?", "where"],
    no: ["Why did the choir rehearse twice?", "why"],
  },
  "what-place": {
    yes: ["In which town did the choir rehearse?", "where"],
    no: ["Which hymn did the choir rehearse?", "what"],
  },
  "why-word": { yes: ["Why was the ferry cancelled?", "why"], no: ["Was the ferry cancelled?", "yes-no"] },
  "how-word": {
    yes: ["How did the crew reach the stranded yacht?", "how"],
    no: ["How many crew reached the stranded yacht?", "how-many"],
  },
  "what-which": {
    yes: ["Which bridge did the storm damage?", "what"],
    no: ["Did the storm damage the bridge?", "yes-no"],
  },
  "yes-no": {
    yes: ["Did the Harwick bakery reopen?", "yes-no"],
    no: ["When did the Harwick bakery reopen?", "when"],
  },
};

describe("question type rules", () => {
  it.each(QUESTION_TYPE_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const [yes, yesKind] = CASES[id].yes;
    const [no, noKind] = CASES[id].no;
    expect([classifyQuestion(yes).rule, classifyQuestion(yes).kind]).toEqual([id, yesKind]);
    expect(classifyQuestion(no).rule).not.toBe(id);
    expect(classifyQuestion(no).kind).toBe(noKind);
    expect(classifyQuestion(rule.example).rule).toBe(id);
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
