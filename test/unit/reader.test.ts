// The learned reader (src/engine/reader/): the one question path behind /ask, /who and /when with a question.
// Its features on invented sentences, its invariants on every answer, and the model file's checks.
import { describe, expect, it } from "vitest";
import { answer, answerRequestSchema } from "../../src/engine/index.ts";
import { compileReader } from "../../src/engine/models/reader.ts";
import { wordVectors } from "../../src/engine/models/word-vectors.ts";
import { analyzeArticle, termWeight } from "../../src/engine/parse/analyze.ts";
import { readQuestion } from "../../src/engine/question/question.ts";
import { ANSWERABILITY_FEATURES } from "../../src/engine/reader/answerability-features.ts";
import {
  PHRASE_COLUMN,
  PHRASE_FEATURE_COUNT,
  PHRASE_FEATURES,
  sentencePhrases,
} from "../../src/engine/reader/phrases.ts";
import { read } from "../../src/engine/reader/read.ts";
import {
  SENTENCE_COLUMN,
  SENTENCE_FEATURE_COUNT,
  SENTENCE_FEATURES,
  sentenceFeatures,
} from "../../src/engine/reader/sentence-features.ts";

const HARBOUR = [
  "Storms flooded the Calder region on Monday. The region has lost power twice this winter.",
  "Harbourmaster Ruth Okafor said 40 boats were damaged. She asked the council for 2.5 million euros.",
  "The new sea wall was finished in 2019 because the old one had cracked.",
].join("\n\n");
const harbour = analyzeArticle({ meta: { id: "harbour", title: "", date: "2025-01-20" }, text: HARBOUR });

const feature = (question: string, sentence: number, name: keyof typeof SENTENCE_COLUMN) =>
  sentenceFeatures(harbour, readQuestion(question)).rows[
    sentence * SENTENCE_FEATURE_COUNT + SENTENCE_COLUMN[name]
  ];

describe("sentence features", () => {
  it("carries an earlier mention's words through `the region` (coreference)", () => {
    const question = "How often has the Calder region lost power?";
    // Sentence 1 says only `The region`; through the sentence that named it, it also holds `Calder`.
    expect(feature(question, 1, "corefCoverage")).toBeGreaterThan(feature(question, 1, "coverage") as number);
    expect(feature(question, 1, "corefGain")).toBeGreaterThan(0);
  });

  it("carries the sentence before through an opening pronoun", () => {
    const question = "What did Ruth Okafor ask the council for?";
    expect(feature(question, 3, "corefGain")).toBeGreaterThan(0);
    expect(feature(question, 2, "corefGain")).toBe(0);
  });

  it("holds the question's word pairs side by side", () => {
    const q = "When was the new sea wall finished?";
    // `new sea wall finished`: three pairs, all side by side in sentence 4, in the question's order.
    expect([feature(q, 4, "pairShare"), feature(q, 4, "longestRun")]).toEqual([1, 1]);
    expect([feature(q, 0, "pairShare"), feature(q, 0, "longestRun")]).toEqual([0, 0]);
  });

  it("counts a question word as much as the sentence's word nearest to it in meaning", () => {
    const q = "How many boats were wrecked?";
    const terms = readQuestion(q).terms;
    const [boats, wrecked] = terms.map((t) => termWeight(harbour, t.stem));
    const near = (word: string) =>
      wordVectors().similarity(wordVectors().id("wrecked"), wordVectors().id(word));
    // Sentence 2 holds `boats` and, for `wrecked`, `damaged` (nearer than its other words); sentence 1 neither, so
    // it is not scored.
    const nearest = Math.max(...["harbourmaster", "ruth", "okafor", "said", "boats", "damaged"].map(near));
    expect(nearest).toBe(near("damaged"));
    expect(feature(q, 2, "vectorCoverage")).toBeCloseTo(
      ((boats ?? 0) + (wrecked ?? 0) * nearest) / ((boats ?? 0) + (wrecked ?? 0)),
      12,
    );
    expect(feature(q, 2, "vectorGain")).toBeCloseTo(
      ((wrecked ?? 0) * nearest) / ((boats ?? 0) + (wrecked ?? 0)),
      12,
    );
    expect([
      feature(q, 1, "vectorCoverage"),
      feature(q, 1, "vectorGain"),
      feature(q, 1, "vectorSimilarity"),
    ]).toEqual([0, 0, 0]);
    expect(feature(q, 2, "vectorSimilarity")).toBeGreaterThan(0.5);
  });

  it("counts the kinds of answer a sentence holds", () => {
    const q = "How many boats were damaged?";
    expect([feature(q, 2, "persons"), feature(q, 2, "numbers")]).toEqual([1, 1]);
    expect(feature(q, 4, "dates")).toBe(1);
    expect(feature(q, 4, "reasons")).toBe(1);
  });
});

describe("candidate phrases", () => {
  const phrases = (question: string, sentence: number) => {
    const { candidates } = sentencePhrases(harbour, sentence, readQuestion(question), [], 0, 0);
    return candidates.map((c) => harbour.text.slice(c.start, c.end));
  };

  it("holds names, numbers with what they count, and no run across punctuation", () => {
    const found = phrases("How many boats were damaged?", 2);
    expect(found).toContain("Ruth Okafor");
    expect(found).toContain("40 boats");
    expect(found).not.toContain("said 40");
    expect(found.every((p) => !p.includes(","))).toBe(true);
  });

  it("keeps a number's digit groups and decimal point inside one phrase", () => {
    expect(phrases("How much did she ask for?", 3)).toContain("2.5 million euros");
  });

  it("takes a reason clause whole", () => {
    expect(phrases("Why was the sea wall built?", 4)).toContain("the old one had cracked");
  });

  it("marks the phrase that is exactly one name, and the words the question holds", () => {
    const question = readQuestion("Who said boats were damaged?");
    const { candidates, rows } = sentencePhrases(harbour, 2, question, [], 0, 0);
    const at = (text: string) => candidates.findIndex((c) => harbour.text.slice(c.start, c.end) === text);
    const name = at("Ruth Okafor");
    expect(rows[name * PHRASE_FEATURE_COUNT + PHRASE_COLUMN.person]).toBe(1);
    expect(rows[name * PHRASE_FEATURE_COUNT + PHRASE_COLUMN.questionOverlap]).toBe(0);
    const boats = at("40 boats");
    expect(rows[boats * PHRASE_FEATURE_COUNT + PHRASE_COLUMN.questionOverlap]).toBe(0.5);
    // A phrase of the question's own words alone is no candidate.
    expect(at("boats")).toBe(-1);
  });

  it("reads where the question's words stand against the phrase, as the question orders them", () => {
    const sentence = harbour.sentences[2];
    const read = (question: string, matched: string[]) => {
      const offsets = matched.map((w) => HARBOUR.indexOf(w, sentence?.start));
      const { candidates, rows } = sentencePhrases(harbour, 2, readQuestion(question), offsets, 0, 0);
      return (text: string, f: keyof typeof PHRASE_COLUMN) =>
        rows[
          candidates.findIndex((c) => harbour.text.slice(c.start, c.end) === text) * PHRASE_FEATURE_COUNT +
            PHRASE_COLUMN[f]
        ];
    };
    const names = ["orderAgree", "matchesAfterShare", "offsetErrorMin", "offsetErrorMean"] as const;
    // `boats` and `damaged` follow `Who` by two and four words; after `Ruth Okafor` they stand three and five
    // words on (off by one each), after `Harbourmaster` five and seven (off by three).
    const who = read("Who said boats were damaged?", ["boats", "damaged"]);
    expect(names.map((f) => who("Ruth Okafor", f))).toEqual([1, 1, 1, 1]);
    expect(names.map((f) => who("Harbourmaster", f))).toEqual([1, 1, 3, 3]);
    expect([who("Ruth Okafor", "questionAfterWh"), who("Ruth Okafor", "whBe")]).toEqual([1, 1]);
    // Every word follows `Which` in the question, but `Ruth Okafor` stands before `40`: two of four on the wrong side.
    const which = read("Which boats did Ruth Okafor say were damaged?", [
      "Ruth",
      "Okafor",
      "boats",
      "damaged",
    ]);
    expect([which("40", "orderAgree"), which("40", "matchesAfterShare"), which("40", "whDoSupport")]).toEqual(
      [0.5, 0.5, 1],
    );
  });
});

describe("a phrase ending on a small word", () => {
  // A small word ends a phrase only where it closes a date, never where it opens one.
  const phrases = (text: string, question: string) => {
    const article = analyzeArticle({ meta: { id: "dates", title: "", date: "2025-03-14" }, text });
    const { candidates } = sentencePhrases(article, 0, readQuestion(question), [], 0, 0);
    return candidates.map((c) => text.slice(c.start, c.end));
  };
  it.each([
    ["The bakery opened on Monday after a long wait.", "When did the bakery open?", "Monday after", false],
    ["The bakery opened on Monday after a long wait.", "When did the bakery open?", "Monday", true],
    ["The mayor spoke in the town hall in March.", "Where did the mayor speak?", "town hall in", false],
    ["The mayor spoke in the town hall in March.", "Where did the mayor speak?", "town hall", true],
    ["Rain fell for the second day in a row.", "How long did rain fall?", "second day in", false],
  ] as const)("%s (%s): `%s` is a candidate: %s", (text, question, phrase, expected) => {
    expect(phrases(text, question).includes(phrase)).toBe(expected);
  });
});

describe("the stretch a phrase stands in and the asked noun", () => {
  const TIDE = "The ferry left at noon, and the tug Molly sailed at dusk.";
  const tide = analyzeArticle({ meta: { id: "tide", title: "", date: null }, text: TIDE });
  const names = ["clauseCoverage", "clauseCoverageGap", "focusInside", "focusDistance"] as const;
  const features = (question: string, matched: string[], text: string) => {
    const offsets = matched.map((w) => TIDE.indexOf(w));
    const { candidates, rows } = sentencePhrases(tide, 0, readQuestion(question), offsets, 0, 0);
    const k = candidates.findIndex((c) => TIDE.slice(c.start, c.end) === text);
    expect(k).toBeGreaterThanOrEqual(0);
    return names.map((f) => rows[k * PHRASE_FEATURE_COUNT + PHRASE_COLUMN[f]]);
  };

  // `tug` and `sailed` weigh the same and stand after the comma: that stretch holds the whole question, the one
  // before it none. The asked noun: `ship` after `Which`, or else the first word after the question word (`tug`).
  it.each([
    ["When did the tug sail?", ["tug", "sailed"], "dusk", [1, 0, 0, 4]],
    ["When did the tug sail?", ["tug", "sailed"], "noon", [0, 1, 0, 3]],
    ["When did the tug sail?", ["tug", "sailed"], "Molly", [1, 0, 0, 1]],
    ["When did the tug sail?", ["tug", "sailed"], "tug Molly", [1, 0, 1, 12]],
    ["When did the tug sail?", ["sailed"], "dusk", [0.5, 0, 0, 4]],
    ["Which tug sailed at dusk?", ["tug", "sailed", "dusk"], "tug Molly", [1, 0, 1, 12]],
    ["Which ferry left at noon?", ["ferry", "left", "noon"], "tug Molly", [0, 1, 0, 6]],
    ["Which ferry left at noon?", ["ferry", "left", "noon"], "dusk", [0, 1, 0, 10]],
    ["Why did the ferry sail at dusk?", [], "Molly", [0, 0, 0, 7]],
  ] as const)("%s with %j matched: `%s` → %j", (question, matched, text, expected) => {
    expect(features(question, [...matched], text)).toEqual(expected);
  });
});

describe("the asked noun's likeness in meaning", () => {
  const TIDE = "The ferry left at noon, and the tug Molly sailed at dusk.";
  const tide = analyzeArticle({ meta: { id: "tide", title: "", date: null }, text: TIDE });
  const likeness = (text: string) => {
    const { candidates, rows } = sentencePhrases(
      tide,
      0,
      readQuestion("Which boat sailed at dusk?"),
      [],
      0,
      0,
    );
    const k = candidates.findIndex((c) => TIDE.slice(c.start, c.end) === text);
    return rows[k * PHRASE_FEATURE_COUNT + PHRASE_COLUMN.focusSimilarity];
  };
  const near = (word: string) => wordVectors().similarity(wordVectors().id("boat"), wordVectors().id(word));

  it("is the phrase's word nearest to the asked noun", () => {
    expect(likeness("tug Molly")).toBe(Math.max(near("tug"), near("molly")));
    expect(likeness("ferry")).toBe(near("ferry"));
    expect(near("ferry")).toBeGreaterThan(near("noon"));
  });

  it("is 0 when the question asks about no noun", () => {
    const { rows } = sentencePhrases(tide, 0, readQuestion("When did the tug sail?"), [], 0, 0);
    for (let k = 0; k < rows.length / PHRASE_FEATURE_COUNT; k++)
      expect(rows[k * PHRASE_FEATURE_COUNT + PHRASE_COLUMN.focusSimilarity]).toBe(0);
  });
});

describe("the question", () => {
  it.each([
    ["Who repaired the wall?", "who", false],
    ["Which boats were not damaged?", "what", true],
    ["Why didn't the wall hold?", "why", true],
    ["How many boats sank?", "how-many", false],
  ] as const)("%s → %s, negated %s", (text, kind, negated) => {
    const q = readQuestion(text);
    expect([q.type.kind, q.negated]).toEqual([kind, negated]);
  });

  it.each([
    ["What did the council approve?", { at: 0, index: 0, doSupport: true, be: false }],
    ["Who was the first mayor?", { at: 0, index: 0, doSupport: false, be: true }],
    ["The ferry sailed to which port?", { at: 20, index: 4, doSupport: false, be: false }],
    ["Is the pier open?", null],
  ] as const)("%s: its question word", (text, wh) => {
    expect(readQuestion(text).wh).toEqual(wh);
  });

  it("counts where each term stands", () => {
    expect(readQuestion("Who lost to the Rovers on Sunday?").terms.map((t) => [t.word, t.index])).toEqual([
      ["lost", 1],
      ["rovers", 4],
      ["sunday", 6],
    ]);
  });
});

describe("every answer of the question path", () => {
  const questions = [
    "How many boats were damaged?",
    "Who is the harbourmaster?",
    "When was the sea wall finished?",
    "Why was the new sea wall built?",
    "How much did Okafor ask for?",
  ];

  it.each(questions)("%s: cites the article's own words, the phrase inside the first citation", (query) => {
    const a = answer(harbour, answerRequestSchema.parse({ command: "ask", query }));
    for (const c of a.citations) expect(c.excerpt).toBe(harbour.text.slice(c.start, c.end));
    if (a.kind !== "ask-answer") return;
    const first = a.items[0];
    if (first?.answer) {
      expect(first.answer.start).toBeGreaterThanOrEqual(first.start);
      expect(first.answer.end).toBeLessThanOrEqual(first.end);
      expect(harbour.text.slice(first.answer.start, first.answer.end)).toBe(first.answer.text);
    }
  });

  it("gives /who and /when with a question the same sentence and phrase as /ask", () => {
    for (const [command, query] of [
      ["who", "Who said 40 boats were damaged?"],
      ["when", "When was the new sea wall finished?"],
    ] as const) {
      const asked = answer(harbour, answerRequestSchema.parse({ command: "ask", query }));
      const routed = answer(harbour, answerRequestSchema.parse({ command, query }));
      expect(routed.found).toBe(asked.found);
      if (asked.kind !== "ask-answer" || (routed.kind !== "who-answer" && routed.kind !== "when-answer"))
        continue;
      expect(routed.items[0]?.start).toBe(asked.items[0]?.start);
      expect(routed.items[0]?.answer).toBe(asked.items[0]?.answer?.text);
    }
  });

  it("reads `/when was the sea wall finished` as `When was the sea wall finished`", () => {
    const bare = answer(
      harbour,
      answerRequestSchema.parse({ command: "when", query: "was the sea wall finished" }),
    );
    const asked = answer(
      harbour,
      answerRequestSchema.parse({ command: "when", query: "When was the sea wall finished" }),
    );
    expect([bare.found, bare.citations]).toEqual([asked.found, asked.citations]);
    expect(bare.found).toBe(true);
  });

  it("reads the same answer whatever was asked before", () => {
    const first = read(harbour, "How many boats were damaged?");
    read(harbour, "Why was the new sea wall built?");
    const again = read(
      analyzeArticle({ meta: { id: "harbour", title: "", date: "2025-01-20" }, text: HARBOUR }),
      "How many boats were damaged?",
    );
    expect([again.answer, again.ranked.map((r) => r.sentence)]).toEqual([
      first.answer,
      first.ranked.map((r) => r.sentence),
    ]);
  });

  it("says the article doesn't say when the question's words are nowhere in it", () => {
    const a = answer(
      harbour,
      answerRequestSchema.parse({ command: "ask", query: "Which orchestra played the symphony?" }),
    );
    expect([a.found, a.text, a.citations]).toEqual([false, "The article doesn't say.", []]);
  });
});

const untrained = (featureNames: readonly string[]) => ({
  format: "gbdt/1",
  objective: "group-softmax",
  classes: 1,
  featureNames,
  base: [0],
  trees: [],
});
const validFile = () => ({
  format: "reader/1",
  ranker: untrained(SENTENCE_FEATURES),
  extractor: untrained(PHRASE_FEATURES),
  answerability: { ...untrained(ANSWERABILITY_FEATURES), objective: "binary" },
  threshold: 0.5,
});

describe("the model file", () => {
  it("compiles a valid file", () => {
    expect(compileReader(validFile()).threshold).toBe(0.5);
  });

  it("answers /ask, /who and /when with the models a caller passes (the evaluation's fold models)", () => {
    // Untrained answerability gives every question 0.5; a threshold above it refuses them all.
    const refusing = compileReader({ ...validFile(), threshold: 0.9 });
    const asks = [
      { command: "ask", query: "How many boats were damaged?" },
      { command: "who", query: "Who said 40 boats were damaged?" },
      { command: "when", query: "When was the sea wall finished?" },
    ] as const;
    for (const request of asks) {
      const parsed = answerRequestSchema.parse(request);
      expect(answer(harbour, parsed).found, request.command).toBe(true);
      expect(answer(harbour, parsed, { reader: refusing }).found, request.command).toBe(false);
    }
  });

  it("refuses a file that is not a reader model, naming what is wrong", () => {
    expect(() =>
      compileReader({ format: "reader/1", ranker: {}, extractor: {}, answerability: {}, threshold: 0.5 }),
    ).toThrow(/^reader model: ranker: invalid GBDT model: format/);
    expect(() => compileReader({ format: "reader/2" })).toThrow(/^reader model: format/);
    expect(() => compileReader({ ...validFile(), threshold: 2 })).toThrow(/^reader model: threshold/);
    // A model trained on other features than the code computes would read the wrong columns.
    expect(() => compileReader({ ...validFile(), extractor: untrained(SENTENCE_FEATURES) })).toThrow(
      /^reader model: extractor: its features are not the ones the code computes/,
    );
  });
});

describe("the sentence the reader answers from", () => {
  // A ranker that puts the earlier sentence first by a little, and an extractor that scores a phrase holding a
  // number 2 above any other: with a phrase weight, the extractor's view can overturn the ranker's small lead.
  const split = (
    names: readonly string[],
    feature: string,
    threshold: number,
    below: number,
    above: number,
  ) => ({
    ...untrained(names),
    trees: [
      {
        feature: [names.indexOf(feature), -1, -1],
        threshold: [threshold, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, below, above],
      },
    ],
  });
  const article = analyzeArticle({
    meta: { id: "ferry", title: "", date: null },
    text: "The ferry crossed the bay in calm weather. Later the ferry crossed the bay with 212 passengers.",
  });
  const models = (phraseWeight: number, rankerLead = 0.4, numberScore = 2) =>
    compileReader({
      ...validFile(),
      ranker: split(SENTENCE_FEATURES, "position", 0.5, rankerLead, 0),
      extractor: split(PHRASE_FEATURES, "hasNumber", 0.5, 0, numberScore),
      phraseWeight,
    });

  it("is the ranker's first without a phrase weight, and the one with the better phrase with one", () => {
    const question = "How many people did the ferry carry across the bay?";
    const [ranked, weighted] = [0, 1].map((w) => read(article, question, models(w)));
    expect(ranked?.ranked.map((r) => r.sentence)).toEqual([0, 1]);
    expect(weighted?.ranked.map((r) => r.sentence)).toEqual([1, 0]);
    expect(weighted?.answer && article.text.slice(weighted.answer.start, weighted.answer.end)).toBe(
      "ferry crossed the bay with 212",
    );
  });

  it("does not read a sentence the ranker puts more than the gap below the first", () => {
    // 0 + 5 would beat 3.5 + 0, but a lead of 3.5 is past the gap: the second sentence is not read.
    const question = "How many people did the ferry carry across the bay?";
    expect(read(article, question, models(1, 2.5, 5)).ranked.map((r) => r.sentence)).toEqual([1, 0]);
    expect(read(article, question, models(1, 3.5, 5)).ranked.map((r) => r.sentence)).toEqual([0, 1]);
  });

  it("reads a file without a phrase weight as 0 and refuses one out of range", () => {
    expect(compileReader(validFile()).phraseWeight).toBe(0);
    expect(() => compileReader({ ...validFile(), phraseWeight: -1 })).toThrow(/^reader model: phraseWeight/);
  });
});
