// Small text helpers shared by the extractors and the answerers.
import { stemmer } from "stemmer";
import { STOP_WORDS } from "./lexicon/question";
import { irregularVerbBase } from "./wordnet/morphology";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** `Haiti’s`: the token is `Haiti` and it is followed by a possessive `’s`. */
  possessive: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*/gu;

/** Words with their offsets (relative to `base`). A possessive `’s` is split off and flagged. */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let word = match[0];
    let possessive = false;
    if (/\p{L}{2,}['’]s$/u.test(word)) {
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
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);

export const isStopword = (word: string) => STOP_WORDS.has(word.toLowerCase());

/** The search key of a word: lower-case, accent-folded, irregular verbs to their base (`shot` → `shoot`), Porter-stemmed. */
export function termOf(word: string): string {
  return stemmer(irregularVerbBase(foldName(word).replace(/'/g, "")));
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
