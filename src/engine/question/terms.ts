// A question's content terms: each content word with the forms that count as the same word and how much each
// counts: its stem (1), WordNet base forms (1), derivations (`wrote` ~ `writing`), synonyms and more specific verbs
// (less), compound particles (`bailed out` ~ `bailout`).
import { COMPOUND_PARTICLES, QUESTION_NOISE_STEMS } from "../lexicon/index.ts";
import { isStopword, termOf } from "../text.ts";
import { baseForms } from "../wordnet/morphology.ts";
import { RELATION_WEIGHT, relatedWords } from "../wordnet/related.ts";

export interface QuestionTerm {
  /** The question's own word, lower-case. */
  word: string;
  stem: string;
  /** Capitalised inside the question (`Kenya`): matched as written, and an answer must hold one of these. */
  isName: boolean;
  /** Stems that count as this term, with how much each counts (1 for the word's own stem). */
  forms: Map<string, number>;
  /** WordNet knows the word in some form: one it does not know may be a slip of the keys (`parliment`). */
  inDictionary: boolean;
  /** Where the word stands in the question: the count of words before it. */
  index: number;
}

/** A word of a question, as terms and the question word are counted. */
export const QUESTION_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;

function addForm(forms: Map<string, number>, word: string, quality: number): void {
  if (/\s/.test(word)) return; // a multi-word form cannot match one sentence term
  const stem = termOf(word);
  if (stem.length < 2 || isStopword(word)) return;
  if ((forms.get(stem) ?? 0) < quality) forms.set(stem, quality);
}

function expand(word: string, forms: Map<string, number>): void {
  for (const related of relatedWords(word)) addForm(forms, related.word, RELATION_WEIGHT[related.relation]);
}

/** The question's content terms with their forms (readQuestion caches the Question that holds them). */
export function questionTerms(question: string): QuestionTerm[] {
  const words = [...question.matchAll(QUESTION_WORD)].map((m) => ({
    text: m[0].replace(/['’]s$/u, ""),
    at: m.index,
  }));
  const terms: QuestionTerm[] = [];
  words.forEach(({ text, at }, i) => {
    const word = text.toLowerCase();
    if ((word.length < 2 && !/\p{N}/u.test(word)) || isStopword(word)) return;
    const stem = termOf(word);
    if (QUESTION_NOISE_STEMS.has(stem) || terms.some((t) => t.stem === stem)) return;
    const forms = new Map([[stem, 1]]);
    // A name (capitalised inside the question) is matched as written: `Bill` is not a bill.
    const isName = at > 0 && /^\p{Lu}/u.test(text);
    if (!isName && !/\p{N}/u.test(word)) {
      expand(word, forms);
      const next = words[i + 1]?.text.toLowerCase();
      if (next && COMPOUND_PARTICLES.has(next)) {
        for (const base of [
          word,
          ...relatedWords(word)
            .filter((r) => r.relation === "base")
            .map((r) => r.word),
        ]) {
          addForm(forms, base + next, 1);
          expand(`${base}_${next}`, forms);
        }
      }
      // `bailout` ~ `bailed out`: the verb inside a compound noun.
      for (const particle of COMPOUND_PARTICLES) {
        if (word.length > particle.length + 2 && word.endsWith(particle))
          addForm(forms, word.slice(0, -particle.length), RELATION_WEIGHT.derivation);
      }
    }
    terms.push({ word, stem, isName, forms, inDictionary: baseForms(word).length > 0, index: i });
  });
  return terms;
}
