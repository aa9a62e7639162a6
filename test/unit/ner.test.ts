// The learned name tagger on its own: its tokens, its decoding, and mixed-case sentences of our own.
import { describe, expect, it } from "vitest";
import { allowed, LABELS, viterbi } from "../../src/engine/models/ner.ts";
import { nerTokens, wordShape } from "../../src/engine/parse/ner/features.ts";
import { labelsToSpans, tagSentence } from "../../src/engine/parse/ner/tagger.ts";

const tagged = (sentence: string) =>
  tagSentence(sentence, 0).spans.map((s) => [s.type, sentence.slice(s.start, s.end)]);

describe("tokens and shapes", () => {
  it("folds a wire-style `'s` into a possessive and keeps offsets", () => {
    const wire = nerTokens("Haiti 's police chief", 0);
    expect(wire.map((t) => [t.text, t.start, t.possessive])).toEqual([
      ["Haiti", 0, true],
      ["police", 9, false],
      ["chief", 16, false],
    ]);
    expect(nerTokens("Haiti’s police", 10).map((t) => [t.text, t.start, t.possessive])).toEqual([
      ["Haiti", 10, true],
      ["police", 18, false],
    ]);
  });

  it("writes each run of a character class once", () => {
    expect(["Haiti", "U.S.", "1996", "McNeil", "Émile"].map(wordShape)).toEqual([
      "Xx",
      "X.X.",
      "d",
      "XxXx",
      "Xx",
    ]);
  });
});

describe("decoding", () => {
  it("never starts or continues a name with the wrong I- label", () => {
    const iPer = LABELS.indexOf("I-PER");
    expect([
      allowed(-1, iPer),
      allowed(LABELS.indexOf("B-ORG"), iPer),
      allowed(LABELS.indexOf("B-PER"), iPer),
    ]).toEqual([false, false, true]);
    // Emissions that prefer I-PER everywhere still decode to a valid B-PER I-PER.
    const emissions = new Float64Array(2 * LABELS.length);
    emissions[iPer] = 5;
    emissions[LABELS.length + iPer] = 5;
    emissions[LABELS.indexOf("B-PER")] = 1;
    const path = viterbi(emissions, 2, new Float32Array(LABELS.length ** 2), new Float32Array(LABELS.length));
    expect(path.map((l) => LABELS[l])).toEqual(["B-PER", "I-PER"]);
  });

  it("turns BIO labels into spans", () => {
    const tokens = nerTokens("Ann Vale met Zorvania Bank staff", 0);
    expect(
      labelsToSpans(tokens, ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"]).map((s) => [
        s.type,
        s.start,
        s.end,
      ]),
    ).toEqual([
      ["PER", 0, 8],
      ["ORG", 13, 26],
    ]);
  });
});

describe("mixed-case news prose", () => {
  it.each([
    [
      "Senator Mara Hale met officials in Nairobi on Monday.",
      [
        ["PER", "Mara Hale"],
        ["LOC", "Nairobi"],
      ],
    ],
    [
      "“We are ready,” said Tomasz Wilk, a spokesman for the United Nations.",
      [
        ["PER", "Tomasz Wilk"],
        ["ORG", "United Nations"],
      ],
    ],
    [
      "Shares of Microsoft fell after the Federal Reserve raised rates.",
      [
        ["ORG", "Microsoft"],
        ["ORG", "Federal Reserve"],
      ],
    ],
    [
      "Flights from Madrid to Berlin were cancelled.",
      [
        ["LOC", "Madrid"],
        ["LOC", "Berlin"],
      ],
    ],
  ])("%s", (sentence, spans) => {
    expect(tagged(sentence)).toEqual(spans);
  });

  it("is deterministic", () => {
    const sentence = "Ivana Kovac of the World Bank visited Lagos and Accra.";
    expect(tagged(sentence)).toEqual(tagged(sentence));
  });
});
