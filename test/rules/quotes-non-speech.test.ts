// Words in quotation marks that are not speech (src/engine/parse/quotes/non-speech.ts): one row a rule and case.
import { describe, expect, it } from "vitest";
import {
  NON_SPEECH_RULES,
  type NonSpeechContext,
  type NonSpeechRuleId,
  nonSpeechRule,
} from "../../src/engine/parse/quotes/non-speech.ts";
import { fire } from "../../src/engine/rules/rule.ts";

const context = (
  quoted: string,
  before: string,
  cue: NonSpeechContext["cue"],
  style: NonSpeechContext["style"] = "double",
) => ({
  quoted,
  before,
  cue,
  style,
});

describe("non-speech rules", () => {
  const cases: [name: string, context: NonSpeechContext, rule: string | null][] = [
    ["a stage direction", context('"(APPLAUSE.)', "", "none"), "stage-direction"],
    [
      "a show after `on`, even with a speaker",
      context("“Meet the Voters,”", "she said on ", "attribution"),
      "title-after-preposition",
    ],
    [
      "a show after a possessive",
      context("“Morning Report”", "told the network’s ", "attribution"),
      "title-after-preposition",
    ],
    ["a title with no speaker", context("“The Long Road”", "the book ", "none"), "title-after-preposition"],
    [
      "a capitalised title anywhere, no speaker",
      context("“Harbour Lights”", "Tickets for ", "none"),
      "unattributed-title",
    ],
    [
      "single marks with no speaker",
      context("'lies'", "called the claims ", "none", "single"),
      "unattributed-single-quotes",
    ],
    [
      "speech after `on` is still speech",
      context("“We start on Monday,”", "she said on ", "attribution"),
      null,
    ],
    ["a capitalised sentence with a speaker is speech", context("“Yes We Can,”", "", "attribution"), null],
    ["single marks with a speaker are speech", context("'We will win,'", "", "attribution", "single"), null],
    ["a transcript line is speech", context('"PARK: On Monday.', "", "label"), null],
  ];
  it.each(cases)("%s", (_name, c, rule) => {
    expect(nonSpeechRule(c)).toBe(rule);
  });

  /** Each rule: a quotation it drops, and one like it that it keeps. */
  const BY_RULE: Record<NonSpeechRuleId, { yes: NonSpeechContext; no: NonSpeechContext }> = {
    "stage-direction": {
      yes: context('"(LAUGHTER.)', "", "none"),
      no: context('"(laughs) We won.', "", "none"),
    },
    "title-after-preposition": {
      yes: context("“Harbour Nights”", "she spoke on ", "attribution"),
      no: context("“Harbour Nights”", "she spoke and ", "attribution"),
    },
    "unattributed-title": {
      yes: context("“Lanterns Over Stone”", "Tickets for ", "none"),
      no: context("“Lanterns Over Stone,”", "", "attribution"),
    },
    "unattributed-single-quotes": {
      yes: context("'fair'", "called the deal ", "none", "single"),
      no: context("'fair'", "called the deal ", "none", "double"),
    },
  };
  it.each(NON_SPEECH_RULES.map((rule) => [rule.id, rule] as const))(
    "%s: a row for and against",
    (id, rule) => {
      expect(nonSpeechRule(BY_RULE[id].yes)).toBe(id);
      expect(nonSpeechRule(BY_RULE[id].no)).not.toBe(id);
      expect(fire(rule, rule.example)?.id).toBe(id);
    },
  );
});
