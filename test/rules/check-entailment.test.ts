// The parts of the claim checker that are structure, not learned: how two words align through WordNet, the typed
// slots compared between a sentence and a claim (ordinals, amounts, dates, names, opposites, negation and its
// clause), and which sentences are read with the one before them. Three or more invented rows per class.
import { describe, expect, it } from "vitest";
import { alignWords, analyzePair } from "../../src/engine/check/entailment-features.ts";
import { retrieveForClaim } from "../../src/engine/check/retrieve.ts";
import { analyzeArticle, checkClaims } from "../../src/engine/index.ts";
import { idfOf } from "../../src/engine/models/nli.ts";
import { parseArticleText } from "../../src/engine/parse/article-file.ts";

/** An invented article from its paragraphs (the first opens with its date), analysed. */
const articleOf = (id: string, paragraphs: string[]) =>
  analyzeArticle(parseArticleText(id, `${id}.txt`, paragraphs.join("\n\n")).source);

describe("word alignment through WordNet", () => {
  const ROWS = [
    ["officers", "officer", "exact"],
    ["shot", "shooting", "exact"],
    ["killed", "kill", "exact"],
    ["hurt", "injured", "synonym"],
    ["killed", "shot", "general"],
    ["vehicle", "car", "general"],
    ["died", "killing", "general"],
    ["ate", "fed", "general"],
    ["slept", "snored", "general"],
    ["paid", "bought", "general"],
    ["killed", "died", "none"],
    ["car", "vehicle", "specific"],
    ["boy", "man", "specific"],
    ["stole", "took", "specific"],
    ["died", "survived", "opposite"],
    ["rose", "fell", "opposite"],
    ["won", "lost", "opposite"],
    ["man", "woman", "opposite"],
    ["bridge", "tunnel", "none"],
    ["teacher", "banana", "none"],
  ] as const;
  it.each(ROWS)("%s against %s: %s", (claimWord, sentenceWord, alignment) => {
    expect(alignWords(claimWord, sentenceWord)).toBe(alignment);
  });
});

describe("phrasal verbs align as one word", () => {
  const idf = idfOf(new Map(), 5);
  const ROWS = [
    // The claim's phrasal verb against the sentence's word.
    ["The vote happened on Friday.", "The vote took place on Friday.", "took place", "synonym", "happened"],
    [
      "The minister resigned on Monday.",
      "The minister stepped down on Monday.",
      "stepped down",
      "synonym",
      "resigned",
    ],
    ["The club cancelled the match.", "The club called off the match.", "called off", "synonym", "cancelled"],
    [
      "The manager rejected the offer.",
      "The manager turned down the offer.",
      "turned down",
      "synonym",
      "rejected",
    ],
    // The claim's word against the sentence's phrasal verb.
    ["The vote took place on Friday.", "The vote happened on Friday.", "happened", "synonym", "took place"],
    ["The company set up a fund.", "The company established a fund.", "established", "synonym", "set up"],
    [
      "The manager turned down the offer.",
      "The manager rejected the offer.",
      "rejected",
      "synonym",
      "turned down",
    ],
    [
      "The doctor looked into the complaint.",
      "The doctor investigated the complaint.",
      "investigated",
      "synonym",
      "looked into",
    ],
    [
      "Fire crews put out the blaze.",
      "Fire crews extinguished the blaze.",
      "extinguished",
      "general",
      "put out",
    ],
    // A verb that aligns alone keeps its preposition apart: `looked at` is not read as one word here.
    ["She looked at the map.", "She looked at the chart.", "looked", "exact", "looked"],
    // Not a phrasal verb: the two words stay two.
    ["The vote took place on Friday.", "The vote took ages.", "ages", "none", null],
  ] as const;
  it.each(ROWS)("%s / %s", (premise, claim, word, alignment, to) => {
    const row = analyzePair(premise, claim, idf).aligned.find((a) => a.word === word);
    expect([row?.alignment, row?.to ?? null]).toEqual([alignment, to]);
  });
});

describe("a doer's own verb fills in the sentence's more general verb", () => {
  const idf = idfOf(new Map(), 5);
  const ROWS = [
    ["The burglars took jewellery.", "The burglars stole jewellery.", "stole", "synonym", "took"],
    [
      "The looters took food from the shops.",
      "The looters stole food from the shops.",
      "stole",
      "synonym",
      "took",
    ],
    ["The shoplifters took perfume.", "The shoplifters stole perfume.", "stole", "synonym", "took"],
    ["The sprinters moved down the track.", "The sprinters ran down the track.", "ran", "synonym", "moved"],
    // The doer must come before the verb, on both sides: here the robbers are taken, not taking.
    ["The police took the robbers away.", "The police stole the robbers away.", "stole", "specific", "took"],
    // Only a more general verb is filled in: attacking is not a way of killing.
    ["The murderer attacked a guard.", "The murderer killed a guard.", "killed", "none", null],
  ] as const;
  it.each(ROWS)("%s / %s", (premise, claim, word, alignment, to) => {
    const row = analyzePair(premise, claim, idf).aligned.find((a) => a.word === word);
    expect([row?.alignment, row?.to ?? null]).toEqual([alignment, to]);
  });
});

describe("a number joined to what it counts is two words", () => {
  const idf = idfOf(new Map(), 5);
  const ROWS = [
    [
      "The library reopened after a two-year rebuild.",
      "The library was rebuilt over two years.",
      "years",
      "year",
    ],
    ["Workers began a three-day strike on Monday.", "Workers went on strike for three days.", "days", "day"],
    ["Passengers faced a 40-minute delay.", "Passengers waited 40 minutes.", "minutes", "minute"],
  ] as const;
  it.each(ROWS)("%s / %s", (premise, claim, word, to) => {
    const pair = analyzePair(premise, claim, idf);
    expect(pair.aligned.find((a) => a.word === word)).toEqual({ word, alignment: "exact", to });
    expect([pair.mismatch, pair.unconfirmed]).toEqual([null, null]);
  });
  it("keeps other hyphenated words whole", () => {
    const pair = analyzePair("The well-known singer arrived.", "The singer is well known.", idf);
    expect(pair.aligned.map((a) => [a.word, a.alignment])).toEqual([
      ["singer", "exact"],
      ["known", "none"],
    ]);
  });
});

describe("slot mismatches between a sentence and a claim", () => {
  const idf = idfOf(new Map(), 5);
  const ROWS = [
    [
      "It was the third fire in the town this year.",
      "It was the first fire in the town this year.",
      { slot: "ordinal", claimed: "first", stated: "third" },
    ],
    [
      "The school came second in the regional final.",
      "The school came fifth in the regional final.",
      { slot: "ordinal", claimed: "fifth", stated: "second" },
    ],
    [
      "She finished 2nd in the race.",
      "She finished 1st in the race.",
      { slot: "ordinal", claimed: "1st", stated: "2nd" },
    ],
    [
      "The council hired 12 new teachers.",
      "The council hired 15 new teachers.",
      { slot: "amount", claimed: "15", stated: "12", shown: "12 new teachers" },
    ],
    [
      "The museum opened in 1998.",
      "The museum opened in 2004.",
      { slot: "date", claimed: "2004", stated: "1998" },
    ],
    [
      "The driver survived the crash.",
      "The driver died in the crash.",
      { slot: "opposite", claimed: "died", stated: "survived" },
    ],
    [
      "Prices rose sharply in May.",
      "Prices fell sharply in May.",
      { slot: "opposite", claimed: "fell", stated: "rose" },
    ],
    [
      "The home side won the match.",
      "The home side lost the match.",
      { slot: "opposite", claimed: "lost", stated: "won" },
    ],
    [
      "The ferry did not sail on Monday.",
      "The ferry sailed on Monday.",
      { slot: "negation", claimed: "(stated)", stated: "not" },
    ],
    [
      "Nobody was hurt in the crash.",
      "Two passengers were hurt in the crash.",
      { slot: "negation", claimed: "(stated)", stated: "Nobody" },
    ],
    [
      "Anna Berg chairs the board.",
      "Lena Holt chairs the board.",
      { slot: "name", claimed: "Lena Holt", stated: "Anna Berg" },
    ],
    // The other name is the one doing what the claim's name does, not the first in the sentence.
    [
      "Council officials said Ann Price thanked the firefighters.",
      "Tom Reyes thanked the firefighters.",
      { slot: "name", claimed: "Tom Reyes", stated: "Ann Price" },
    ],
    [
      "Officials in Lisbon said Carla Mendes won the race.",
      "Rita Alves won the race.",
      { slot: "name", claimed: "Rita Alves", stated: "Carla Mendes" },
    ],
    [
      "Harbour Police said Leo Brandt opened the gate.",
      "Mia Stone opened the gate.",
      { slot: "name", claimed: "Mia Stone", stated: "Leo Brandt" },
    ],
    // A negation reaches to the end of its clause, not past `and`, `but` or a comma.
    ["The mayor had not been told, and would call a meeting.", "The mayor would call a meeting.", null],
    ["The union was not consulted but will ask for talks.", "The union will ask for talks.", null],
    [
      "Doctors said the patient was in a stable condition.",
      "Doctors said the patient was in a stable condition.",
      null,
    ],
  ] as const;
  it.each(ROWS)("%s / %s", (sentence, claim, mismatch) => {
    expect(analyzePair(sentence, claim, idf, "2026-01-10").mismatch).toEqual(mismatch);
  });

  it("a slot the sentence does not state leaves the claim unconfirmed", () => {
    const unconfirmed = (sentence: string, claim: string) =>
      analyzePair(sentence, claim, idf, "2026-01-10").unconfirmed;
    expect([
      unconfirmed("The ferry sailed.", "The ferry sailed on Monday."),
      unconfirmed("The council hired new teachers.", "The council hired 15 new teachers."),
      unconfirmed("The board met.", "Lena Holt met the board."),
      unconfirmed("The ferry sailed on Monday.", "The ferry sailed on Monday."),
    ]).toEqual(["Monday", "15", "Lena Holt", null]);
  });
});

describe("passages read with the sentence before them", () => {
  const article = articleOf("openers", [
    "date 2026-02-02 Marta Lind opened the new clinic in Alder on Monday.",
    "She said it would treat 40 patients a day. The clinic cost 2 million euros. It has six doctors.",
    "Parking near the clinic is free. Volunteers painted the waiting room.",
  ]);
  const antecedents = (claim: string) =>
    retrieveForClaim(article, claim, 8)
      .filter((p) => p.antecedent)
      .map((p) => [p.sentence.text.split(" ")[0], p.antecedent?.text.split(" ")[0]]);

  it("a pronoun or a definite description opens the sentence: the one before is read with it", () => {
    expect(antecedents("Lind said the clinic would treat 40 patients a day and has six doctors")).toEqual([
      ["She", "Marta"],
      ["It", "The"],
      ["The", "She"],
    ]);
  });
});

describe("a place described, not named, is no other place", () => {
  const article = articleOf("described", [
    "date 2026-03-02 Flood relief reached the coast on Sunday.",
    "Forty more engineers from the South American country arrived in Larvik on Monday to repair the harbour.",
    "Two ships from the West African nation docked in Bergen on Tuesday.",
    "Doctors from the Central American country opened a clinic in Quito.",
    "A team of Norwegian divers searched the river near Oslo for two days.",
  ]);
  const ROWS = [
    // The claim's country may be the one described: the article does not say.
    ["Forty more engineers from Brazil arrived in Larvik on Monday.", "not in the article", null],
    ["Two ships from Ghana docked in Bergen on Tuesday.", "not in the article", null],
    ["Doctors from Honduras opened a clinic in Quito.", "not in the article", null],
    // A people's word that is no description still names its place; a named place still differs.
    ["A team of divers from Sweden searched the river near Oslo.", "contradicted", ["Sweden", "Norwegian"]],
    ["Two ships from the West African nation docked in Oslo on Tuesday.", "contradicted", ["Oslo", "Bergen"]],
  ] as const;
  it.each(ROWS)("%s: %s", (claim, label, names) => {
    const [check] = checkClaims(article, claim);
    const m = check?.mismatch;
    expect([check?.label, m ? [m.claimed, m.article] : null]).toEqual([label, names]);
  });
});

describe("a plan is not contradicted by a past event on another date", () => {
  const article = articleOf("plans", [
    "date 2026-03-04 The town council of Elmsford met on Wednesday.",
    "The council voted on the harbour plan in January.",
    "The minister visited Lagos in February.",
    "The team played Spain on Saturday and lost.",
    "The bridge will close on Thursday for repairs.",
  ]);
  const ROWS = [
    // The claim's date is after the article's and the sentence's is not: two events.
    ["The town council of Elmsford will meet on Friday.", "not in the article", null],
    ["The council will vote on the harbour plan in April.", "not in the article", null],
    ["The minister will visit Lagos next month.", "not in the article", null],
    ["The team will play Spain on Sunday.", "not in the article", null],
    // Two plans on two dates differ; so do a past claim and a past event.
    ["The bridge will close on Friday for repairs.", "contradicted", "Friday"],
    ["The minister visited Lagos in April.", "contradicted", "April"],
  ] as const;
  it.each(ROWS)("%s: %s", (claim, label, claimed) => {
    const [check] = checkClaims(article, claim);
    expect([check?.label, check?.mismatch?.claimed ?? null]).toEqual([label, claimed]);
  });
});
