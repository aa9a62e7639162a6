// /ask over the seed and five invented articles: answer phrases with their paragraphs, and questions the
// articles do not answer.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, answerRequestSchema } from "../../src/engine/index.ts";
import { loadLibrary } from "../../src/files/folder-library.ts";
import { FIXTURES, seedArticle } from "../helpers.ts";

/** The table as the committed reader model answers it (out of 27 answered and 50 unanswerable questions). */
const PARAGRAPHS_RIGHT = 26;
const PHRASES_RIGHT = 16;
const REFUSED = 32;

const library = loadLibrary(join(FIXTURES, "ask"));
const article = (id: string) => {
  const a = id === "seed" ? seedArticle() : library.get(id);
  if (!a) throw new Error(`fixture ${id} missing`);
  return a;
};
const askOf = (id: string, question: string) =>
  answer(article(id), answerRequestSchema.parse({ command: "ask", query: question }));

// [article, question, the answer phrase, its paragraph]
const ANSWERED: [string, string, string, number][] = [
  ["seed", "How many Kenyan officers were already working in Haiti?", "600", 13],
  ["seed", "Where was the officer killed?", "Haiti", 9],
  ["harwick-ferry-suspended", "Why was the ferry suspended?", "cracks found in the main pier", 1],
  [
    "harwick-ferry-suspended",
    "What did the board say about the pier?",
    "the pier would stay closed until engineers from Marlow Consulting finish a full survey",
    2,
  ],
  ["harwick-ferry-suspended", "How many cracks did inspectors find?", "three", 2],
  ["harwick-ferry-suspended", "How many passengers use the crossing every day in winter?", "1,200", 3],
  [
    "harwick-ferry-suspended",
    "Where will the temporary service run from?",
    "old fishing quay at Corran Point",
    5,
  ],
  ["harwick-ferry-suspended", "How much will the repairs cost?", "3.4 million euros", 7],
  ["harwick-ferry-suspended", "How many passengers can the replacement boat carry?", "90", 5],
  ["harwick-ferry-suspended", "What is Ines Varga's job?", "chair of the harbour board", 4],
  ["kestrel-park-wildfire", "What did ecologists warn?", "the heath would take years to recover", 7],
  ["kestrel-park-wildfire", "What caused the fire?", "disposable barbecue", 4],
  ["harwick-ferry-suspended", "What happened to the ferry?", "suspended on Friday", 1],
  ["orchard-school-solar", "How many panels were fitted to the roof?", "412", 1],
  ["orchard-school-solar", "How much did the project cost?", "280,000 euros", 2],
  ["orchard-school-solar", "Where is Greenridge Energy based?", "Aldwick", 4],
  ["orchard-school-solar", "How much does the school expect to save a year?", "18,000 euros", 3],
  ["millstream-bridge-reopens", "When was the bridge built?", "1887", 2],
  ["millstream-bridge-reopens", "How many stones did workers replace?", "600", 3],
  ["millstream-bridge-reopens", "What weight limit now applies?", "7.5 tonnes", 5],
  ["millstream-bridge-reopens", "Why was the weight limit needed?", "protect the old arches", 5],
  ["kestrel-park-wildfire", "How many hectares did the wildfire burn?", "140 hectares", 1],
  ["kestrel-park-wildfire", "How many firefighters fought the blaze?", "Sixty", 3],
  ["kestrel-park-wildfire", "How many residents were told to leave their homes?", "300", 2],
  ["riverside-market-hall", "How many traders will the food hub have space for?", "40", 1],
  ["riverside-market-hall", "When was the hall built?", "1902", 7],
  ["riverside-market-hall", "Where is the market hall?", "Quay Street", 1],
];

// Questions the articles do not answer: the engine says so rather than citing a passage.
const NOT_ANSWERED: [string, string][] = [
  ["riverside-market-hall", "Where will the traders park their vans?"],
  ["harwick-ferry-suspended", "What did the mayor of Tellan say about the strike?"],
  ["harwick-ferry-suspended", "Where is the ferry's head office?"],
  ["harwick-ferry-suspended", "How many crew members work on the ferry?"],
  ["harwick-ferry-suspended", "How many cars does the ferry carry on each crossing?"],
  ["orchard-school-solar", "What did the education minister say about the panels?"],
  ["orchard-school-solar", "Where will the next wind turbine be built?"],
  ["orchard-school-solar", "What is the school's football team called?"],
  ["orchard-school-solar", "Why did the district council reject the wind farm?"],
  ["millstream-bridge-reopens", "Why was the bridge painted red?"],
  ["millstream-bridge-reopens", "How many drivers were hurt in the crash?"],
  ["millstream-bridge-reopens", "How many trains cross the bridge each day?"],
  ["millstream-bridge-reopens", "Why did the lorry driver lose control?"],
  ["millstream-bridge-reopens", "Where was the lorry driver taken to hospital?"],
  ["kestrel-park-wildfire", "How much will the clean-up cost?"],
  ["kestrel-park-wildfire", "How many sheep died in the fire?"],
  ["kestrel-park-wildfire", "Did the police charge anyone?"],
  ["riverside-market-hall", "What will the opening hours be on Sundays?"],
  ["riverside-market-hall", "Why did the council reject the other four proposals?"],
  ["orchard-school-solar", "How many pupils attend the school?"],
  ["millstream-bridge-reopens", "How long did the ceremony last?"],
  ["riverside-market-hall", "How many people live in Lowmoor?"],
  // The only where-guesses end in a stretch of time (`the summer season`, `… for cloudy days`): no place.
  ["harwick-ferry-suspended", "Where do the summer visitors come from?"],
  ["orchard-school-solar", "Where did the school buy its batteries?"],
  // The only number counts passengers, which is no length of time.
  ["harwick-ferry-suspended", "How long does the crossing take?"],
  // Their words are in a sentence, but no passage about them holds an answer of the asked kind: no sum for what
  // is priced, no place, no reason, no clock time, no name, no words of the speaker (answerability.ts).
  ["harwick-ferry-suspended", "How much does a ticket cost?"],
  ["orchard-school-solar", "How much did the battery cost?"],
  ["millstream-bridge-reopens", "What was the name of the lorry driver?"],
  ["millstream-bridge-reopens", "How much was the haulage company fined?"],
  ["millstream-bridge-reopens", "Why did the mayor resign?"],
  ["millstream-bridge-reopens", "Where is the quarry?"],
  ["kestrel-park-wildfire", "What time did the fire start?"],
  ["kestrel-park-wildfire", "How much water did the helicopter drop?"],
  ["kestrel-park-wildfire", "Why did the helicopter crash?"],
  ["kestrel-park-wildfire", "What is the fine for lighting a fire in the park?"],
  ["riverside-market-hall", "How much will the roof repairs cost?"],
  ["riverside-market-hall", "What did the mayor say about the noise?"],
  // No passage puts a number or a word of amount next to what is counted (`its last butcher`, `rare sand lizards`).
  ["riverside-market-hall", "How many jobs will the hub create?"],
  ["harwick-ferry-suspended", "How many ferries does the board own?"],
  ["kestrel-park-wildfire", "How many sand lizards live in the park?"],
  ["riverside-market-hall", "How many butchers worked in the hall?"],
  // The verb is there, but with no doer: `it was built for`, `A mural painted on its north wall`.
  ["harwick-ferry-suspended", "Who built the pier?"],
  ["riverside-market-hall", "Who painted the mural?"],
  // The roof leaked, but no reason is given where it is said: the one near other roof words is the work's aim.
  ["riverside-market-hall", "Why did the glass roof leak?"],
  // The only sum on electricity is a saving a year, not a price for each unit.
  ["orchard-school-solar", "What does the grid operator pay for each unit of electricity?"],
  // The lake is named only as where the water came from: no length, no word of depth.
  ["kestrel-park-wildfire", "How deep is Lake Orrin?"],
  // Nothing in the article is chosen, replaced or owned, and the passage shown gives no time and names no one but
  // the one who says it.
  ["orchard-school-solar", "Why did the school choose Greenridge Energy?"],
  ["orchard-school-solar", "When will the panels need replacing?"],
  ["kestrel-park-wildfire", "Who owned the disposable barbecue?"],
  // The ferry is never named: Harwick is the town it sails from, Tellan an island, the Harbour Board says so.
  ["harwick-ferry-suspended", "What is the name of the ferry?"],
];

/** How the reader does on the table: these questions are tests of behaviour, not figures to tune rules to. */
function scoreTable() {
  let paragraphs = 0;
  let phrases = 0;
  for (const [id, question, phrase, paragraph] of ANSWERED) {
    const a = askOf(id, question);
    if (a.kind !== "ask-answer") continue;
    if (a.items[0]?.paragraph === paragraph) paragraphs++;
    if (a.items[0]?.answer?.text === phrase) phrases++;
  }
  const refused = NOT_ANSWERED.filter(([id, question]) => !askOf(id, question).found).length;
  return { paragraphs, phrases, refused };
}

describe("/ask", () => {
  it.each([...ANSWERED.map(([id, q]) => [id, q]), ...NOT_ANSWERED])(
    "%s: %s → cites the article's own words, the phrase in its first excerpt",
    (id, question) => {
      const a = askOf(id, question);
      const text = article(id).text;
      for (const c of a.citations) expect(text.slice(c.start, c.end)).toBe(c.excerpt);
      if (a.kind === "none") {
        expect([a.found, a.text, a.citations]).toEqual([false, "The article doesn't say.", []]);
        return;
      }
      if (a.kind !== "ask-answer") return;
      const first = a.items[0];
      if (!first?.answer) return;
      expect(text.slice(first.answer.start, first.answer.end)).toBe(first.answer.text);
      expect(first.answer.start >= first.start && first.answer.end <= first.end).toBe(true);
      expect(a.text).toBe(`${first.answer.text}, ¶${first.paragraph}.`);
    },
  );

  it("answers most of the table from the right paragraph and refuses most of the unanswerable questions", () => {
    // Measured with the committed model; a retrained model must not fall below these.
    expect(scoreTable()).toEqual({ paragraphs: PARAGRAPHS_RIGHT, phrases: PHRASES_RIGHT, refused: REFUSED });
  });

  it("holds 10 unanswerable questions for each of the five articles", () => {
    const perArticle = new Map<string, number>();
    for (const [id] of NOT_ANSWERED) perArticle.set(id, (perArticle.get(id) ?? 0) + 1);
    expect(Object.fromEntries(perArticle)).toEqual({
      "harwick-ferry-suspended": 10,
      "kestrel-park-wildfire": 10,
      "millstream-bridge-reopens": 10,
      "orchard-school-solar": 10,
      "riverside-market-hall": 10,
    });
  });

  it("a quote-seeking question is answered with the speaker's quotes", () => {
    const a = askOf("harwick-ferry-suspended", "What did Ines Varga say about the pier?");
    expect(a.kind).toBe("quotes");
    expect(a.command).toBe("ask");
    expect(a.text).toBe("1 quote from Ines Varga.");
  });

  it("asks for a question", () => {
    expect(answerRequestSchema.safeParse({ command: "ask", query: "  " }).success).toBe(false);
  });
});
