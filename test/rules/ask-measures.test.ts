// What kind of quantity a question asks for (src/engine/lexicon/measures.ts): for every rule, a question it reads
// and one it must not, and for every kind, a number phrase that shows it and one that does not.
import { describe, expect, it } from "vitest";
import { MEASURE_QUESTION_RULES, MEASURE_UNITS, type Measure } from "../../src/engine/lexicon/index.ts";

// [rule, question, whether the rule reads it]
const QUESTIONS: [string, string, boolean][] = [
  ["share-asked", "What percentage of the harbour's boats are electric?", true],
  ["share-asked", "How many of the harbour's boats are electric?", false],
  ["money-asked", "How much did the new slipway cost?", true],
  ["money-asked", "How much rain fell on Sunday?", false],
  ["money-asked", "How much was the shipping firm fined?", true],
  ["money-asked", "What was the fine for the spill?", true],
  ["money-asked", "What does the mill charge for a sack of flour?", true],
  ["money-asked", "What is the bus fare to the airport?", true],
  ["money-asked", "How many passengers pay the full fare?", false],
  ["money-asked", "What was the money for?", false],
  ["distance-asked", "How far is Corran Point from the town centre?", true],
  ["distance-asked", "How often do the ferries run?", false],
  ["distance-asked", "How long is the new tunnel?", true],
  ["distance-asked", "How long is the tunnel closed?", false],
  ["age-asked", "How old is the Millstream bridge?", true],
  ["age-asked", "How long is the Millstream bridge closed?", false],
  ["duration-asked", "How long did the repairs take?", true],
  ["duration-asked", "How long did the crew spend at sea?", true],
  ["duration-asked", "What amount of time did the crew spend at sea?", true],
  ["duration-asked", "How many days did the strike last?", true],
  ["duration-asked", "How far did the fire spread?", false],
  ["weight-asked", "How heavy are the new rail cars?", true],
  ["weight-asked", "How fast are the new rail cars?", false],
  ["area-asked", "How many hectares did the wildfire burn?", true],
  ["area-asked", "How many firefighters fought the wildfire?", false],
];

// [kind, number phrase, whether it shows that kind]
const PHRASES: [Measure, string, boolean][] = [
  ["money", "€280,000", true],
  ["money", "280,000 people", false],
  ["share", "40 per cent", true],
  ["share", "40 people", false],
  ["distance", "11 kilometres", true],
  ["distance", "11 tonnes", false],
  ["duration", "18 months", true],
  ["duration", "18 stones", false],
  ["age", "87 years old", true],
  ["age", "87 passengers", false],
  ["age", "26 years", true],
  ["age", "seven months old", true],
  ["money", "6 million lira", true],
  ["money", "6 million people", false],
  ["duration", "from 1870 to 1939", true],
  ["duration", "from 18 to 39", false],
  ["weight", "7.5 tonnes", true],
  ["weight", "7.5 per cent", false],
  ["area", "140 hectares", true],
  ["area", "140 homes", false],
];

describe("measure rules", () => {
  it("every rule has a question it reads and one it does not", () => {
    for (const rule of MEASURE_QUESTION_RULES) {
      expect(
        QUESTIONS.some((r) => r[0] === rule.id && r[2]),
        rule.id,
      ).toBe(true);
      expect(
        QUESTIONS.some((r) => r[0] === rule.id && !r[2]),
        rule.id,
      ).toBe(true);
    }
  });

  it.each(QUESTIONS)("%s: %s → %s", (id, question, reads) => {
    const rule = MEASURE_QUESTION_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`no rule ${id}`);
    // The first rule that reads the question decides, so a reading row must be this rule's.
    const first = MEASURE_QUESTION_RULES.find((r) => r.pattern.test(question));
    expect(first?.id === id).toBe(reads);
  });

  it.each(PHRASES)("%s: %s → %s", (kind, phrase, shows) => {
    expect(MEASURE_UNITS[kind].test(phrase)).toBe(shows);
  });
});
