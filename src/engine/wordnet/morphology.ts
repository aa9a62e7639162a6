// Base forms of an inflected word, as WordNet's morphy finds them: the detachment rules of each part of speech,
// plus irregular forms (`wrote` → `write`, `men` → `man`) from compromise's conjugation model, since the npm
// database ships without WordNet's exception lists. Only forms WordNet knows are kept.
import { compromise, compromiseLexicon, PAST_FORM_TAGS } from "../lexicon/compromise.ts";
import { indexEntry, WORDNET_POS, type WordnetPos } from "./dict.ts";

export interface DetachmentRule {
  id: string;
  pos: WordnetPos;
  suffix: string;
  replacement: string;
}

/** WordNet's morphy detachment rules (`wn morph` documentation), one named rule each. */
export const DETACHMENT_RULES: readonly DetachmentRule[] = [
  ["noun", "s", ""],
  ["noun", "ses", "s"],
  ["noun", "xes", "x"],
  ["noun", "zes", "z"],
  ["noun", "ches", "ch"],
  ["noun", "shes", "sh"],
  ["noun", "men", "man"],
  ["noun", "ies", "y"],
  ["verb", "s", ""],
  ["verb", "ies", "y"],
  ["verb", "es", "e"],
  ["verb", "es", ""],
  ["verb", "ed", "e"],
  ["verb", "ed", ""],
  ["verb", "ing", "e"],
  ["verb", "ing", ""],
  ["adj", "er", ""],
  ["adj", "est", ""],
  ["adj", "er", "e"],
  ["adj", "est", "e"],
].map(([pos, suffix, replacement]) => ({
  id: `${pos}-${suffix}-to-${replacement || "nothing"}`,
  pos: pos as WordnetPos,
  suffix: suffix as string,
  replacement: replacement as string,
}));

type Transform = (word: string, model: unknown, form?: string) => string;
interface Conjugation {
  verb: { toInfinitive: Transform };
  noun: { toSingular: Transform };
  model: unknown;
}

// Taken from compromise on first use (lexicon/compromise.ts says why it is not loaded at start-up).
let conjugation: Conjugation | undefined;
function compromiseConjugation(): Conjugation {
  if (!conjugation) {
    const nlp = compromise();
    const { transform } = (
      nlp.methods() as { two: { transform: { verb: Conjugation["verb"]; noun: Conjugation["noun"] } } }
    ).two;
    conjugation = { verb: transform.verb, noun: transform.noun, model: nlp.model() };
  }
  return conjugation;
}

/** Irregular base forms compromise knows: past tenses, participles and plurals. */
function irregularForms(word: string): string[] {
  const { verb, noun, model } = compromiseConjugation();
  const forms = [
    verb.toInfinitive(word, model, "PastTense"),
    verb.toInfinitive(word, model, "Participle"),
    verb.toInfinitive(word, model, "Gerund"),
    noun.toSingular(word, model),
  ];
  return forms.filter((f) => typeof f === "string" && f !== word && /^[a-z]+$/.test(f));
}

export interface BaseForm {
  lemma: string;
  pos: WordnetPos;
}

/** The word itself and its base forms, each in every part of speech WordNet has it in. */
export function baseForms(word: string): BaseForm[] {
  const lower = word.toLowerCase();
  const out: BaseForm[] = [];
  const add = (lemma: string, pos: WordnetPos) => {
    if (out.some((b) => b.lemma === lemma && b.pos === pos)) return;
    if (indexEntry(lemma, pos)) out.push({ lemma, pos });
  };
  for (const pos of WORDNET_POS) add(lower, pos);
  for (const rule of DETACHMENT_RULES) {
    if (lower.length > rule.suffix.length + 1 && lower.endsWith(rule.suffix))
      add(lower.slice(0, -rule.suffix.length) + rule.replacement, rule.pos);
  }
  for (const form of irregularForms(lower)) for (const pos of WORDNET_POS) add(form, pos);
  return out;
}

const verbBases = new Map<string, string>();
const MAX_CACHED_BASES = 50_000;

/**
 * The base form of an irregular past tense or participle (`shot` → `shoot`, `wrote` → `write`), else the word.
 * Stemming cannot join these, so question and sentence words meet through this. Cached per word.
 */
export function irregularVerbBase(word: string): string {
  if (word.endsWith("ed") || word.length < 3) return word;
  const cached = verbBases.get(word);
  if (cached !== undefined) return cached;
  const tag = compromiseLexicon()[word];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  let base = word;
  if (tags.some((t) => PAST_FORM_TAGS.has(t))) {
    const { verb, model } = compromiseConjugation();
    const infinitive = verb.toInfinitive(word, model, "PastTense");
    if (typeof infinitive === "string" && /^[a-z]+$/.test(infinitive)) base = infinitive;
  }
  if (verbBases.size >= MAX_CACHED_BASES) verbBases.clear();
  verbBases.set(word, base);
  return base;
}
