import { createRequire } from "node:module";
import type nlpType from "compromise";

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

const PLACE_TAGS = new Set(["Country", "City", "Region", "Place", "Address"]);
const FIRST_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
const PERSON_TAGS = new Set(["Person", "LastName", "FirstName", "MaleName", "FemaleName", "Honorific"]);

export const isPlaceWord = (word: string) => tags(word).some((t) => PLACE_TAGS.has(t));
export const isFirstName = (word: string) => tags(word).some((t) => FIRST_NAME_TAGS.has(t));
export const isPersonWord = (word: string) => tags(word).some((t) => PERSON_TAGS.has(t));
export const isOrganizationWord = (word: string) => tags(word).includes("Organization");
export const isDemonym = (word: string) => tags(word).includes("Demonym");
const CALENDAR_WORD =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|(mon|tues|wednes|thurs|fri|satur|sun)day)\.?$/i;

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
