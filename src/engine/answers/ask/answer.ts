// `/ask`: any question. Who and when questions go to their answers, quote-seeking ones to the quotes; the rest
// find the sentences that carry the question's words best (the same matching as who and when), then the phrase
// of the asked type in them. A sentence without such a phrase is still cited, as the closest passage.
import type { AnalyzedArticle } from "../../analyze.ts";
import {
  BARE_YEAR,
  INFINITIVE_TAKERS,
  MEASURE_UNITS,
  MONEY_QUESTION_WORDS,
  measureAsked,
  NEGATED_READING_WORDS,
  PENALTY_WORDS,
  STOP_WORDS,
  UNIT_MEASURES,
} from "../../lexicon/index.ts";
import { DEFAULT_ANSWER_LIMIT } from "../../request.ts";
import { foldName, phraseHead, termOf, tokenize } from "../../text.ts";
import type { Answer, AskAnswer, AskItem, NoAnswer, RankedAnswerItem } from "../../types.ts";
import { indexEntry } from "../../wordnet/dict.ts";
import { baseForms } from "../../wordnet/morphology.ts";
import {
  mayBePeople,
  nounClass,
  QUANTITY_FILE,
  SUBSTANCE_FILE,
  TIME_FILE,
} from "../../wordnet/noun-class.ts";
import { cite, makeAnswer } from "../common.ts";
import { questionTerms, rankSentences, type ScoredSentence } from "../match.ts";
import { findQuotes } from "../quote.ts";
import { when } from "../when.ts";
import { who } from "../who.ts";
import { absentAnswer } from "./answerability.ts";
import { followingCitations } from "./citations.ts";
import { classifyQuestion, type QuestionKind, type QuestionType } from "./classify.ts";
import { carriesKeyContent, WHERE_FITS } from "./key-content.ts";
import {
  NUMBER_RULES,
  type Phrase,
  phrasesBy,
  QUANTIFIER_RULES,
  REASON_RULES,
  REPORTED_SPEECH_RULES,
} from "./phrases.ts";
import { whatPhrase } from "./what.ts";

/** Sentences cited for one question. */
const MAX_ITEMS = 3;
/** Sentences read for an answer phrase, best-matching first. */
const CANDIDATES = 10;
/** What a phrase of the asked type adds to a sentence's match score. */
const TYPED_BONUS = 0.12;
/** What a number not in the unit asked for adds (`ten months` for `How much did it cost?`): a sentence with the
 * sum of money comes first, one with another number before one with none. */
const MISFIT_BONUS = 0.06;
const SURFACE_BONUS = 0.1;
const NUMBER_KINDS: ReadonlySet<QuestionKind> = new Set(["how-many", "how-much"]);
/** A yes-no question restates a claim in the article's own words, so plain BM25's first sentence leads. */
const YES_NO_SURFACE_BONUS = 1;

export interface Evidence {
  ranked: ScoredSentence;
  /** The answer phrase of the asked type in the sentence (worked out on first read for chosen kinds). */
  readonly phrase: Phrase | null;
  /**
   * A phrase of the asked kind that answers nothing (a number in another unit than the one asked for, a where-guess
   * that names people): the sentence is still about the asked kind of thing, and is shown as the closest passage.
   */
  readonly misfit?: Phrase | undefined;
  score: number;
}

const distanceTo = (span: { start: number; end: number }, ranked: ScoredSentence) => {
  let best = Number.POSITIVE_INFINITY;
  for (const o of ranked.matchOffsets)
    best = Math.min(best, o < span.start ? span.start - o : o >= span.end ? o - span.end : 0);
  return best;
};

/** Folded words of the question, to keep phrases it already holds out of the answer. */
const questionWords = (question: string) =>
  new Set((foldName(question).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w)).map(termOf));

const holdsOnlyAsked = (text: string, asked: Set<string>) =>
  (foldName(text).match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOP_WORDS.has(w))
    .every((w) => asked.has(termOf(w)));

function nearest(phrases: Phrase[], ranked: ScoredSentence): Phrase | null {
  let best: Phrase | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const p of phrases) {
    const d = distanceTo(p, ranked);
    if (d < distance) {
      best = p;
      distance = d;
    }
  }
  return best;
}

function numberPhrase(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
  asked: Set<string>,
): Phrase | null {
  // A number the question gives (`after the 2-1 win`) is what it asks about, not the answer.
  const given = new Set(question.match(/\d[\d.,]*/g) ?? []);
  const numbers = phrasesBy(NUMBER_RULES, ranked.sentence)
    .filter((p) => !holdsOnlyAsked(p.text, asked) || !asked.has(termOf(p.text)))
    .filter((p) => !asked.has(termOf(p.text.split(/\s+/)[0] ?? "")))
    .filter((p) => !(p.text.match(/\d[\d.,]*/g) ?? []).some((n) => given.has(n)));
  const focus = type.focus === null ? undefined : termOf(type.focus);
  // `2000 guests`: a number like a year counts the asked noun right after it.
  const counts = numbers.filter(
    (p) =>
      !BARE_YEAR.test(p.text) ||
      type.focus === "year" ||
      type.focus === "years" ||
      (focus !== undefined && termOf(countedNoun(article, p) ?? "") === focus),
  );
  if (counts.length === 0) return type.kind === "how-many" ? quantifierCount(article, ranked, type) : null;
  // `three touchdowns`: the number that counts the question's focus word comes first.
  if (focus !== undefined) {
    const counting = counts.find((p) => {
      const after = article.text.slice(p.end, p.end + 40).match(/^\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)/u);
      return after?.[1] !== undefined && termOf(after[1]) === focus;
    });
    if (counting) return counting;
  }
  // `How much did it cost?`: among the numbers, the sums of money first.
  const measure = measureAsked(question);
  // `How many …` without a unit asks for a count: not a share or a sum of money.
  const fitting = measure
    ? counts.filter((p) => MEASURE_UNITS[measure].test(p.text))
    : type.kind === "how-many"
      ? counts.filter((p) => !MEASURE_UNITS.share.test(p.text) && !MEASURE_UNITS.money.test(p.text))
      : [];
  // `How much water …`: a number that counts a thing (`four stations`), not a measure, is no amount of a substance.
  if (type.kind === "how-much" && !measure && type.focus && nounClass(type.focus) === SUBSTANCE_FILE)
    return nearest(
      counts.filter((p) => !countsAThing(article, p)),
      ranked,
    );
  if (fitting.length === 0 && measure && UNIT_MEASURES.has(measure))
    return nearest(
      counts.filter((p) => !countsANoun(article, p)),
      ranked,
    );
  return nearest(fitting.length > 0 ? fitting : counts, ranked);
}

/** Words a quantifier's noun may follow (`none *of the* treaties`); the noun is among the next three words. */
const BEFORE_QUANTIFIED = new Set(["of", "the", "these", "those", "its", "their", "his", "her"]);

/**
 * For how many, a sentence with no number: a quantifier that counts the asked noun (`How many treaties …?` →
 * `None` of the original treaties; `several lakes`). Without a focus noun nothing is read: `both` or `none` alone
 * could count anything.
 */
function quantifierCount(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  type: QuestionType,
): Phrase | null {
  if (!type.focus) return null;
  const focus = termOf(type.focus);
  return (
    phrasesBy(QUANTIFIER_RULES, ranked.sentence).find((p) => {
      const words = article.text.slice(p.end, p.end + 60).match(/[\p{L}-]+/gu) ?? [];
      const lead = words.findIndex((w) => !BEFORE_QUANTIFIED.has(w.toLowerCase()));
      return lead >= 0 && words.slice(lead, lead + 3).some((w) => termOf(w) === focus);
    }) ?? null
  );
}

/** The noun a number counts: the word after it, when that is a noun (`1,200 *passengers*`, `four *stations*`). */
function countedNoun(article: AnalyzedArticle, p: Phrase): string | undefined {
  const next = article.text
    .slice(p.end, p.end + 40)
    .match(/^\s+([\p{L}-]+)/u)?.[1]
    ?.toLowerCase();
  return next !== undefined && !STOP_WORDS.has(next) && baseForms(next).some((b) => b.pos === "noun")
    ? next
    : undefined;
}

const countsANoun = (article: AnalyzedArticle, p: Phrase) => countedNoun(article, p) !== undefined;

/** The number counts a noun that is no measure or substance (`four *stations*`, not `20 million *ounces*`). */
function countsAThing(article: AnalyzedArticle, p: Phrase): boolean {
  const noun = countedNoun(article, p);
  if (noun === undefined) return false;
  const kind = nounClass(noun);
  return kind !== QUANTITY_FILE && kind !== SUBSTANCE_FILE;
}

/**
 * `How much does a ticket cost?`: a sum in a sentence that holds none of the question's words but the asking ones
 * (`cost`) is the price of something else (`The repairs cost 3.4 million euros`).
 */
function namesWhatIsPriced(ranked: ScoredSentence, question: string): boolean {
  const terms = questionTerms(question);
  const priced = terms.flatMap((t, i) => (MONEY_QUESTION_WORDS.has(t.word) ? [] : [i]));
  if (priced.length > 0 && !ranked.matches.some((m) => priced.includes(m.term))) return false;
  // A fine asked about is a fine said: `fined`, `a penalty`.
  const penalty = terms.findIndex((t) => PENALTY_WORDS.has(t.word));
  return (
    penalty < 0 ||
    ranked.sentence.text
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((w) => PENALTY_WORDS.has(w))
  );
}

/**
 * `closed the road to clear the wreck`: an infinitive states an aim when a verb follows `to` (not `to the quay`)
 * and no word that takes an infinitive stands before it (not `decided to close`, `whether to fit`).
 */
function statesAim(article: AnalyzedArticle, p: Phrase): boolean {
  const first = p.text.toLowerCase().match(/^[a-z]+/)?.[0];
  if (first === undefined || STOP_WORDS.has(first) || indexEntry(first, "verb") === null) return false;
  const before = article.text
    .slice(Math.max(0, p.start - 40), p.start)
    .toLowerCase()
    .match(/([a-z]+)\s+to\s+$/);
  return !INFINITIVE_TAKERS.has(before?.[1] ?? "");
}

/** `not having a permit`, `dumping waste`: the phrase opens with a verb's -ing form (not `nothing`, `morning`). */
function isGerund(text: string): boolean {
  const word = text.match(/^(?:not\s+)?([a-z]+)/i)?.[1] ?? "";
  return baseForms(word).some((b) => b.pos === "verb" && b.lemma !== word.toLowerCase());
}

function firstOf(
  rules: Parameters<typeof phrasesBy>[0],
  ranked: ScoredSentence,
  asked: Set<string>,
  keep: (p: Phrase) => boolean = () => true,
): Phrase | null {
  const found = phrasesBy(rules, ranked.sentence).filter((p) => !holdsOnlyAsked(p.text, asked) && keep(p));
  // Rules are ordered strongest first; among a rule's finds, the one nearest the question's words.
  for (const rule of rules) {
    const mine = found.filter((p) => p.rule === rule.id);
    if (mine.length) return nearest(mine, ranked);
  }
  return null;
}

function phraseFor(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
  asked: Set<string>,
): Phrase | null {
  switch (type.kind) {
    case "how-many":
    case "how-much":
      return numberPhrase(article, ranked, question, type, asked);
    case "where": {
      const p = whatPhrase(article, ranked, question, type);
      // A guess that is a stretch of time (`the summer season`) names no place.
      return p && !WHERE_FITS.has(p.rule) && nounClass(phraseHead(p.text)) === TIME_FILE ? null : p;
    }
    case "why":
      return firstOf(
        REASON_RULES,
        ranked,
        asked,
        (p) =>
          (p.rule !== "any-infinitive" || statesAim(article, p)) &&
          (p.rule !== "for-gerund" || isGerund(p.text)),
      );
    case "how":
      return whatPhrase(article, ranked, question, type);
    case "yes-no":
      return chosenAlternative(ranked, question);
    // `What did the board say about the pier?` with no quote from the board: what it said, reported; a sentence
    // that reports nothing is only the closest passage.
    case "quote":
      return firstOf(REPORTED_SPEECH_RULES, ranked, asked);
    default:
      return whatPhrase(article, ranked, question, type);
  }
}

/** `Is the ferry faster or slower?`: the two words either side of the question's `or`. */
const ALTERNATIVES = /\b([\p{L}\p{N}-]+)\s*,?\s+or\s+(?:the\s+|a\s+|an\s+)?([\p{L}\p{N}-]+)/u;

/**
 * A choice question's answer: of its two alternatives, the one the passage says (`faster`), when it says only one.
 */
function chosenAlternative(ranked: ScoredSentence, question: string): Phrase | null {
  const m = ALTERNATIVES.exec(question);
  if (!m?.[1] || !m[2]) return null;
  const choices = [termOf(m[1]), termOf(m[2])];
  const found = tokenize(ranked.sentence.text, ranked.sentence.start).filter((t) =>
    choices.includes(termOf(t.text)),
  );
  const said = new Set(found.map((t) => termOf(t.text)));
  const first = found[0];
  if (said.size !== 1 || first === undefined) return null;
  return { start: first.start, end: first.end, text: first.text, rule: "chosen-alternative" };
}

/**
 * A where-guess (no named place) in lower case whose head may be people (`the original builders`) says who, not
 * where: the sentence is shown as the closest passage.
 */
function guessNamesPeople(p: Phrase): boolean {
  return !WHERE_FITS.has(p.rule) && !/\p{Lu}/u.test(p.text) && mayBePeople(phraseHead(p.text));
}

/** Kinds whose answer phrase is chosen among all of a sentence's phrases (what.ts), not found by a pattern. */
const CHOSEN_KINDS: ReadonlySet<QuestionKind> = new Set(["what", "where", "how", "who", "when"]);

/** A yes-no question's passage negates what was asked when it holds a negation the question does not. */
function reading(question: string, sentence: string): "states" | "negates" {
  const words = (s: string) =>
    new Set((s.toLowerCase().match(/[a-z']+/g) ?? []).flatMap((w) => (w.endsWith("n't") ? ["n't", w] : [w])));
  const asked = words(question);
  return [...words(sentence)].some((w) => NEGATED_READING_WORDS.has(w) && !asked.has(w))
    ? "negates"
    : "states";
}

/** What choosing a sentence's answer phrase reads: the same for every sentence of one question. */
interface Choice {
  article: AnalyzedArticle;
  question: string;
  type: QuestionType;
  asked: Set<string>;
}

/**
 * Evidence whose phrase is chosen among all of its sentence's phrases on first read (a class, so that the many
 * sentences never shown cost no closures).
 */
class ChosenEvidence implements Evidence {
  private chosen: { phrase: Phrase | null; misfit?: Phrase } | undefined;

  constructor(
    readonly ranked: ScoredSentence,
    readonly score: number,
    private readonly choice: Choice,
  ) {}

  private choose(): { phrase: Phrase | null; misfit?: Phrase } {
    if (this.chosen === undefined) {
      const { article, question, type, asked } = this.choice;
      const p = phraseFor(article, this.ranked, question, type, asked);
      this.chosen =
        type.kind === "where" && p !== null && guessNamesPeople(p)
          ? { phrase: null, misfit: p }
          : { phrase: p };
    }
    return this.chosen;
  }

  get phrase(): Phrase | null {
    return this.choose().phrase;
  }

  get misfit(): Phrase | undefined {
    return this.choose().misfit;
  }
}

/** The best evidence for a question of a type other than who and when, best first (may be empty). */
export function askEvidence(article: AnalyzedArticle, question: string, type: QuestionType): Evidence[] {
  const asked = questionWords(question);
  const ranking = rankSentences(article, question, 0, CANDIDATES);
  const surfaceBonus = type.kind === "yes-no" ? YES_NO_SURFACE_BONUS : SURFACE_BONUS;
  const measure = NUMBER_KINDS.has(type.kind) ? measureAsked(question) : undefined;
  const evidence = ranking.map((ranked): Evidence => {
    const surface = ranked.bm25Best ? surfaceBonus : 0;
    if (!CHOSEN_KINDS.has(type.kind)) {
      const found = phraseFor(article, ranked, question, type, asked);
      // A number in another unit (`ten months` for a cost), or a sum for another thing or that is no fine, ranks
      // the sentence but answers nothing.
      const misfit =
        found !== null &&
        measure !== undefined &&
        (!MEASURE_UNITS[measure].test(found.text) ||
          (measure === "money" && !namesWhatIsPriced(ranked, question)));
      const bonus = found === null ? 0 : misfit ? MISFIT_BONUS : TYPED_BONUS;
      return {
        ranked,
        phrase: misfit ? null : found,
        ...(misfit ? { misfit: found } : {}),
        score: ranked.score + bonus + surface,
      };
    }
    // Choosing among a sentence's phrases is the costly part, and nearly every sentence has one to choose: every
    // sentence gets the bonus, and the choice is made only for the evidence that is shown.
    return new ChosenEvidence(ranked, ranked.score + TYPED_BONUS + surface, {
      article,
      question,
      type,
      asked,
    });
  });
  evidence.sort((a, z) => z.score - a.score || a.ranked.sentence.index - z.ranked.sentence.index);
  return evidence;
}

const askItem = (e: Evidence, asked: QuestionKind, question: string): AskItem => {
  const { sentence } = e.ranked;
  return {
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    score: Math.round(e.score * 1000) / 1000,
    asked,
    ...(e.phrase ? { answer: { text: e.phrase.text, start: e.phrase.start, end: e.phrase.end } } : {}),
    closest: e.phrase === null,
    ...(asked === "yes-no" ? { reading: reading(question, sentence.text) } : {}),
  };
};

const fromRanked = (article: AnalyzedArticle, i: RankedAnswerItem, asked: QuestionKind): AskItem => {
  const s = article.sentences.find((x) => x.start <= i.start && i.start < x.end);
  return {
    text: i.text,
    start: i.start,
    end: i.end,
    paragraph: i.paragraph,
    sentence: s?.index ?? 0,
    score: i.score,
    asked,
    answer: { text: i.answer, start: i.answerStart, end: i.answerEnd },
    closest: false,
  };
};

const notSaid = (article: AnalyzedArticle, question: string, limit: number): NoAnswer =>
  makeAnswer(article, "ask", question, {
    kind: "none",
    found: false,
    text: "The article doesn't say.",
    limit,
  });

function describe(item: AskItem): string {
  if (item.answer) return `${item.answer.text}, ¶${item.paragraph}.`;
  if (item.reading)
    return `The closest passage, ¶${item.paragraph}, ${item.reading === "states" ? "states it" : "states it with a negation"}; read it to judge.`;
  return `No direct answer; the closest passage is ¶${item.paragraph}.`;
}

export function ask(article: AnalyzedArticle, question: string, limit = DEFAULT_ANSWER_LIMIT): Answer {
  const type = classifyQuestion(question);
  if (type.kind === "quote" && type.speaker) {
    const quotes = findQuotes(article, type.speaker, type.topic, limit);
    if (quotes.found) return { ...quotes, command: "ask", query: question };
  }
  const evidence = askEvidence(article, question, type);
  const best = evidence[0];
  const items: AskItem[] = [];
  if (type.kind === "who" || type.kind === "when") {
    const routed = type.kind === "who" ? who(article, question, limit) : when(article, question, limit);
    if (routed.found && routed.kind !== "who-answer" && routed.kind !== "when-answer")
      return { ...routed, command: "ask", query: question };
    if (routed.kind === "who-answer" || routed.kind === "when-answer")
      for (const i of routed.items) items.push(fromRanked(article, i, type.kind));
  }
  if (items.length === 0) {
    if (!carriesKeyContent(article, question, type, best)) return notSaid(article, question, limit);
    // A routed who/when question whose own path found no answer is shown only as a passage (below).
    const closest = type.kind === "who" || type.kind === "when" || best.phrase === null;
    if (absentAnswer(article, question, type, evidence, closest) !== null)
      return notSaid(article, question, limit);
  }
  // The routed answer (or the best evidence) first, then what backs it up, one item per sentence.
  const lead = items[0]?.sentence ?? best?.ranked.sentence.index;
  const following = lead === undefined ? [] : followingCitations(article, question, evidence, lead);
  for (const e of items.length === 0 && best ? [best, ...following] : following) {
    if (items.length >= Math.min(MAX_ITEMS, limit)) break;
    if (items.some((i) => i.sentence === e.ranked.sentence.index)) continue;
    const item = askItem(e, type.kind, question);
    // A routed who/when question's own answer path found no answer here: this is only a passage.
    if (type.kind === "who" || type.kind === "when") {
      delete item.answer;
      item.closest = true;
    }
    items.push(item);
  }
  const shown = items.slice(0, limit);
  const first = shown[0] as AskItem;
  const answer: AskAnswer = makeAnswer(article, "ask", question, {
    kind: "ask-answer",
    found: true,
    text: describe(first),
    items: shown,
    limit,
    total: items.length,
    citations: shown.map((i) => cite(article, i.start, i.end)),
  });
  return answer;
}
