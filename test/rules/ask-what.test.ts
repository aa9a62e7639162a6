// The choice rules of /ask's `what` answers: for every rule, a question and candidate it scores and one it leaves.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { classifyQuestion } from "../../src/engine/answers/ask/classify.ts";
import {
  asksNameOfSomeone,
  type Candidate,
  CHOICE_RULES,
  NAME_OF_SOMEONE,
  readAsked,
  thingNameAsked,
} from "../../src/engine/answers/ask/what.ts";
import { answer, answerRequestSchema } from "../../src/engine/index.ts";
import { termOf } from "../../src/engine/text.ts";

const candidate = (text: string, kind: Candidate["kind"], first: number, last = first): Candidate => ({
  start: 0,
  end: text.length,
  text,
  rule: "test",
  first,
  last,
  kind,
});

// [rule, question, sentence, candidate, the sign of what the rule adds (0: the rule leaves it)]
const ROWS: [string, string, string, Candidate, -1 | 0 | 1][] = [
  [
    "place-for-place-noun",
    "What city did the Brenmoor choir visit?",
    "The Brenmoor choir visited Tallford in May.",
    candidate("Tallford", "place", 4),
    1,
  ],
  [
    "place-for-place-noun",
    "What song did the Brenmoor choir sing?",
    "The Brenmoor choir sang in Tallford in May.",
    candidate("Tallford", "place", 5),
    0,
  ],
  [
    "place-for-where",
    "Where did the Brenmoor choir sing?",
    "The Brenmoor choir sang in Tallford in May.",
    candidate("Tallford", "place", 5),
    1,
  ],
  [
    "place-for-where",
    "Where did the Brenmoor choir sing?",
    "The Brenmoor choir sang in the old chapel in May.",
    candidate("old chapel", "phrase", 6, 7),
    0,
  ],
  [
    "organisation-for-organisation-noun",
    "What company built the Orrin footbridge?",
    "Kessel Works built the Orrin footbridge.",
    candidate("Kessel Works", "organization", 0, 1),
    1,
  ],
  [
    "organisation-for-organisation-noun",
    "What company built the Orrin footbridge?",
    "Mara Tull built the Orrin footbridge.",
    candidate("Mara Tull", "person", 0, 1),
    0,
  ],
  [
    "person-for-person-noun",
    "Which player scored the winning goal?",
    "Dario Fenn scored the winning goal.",
    candidate("Dario Fenn", "person", 0, 1),
    1,
  ],
  [
    "person-for-person-noun",
    "Which player scored the winning goal?",
    "The Larks scored the winning goal.",
    candidate("Larks", "organization", 1),
    0,
  ],
  [
    "year-for-year-noun",
    "In what year did the Velt ferry open?",
    "The Velt ferry opened in 1987.",
    candidate("1987", "number", 5),
    1,
  ],
  [
    "year-for-year-noun",
    "In what year did the Velt ferry open?",
    "The Velt ferry carried 400 cars.",
    candidate("400", "number", 4),
    0,
  ],
  [
    "number-for-amount-noun",
    "What percentage of Pellow's homes have solar panels?",
    "About 30 % of Pellow's homes have solar panels.",
    candidate("30 %", "number", 1, 2),
    1,
  ],
  [
    "number-for-amount-noun",
    "What colour are Pellow's buses?",
    "Pellow's 30 buses are green.",
    candidate("30", "number", 1),
    0,
  ],
  [
    "measure-for-measure-question",
    "What was the cost of the Orrin footbridge?",
    "The Orrin footbridge cost 2.4 million euros over 18 months.",
    candidate("2.4 million euros", "number", 4, 6),
    1,
  ],
  [
    "measure-for-measure-question",
    "What was the cost of the Orrin footbridge?",
    "The Orrin footbridge cost 2.4 million euros over 18 months.",
    candidate("18 months", "number", 8, 9),
    0,
  ],
  [
    "object-after-verb",
    "What did the Brenmoor council approve?",
    "The Brenmoor council approved a new harbour wall.",
    candidate("new harbour wall", "phrase", 5, 7),
    1,
  ],
  [
    "object-after-verb",
    "What closed the Orrin footbridge?",
    "A winter storm closed the Orrin footbridge.",
    candidate("winter storm", "phrase", 1, 2),
    0,
  ],
];

describe("choice rules of what-answers", () => {
  it("every rule has a positive and a negative row", () => {
    for (const rule of CHOICE_RULES) {
      const rows = ROWS.filter((r) => r[0] === rule.id);
      expect(
        rows.some((r) => r[4] !== 0),
        rule.id,
      ).toBe(true);
      expect(
        rows.some((r) => r[4] === 0),
        rule.id,
      ).toBe(true);
    }
  });
  it.each(ROWS)("%s: %s / %s", (id, question, sentence, c, sign) => {
    const rule = CHOICE_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`no rule ${id}`);
    const asked = readAsked(question, classifyQuestion(question));
    const terms = (sentence.match(/[\p{L}\p{N}%']+/gu) ?? []).map(termOf);
    const added = rule.pattern.test(question.toLowerCase()) ? rule.action(c, asked, { terms }) : 0;
    expect(Math.sign(added)).toBe(sign);
  });
});

describe("what a what-question asks", () => {
  it.each([
    ["What did the Brenmoor council approve?", { stem: termOf("approve"), side: "after" }],
    ["What closed the Orrin footbridge?", { stem: termOf("closed"), side: "before" }],
    ["What has delayed the Velt ferry?", { stem: termOf("delayed"), side: "before" }],
    ["What is the Velt ferry's name?", null],
  ])("%s", (question, verb) => {
    expect(readAsked(question, classifyQuestion(question)).verb).toEqual(verb);
  });
});

describe(NAME_OF_SOMEONE.id, () => {
  it.each([
    ["What was the name of the lorry driver?", true],
    ["What is the name of the company that built the pier?", true],
    ["What is the last name of the player who scored?", true],
    ["What is the name of the dance?", false],
    ["What is the name of the bridge in Ashby?", false],
    ["Who was the driver?", false],
  ] as const)("%s → %s", (question, asks) => {
    expect(asksNameOfSomeone(question)).toBe(asks);
  });

  const article = analyzeArticle({
    meta: { id: "lorry", title: "", date: "2025-03-04" },
    text: "The lorry driver faced a detour of eleven kilometres.\n\nThe lorry driver, Tom Reyes, was unhurt.",
  });
  const first = (query: string) => {
    const a = answer(article, answerRequestSchema.parse({ command: "ask", query }));
    if (a.kind !== "ask-answer") throw new Error(`expected an ask answer, got ${a.kind}`);
    return a.items.map((i) => [i.sentence, i.answer?.text ?? null]);
  };

  it("answers with a name, and gives a sentence without one only as a passage", () => {
    expect(first("What was the name of the lorry driver?")).toEqual([
      [1, "Tom Reyes"],
      [0, null],
    ]);
  });
});

// `What is the name of the barge?`: a name the article gives something else is no name of the barge.
describe("the name of a thing", () => {
  it.each([
    ["What is the name of the barge?", "barge"],
    ["What is the name of the bridge in Ashby?", "bridge"],
    // People and places have their own rules.
    ["What was the name of the lorry driver?", undefined],
    ["What is the name of the town?", undefined],
  ] as const)("%s → %s", (question, thing) => {
    expect(thingNameAsked(question)).toBe(thing);
  });

  const askOf = (sentences: string[]) => {
    const article = analyzeArticle({
      meta: { id: "barge", title: "", date: "2025-03-04" },
      text: sentences.join("\n\n"),
    });
    return answer(
      article,
      answerRequestSchema.parse({ command: "ask", query: "What is the name of the barge?" }),
    );
  };

  it.each([
    // A town it sails from (`live in Kelby`), an island (`the island of Rona`), a day, and the one who says it.
    [
      [
        "The barge between Kelby and the island of Rona sank on Monday, the Kelby Canal Trust said.",
        "Many of its crew live in Kelby.",
      ],
      "The article doesn't say.",
    ],
    [
      ["The barge, the Silver Heron, sank near Kelby on Monday, the Kelby Canal Trust said."],
      "Silver Heron, ¶1.",
    ],
  ])("%j → %s", (sentences, text) => {
    expect(askOf(sentences).text).toBe(text);
  });
});
