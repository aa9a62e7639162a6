// How two words stand to each other in WordNet, for comparing a claim with a sentence: the same lemma, one more
// general than the other (hypernyms: `policeman` is a kind of `officer`), opposites (antonyms: `survive` ↔
// `succumb`), two kinds of one thing (co-hyponyms: `man` and `boy` share a direct hypernym), or what a verb brings
// about (`kill` → `die`). Computed per word on first use and cached.
import { indexEntry, type Synset, synsetAt, type WordnetPos } from "./dict.ts";
import { baseForms } from "./morphology.ts";

/** Senses read: WordNet orders senses by frequency, and rare senses bring noise. */
const SENSES = 2;
/** Senses read for opposites (an antonym is a lexical pointer of one sense, so a few more are safe). */
const ANTONYM_SENSES = 3;
/** Levels of hypernyms climbed. */
const HYPERNYM_DEPTH = 4;

export interface WordRelations {
  /** The word's base forms (`shot` → `shoot`, `shot`). */
  lemmas: Set<string>;
  /** Words of the synsets above the word's senses, up to HYPERNYM_DEPTH levels. */
  hypernyms: Set<string>;
  /** Words of the opposite senses. */
  antonyms: Set<string>;
  /** Direct hypernym synsets of the first sense of each part of speech (`pos:offset`). */
  parents: Set<string>;
  /** The first sense of each part of speech (`pos:offset`). */
  firstSenses: Set<string>;
  /** For verbs, the direct hypernyms of the opposite senses (`survive` ↔ `succumb`, a way to `die`). */
  antonymParents: Set<string>;
  /**
   * For verbs, what doing it brings about or takes: WordNet's cause (`>`: kill → die, teach → learn) and entailment
   * (`*`: snore → sleep, buy → pay) pointers of the first senses. Saying the word says these too.
   */
  implies: Set<string>;
}

const synsets = new Map<string, Synset>();
function synset(pos: WordnetPos, offset: number): Synset {
  const key = `${pos}${offset}`;
  let s = synsets.get(key);
  if (!s) {
    s = synsetAt(pos, offset);
    synsets.set(key, s);
  }
  return s;
}

const spaced = (w: string) => w.replace(/_/g, " ");
const isHypernym = (symbol: string) => symbol === "@" || symbol === "@i";

const cache = new Map<string, WordRelations>();
const MAX_CACHED = 100_000;

/** The WordNet relations of a word (lower-case), cached. Deterministic. */
export function wordRelations(word: string): WordRelations {
  const key = word.toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  const made: WordRelations = {
    lemmas: new Set([key]),
    hypernyms: new Set(),
    antonyms: new Set(),
    parents: new Set(),
    firstSenses: new Set(),
    antonymParents: new Set(),
    implies: new Set(),
  };
  for (const { lemma, pos } of baseForms(key)) {
    made.lemmas.add(lemma);
    if (pos === "adv") continue;
    const entry = indexEntry(lemma, pos);
    if (!entry) continue;
    entry.synsets.slice(0, ANTONYM_SENSES).forEach((offset, sense) => {
      const s = synset(pos, offset);
      const position = s.words.indexOf(lemma.replaceAll(" ", "_")) + 1;
      for (const p of s.pointers) {
        if (p.symbol !== "!" || (p.sourceWord !== 0 && p.sourceWord !== position)) continue;
        const opposite = synset(p.pos, p.offset);
        for (const w of opposite.words) made.antonyms.add(spaced(w));
        if (pos === "verb")
          for (const up of opposite.pointers)
            if (isHypernym(up.symbol)) made.antonymParents.add(`${up.pos}:${up.offset}`);
      }
      if (sense === 0) made.firstSenses.add(`${pos}:${offset}`);
      if (pos === "verb" && sense < SENSES)
        for (const p of s.pointers)
          if (p.symbol === ">" || p.symbol === "*")
            for (const w of synset(p.pos, p.offset).words) made.implies.add(spaced(w));
      if (sense >= SENSES || pos === "adj") return;
      let level = [s];
      for (let depth = 0; depth < HYPERNYM_DEPTH && level.length > 0; depth++) {
        const next: Synset[] = [];
        for (const at of level)
          for (const p of at.pointers) {
            if (!isHypernym(p.symbol)) continue;
            const up = synset(p.pos, p.offset);
            if (depth === 0 && sense === 0) made.parents.add(`${up.pos}:${up.offset}`);
            for (const w of up.words) made.hypernyms.add(spaced(w));
            next.push(up);
          }
        level = next;
      }
    });
  }
  for (const l of made.lemmas) made.hypernyms.delete(l);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, made);
  return made;
}
