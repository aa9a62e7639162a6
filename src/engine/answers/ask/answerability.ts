// Whether the passages about a question hold an answer of the kind it asks for at all. A question about a price is
// not answered by a passage without a sum for what is priced, however many words the two share: it gets "The article
// doesn't say." rather than a closest passage. Named rules, the first that applies decides; tested in
// test/rules/ask-answerability.test.ts.
import type { AnalyzedArticle } from "../../analyze.ts";
import {
  AFTER_OBJECTLESS_VERB,
  AFTER_QUESTION_VERB,
  AMOUNT_WORDS,
  BARE_YEAR,
  COUNT_WORDS,
  DIMENSION_WORDS,
  LIGHT_VERBS,
  MEASURE_UNITS,
  type Measure,
  measureAsked,
  PHRASE_OPENERS,
  STOP_WORDS,
} from "../../lexicon/index.ts";
import { type Token, termOf, tokenize } from "../../text.ts";
import type { Sentence } from "../../types.ts";
import { baseForms } from "../../wordnet/morphology.ts";
import { nounClass, SUBSTANCE_FILE } from "../../wordnet/noun-class.ts";
import { RELATION_WEIGHT } from "../../wordnet/related.ts";
import { questionTerms } from "../match.ts";
import { TIME_OF_DAY_QUESTION } from "../when.ts";
import type { Evidence } from "./answer.ts";
import type { QuestionType } from "./classify.ts";
import { asksNameOfSomeone, thingNameAsked } from "./what.ts";

export type AbsenceAction =
  /** No candidate passage holds a phrase of the asked type (a misfit, such as a sum for another thing, is none). */
  | "none-among-candidates"
  /** The passage that would be shown holds no answer: it would only be the closest. */
  | "shown-passage-answers-nothing"
  /** No candidate passage puts a number or a word of amount next to the thing whose number is asked. */
  | "asked-noun-uncounted"
  /** The candidate passages hold the asked verb, but only with no doer: passive without `by`, or with no object. */
  | "verb-without-doer"
  /** No candidate passage that holds the asked event's verb, or is next to one that does, gives a reason. */
  | "no-reason-near-event"
  /** No candidate sum is given for the unit the question prices (`per unit`, `for each ticket`). */
  | "no-sum-per-unit"
  /** No candidate passage holds a number in the unit of the measure asked for (a length for `How deep …?`). */
  | "no-number-in-unit"
  /**
   * The article never uses the asked event's verb (nor a synonym or derivation of it), and the passage shown holds
   * nothing of the asked kind: for when no time, for who no one but the person quoted.
   */
  | "event-absent"
  /** The speaker, quoted nowhere, is not named in the passage that would be shown or the sentence before it. */
  | "speaker-not-in-passage";

export interface AbsenceRule {
  id: string;
  /** The questions the rule speaks to. */
  pattern: (question: string, type: QuestionType) => boolean;
  action: AbsenceAction;
  reason: string;
}

const asksForMoney = (question: string, type: QuestionType) =>
  (type.kind === "how-much" || type.kind === "how-many") && measureAsked(question) === "money";

/** `How much water …`, `How much sand …`: an amount of a substance, in no unit the question names. */
const asksForSubstance = (question: string, type: QuestionType) =>
  type.kind === "how-much" &&
  measureAsked(question) === undefined &&
  type.focus !== null &&
  nounClass(type.focus) === SUBSTANCE_FILE;

export const ABSENCE_RULES = [
  {
    id: "no-sum",
    pattern: asksForMoney,
    action: "none-among-candidates",
    reason:
      "`How much does a ticket cost?` is not answered by `The repairs cost 3.4 million euros` nor by a passage without a sum",
  },
  {
    id: "no-rate",
    pattern: (question, type) => asksForMoney(question, type) && pricedUnit(question) !== undefined,
    action: "no-sum-per-unit",
    reason:
      "`What does the operator pay for each unit of power?` is not answered by `The school saves 18,000 euros a year on power`",
  },
  {
    id: "no-measure",
    pattern: (question) => sizeAsked(question) !== undefined,
    action: "no-number-in-unit",
    reason: "`How deep is the lake?` is not answered by `Sixty firefighters fought the fire near the lake`",
  },
  {
    id: "no-amount-of-substance",
    pattern: asksForSubstance,
    action: "none-among-candidates",
    reason: "`How much water did the pumps move?` is not answered by passages with no amount of water",
  },
  {
    id: "no-count",
    pattern: (question, type) => type.kind === "how-many" && measureAsked(question) === undefined,
    action: "asked-noun-uncounted",
    reason:
      "`How many lizards live in the park?` is not answered by `The park is home to rare lizards` nor by passages without lizards",
  },
  {
    id: "no-doer",
    pattern: (question, type) => type.kind === "who" && doneVerb(question) !== undefined,
    action: "verb-without-doer",
    reason:
      "`Who painted the mural?` is not answered by `A mural painted on its north wall will be restored`, which names no painter",
  },
  {
    id: "no-place",
    pattern: (_, type) => type.kind === "where",
    action: "none-among-candidates",
    reason: "`Where is the quarry?` is not answered by passages that name no place",
  },
  {
    id: "no-reason",
    pattern: (_, type) => type.kind === "why",
    action: "none-among-candidates",
    reason: "`Why did the mayor resign?` is not answered by passages that give no reason",
  },
  {
    id: "no-reason-for-event",
    // `Why did the firm not sign?` asks about something that did not happen, which an article rarely words the same.
    pattern: (question, type) =>
      type.kind === "why" &&
      !/\b(?:not|never)\b|n[’']t\b/i.test(question) &&
      eventVerb(question) !== undefined,
    action: "no-reason-near-event",
    reason:
      "`Why did the roof leak?` is not answered by `The roof leaked for years` nor by a reason in a passage far from the leak",
  },
  {
    id: "event-not-in-article",
    pattern: (question, type) =>
      (type.kind === "why" || type.kind === "when" || type.kind === "who") &&
      askedEventWord(question, type) !== undefined,
    action: "event-absent",
    reason:
      "`Who owned the barbecue?` is not answered by `Moss said the fire was caused by a barbecue` in an article where nothing is owned",
  },
  {
    id: "no-time-of-day",
    pattern: (question) => TIME_OF_DAY_QUESTION.pattern.test(question),
    action: "shown-passage-answers-nothing",
    reason:
      "`What time did the fire start?` is not answered by a passage with no clock time or part of the day",
  },
  {
    id: "no-proper-name",
    pattern: (question) => asksNameOfSomeone(question),
    action: "shown-passage-answers-nothing",
    reason: "`What was the name of the driver?` is not answered by a passage that names no one for it",
  },
  {
    id: "no-name-of-thing",
    pattern: (question) => thingNameAsked(question) !== undefined,
    action: "shown-passage-answers-nothing",
    reason:
      "`What is the name of the ferry?` is not answered by `The ferry between Harwick and Tellan …`, which names towns, not the ferry",
  },
  {
    id: "speaker-not-quoted",
    pattern: (_, type) => type.kind === "quote" && type.speaker !== undefined,
    action: "speaker-not-in-passage",
    reason:
      "`What did the mayor say about the noise?` is not answered by a passage about noise that never names the mayor",
  },
] as const satisfies readonly AbsenceRule[];

export type AbsenceRuleId = (typeof ABSENCE_RULES)[number]["id"];

/** `How many sand lizards live …?` → the words whose number is asked: `sand`, `lizards`, `live` (up to three). */
function countedWords(question: string): string[] {
  const after = question.match(/\bhow\s+many\s+(.*)/iu)?.[1] ?? "";
  const words: string[] = [];
  for (const w of after.match(/[\p{L}]+(?:[-'’][\p{L}]+)*/gu) ?? []) {
    if (STOP_WORDS.has(w.toLowerCase()) || words.length === 3) break;
    words.push(termOf(w));
  }
  return words;
}

/** A number (not a year, not one the question gives), a number word or a word of amount. */
function isAmount(word: string, given: ReadonlySet<string>): boolean {
  if (/^\d/.test(word)) return !BARE_YEAR.test(word) && !given.has(word);
  const lower = word.toLowerCase();
  return AMOUNT_WORDS.has(lower) || lower.split("-").some((part) => COUNT_WORDS.has(part));
}

/**
 * The sentence says how many of the asked thing there are, or something near it: an amount within four words of
 * one of the asked words (`32 farms`, `farms: 32`, `all the missions`, `a 5-cylinder engine`).
 */
function countsAsked(sentence: Sentence, asked: readonly string[], given: ReadonlySet<string>): boolean {
  const tokens = tokenize(sentence.text, sentence.start);
  return tokens.some((t, i) => {
    const parts = t.text.split("-");
    if (!asked.includes(termOf(parts.at(-1) ?? t.text))) return false;
    if (parts.length > 1 && isAmount(parts[0] ?? "", given)) return true;
    // `2000 guests`: digits right before the noun count it, though they could be a year.
    if (/^\d+$/.test(tokens[i - 1]?.text ?? "")) return true;
    return tokens.slice(Math.max(0, i - 4), i + 5).some((n) => n !== t && isAmount(n.text, given));
  });
}

/** The stems of the words of size, made on first use (stemming at load would load compromise for `--help`). */
let dimensionTerms: ReadonlySet<string> | undefined;
const dimensionTermsOf = () => {
  dimensionTerms ??= new Set([...DIMENSION_WORDS].map(termOf));
  return dimensionTerms;
};

/**
 * Measures of size, always written with their unit: a bare number is no length, weight or area. (A length of time
 * is often given with no number, `for years`, so it is not here.)
 */
const SIZE_MEASURES: ReadonlySet<Measure> = new Set<Measure>(["distance", "weight", "area"]);

/** `How deep …?` → distance: the measure asked, when it is one of size. */
function sizeAsked(question: string): Measure | undefined {
  const measure = measureAsked(question);
  return measure !== undefined && SIZE_MEASURES.has(measure) ? measure : undefined;
}

/** `… pay for each unit of electricity?`, `… cost per tonne?` → the unit priced (`unit`, `tonne`), as a stem. */
function pricedUnit(question: string): string | undefined {
  const unit = question.match(/\b(?:per|each|every)\s+([\p{L}-]+)/iu)?.[1];
  return unit === undefined ? undefined : termOf(unit);
}

/** The base forms of a word read as a verb (`painted` → paint), or undefined when it is none. */
function verbLemmas(word: string): Set<string> | undefined {
  const lemmas = baseForms(word).filter((b) => b.pos === "verb");
  return lemmas.length > 0 ? new Set(lemmas.map((b) => b.lemma)) : undefined;
}

/** `Who painted the mural?` → the verb's base forms (`paint`); undefined when who is not its doer. */
function doneVerb(question: string): Set<string> | undefined {
  const verb = question.match(/^\s*who\s+(\p{L}+)\s+(?:the|a|an|this|that|its|his|her|their)\b/iu)?.[1];
  if (verb === undefined || STOP_WORDS.has(verb.toLowerCase())) return undefined;
  return verbLemmas(verb);
}

const WH_THEN_SUBJECT =
  /^\s*(why|when)\s+(?:did|does|do|will|would|could|should|might|can|must|was|were|is|are|has|have|had)\s+(.*)$/iu;

/**
 * `Why did the glass roof leak?` → the event's verb (`leak`): past the subject's first word, the first lower-case
 * verb that ends the question or is followed by what opens an object or adjunct. For a why- or when-question.
 */
function eventVerbWord(question: string): string | undefined {
  const words = question.match(WH_THEN_SUBJECT)?.[2]?.match(/\p{L}+(?:[-'’]\p{L}+)*/gu) ?? [];
  for (const [i, word] of words.entries()) {
    const next = words[i + 1];
    if (i === 0 || /^\p{Lu}/u.test(word)) continue;
    if (next !== undefined && !AFTER_QUESTION_VERB.has(next.toLowerCase()) && !/^\p{Lu}/u.test(next))
      continue;
    // `gave an interview`: a light verb's event is its noun.
    if (LIGHT_VERBS.has(word.toLowerCase())) {
      const noun = words.slice(i + 1).find((w) => !AFTER_QUESTION_VERB.has(w.toLowerCase()));
      if (noun !== undefined) return noun;
    }
    if (verbLemmas(word)) return word;
  }
  return undefined;
}

/** The word for the event a who-, when- or why-question asks about (`Who *owned* …?`, `Why did the firm *choose* …?`). */
function askedEventWord(question: string, type: QuestionType): string | undefined {
  const word = type.kind === "who" ? question.match(/^\s*who\s+(\p{L}+)/iu)?.[1] : eventVerbWord(question);
  return word !== undefined && !STOP_WORDS.has(word.toLowerCase()) && verbLemmas(word) ? word : undefined;
}

/** The base forms of a why-question's event verb. */
function eventVerb(question: string): Set<string> | undefined {
  const word = /^\s*why\b/i.test(question) ? eventVerbWord(question) : undefined;
  return word === undefined ? undefined : verbLemmas(word);
}

/**
 * The sentence names a person or a body that is not the one saying it (`Moss said the fire …` names only its
 * speaker).
 */
function namesSomeoneButTheSpeaker(article: AnalyzedArticle, sentence: Sentence): boolean {
  const speakers = new Set(
    article.quotes.filter((q) => q.sentence === sentence.index).map((q) => q.speakerId),
  );
  return article.entities.some(
    (e) =>
      e.type !== "place" &&
      !speakers.has(e.id) &&
      e.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end),
  );
}

/** No sentence holds the question's word in any form that matching counts (`chose`, `choice`, `select`). */
function absentFromArticle(article: AnalyzedArticle, question: string, word: string): boolean {
  const term = questionTerms(question).find((t) => t.word === word.toLowerCase());
  if (term === undefined) return false;
  // Troponyms (`choose` → `panel`, `go`) are too loose to say the event is there.
  const forms = new Set(
    [...term.forms].filter(([, weight]) => weight >= RELATION_WEIGHT.synonym).map(([f]) => f),
  );
  return !article.sentenceTerms.some((terms) => terms.some((t) => forms.has(t.term)));
}

/** Where the sentence holds one of the verbs as a verb: its tokens, and their positions (not `the building`). */
function verbsIn(sentence: Sentence, lemmas: ReadonlySet<string>): { tokens: Token[]; at: number[] } {
  const tokens = tokenize(sentence.text, sentence.start);
  const at: number[] = [];
  for (const [i, t] of tokens.entries())
    if (
      !PHRASE_OPENERS.has(tokens[i - 1]?.text.toLowerCase() ?? "") &&
      baseForms(t.text).some((b) => b.pos === "verb" && lemmas.has(b.lemma))
    )
      at.push(i);
  return { tokens, at };
}

/**
 * Where the sentence holds the verb, it names no doer for it: no `by` follows, and what follows is no object but a
 * preposition or the end of a clause (`painted on its north wall`, `it was built for.`).
 */
function verbHasNoDoer(sentence: Sentence, lemmas: ReadonlySet<string>): boolean | undefined {
  const { tokens, at } = verbsIn(sentence, lemmas);
  for (const i of at) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const gap =
      next === undefined ? "" : sentence.text.slice(t.end - sentence.start, next.start - sentence.start);
    const endsClause = next === undefined || /[,.;:!?)”"]/.test(gap);
    if (!endsClause && !AFTER_OBJECTLESS_VERB.has(next.text.toLowerCase())) return false;
    if (tokens.slice(i + 1, i + 7).some((n) => n.text.toLowerCase() === "by")) return false;
  }
  return at.length > 0 ? true : undefined;
}

/** The passage, or the sentence before it in its paragraph, holds the last word of the speaker's name or title. */
function namesSpeaker(article: AnalyzedArticle, speaker: string, e: Evidence): boolean {
  const last = speaker.split(/\s+/).at(-1);
  if (last === undefined) return false;
  const stem = termOf(last);
  const { sentence } = e.ranked;
  const previous = article.sentences[sentence.index - 1];
  const indices =
    previous?.paragraph === sentence.paragraph ? [sentence.index, previous.index] : [sentence.index];
  return indices.some((i) => (article.sentenceTerms[i] ?? []).some((t) => t.term === stem));
}

/**
 * The rule by which the article holds no answer of the asked kind, or null. `evidence` is every candidate passage,
 * best first; `closest` says whether the first would be shown only as the closest passage.
 */
export function absentAnswer(
  article: AnalyzedArticle,
  question: string,
  type: QuestionType,
  evidence: readonly Evidence[],
  closest: boolean,
): AbsenceRuleId | null {
  const best = evidence[0];
  if (best === undefined || !closest) return null;
  for (const rule of ABSENCE_RULES) {
    if (!rule.pattern(question, type)) continue;
    switch (rule.action) {
      case "none-among-candidates":
        if (evidence.every((e) => e.phrase === null)) return rule.id;
        break;
      case "no-sum-per-unit": {
        const unit = pricedUnit(question);
        const perUnit = (e: Evidence) =>
          e.phrase !== null &&
          (article.sentenceTerms[e.ranked.sentence.index] ?? []).some((t) => t.term === unit);
        if (!evidence.some(perUnit)) return rule.id;
        break;
      }
      case "no-number-in-unit": {
        const measure = sizeAsked(question);
        if (measure === undefined) break;
        const unit = MEASURE_UNITS[measure];
        const speaksToIt = (e: Evidence) =>
          (e.phrase !== null && unit.test(e.phrase.text)) ||
          (article.sentenceTerms[e.ranked.sentence.index] ?? []).some((t) => dimensionTermsOf().has(t.term));
        if (!evidence.some(speaksToIt)) return rule.id;
        break;
      }
      case "shown-passage-answers-nothing":
        return rule.id;
      case "asked-noun-uncounted": {
        const asked = countedWords(question);
        const given = new Set(question.match(/\d+/g) ?? []);
        if (asked.length > 0 && !evidence.some((e) => countsAsked(e.ranked.sentence, asked, given)))
          return rule.id;
        break;
      }
      case "verb-without-doer": {
        const lemmas = doneVerb(question) ?? new Set<string>();
        const readings = evidence.map((e) => verbHasNoDoer(e.ranked.sentence, lemmas));
        if (readings.includes(true) && !readings.includes(false)) return rule.id;
        break;
      }
      case "no-reason-near-event": {
        const lemmas = eventVerb(question) ?? new Set<string>();
        const events = article.sentences.filter((x) => verbsIn(x, lemmas).at.length > 0);
        const nearEvent = (x: Sentence) =>
          events.some((v) => v.paragraph === x.paragraph && Math.abs(v.index - x.index) <= 1);
        // An article that never uses the verb may word the event otherwise: no rule then.
        if (events.length > 0 && !evidence.some((e) => e.phrase !== null && nearEvent(e.ranked.sentence)))
          return rule.id;
        break;
      }
      case "event-absent": {
        const word = askedEventWord(question, type);
        if (word === undefined || !absentFromArticle(article, question, word)) break;
        const at = best.ranked.sentence;
        if (type.kind === "when" && article.timexes.some((t) => t.sentence === at.index)) break;
        if (type.kind === "who" && namesSomeoneButTheSpeaker(article, at)) break;
        return rule.id;
      }
      case "speaker-not-in-passage":
        if (!namesSpeaker(article, type.speaker ?? "", best)) return rule.id;
        break;
    }
  }
  return null;
}
