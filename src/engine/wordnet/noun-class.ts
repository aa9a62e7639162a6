// Whether a common noun names people: WordNet files every sense under a broad class (its lexicographer file), and a
// noun whose most frequent sense is a person (`teacher`, `trader`) or a group of people (`council`, `court`) can
// answer a who-question where the sentence gives no name. Cached per word.
import { isDemonym, isPlaceWord } from "../lexicon/index.ts";
import { indexEntry, synsetAt } from "./dict.ts";
import { baseForms } from "./morphology.ts";
import { relatedWords } from "./related.ts";

/** WordNet's lexicographer files of people: `noun.person` (18) and `noun.group` (14). */
export const PEOPLE_FILES: ReadonlySet<number> = new Set([18, 14]);
/** WordNet's lexicographer file of `noun.person`. */
export const PERSON_FILE = 18;
/** `person` itself sits at the top of the hierarchy (`noun.Tops`), not in `noun.person`. */
const PERSON_LEMMA = "person";

const cache = new Map<string, boolean>();
const MAX_CACHED = 20_000;

/** The noun (any inflection) most often means a person or a group of people. */
export function namesPeople(word: string): boolean {
  const key = word.toLowerCase();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const people = baseForms(key).some(({ lemma, pos }) => {
    if (pos !== "noun") return false;
    const first = indexEntry(lemma, "noun")?.synsets[0];
    if (first === undefined) return false;
    const sense = synsetAt("noun", first);
    return PEOPLE_FILES.has(sense.lexFile) || sense.words.includes(PERSON_LEMMA);
  });
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, people);
  return people;
}

/** Senses of a noun read for whether it may name a person: its most frequent few. */
const PERSON_SENSES = 2;
const mayCache = new Map<string, boolean>();

/**
 * One of the noun's first senses is a person, though the first may not be (`builder` is first a detergent's
 * builder, then one who builds): weaker than `namesPeople`, for ruling a phrase out of answering where.
 */
export function mayBePeople(word: string): boolean {
  const key = word.toLowerCase();
  const cached = mayCache.get(key);
  if (cached !== undefined) return cached;
  const may = baseForms(key).some(
    ({ lemma, pos }) =>
      pos === "noun" &&
      (indexEntry(lemma, "noun")?.synsets ?? [])
        .slice(0, PERSON_SENSES)
        .some((offset) => synsetAt("noun", offset).lexFile === PERSON_FILE),
  );
  if (mayCache.size >= MAX_CACHED) mayCache.clear();
  mayCache.set(key, may);
  return may;
}

/** `Cypriot`: a demonym compromise knows, or a word WordNet derives from a place (`cypriot` ~ `Cyprus`). */
export const isNationality = (word: string) =>
  isDemonym(word) || relatedWords(word).some((r) => r.relation === "derivation" && isPlaceWord(r.word));

/** A lower-case word WordNet knows as an adjective, or a nationality: what a noun's modifier looks like. */
export const isModifier = (word: string) =>
  /^\p{Lu}/u.test(word) ? isNationality(word) : indexEntry(word, "adj") !== null;

const headCache = new Map<string, boolean>();

/**
 * The word can head a noun phrase: a name or number, a word WordNet does not know (most of those are names and
 * terms), or one it knows at least as often as a noun as an adjective or adverb (`silver`, not `mainly`).
 */
export function headsNounPhrase(word: string): boolean {
  if (/^\p{Lu}|\d/u.test(word)) return true;
  const key = word.toLowerCase();
  const cached = headCache.get(key);
  if (cached !== undefined) return cached;
  const forms = baseForms(key);
  const senses = (pos: "noun" | "adj" | "adv" | "verb") =>
    Math.max(
      0,
      ...forms.filter((f) => f.pos === pos).map((f) => indexEntry(f.lemma, pos)?.synsets.length ?? 0),
    );
  const noun = senses("noun");
  const heads = forms.length === 0 || (noun > 0 && noun >= Math.max(senses("adj"), senses("adv")));
  if (headCache.size >= MAX_CACHED) headCache.clear();
  headCache.set(key, heads);
  return heads;
}

/** WordNet's lexicographer file of `noun.location`. */
export const LOCATION_FILE = 15;
/** `noun.artifact`: things made (`floor`, `stand`, `statue`). */
export const ARTIFACT_FILE = 6;
/** WordNet's lexicographer files of `noun.substance` (`glass`, `water`) and `noun.time` (`season`, `decade`). */
export const SUBSTANCE_FILE = 27;
export const TIME_FILE = 28;
/** `noun.quantity`: units and amounts (`ounce`, `barrel`, `litre`). */
export const QUANTITY_FILE = 23;
const classCache = new Map<string, number | null>();

/** The broad class (lexicographer file) of a noun's most frequent sense, any inflection; null when not a noun. */
export function nounClass(word: string): number | null {
  const key = word.toLowerCase();
  const cached = classCache.get(key);
  if (cached !== undefined) return cached;
  let found: number | null = null;
  for (const { lemma, pos } of baseForms(key)) {
    if (pos !== "noun") continue;
    const first = indexEntry(lemma, "noun")?.synsets[0];
    if (first !== undefined) {
      found = synsetAt("noun", first).lexFile;
      break;
    }
  }
  if (classCache.size >= MAX_CACHED) classCache.clear();
  classCache.set(key, found);
  return found;
}

/** Senses of a noun read for its kinds (rare senses make anything a kind of anything). */
const KIND_SENSES = 3;
/** Steps up the hypernym tree: `cello` → stringed instrument → musical instrument → device …. */
const KIND_DEPTH = 7;
const kindCache = new Map<string, boolean>();

/**
 * Is the noun a kind of the focus noun (`cello` of `instrument`, `ferry` of `boat`): one of its frequent senses
 * has a sense of the focus among its hypernyms (`@`, or `@i` for an instance such as a city of `city`).
 */
export function isKindOf(word: string, focus: string): boolean {
  const key = `${word.toLowerCase()}\u0000${focus.toLowerCase()}`;
  const cached = kindCache.get(key);
  if (cached !== undefined) return cached;
  const lemmas = (w: string) =>
    baseForms(w.toLowerCase())
      .filter((f) => f.pos === "noun")
      .map((f) => f.lemma);
  const wanted = new Set(lemmas(focus));
  let found = false;
  if (wanted.size > 0) {
    const seen = new Set<number>();
    let frontier = lemmas(word).flatMap((l) => (indexEntry(l, "noun")?.synsets ?? []).slice(0, KIND_SENSES));
    for (let depth = 0; depth < KIND_DEPTH && frontier.length > 0 && !found; depth++) {
      const next: number[] = [];
      for (const offset of frontier) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        const sense = synsetAt("noun", offset);
        if (depth > 0 && sense.words.some((w) => wanted.has(w))) {
          found = true;
          break;
        }
        for (const p of sense.pointers)
          if ((p.symbol === "@" || p.symbol === "@i") && p.pos === "noun") next.push(p.offset);
      }
      frontier = next;
    }
  }
  if (kindCache.size >= MAX_CACHED) kindCache.clear();
  kindCache.set(key, found);
  return found;
}
