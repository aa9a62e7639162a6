// Small text helpers shared by the extractors and the answerers.
import { stemmer } from "stemmer";
import { STOP_WORDS } from "./lexicon/question.ts";
import { irregularVerbBase } from "./wordnet/morphology.ts";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** `Haiti’s`: the token is `Haiti` and it is followed by a possessive `’s`. */
  possessive: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*/gu;

const POSSESSIVE = /\p{L}{2,}['’]s$/u;

/** A cheap test before POSSESSIVE: the word ends in `'s` or `’s`. */
function endsWithApostropheS(word: string): boolean {
  const n = word.length;
  if (n < 4 || word.charCodeAt(n - 1) !== 115) return false;
  const mark = word.charCodeAt(n - 2);
  return mark === 39 || mark === 8217;
}

/** Words with their offsets (relative to `base`). A possessive `’s` is split off and flagged. */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    let possessive = false;
    if (endsWithApostropheS(word) && POSSESSIVE.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = base + match.index;
    tokens.push({ text: word, start, end: start + word.length, possessive });
  }
  return tokens;
}

/** Case-, accent- and apostrophe-insensitive form for comparing names: `Moïse` = `moise`. */
export function foldName(name: string): string {
  // Names and words recur across an article's sentences; short ones are cached (bounded, for hostile input).
  if (name.length > MAX_CACHED_LENGTH) return foldNameUncached(name);
  const cached = foldCache.get(name);
  if (cached !== undefined) return cached;
  if (foldCache.size > 20_000) foldCache.clear();
  const folded = foldNameUncached(name);
  foldCache.set(name, folded);
  return folded;
}

const MAX_CACHED_LENGTH = 64;
const foldCache = new Map<string, string>();

function foldNameUncached(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The head of a noun phrase, lower-cased: the word before its first `of`, else its last (`part of the roof` → `part`). */
export function phraseHead(text: string): string {
  const words = text.split(/\s+/).map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ""));
  const of = words.findIndex((w, i) => i > 0 && w === "of");
  return (of > 0 ? words[of - 1] : words.at(-1)) ?? "";
}

export const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);

export const isStopword = (word: string) => STOP_WORDS.has(word.toLowerCase());

/** The search key of a word: lower-case, accent-folded, irregular verbs to their base (`shot` → `shoot`), Porter-stemmed. */
export function termOf(word: string): string {
  if (word.length > MAX_CACHED_LENGTH) return termOfUncached(word);
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  if (termCache.size > 20_000) termCache.clear();
  const term = termOfUncached(word);
  termCache.set(word, term);
  return term;
}

const termCache = new Map<string, string>();

function termOfUncached(word: string): string {
  const base = irregularVerbBase(foldName(word).replace(/'/g, ""));
  // The stemmer makes `died` `di` but `die` `die`: a short `-ied` past is its verb with `-ie` (`tied`, `lied`).
  return stemmer(/^[a-z]{1,2}ied$/.test(base) ? base.slice(0, -1) : base);
}

export interface TermAt {
  term: string;
  /** Offset of the word (relative to `base`). */
  at: number;
}

/** Content-word terms of a text with where each word starts, stop words removed. */
export function contentTermsAt(text: string, base = 0): TermAt[] {
  const terms: TermAt[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = match[0].replace(/['’]s$/u, "");
    if (word.length < 2 && !/\p{N}/u.test(word)) continue;
    if (isStopword(word)) continue;
    terms.push({ term: termOf(word), at: base + match.index });
  }
  return terms;
}

/** Content-word terms of a text, stop words removed. */
export const contentTerms = (text: string): string[] => contentTermsAt(text).map((t) => t.term);

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, "")}…`;
}
