// The answer phrases of /ask: for every rule, a sentence it finds its phrase in and one it must not.
import { describe, expect, it } from "vitest";
import {
  MEANS_RULES,
  NAMING_RULES,
  NUMBER_RULES,
  type PhraseRule,
  PLACE_RULES,
  phrasesBy,
  QUANTIFIER_RULES,
  QUOTED_RULES,
  REASON_RULES,
  REPORTED_SPEECH_RULES,
} from "../../src/engine/answers/ask/phrases.ts";
import type { Sentence } from "../../src/engine/types.ts";

const sentence = (text: string): Sentence => ({ start: 0, end: text.length, index: 0, paragraph: 1, text });
const ALL: [string, readonly PhraseRule[]][] = [
  ["number", NUMBER_RULES],
  ["quantifier", QUANTIFIER_RULES],
  ["place", PLACE_RULES],
  ["reason", REASON_RULES],
  ["naming", NAMING_RULES],
  ["quoted", QUOTED_RULES],
  ["means", MEANS_RULES],
  ["reported speech", REPORTED_SPEECH_RULES],
];

// [rule, sentence, the phrase the rule finds first (null: it finds none)]
const ROWS: [string, string, string | null][] = [
  ["number-range", "Between 300 and 400 people attended the vigil.", "Between 300 and 400"],
  ["number-range", "About 300 people attended the vigil and two spoke.", null],
  ["digits-with-unit", "The repairs cost $4.5 million last year.", "$4.5 million"],
  ["digits-with-unit", "The repairs cost a great deal.", null],
  ["digits-with-unit", "The abbey was rebuilt in the 17th century.", null],
  ["digits-with-unit", "The 30-second advert cost a fortune.", "30-second"],
  ["digits-with-unit", "The water boils at 100 degrees Celsius there.", "100 degrees Celsius"],
  ["number-words-with-unit", "Three hundred volunteers joined the search.", "Three hundred"],
  ["number-words-with-unit", "Volunteers joined the search.", null],
  ["quantifier-count", "None of the three bridges survived the flood.", "None"],
  ["quantifier-count", "Only a few wells still hold water.", "Only a few"],
  ["quantifier-count", "The noon ferry rarely runs late.", null],
  ["preposition-capitalised", "The choir rehearsed in Lower Ashby every week.", "Lower Ashby"],
  ["preposition-capitalised", "The choir rehearsed in the old hall every week.", null],
  ["because-clause", "The ferry was cancelled because of high winds, the operator said.", "high winds"],
  ["because-clause", "The ferry was cancelled on Tuesday.", null],
  ["purpose-clause", "The dam was raised in order to protect the lower fields.", "protect the lower fields"],
  ["purpose-clause", "The dam was raised last spring.", null],
  ["since-clause", "The market moved indoors, since the square was flooded.", "the square was flooded"],
  ["since-clause", "The market has been indoors since March.", null],
  [
    "purpose-clause",
    "The co-op cut its prices, hoping to win back its old customers.",
    "win back its old customers",
  ],
  ["caused-by", "The opening was delayed by a strike at the port.", "a strike at the port"],
  ["caused-by", "The opening was delayed until May.", null],
  ["for-gerund", "The firm was fined for dumping waste in the river.", "dumping waste in the river"],
  ["for-gerund", "He was sent home for not wearing a helmet.", "not wearing a helmet"],
  ["for-gerund", "The firm was fined for the spill.", null],
  ["after-clause", "The school closed after a pipe burst in the gym.", "a pipe burst in the gym"],
  ["after-clause", "The school closed for the week.", null],
  ["any-infinitive", "The road was closed to clear the wreck.", "clear the wreck"],
  ["any-infinitive", "The road was closed on Friday.", null],
  // `to be sold` is passive, not an aim: the search goes on to the infinitive past it.
  ["any-infinitive", "New wells may be sold at a higher price to draw investors.", "draw investors"],
  ["to-infinitive", "The town bought two pumps to protect the harbour.", "protect the harbour"],
  ["to-infinitive", "The town sent two pumps to the harbour.", null],
  ["named-as", "The lane became known as the Cooper Walk.", "the Cooper Walk"],
  ["named-as", "The lane became wider last year.", null],
  ["quoted-words", "Locals call the rock “the Anvil” to this day.", "the Anvil"],
  ["quoted-words", "Locals call the rock the Anvil to this day.", null],
  ["quoted-words", "“We will not close the harbour this winter,” the mayor said.", null],
  ["by-means", "The crew reached the yacht by lowering a dinghy.", "lowering a dinghy"],
  ["by-means", "The crew reached the yacht at dawn.", null],
  [
    "said-that",
    "The council said on Tuesday that the market would move indoors.",
    "the market would move indoors",
  ],
  ["said-that", "The council said in a statement.", null],
];

describe("answer phrase rules", () => {
  it("every rule has a positive and a negative row", () => {
    for (const [, rules] of ALL)
      for (const rule of rules) {
        expect(ROWS.some((r) => r[0] === rule.id && r[2] !== null)).toBe(true);
        expect(ROWS.some((r) => r[0] === rule.id && r[2] === null)).toBe(true);
      }
  });

  it.each(ROWS)("%s: %s", (id, text, phrase) => {
    const rules = ALL.flatMap(([, list]) => list.filter((r) => r.id === id));
    expect(rules).toHaveLength(1);
    const found = phrasesBy(rules, sentence(text));
    expect(found[0]?.text ?? null).toBe(phrase);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});
