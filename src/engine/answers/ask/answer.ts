// `/ask`: any question. Who and when questions go to their answers, quote-seeking ones to the quotes; the rest
// find the sentences that carry the question's words best (the same matching as who and when), then the phrase
// of the asked type in them. A sentence without such a phrase is still cited, as the closest passage.
import type { AnalyzedArticle } from "../../analyze.ts";
import { NEGATED_READING_WORDS, STOP_WORDS } from "../../lexicon/index.ts";
import { DEFAULT_ANSWER_LIMIT } from "../../request.ts";
import { foldName, type Token, termOf, tokenize } from "../../text.ts";
import type { Answer, AskAnswer, AskItem, Mention, NoAnswer, RankedAnswerItem, Span } from "../../types.ts";
import { cite, makeAnswer } from "../common.ts";
import { questionTerms, rankSentences, type ScoredSentence } from "../match.ts";
import { findQuotes } from "../quote.ts";
import { when } from "../when.ts";
import { who } from "../who.ts";
import { classifyQuestion, type QuestionKind, type QuestionType } from "./classify.ts";
import {
  gaps,
  MEANS_RULES,
  NAMING_RULES,
  NUMBER_RULES,
  nounChunks,
  type Phrase,
  PLACE_RULES,
  phrasesBy,
  QUOTED_RULES,
  REASON_RULES,
} from "./phrases.ts";

/** Sentences cited for one question. */
const MAX_ITEMS = 3;
/** Sentences read for an answer phrase, best-matching first. */
const CANDIDATES = 10;
/** What a phrase of the asked type adds to a sentence's match score. */
const TYPED_BONUS = 0.12;
const SURFACE_BONUS = 0.1;
/**
 * The share of the question's rarity-weighted words the best sentence must hold for the article to be taken as
 * saying anything about it (tuned so the dev split's answerable questions pass and unrelated ones do not).
 */
export const KEY_CONTENT = 0.2;
/** The share a closest passage (no phrase of the asked type in it) must hold. */
export const CLOSEST_KEY_CONTENT = 0.5;
/** Kinds of question whose answer has a type a sentence may lack: a number, a place, a reason. */
const TYPED_KINDS: ReadonlySet<QuestionKind> = new Set(["how-many", "how-much", "where", "why"]);

interface Evidence {
  ranked: ScoredSentence;
  phrase: Phrase | null;
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

/** A year standing alone (`in 2019`): no answer to how many. */
const BARE_YEAR = /^(?:1[5-9]\d\d|20\d\d)$/;

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
  type: QuestionType,
  asked: Set<string>,
): Phrase | null {
  const numbers = phrasesBy(NUMBER_RULES, ranked.sentence)
    .filter((p) => !holdsOnlyAsked(p.text, asked) || !asked.has(termOf(p.text)))
    .filter((p) => !asked.has(termOf(p.text.split(/\s+/)[0] ?? "")));
  const counts = numbers.filter(
    (p) => !BARE_YEAR.test(p.text) || type.focus === "year" || type.focus === "years",
  );
  if (counts.length === 0) return null;
  // `three touchdowns`: the number that counts the question's focus word comes first.
  if (type.focus) {
    const focus = termOf(type.focus);
    const counting = counts.find((p) => {
      const after = article.text.slice(p.end, p.end + 40).match(/^\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)/u);
      return after?.[1] !== undefined && termOf(after[1]) === focus;
    });
    if (counting) return counting;
  }
  return nearest(counts, ranked);
}

function placePhrase(article: AnalyzedArticle, ranked: ScoredSentence, asked: Set<string>): Phrase | null {
  const { sentence } = ranked;
  const places: Phrase[] = [];
  for (const e of article.entities) {
    if (e.type !== "place") continue;
    for (const m of e.mentions)
      if (m.start >= sentence.start && m.end <= sentence.end && !holdsOnlyAsked(m.text, asked))
        places.push({ start: m.start, end: m.end, text: m.text, rule: "place-entity" });
  }
  const named =
    places.length > 0
      ? places
      : phrasesBy(PLACE_RULES, sentence).filter((p) => !holdsOnlyAsked(p.text, asked));
  return nearest(named, ranked);
}

function firstOf(
  rules: Parameters<typeof phrasesBy>[0],
  ranked: ScoredSentence,
  asked: Set<string>,
): Phrase | null {
  const found = phrasesBy(rules, ranked.sentence).filter((p) => !holdsOnlyAsked(p.text, asked));
  // Rules are ordered strongest first; among a rule's finds, the one nearest the question's words.
  for (const rule of rules) {
    const mine = found.filter((p) => p.rule === rule.id);
    if (mine.length) return nearest(mine, ranked);
  }
  return null;
}

/** What a kind of candidate adds to its score (in tokens of distance it outweighs). */
const CANDIDATE_BONUS = {
  focus: 3,
  naming: 2.5,
  quoted: 2,
  entity: 3,
  number: 0.5,
  gap: 0,
};
/** What each of the question's own words inside a candidate costs it. */
const ASKED_INSIDE = 1;
const MEAN_SHARE = 0.2;
/** Words beyond this many count against a candidate: answers are short. */
const SHORT_PHRASE = 4;
const LENGTH_PENALTY = 0.3;

/** The stems that count as the question's own words (its terms' close forms), once per question. */
const formsCache = new Map<string, Set<string>>();
function closeForms(question: string): Set<string> {
  let forms = formsCache.get(question);
  if (!forms) {
    forms = new Set<string>();
    for (const t of questionTerms(question))
      for (const [form, quality] of t.forms) if (quality >= 0.75) forms.add(form);
    if (formsCache.size > 2000) formsCache.clear();
    formsCache.set(question, forms);
  }
  return forms;
}

const sentenceMentions = new WeakMap<AnalyzedArticle, Map<number, { m: Mention; type: string }[]>>();
/** Entity mentions grouped by the sentence that holds them (once per article). */
function mentionsBySentence(article: AnalyzedArticle): Map<number, { m: Mention; type: string }[]> {
  let grouped = sentenceMentions.get(article);
  if (!grouped) {
    grouped = new Map();
    for (const e of article.entities)
      for (const m of e.mentions) {
        const s = article.sentences.find((x) => x.start <= m.start && m.end <= x.end);
        if (s) grouped.set(s.index, [...(grouped.get(s.index) ?? []), { m, type: e.type }]);
      }
    sentenceMentions.set(article, grouped);
  }
  return grouped;
}

/**
 * For `what`: the phrase nearest the question's own words that the question does not hold, preferring the one
 * next to the question's focus noun (`the rowing club *Harbour Eights*`), a name given (`known as …`), a named
 * entity, a number, over any other run of words.
 */
function whatPhrase(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
): Phrase | null {
  const { sentence } = ranked;
  const forms = closeForms(question);
  const tokens = tokenize(sentence.text, sentence.start);
  const isAsked = tokens.map((t) => forms.has(termOf(t.text)));
  const tokenAt = (offset: number) => {
    const i = tokens.findIndex((t) => t.end > offset);
    return i < 0 ? tokens.length - 1 : i;
  };
  // Token positions of each question term matched in the sentence.
  const termTokens = new Map<number, number[]>();
  for (const m of ranked.matches) {
    if (m.quality < 0.75) continue;
    const k = tokenAt(m.at);
    termTokens.set(m.term, [...(termTokens.get(m.term) ?? []), k]);
  }
  const focus = type.focus ? termOf(type.focus) : null;
  const focusAt = focus ? tokens.findIndex((t) => termOf(t.text) === focus) : -1;
  let best: Phrase | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (span: Span & { text: string }, rule: string, bonus: number) => {
    const a = tokenAt(span.start);
    const z = tokenAt(span.end - 1);
    if (isAsked.slice(a, z + 1).every(Boolean)) return;
    // Near every matched question word, not just one: the mean over the terms of the nearest match's distance.
    let sum = 0;
    let counted = 0;
    let nearestAny = tokens.length;
    for (const positions of termTokens.values()) {
      let d = Number.POSITIVE_INFINITY;
      for (const k of positions) d = Math.min(d, k < a ? a - k : k > z ? k - z : 0);
      sum += d;
      counted++;
      nearestAny = Math.min(nearestAny, d);
    }
    const distance = counted ? MEAN_SHARE * (sum / counted) + (1 - MEAN_SHARE) * nearestAny : tokens.length;
    const inside = isAsked.slice(a, z + 1).filter(Boolean).length;
    const nextToFocus = focusAt >= 0 && (a === focusAt + 1 || z === focusAt - 1);
    const score =
      -distance +
      bonus -
      ASKED_INSIDE * inside +
      (nextToFocus ? CANDIDATE_BONUS.focus : 0) -
      LENGTH_PENALTY * Math.max(0, z - a + 1 - SHORT_PHRASE);
    if (score > bestScore) {
      best = { start: span.start, end: span.end, text: span.text, rule };
      bestScore = score;
    }
  };
  for (const g of gaps(article.text, sentence, (t: Token) => forms.has(termOf(t.text)))) {
    for (const c of nounChunks(article.text, sentence, g)) consider(c, "noun-chunk", CANDIDATE_BONUS.gap);
  }
  for (const p of phrasesBy(NAMING_RULES, sentence)) consider(p, p.rule, CANDIDATE_BONUS.naming);
  for (const p of phrasesBy(QUOTED_RULES, sentence)) consider(p, p.rule, CANDIDATE_BONUS.quoted);
  for (const p of phrasesBy(NUMBER_RULES, sentence)) consider(p, p.rule, CANDIDATE_BONUS.number);
  for (const { m, type: entityType } of mentionsBySentence(article).get(sentence.index) ?? [])
    consider(m, `${entityType}-entity`, CANDIDATE_BONUS.entity);
  return best;
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
      return numberPhrase(article, ranked, type, asked);
    case "where":
      return placePhrase(article, ranked, asked);
    case "why":
      return firstOf(REASON_RULES, ranked, asked);
    case "how":
      return firstOf(MEANS_RULES, ranked, asked) ?? whatPhrase(article, ranked, question, type);
    case "yes-no":
      return null;
    default:
      return whatPhrase(article, ranked, question, type);
  }
}

/** A yes-no question's passage negates what was asked when it holds a negation the question does not. */
function reading(question: string, sentence: string): "states" | "negates" {
  const words = (s: string) =>
    new Set((s.toLowerCase().match(/[a-z']+/g) ?? []).flatMap((w) => (w.endsWith("n't") ? ["n't", w] : [w])));
  const asked = words(question);
  return [...words(sentence)].some((w) => NEGATED_READING_WORDS.has(w) && !asked.has(w))
    ? "negates"
    : "states";
}

/** The best evidence for a question of a type other than who and when, best first (may be empty). */
export function askEvidence(article: AnalyzedArticle, question: string, type: QuestionType): Evidence[] {
  const asked = questionWords(question);
  const ranking = rankSentences(article, question, 0, CANDIDATES);
  const evidence = ranking.map((ranked) => {
    const phrase = phraseFor(article, ranked, question, type, asked);
    return {
      ranked,
      phrase,
      score: ranked.score + (phrase ? TYPED_BONUS : 0) + (ranked.bm25Best ? SURFACE_BONUS : 0),
    };
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

/**
 * Does the best evidence carry the question's key content: enough of its words, and one of the names it asks
 * about somewhere in the article (a question about `Harwick` is not answered by an article that never names it)?
 */
function carriesKeyContent(
  article: AnalyzedArticle,
  question: string,
  type: QuestionType,
  e: Evidence | undefined,
): e is Evidence {
  if (e === undefined || e.ranked.coverage < KEY_CONTENT) return false;
  // A passage without an answer of the asked type must hold more of the question to be shown at all.
  if (e.phrase === null && TYPED_KINDS.has(type.kind) && e.ranked.coverage < CLOSEST_KEY_CONTENT)
    return false;
  // The noun a question counts or asks about (`How many *ferries* …`) must be in the article in some form.
  const counted = type.kind === "how-many" ? type.focus : null;
  const focus = counted ? questionTerms(question).find((t) => t.word === counted) : undefined;
  if (focus && ![...focus.forms.keys()].some((form) => (article.termFrequency.get(form) ?? 0) > 0))
    return false;
  const names = questionTerms(question).filter((t) => t.isName);
  return names.length === 0 || names.some((t) => (article.termFrequency.get(t.stem) ?? 0) > 0);
}

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
  if (items.length === 0 && !carriesKeyContent(article, question, type, best))
    return notSaid(article, question, limit);
  // Typed answers (or the routed answer) first, then the closest passages, one item per sentence.
  for (const e of evidence) {
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
