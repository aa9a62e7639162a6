// Words of questions and of matching them against sentences.

/** Function words that carry no content for search or matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    "about after all also am and another any are as be because been before being between both but by came can",
    "come could did do each for from get got here how if into just like make many might more most much must",
    "never now only other out over said same see should since some still such take than then through too under",
    "up very way well while with would a an the of to in on at is was were has have had it its this that these",
    "those what which who whom whose when where why there their them they he she his her him we our us you your",
    "i me my mr mrs ms will does may",
  ]
    .join(" ")
    .split(" "),
);

/**
 * Question words that carry no content of their own (stems): `When did it happen?`, `Who took place …`,
 * `What does the article say …`.
 */
export const QUESTION_NOISE_STEMS: ReadonlySet<string> = new Set([
  "happen",
  "occur",
  "take",
  "place",
  "tell",
  "know",
  "articl",
  "say",
  "name",
  "person",
  "peopl",
  "year",
  "date",
  "time",
  "dai",
  "month",
  "centuri",
]);

/** Particles that join a verb into a compound noun: `bail out` → `bailout`, `shut down` → `shutdown`. */
export const COMPOUND_PARTICLES: ReadonlySet<string> = new Set([
  "out",
  "up",
  "down",
  "off",
  "over",
  "back",
  "in",
  "on",
  "away",
]);

/** Pronouns: never a who-answer on their own (the name they stand for is elsewhere). */
export const PRONOUNS: ReadonlySet<string> = new Set([
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "you",
  "him",
  "her",
  "them",
  "us",
  "me",
  "who",
  "which",
  "that",
  "this",
  "those",
  "these",
  "his",
  "its",
  "their",
]);
