// A word's related forms from WordNet: base forms, synonyms (same synset), derivationally related forms
// (`+` pointers: write ↔ writing, effect ↔ effective), pertainyms (`\`: legally → legal), and for verbs the
// more specific ways to do it (`~` troponyms: kill → shoot) and what it causes (`>`: kill → die).
// Computed on first use of a word and cached, so answering stays fast.
import { indexEntry, type Pointer, type Synset, synsetAt, type WordnetPos } from "./dict.ts";
import { baseForms } from "./morphology.ts";

export type Relation = "base" | "derivation" | "synonym" | "specific";

export interface RelatedWord {
  /** Lower-case, spaces for WordNet's underscores (`go into effect`). */
  word: string;
  relation: Relation;
}

/** Senses read for synonyms: WordNet orders senses by frequency, and rare senses bring noise. */
const SYNONYM_SENSES = 2;
/** Senses read for derivations (the same root, so rarely wrong). */
const DERIVATION_SENSES = 6;
/** Troponyms of verbs with more than this many are too general to count (`make`, `change`). */
const MAX_TROPONYMS = 60;

/** How much a relation counts when matching a question word (an exact word counts 1). */
export const RELATION_WEIGHT: Record<Relation, number> = {
  base: 1,
  derivation: 0.85,
  synonym: 0.75,
  specific: 0.6,
};

const synsetCache = new Map<string, Synset>();
function synset(pos: WordnetPos, offset: number): Synset {
  const key = `${pos}${offset}`;
  let s = synsetCache.get(key);
  if (!s) {
    s = synsetAt(pos, offset);
    synsetCache.set(key, s);
  }
  return s;
}

/** The words a pointer reaches: one word for a lexical pointer, the whole synset for a semantic one. */
function targets(p: Pointer): string[] {
  const target = synset(p.pos, p.offset);
  if (p.targetWord === 0) return target.words;
  const word = target.words[p.targetWord - 1];
  return word === undefined ? [] : [word];
}

const cache = new Map<string, RelatedWord[]>();

/** Related words of a word, strongest relation first, without the word itself. Deterministic. */
export function relatedWords(word: string): RelatedWord[] {
  const key = word.toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  const found = new Map<string, Relation>();
  const rank: Record<Relation, number> = { base: 0, derivation: 1, synonym: 2, specific: 3 };
  const add = (w: string, relation: Relation) => {
    const spaced = w.replace(/_/g, " ");
    const had = found.get(spaced);
    if (spaced !== key && (had === undefined || rank[relation] < rank[had])) found.set(spaced, relation);
  };
  for (const { lemma, pos } of baseForms(key)) {
    add(lemma, "base");
    const entry = indexEntry(lemma, pos);
    if (!entry) continue;
    entry.synsets.slice(0, DERIVATION_SENSES).forEach((offset, sense) => {
      const s = synset(pos, offset);
      const position = s.words.indexOf(lemma.replaceAll(" ", "_")) + 1;
      if (sense < SYNONYM_SENSES) for (const w of s.words) add(w, "synonym");
      for (const p of s.pointers) {
        const mine = p.sourceWord === 0 || p.sourceWord === position;
        if ((p.symbol === "+" || p.symbol === "\\") && mine) for (const w of targets(p)) add(w, "derivation");
        if (pos !== "verb" || sense >= SYNONYM_SENSES) continue;
        if (p.symbol === ">") for (const w of targets(p)) add(w, "specific");
      }
      if (pos === "verb" && sense === 0) {
        const troponyms = s.pointers.filter((p) => p.symbol === "~");
        if (troponyms.length <= MAX_TROPONYMS)
          for (const p of troponyms) for (const w of targets(p)) add(w, "specific");
      }
    });
  }
  const result = [...found].map(([w, relation]) => ({ word: w, relation }));
  result.sort((a, z) => rank[a.relation] - rank[z.relation]);
  cache.set(key, result);
  return result;
}
