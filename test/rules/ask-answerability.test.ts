// The answerability rules of /ask: a question whose passages hold no answer of the asked kind gets "The article
// doesn't say." rather than the closest passage. Each row is a small invented article, a question, and the rule
// that decides (null: none does, and the question gets its passage).
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/analyze.ts";
import { askEvidence } from "../../src/engine/answers/ask/answer.ts";
import {
  ABSENCE_RULES,
  type AbsenceRuleId,
  absentAnswer,
} from "../../src/engine/answers/ask/answerability.ts";
import { classifyQuestion } from "../../src/engine/answers/ask/classify.ts";
import { answer, answerRequestSchema } from "../../src/engine/index.ts";

const articleOf = (sentences: string[]) =>
  analyzeArticle({ meta: { id: "t", title: "", date: "2025-03-04" }, text: sentences.join("\n\n") });

const QUAY = [
  "The repairs to the quay will cost 3.4 million euros.",
  "The harbour board was fined 40,000 euros for the oil spill.",
  "The lock gates will be replaced, and the work will take ten months.",
];

const ROWS: [AbsenceRuleId, string[], string, AbsenceRuleId | null][] = [
  ["no-sum", QUAY, "How much was the shipping firm fined?", "no-sum"],
  ["no-sum", QUAY, "How much will replacing the lock gates cost?", "no-sum"],
  ["no-sum", QUAY, "How much will the quay repairs cost?", null],
  ["no-sum", QUAY, "How much was the harbour board fined?", null],
  [
    "no-rate",
    [
      "The mill charges the bakery for each sack of flour it delivers.",
      "The bakery spends 9,000 euros a year on flour.",
    ],
    "What does the mill charge per sack of flour?",
    "no-rate",
  ],
  [
    "no-rate",
    [
      "The mill charges the bakery for each sack of flour it delivers.",
      "Flour costs 40 euros a sack, the miller said.",
    ],
    "What does the mill charge per sack of flour?",
    null,
  ],
  [
    "no-measure",
    ["Firefighters took water from Lake Tarn to fight the fire on the moor."],
    "How deep is Lake Tarn?",
    "no-measure",
  ],
  [
    "no-measure",
    ["Lake Tarn is deep and cold, and no one has ever measured it."],
    "How deep is Lake Tarn?",
    null,
  ],
  [
    "no-amount-of-substance",
    ["Four helicopters from two bases dropped water from the lake on the fire."],
    "How much water did the helicopters drop?",
    "no-amount-of-substance",
  ],
  [
    "no-amount-of-substance",
    ["A tanker brought 30,000 litres of water to the village."],
    "How much water did the tanker bring?",
    null,
  ],
  [
    "no-count",
    ["Rare lizards live on the dunes of the park, rangers said.", "Forty rangers look after the park."],
    "How many lizards live on the dunes?",
    "no-count",
  ],
  [
    "no-count",
    [
      "Rare lizards live on the dunes of the park, rangers said.",
      "The rangers counted 40 of the lizards last spring.",
    ],
    "How many lizards live on the dunes?",
    null,
  ],
  [
    "no-count",
    ["The opening was marked by a dinner, and 2000 guests came."],
    "How many guests came to the dinner?",
    null,
  ],
  [
    "no-doer",
    ["The statue in the square was carved in 1850.", "The square was paved for the fair."],
    "Who carved the statue?",
    "no-doer",
  ],
  [
    "no-doer",
    ["A statue carved by Ana Ruiz from local granite stands in the square."],
    "Who carved the statue?",
    null,
  ],
  [
    "no-doer",
    ["The old chapel was built in 1820, and the building is now a library."],
    "Who built the chapel?",
    "no-doer",
  ],
  [
    "no-reason-for-event",
    [
      "The old roof of the library leaked for years.",
      "The council will repair the roof to protect the books.",
    ],
    "Why did the library roof leak?",
    "no-reason-for-event",
  ],
  [
    "no-reason-for-event",
    ["The old roof of the library leaked for years, and the council will repair it to protect the books."],
    "Why did the library roof leak?",
    null,
  ],
  [
    "no-reason-for-event",
    [
      "The roof of the museum never leaked, unlike the library's.",
      "The council will repair the roof of the library to protect the books.",
    ],
    "Why did the museum roof not leak?",
    null,
  ],
  [
    "no-place",
    ["The new arch was built with stone from the quarry that supplied the original builders."],
    "Where was the stone for the new arch cut?",
    "no-place",
  ],
  [
    "no-place",
    ["The stone for the old wall came from a quarry near Alder Hill."],
    "Where did the stone for the old wall come from?",
    null,
  ],
  [
    "no-reason",
    ["The mayor resigned in March, a year before the election."],
    "Why did the mayor resign?",
    "no-reason",
  ],
  ["no-reason", ["The mayor resigned in March because of ill health."], "Why did the mayor resign?", null],
  [
    "event-not-in-article",
    ["The council owns the old pool on Mill Lane.", "The pool closed in May to save money on heating."],
    "Why did the council sell the old pool?",
    "event-not-in-article",
  ],
  [
    "event-not-in-article",
    ["The new bridge over the Tarn was built by Hollins Ltd.", "Work on the road began in March."],
    "When will the bridge need repainting?",
    "event-not-in-article",
  ],
  // A time in the passage shown: a when-question gets it as the closest passage.
  [
    "event-not-in-article",
    ["The new bridge over the Tarn was opened in 2019 by Hollins Ltd."],
    "When will the bridge need repainting?",
    null,
  ],
  // The only one named is the one who says it.
  [
    "event-not-in-article",
    ["Chief ranger Ann Cole said the fire was probably started by a barbecue."],
    "Who owned the barbecue?",
    "event-not-in-article",
  ],
  // `the owner`: the article speaks of the event.
  [
    "event-not-in-article",
    [
      "Chief ranger Ann Cole said the fire was probably started by a barbecue.",
      "Rangers are looking for the owner.",
    ],
    "Who owned the barbecue?",
    null,
  ],
  [
    "no-time-of-day",
    ["The fire started on Tuesday near the car park."],
    "What time did the fire start?",
    "no-time-of-day",
  ],
  [
    "no-time-of-day",
    ["The fire started at 3 pm on Tuesday near the car park."],
    "What time did the fire start?",
    null,
  ],
  [
    "no-proper-name",
    ["The driver of the lorry was taken to hospital with minor injuries."],
    "What was the name of the lorry driver?",
    "no-proper-name",
  ],
  [
    "no-proper-name",
    ["The lorry driver, Tom Ashby, was taken to hospital with minor injuries."],
    "What was the name of the lorry driver?",
    null,
  ],
  [
    "no-name-of-thing",
    [
      "The barge between Kelby and the island of Rona sank on Monday, the Kelby Canal Trust said.",
      "Many of its crew live in Kelby.",
    ],
    "What is the name of the barge?",
    "no-name-of-thing",
  ],
  [
    "no-name-of-thing",
    ["The barge, the Silver Heron, sank near Kelby on Monday."],
    "What is the name of the barge?",
    null,
  ],
  [
    "speaker-not-quoted",
    [
      "Residents of Quay Street worry about noise from the delivery vans.",
      "The mayor will open the hall in May.",
    ],
    "What did the mayor say about the noise?",
    "speaker-not-quoted",
  ],
  [
    "speaker-not-quoted",
    ["The mayor met residents who worry about noise from the delivery vans."],
    "What did the mayor say about the noise?",
    null,
  ],
];

describe("answerability rules", () => {
  it.each(ROWS)("%s: %j / %s → %s", (_rule, sentences, question, expected) => {
    const article = articleOf(sentences);
    const type = classifyQuestion(question);
    const evidence = askEvidence(article, question, type);
    const a = answer(article, answerRequestSchema.parse({ command: "ask", query: question }));
    expect(a.found).toBe(expected === null);
    // Whether the first passage would be only the closest, as /ask reads it: a who or when question its own path
    // leaves unanswered is shown as a passage.
    const closest =
      a.kind === "ask-answer"
        ? a.items[0]?.closest === true
        : type.kind === "who" || type.kind === "when" || evidence[0]?.phrase === null;
    expect(absentAnswer(article, question, type, evidence, closest)).toBe(expected);
  });

  it("every rule has a row where it decides and one where it does not", () => {
    for (const rule of ABSENCE_RULES) {
      expect(ROWS.some(([id, , , decided]) => id === rule.id && decided === rule.id)).toBe(true);
      expect(ROWS.some(([id, , , decided]) => id === rule.id && decided === null)).toBe(true);
    }
  });
});
