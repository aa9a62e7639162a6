// The cue rules (CUE_RULES in src/engine/parse/quotes.ts) and the passes after them, one invented case a row:
// the row names the rule that must find the speaker.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import { CUE_RULES, QUOTE_PASSES } from "../../src/engine/parse/quotes.ts";

const direct = (text: string) =>
  analyzeArticle({ meta: { id: "t", title: "t", date: null }, text })
    .quotes.filter((q) => q.direct)
    .map((q) => [q.text, q.speaker]);

describe("cue rules", () => {
  it("are tried in a fixed order, each named once", () => {
    expect(CUE_RULES.map((r) => r.id)).toEqual([
      "transcript-label",
      "signature-after",
      "speech-verb-after",
      "speech-verb-before",
      "headline-speaker",
      "according-to",
    ]);
    expect(QUOTE_PASSES.map((p) => p.id)).toEqual([
      "find-spans",
      "bare-quote-paragraphs",
      "find-cues",
      "drop-non-speech",
      "resolve-speakers",
    ]);
  });

  const cases: [rule: string, text: string, expected: [string, string | null][]][] = [
    [
      "transcript-label",
      'The hearing went on.\n\n"LORNE: We have no more questions.',
      [['"LORNE: We have no more questions.', "LORNE"]],
    ],
    [
      "signature-after",
      "Readers wrote in.\n\n“The bridge must stay open all year.” ― Ada Quill\n",
      [["“The bridge must stay open all year.”", "Ada Quill"]],
    ],
    [
      "speech-verb-after",
      '"The bridge will open in June," Ada Quill said.',
      [['"The bridge will open in June,"', "Ada Quill"]],
    ],
    [
      "speech-verb-after (verb first)",
      '"The bridge will open in June," said Ada Quill.',
      [['"The bridge will open in June,"', "Ada Quill"]],
    ],
    [
      "speech-verb-after (description)",
      '"It will open in June," said one engineer on the site.',
      [['"It will open in June,"', "one engineer on the site"]],
    ],
    [
      "speech-verb-before",
      'Ada Quill said: "The bridge will open in June."',
      [['"The bridge will open in June."', "Ada Quill"]],
    ],
    [
      "speech-verb-before (lead-in)",
      'At the meeting, the engineer said, "The bridge will open in June."',
      [['"The bridge will open in June."', "the engineer"]],
    ],
    [
      "speech-verb-before (participle)",
      'Ada Quill left early, saying, "The bridge will open in June."',
      [['"The bridge will open in June."', "Ada Quill"]],
    ],
    [
      "speech-verb-before (verb first)",
      'Said Ada Quill: "The bridge will open in June."',
      [['"The bridge will open in June."', "Ada Quill"]],
    ],
    [
      "headline-speaker",
      "Quill: Bridge plan is 'a fantasy'\n\nAda Quill spoke on Monday.",
      [["'a fantasy'", "Ada Quill"]],
    ],
    [
      "according-to",
      'The bridge "will open in June and stay open," according to Ada Quill.',
      [['"will open in June and stay open,"', "Ada Quill"]],
    ],
    [
      "continues",
      '"The bridge will open," Ada Quill said. "It will stay open all year."',
      [
        ['"The bridge will open,"', "Ada Quill"],
        ['"It will stay open all year."', "Ada Quill"],
      ],
    ],
    [
      "a noun after a determiner is not the verb",
      "Ada Quill spoke first.\n\nThe council called the claims 'lies'.",
      [["'lies'", "The council"]],
    ],
  ];
  it.each(cases)("%s", (_rule, text, expected) => {
    expect(direct(text)).toEqual(expected);
  });
});
