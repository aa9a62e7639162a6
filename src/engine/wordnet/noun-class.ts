// Whether a common noun names people: WordNet files every sense under a broad class (its lexicographer file), and a
// noun whose most frequent sense is a person (`teacher`, `trader`) or a group of people (`council`, `court`) can
// answer a who-question where the sentence gives no name. Cached per word.
import { isDemonym, isPlaceWord } from "../lexicon/index.ts";
import { indexEntry, synsetAt } from "./dict.ts";
import { baseForms } from "./morphology.ts";
import { relatedWords } from "./related.ts";

/** WordNet's lexicographer files of people: `noun.person` (18) and `noun.group` (14). */
export const PEOPLE_FILES: ReadonlySet<number> = new Set([18, 14]);
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
