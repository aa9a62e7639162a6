import { createRequire } from "node:module";
import type nlpType from "compromise";
import { MONTH_PATTERN, WEEKDAY_NAMES } from "./time.ts";
import { regex } from "./words.ts";

// compromise's word list (≈25,000 entries: first names, countries, cities, organisations, common words).
// Only the list is used: running compromise's full tagger costs milliseconds per sentence, the lookup nothing.
// compromise takes about half a second to load, so it is loaded on first use, not at start-up: `citebot --help`,
// the console and the bot are ready before any article is parsed. A synchronous require of its CommonJS build keeps
// every caller synchronous (and loads faster than its many ES modules).
type Nlp = typeof nlpType;
type Lexicon = Record<string, string | string[]>;

let nlp: Nlp | undefined;
let lexicon: Lexicon | undefined;

/** compromise itself, loaded on first call. */
export function compromise(): Nlp {
  nlp ??= createRequire(import.meta.url)("compromise") as Nlp;
  return nlp;
}

/** compromise's lexicon: lower-case word or phrase → its tag or tags. */
export function compromiseLexicon(): Lexicon {
  lexicon ??= (compromise().model() as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon;
}

/** The main part-of-speech or name tag compromise knows for a lower-case word or phrase. */
export function lexiconTag(word: string): string | undefined {
  const tag = (lexicon ?? compromiseLexicon())[word];
  return Array.isArray(tag) ? tag[0] : tag;
}

function tags(word: string): string[] {
  const tag = (lexicon ?? compromiseLexicon())[word.toLowerCase()];
  if (tag === undefined) return [];
  return Array.isArray(tag) ? tag : [tag];
}

// compromise's tags, grouped as the rules read them. Each group is one list; a rule that wants a wider class joins
// two of them (`[...FUNCTION_WORD_TAGS, "Adverb"]`).

/** Tags of verb forms (`PhrasalVerb` included: `set up`). */
export const VERB_TAGS: ReadonlySet<string> = new Set([
  "Verb",
  "PhrasalVerb",
  "Infinitive",
  "PastTense",
  "Gerund",
  "PresentTense",
  "Participle",
  "Modal",
  "Copula",
]);

/** Tags of the verb forms a clause of its own can stand on (not `-ing` forms nor phrasal verbs). */
export const FINITE_VERB_TAGS: ReadonlySet<string> = new Set(
  [...VERB_TAGS].filter((t) => t !== "Gerund" && t !== "PhrasalVerb"),
);

/** Tags of verb forms that end the noun phrase an amount counts: `240 miners went …`, `500 homes were …`. */
export const COUNT_ENDING_VERB_TAGS: ReadonlySet<string> = new Set(["PastTense", "Copula", "Modal"]);

/** Tags of past forms, whose base WordNet may not list (`shot`, `written`). */
export const PAST_FORM_TAGS: ReadonlySet<string> = new Set(["PastTense", "Participle"]);

/** Tags of adjectives and their degrees. */
export const ADJECTIVE_TAGS: ReadonlySet<string> = new Set(["Adjective", "Comparative", "Superlative"]);

/** Tags of closed-class words: `the`, `of`, `she`, `and`, `which`. */
export const FUNCTION_WORD_TAGS: ReadonlySet<string> = new Set([
  "Determiner",
  "Preposition",
  "Pronoun",
  "Conjunction",
  "QuestionWord",
]);

/** Tags the name-finder's features read as a word's lexicon class. */
export const NAME_CLASS_TAGS: ReadonlySet<string> = new Set([
  "MaleName",
  "FemaleName",
  "FirstName",
  "LastName",
  "Person",
  "Honorific",
  "Country",
  "City",
  "Region",
  "Place",
  "Organization",
  "SportsTeam",
  "Demonym",
  "ProperNoun",
  "Month",
  "WeekDay",
  "Actor",
]);

const PLACE_TAGS = new Set(["Country", "City", "Region", "Place", "Address"]);
const FIRST_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
const PERSON_TAGS = new Set(["Person", "LastName", "FirstName", "MaleName", "FemaleName", "Honorific"]);

export const isPlaceWord = (word: string) => tags(word).some((t) => PLACE_TAGS.has(t));
export const isFirstName = (word: string) => tags(word).some((t) => FIRST_NAME_TAGS.has(t));
export const isPersonWord = (word: string) => tags(word).some((t) => PERSON_TAGS.has(t));
export const isOrganizationWord = (word: string) => tags(word).includes("Organization");
export const isDemonym = (word: string) => tags(word).includes("Demonym");
const CALENDAR_WORD = regex("i")`^(?:${MONTH_PATTERN}|${WEEKDAY_NAMES})\.?$`;

export const isTimeWord = (word: string) =>
  CALENDAR_WORD.test(word) ||
  tags(word).some((t) => t === "WeekDay" || t === "Month" || t === "Date" || t === "Holiday");

/** A word the lexicon knows only as an ordinary word (`The`, `Officials`, `After`), not a name. */
export function isCommonWord(word: string): boolean {
  const found = tags(word);
  if (found.length === 0) return false;
  return !found.some(
    (t) =>
      PLACE_TAGS.has(t) ||
      PERSON_TAGS.has(t) ||
      t === "Organization" ||
      t === "ProperNoun" ||
      t === "Demonym" ||
      t === "Acronym",
  );
}
