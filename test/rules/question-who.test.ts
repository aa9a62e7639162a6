// What a who-question asks for: one row per rule, positive and negative.
import { describe, expect, it } from "vitest";
import { verbArguments } from "../../src/engine/answers/arguments.ts";
import { WHO_QUESTION_RULES, whoAsks } from "../../src/engine/answers/who-question.ts";
import type { Sentence } from "../../src/engine/types.ts";

describe("who-question rules", () => {
  const ROWS = [
    ["who-said", "Who said the plan would fail?", { kind: "speaker" }],
    ["who-said", "According to whom is the bridge unsafe?", { kind: "speaker" }],
    ["who-was-verbed", "Who was arrested?", { kind: "patient", verb: "arrested", particle: undefined }],
    ["who-did-x-verb", "Who did he cut off?", { kind: "patient", verb: "cut", particle: "off" }],
    ["who-did-x-verb", "Who did the Rangers beat?", { kind: "patient", verb: "beat", particle: undefined }],
    [
      "who-did-x-verb-preposition",
      "Who did Ortiz work for in 2019?",
      { kind: "patient", verb: "work", particle: undefined, preposition: "for" },
    ],
    [
      "who-did-x-verb-preposition",
      "Who did she speak to?",
      { kind: "patient", verb: "speak", particle: undefined, preposition: "to" },
    ],
    // Not stranded: the preposition has its own object, so the question asks for the verb's object.
    [
      "who-did-x-verb",
      "Who did the mayor thank for the gift?",
      { kind: "patient", verb: "thank", particle: undefined },
    ],
    ["who-verbed", "Who killed the officer?", { kind: "agent", verb: "killed", particle: undefined }],
    ["who-verbed", "Who bailed out the bank?", { kind: "agent", verb: "bailed", particle: "out" }],
    ["none", "Who is the commander of the forces?", { kind: "any" }],
    ["none", "Who was the first mayor?", { kind: "any" }],
  ] as const;

  it("every rule has a row", () => {
    for (const rule of WHO_QUESTION_RULES) expect(ROWS.some((r) => r[0] === rule.id)).toBe(true);
  });

  it.each(ROWS)("%s: %s", (_, question, asks) => {
    expect(whoAsks(question)).toEqual(asks);
  });
});

describe("verb arguments", () => {
  const at = (text: string, word: string) => text.indexOf(word);
  const sentence = (text: string): Sentence => ({ start: 0, end: text.length, index: 0, paragraph: 1, text });
  const slice = (text: string, span: { start: number; end: number } | null) =>
    span ? text.slice(span.start, span.end) : null;

  it.each([
    ["The mayor praised the new bridge.", "praised", undefined, false, "The mayor", "the new bridge", null],
    [
      "As the show ended, he cut off the guest speaker.",
      "cut",
      "off",
      false,
      "he",
      "the guest speaker",
      null,
    ],
    [
      "A guard was fatally stabbed in a clash with two robbers.",
      "stabbed",
      undefined,
      true,
      "A guard",
      null,
      "two robbers",
    ],
    [
      "The driver was arrested by traffic police on Friday.",
      "arrested",
      undefined,
      true,
      "The driver",
      null,
      "traffic police",
    ],
    ["The driver was arrested on Friday.", "arrested", undefined, true, "The driver", null, null],
    [
      "Writing in a letter, the bishop thanked the nurses.",
      "Writing",
      undefined,
      false,
      "the bishop",
      null,
      null,
    ],
  ] as const)("%s (%s)", (text, verb, particle, passive, subject, object, agent) => {
    const args = verbArguments(text, sentence(text), at(text, verb), particle);
    expect([
      args.passive,
      slice(text, args.subject),
      slice(text, args.object),
      slice(text, args.agent),
    ]).toEqual([passive, subject, object, agent]);
  });
});
