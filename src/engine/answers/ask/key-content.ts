// Whether the article says anything about a question at all: the gate before /ask cites a passage. A question
// whose key content no sentence carries gets "The article doesn't say." rather than a loosely related passage.
import type { AnalyzedArticle } from "../../analyze.ts";
import { ANY_COUNT_FOCUS, COUNT_WORDS, IRREGULAR_DEMONYMS, UNIT_WORDS } from "../../lexicon/index.ts";
import { isStopword, termOf } from "../../text.ts";
import { indexEntry } from "../../wordnet/dict.ts";
import { isNationality } from "../../wordnet/noun-class.ts";
import { relatedWords } from "../../wordnet/related.ts";
import { nearSpellings, type QuestionTerm, questionTerms } from "../match.ts";
import type { Evidence } from "./answer.ts";
import type { QuestionKind, QuestionType } from "./classify.ts";

/**
 * The share of the question's rarity-weighted words the best sentence must hold for the article to be taken as
 * saying anything about it (tuned on the dev split, with each question's answer sentences removed as the
 * unanswerable set: higher floors cost yes-no questions their passage).
 */
export const KEY_CONTENT = 0.2;
/** The share a closest passage (no phrase of the asked type in it) must hold. */
export const CLOSEST_KEY_CONTENT = 0.5;
/** Kinds of question whose answer has a type a sentence may lack: a number, a place, a reason. */
const TYPED_KINDS: ReadonlySet<QuestionKind> = new Set(["how-many", "how-much", "where", "why"]);
/** Words after a number read for what it counts (`600 *old stones*`). */
const COUNTED_WITHIN = 3;

const WORDS = /[\p{L}\p{N}$£€¥]+/gu;
const NUMERIC = /^(?:[$£€¥]?\d[\d,.]*[kmb]?|[$£€¥])$/;
/** `14th`, split by the word pattern into `14` and `th`. */
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

/**
 * The words that follow the number of a phrase, in the phrase (`nine *days*`) and the article after it.
 * Multipliers (`million`) are not what a number counts, so they are skipped.
 */
function countedWords(article: AnalyzedArticle, phrase: { start: number; end: number }): string[] {
  const text = article.text.slice(phrase.start, phrase.end + 60);
  const words = (text.toLowerCase().match(WORDS) ?? []).filter(
    (w) => !NUMERIC.test(w) && !COUNT_WORDS.has(w) && !ORDINAL_SUFFIX.test(w),
  );
  return words.slice(0, COUNTED_WITHIN);
}

const isForm = (word: string, forms: ReadonlyMap<string, number>, stem: string) => {
  const w = termOf(word);
  return (forms.get(w) ?? 0) > 0 || w.startsWith(stem) || w.endsWith(stem);
};

/** The share a where-answer that names no place must hold (tuned on the dev split). */
export const WHERE_GUESS_KEY_CONTENT = 0.35;
/** The phrases that name a place: a place or organisation the article names, or `in/at <Capitalised words>`. */
export const WHERE_FITS: ReadonlySet<string> = new Set([
  "place-entity",
  "organization-entity",
  "preposition-capitalised",
]);

/**
 * Does the number phrase count what the question counts? `How many pupils …` is not answered by `nine days` or
 * `40 traders`; a bare number (nothing counted after it) may answer. Other kinds fit any phrase they have.
 */
export function phraseFits(
  article: AnalyzedArticle,
  question: string,
  type: QuestionType,
  e: Evidence,
): boolean {
  // A phrase of the asked kind that does not answer (a number in another unit, a where-guess naming people) still
  // shows the sentence is about such a thing.
  const phrase = e.phrase ?? e.misfit ?? null;
  if (phrase === null) return false;
  const focus = type.focus;
  if (type.kind !== "how-many" || focus === null || ANY_COUNT_FOCUS.has(focus)) return true;
  const after = countedWords(article, phrase);
  const first = after[0];
  if (first === undefined || isStopword(first)) return true;
  const term = questionTerms(question).find((t) => t.word === focus);
  const stem = termOf(focus);
  const forms = term?.forms ?? new Map([[stem, 1]]);
  return after.some((w) => isForm(w, forms, stem));
}

/**
 * A run of capitalised words, with the short words a name keeps inside it (`Bank *of* England`); those words, and
 * a `The` opening the run, give no letter.
 */
const CAPITALISED_RUN =
  /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|and|for|on|de|du|la|der)\s+)*(?:\p{Lu}[\p{L}'’-]*|\d+))+/gu;
const NAME_LINKS = new Set(["of", "the", "and", "for", "on", "de", "du", "la", "der"]);
const ROMAN = /^[IVX]+$/;
const acronymsOf = new WeakMap<AnalyzedArticle, ReadonlySet<string>>();

/**
 * The acronyms the article's names make (`World Health Organization` → WHO, `World War II` → WWII), in lower case:
 * a question may use the short form of a name the article spells out. Worked out once per article.
 */
function articleAcronyms(article: AnalyzedArticle): ReadonlySet<string> {
  let found = acronymsOf.get(article);
  if (!found) {
    const set = new Set<string>();
    for (const m of article.text.matchAll(CAPITALISED_RUN)) {
      const words = m[0].split(/\s+/).filter((w) => !NAME_LINKS.has(w.toLowerCase()));
      set.add(
        words
          .map((w) => (ROMAN.test(w) || /^\d/.test(w) ? w : w[0]))
          .join("")
          .toLowerCase(),
      );
    }
    acronymsOf.set(article, set);
    found = set;
  }
  return found;
}

/** The question's words written as acronyms (`WHO`, `WWII`, `DSMs`), in lower case and without a plural `s`. */
const acronymsIn = (question: string) =>
  new Set(
    [...question.matchAll(/\b(\p{Lu}[\p{Lu}\d]{1,6})s?\b/gu)].map((m) => (m[1] as string).toLowerCase()),
  );

/** A name the article uses in some form (`Australian` ~ `Australia`), as written, or nearly so. */
function named(article: AnalyzedArticle, term: QuestionTerm, acronyms: ReadonlySet<string>): boolean {
  if ((article.termFrequency.get(term.stem) ?? 0) > 0) return true;
  // `Switzerland` over an article that says `Swiss`: a place named by its people's word.
  for (const [demonym, place] of Object.entries(IRREGULAR_DEMONYMS))
    if (place === term.word && (article.termFrequency.get(termOf(demonym)) ?? 0) > 0) return true;
  const short = term.word.replace(/s$/, "");
  if (acronyms.has(short) && articleAcronyms(article).has(short)) return true;
  if (nearSpellings(article, term.stem).length > 0) return true;
  return relatedWords(term.word).some(
    (r) =>
      (r.relation === "derivation" || r.relation === "base") &&
      (article.termFrequency.get(termOf(r.word)) ?? 0) > 0,
  );
}

/**
 * Does the best evidence carry the question's key content: enough of its words, and one of the names it asks
 * about somewhere in the article (a question about `Harwick` is not answered by an article that never names it)?
 */
export function carriesKeyContent(
  article: AnalyzedArticle,
  question: string,
  type: QuestionType,
  e: Evidence | undefined,
): e is Evidence {
  if (e === undefined || e.ranked.coverage < KEY_CONTENT) return false;
  // A where-answer that names no place is a guess at one: it needs a closer match than a named place.
  const guess = e.phrase ?? e.misfit;
  if (type.kind === "where" && guess && !WHERE_FITS.has(guess.rule))
    return e.ranked.coverage >= WHERE_GUESS_KEY_CONTENT && namesInArticle(article, question);
  // A passage without an answer of the asked type (or whose number counts another noun) must hold more of the
  // question to be shown at all.
  if (
    TYPED_KINDS.has(type.kind) &&
    !phraseFits(article, question, type, e) &&
    e.ranked.coverage < CLOSEST_KEY_CONTENT
  )
    return false;
  return namesInArticle(article, question);
}

/**
 * `the Sun`, `the Moon`: a word the dictionary knows as a noun, capitalised after `the`, names the one of its kind,
 * which an article may call otherwise (`sunlight`, `lunar`); it is not a name the article must use.
 */
function oneOfAKind(question: string, term: QuestionTerm): boolean {
  if (indexEntry(term.word, "noun") === null) return false;
  const at = question.toLowerCase().search(new RegExp(`\\bthe\\s+${term.word}\\b`));
  return at >= 0 && /^\p{Lu}/u.test(question.slice(at + 3).trimStart());
}

/**
 * The article names one of the question's names, or the question has none. A nationality (`Dutch`, `American`)
 * describes what is asked about rather than naming it, so it is not one of them.
 */
export function namesInArticle(article: AnalyzedArticle, question: string): boolean {
  const names = questionTerms(question).filter(
    (t) => t.isName && !oneOfAKind(question, t) && !isNationality(t.word) && !UNIT_WORDS.has(t.word),
  );
  if (names.length === 0) return true;
  const acronyms = acronymsIn(question);
  return names.some((t) => named(article, t, acronyms));
}
