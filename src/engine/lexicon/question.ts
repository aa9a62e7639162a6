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

/** Prepositions a question can leave at its end, asking for their object: `Who did she work for?`, `… speak to?`. */
export const STRANDED_PREPOSITIONS: ReadonlySet<string> = new Set([
  "for",
  "with",
  "to",
  "about",
  "against",
  "from",
  "at",
  "after",
  "behind",
  "beside",
  "towards",
  "toward",
  "into",
  "onto",
  "alongside",
]);

/** Words that open the adjunct after a stranded preposition: `Who did she work for in 2019?`. */
export const ADJUNCT_OPENERS: ReadonlySet<string> = new Set([
  "in",
  "on",
  "at",
  "during",
  "before",
  "after",
  "since",
  "until",
  "when",
  "while",
  "following",
  "throughout",
]);

/** Words that mark a publication or broadcaster: `told BBC News`, `wrote in The Lancet`. Never a who-answer to `who said`. */
export const PUBLICATION_WORDS: ReadonlySet<string> = new Set([
  "news",
  "times",
  "post",
  "journal",
  "herald",
  "tribune",
  "gazette",
  "telegraph",
  "guardian",
  "magazine",
  "radio",
  "television",
  "tv",
  "bbc",
  "cnn",
  "nbc",
  "msnbc",
  "cbs",
  "abc",
  "fox",
  "npr",
  "reuters",
  "ap",
  "afp",
  "bloomberg",
  "politico",
  "axios",
  "press",
  "daily",
  "weekly",
  "network",
  "channel",
]);

/** Time words too vague to date an event; they answer only a question that asks about them. */
export const VAGUE_TIME_VALUES: ReadonlySet<string> = new Set(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]);
export const VAGUE_TIME_WORDS: ReadonlySet<string> = new Set([
  "now",
  "today",
  "currently",
  "recently",
  "past",
  "future",
  "nowadays",
  "present",
  "soon",
  "then",
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
