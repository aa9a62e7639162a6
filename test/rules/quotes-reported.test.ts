// The reported-speech rules (src/engine/parse/quotes/reported.ts): every rule a sentence it reads and one it does not,
// keyed by rule id. The sentences are invented.
import { describe, expect, it } from "vitest";
import {
  REPORTED_SPEECH_RULES,
  type ReportedSpeechRuleId,
  reportIn,
} from "../../src/engine/parse/quotes/reported.ts";
import { speakerResolver } from "../../src/engine/parse/quotes/speakers.ts";
import { fire } from "../../src/engine/rules/rule.ts";
import type { Entity, Sentence } from "../../src/engine/types.ts";

interface Case {
  /** A sentence the rule reads, its content and its speaker phrase. */
  yes: [sentence: string, content: string, speaker: string];
  /** A sentence the rule's pattern does not hold on. */
  no: string;
}

const CASES: Record<ReportedSpeechRuleId, Case> = {
  "said-that": {
    yes: [
      "The harbour master said in a statement that the pier would reopen in May.",
      "the pier would reopen in May.",
      "The harbour master",
    ],
    no: "The harbour master said the pier would reopen in May.",
  },
  "said-bare": {
    yes: [
      "Marta Quill said the new ferry timetable starts next week.",
      "the new ferry timetable starts next week.",
      "Marta Quill",
    ],
    no: "Marta Quill said on Monday.",
  },
  "subject-said-after": {
    yes: [
      "The bridge will close for repairs, the council's engineer said on Friday.",
      "The bridge will close for repairs",
      "the council's engineer",
    ],
    no: "The bridge will close for repairs on Friday.",
  },
  "said-name-after": {
    yes: [
      "The orchard lost half its trees in the storm, said Ivo Brandt on Tuesday.",
      "The orchard lost half its trees in the storm",
      "Ivo Brandt",
    ],
    no: "The orchard lost half its trees, said one grower.",
  },
  "according-to-after": {
    yes: [
      "Fares will rise by a tenth, according to the transit authority.",
      "Fares will rise by a tenth",
      "the transit authority",
    ],
    no: "According to plan, fares will rise by a tenth.",
  },
  "according-to-before": {
    yes: [
      "According to the lighthouse keeper, the fog lifted before dawn.",
      "the fog lifted before dawn.",
      "the lighthouse keeper",
    ],
    no: "The fog lifted before dawn, the lighthouse keeper wrote.",
  },
};

const sentenceOf = (text: string): Sentence => ({ text, start: 0, end: text.length, index: 0, paragraph: 0 });

/** Every capitalised two-word name in a sentence, as a known person. */
function people(text: string): Entity[] {
  return [...text.matchAll(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g)].map((m, i) => ({
    id: `person:${i}`,
    name: m[0],
    type: "person",
    role: null,
    roleSpan: null,
    mentions: [{ start: m.index, end: m.index + m[0].length, text: m[0] }],
  }));
}

describe("reported-speech rules", () => {
  it.each(REPORTED_SPEECH_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    const [text, content, speaker] = CASES[id].yes;
    const found = reportIn(sentenceOf(text), speakerResolver(text, people(text)));
    expect(found?.rule).toBe(id);
    expect(found && text.slice(found.content.start, found.content.end).trim()).toBe(content);
    expect(found && text.slice(found.speaker.start, found.speaker.end)).toBe(speaker);
    expect(fire(rule, CASES[id].no)).toBeNull();
    expect(fire(rule, rule.example)?.id).toBe(id);
  });
  it("a subject nobody knows is not read without `that`", () => {
    const text = "The new ferry said the timetable starts next week.";
    expect(reportIn(sentenceOf(text), speakerResolver(text, []))?.rule).not.toBe("said-bare");
  });
});
