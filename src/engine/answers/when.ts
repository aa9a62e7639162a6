// When: the article's timeline, or the date that answers a when-question.
import type { AnalyzedArticle } from "../analyze.ts";
import { displayValue, valueStart } from "../dates.ts";
import { PARTS_OF_DAY, VAGUE_TIME_VALUES, VAGUE_TIME_WORDS } from "../lexicon/index.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import type {
  NoAnswer,
  RankedAnswerItem,
  Sentence,
  Span,
  TimelineAnswer,
  Timex,
  WhenItem,
  WhenQuestionAnswer,
} from "../types.ts";
import { cite, citeSentence, distanceToMatches, firstOf, makeAnswer, plural } from "./common.ts";
import { datePhrases } from "./date-phrases.ts";
import { type Confidence, closeToBest, isConfident, rankSentences, type ScoredSentence } from "./match.ts";
import { questionTense, tenseAgrees } from "./tense.ts";

const whenItem = (article: AnalyzedArticle, t: Timex): WhenItem => ({
  text: t.text,
  value: t.value,
  display: t.display,
  type: t.type,
  start: t.start,
  end: t.end,
  paragraph: t.paragraph,
  event: article.sentences[t.sentence]?.text ?? "",
});

/** Dated expressions in calendar order (ties in text order), then durations and vague references. */
export function timeline(article: AnalyzedArticle): Timex[] {
  const dated = article.timexes.filter((t) => valueStart(t.value) !== null);
  const undated = article.timexes.filter((t) => valueStart(t.value) === null);
  dated.sort(
    (a, z) =>
      (valueStart(a.value) as string).localeCompare(valueStart(z.value) as string) || a.start - z.start,
  );
  return [...dated, ...undated];
}

function listTimeline(article: AnalyzedArticle, limit: number): TimelineAnswer | NoAnswer {
  const ordered = timeline(article);
  if (ordered.length === 0) {
    const why = article.meta.date
      ? ""
      : " (it has no date, so relative dates such as “Sunday” cannot be resolved)";
    return makeAnswer(article, "when", null, {
      kind: "none",
      found: false,
      text: `The article gives no dates${why}.`,
      limit,
    });
  }
  const dated = ordered.filter((t) => valueStart(t.value) !== null);
  const shown = firstOf(ordered, limit);
  return makeAnswer(article, "when", null, {
    kind: "timeline",
    found: true,
    text: `${plural(ordered.length, "time expression")}, ${dated.length} dated${dated.length ? `, from ${dated[0]?.display} to ${dated[dated.length - 1]?.display}` : ""}.`,
    items: shown.map((t) => whenItem(article, t)),
    limit,
    total: ordered.length,
    citations: shown.map((t) =>
      citeSentence(article, article.sentences[t.sentence] as NonNullable<(typeof article.sentences)[number]>),
    ),
  });
}

/** A date that could answer: a timex of the sentence, or a date phrase the extractor left out. */
interface DateCandidate extends Span {
  text: string;
  value: string;
  display: string;
  vague: boolean;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);

/** Does the question ask about a vague time (`now`, `in the past`)? Only then may a vague word answer it. */
const asksVague = (question: string) => [...words(question)].some((w) => VAGUE_TIME_WORDS.has(w));

function isVague(t: Pick<Timex, "value" | "text">): boolean {
  if (VAGUE_TIME_VALUES.has(t.value)) return true;
  const said = [...words(t.text)].filter((w) => w !== "the" && w !== "in");
  return said.length > 0 && said.every((w) => VAGUE_TIME_WORDS.has(w));
}

/**
 * A part of the day with no date (`at night`, `in the early morning`, `at dawn`): the timex extractor leaves bare
 * parts of the day out (`a morning show` names no time), but they answer a question that asks for a time of day.
 */
export const PART_OF_DAY_PHRASE = {
  id: "part-of-day-phrase",
  pattern:
    /\b(?:at\s+(?:night|dawn|dusk|noon|midday|midnight|sunrise|sunset)|in\s+the\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening)|overnight)\b/gi,
  reason: "`the ferry left at night`: a part of the day answers `What time of day …?`",
} as const;

function partsOfDay(sentence: Sentence): DateCandidate[] {
  return [...sentence.text.matchAll(PART_OF_DAY_PHRASE.pattern)].map((m) => {
    const part = Object.entries(PARTS_OF_DAY).find(([word]) => m[0].toLowerCase().includes(word))?.[1];
    const start = sentence.start + m.index;
    return {
      start,
      end: start + m[0].length,
      text: m[0],
      value: part ? `XXXX-XX-XXT${part}` : "XXXX-XX-XX",
      display: "",
      vague: false,
    };
  });
}

function dateCandidates(
  article: AnalyzedArticle,
  sentence: Sentence,
  howLong: boolean,
  timeOfDay = false,
): DateCandidate[] {
  const timexes = article.timexes
    .filter((t) => t.sentence === sentence.index)
    .filter((t) => (howLong ? t.type === "DURATION" : t.type !== "DURATION" && t.type !== "SET"))
    .map((t) => ({ ...t, vague: isVague(t) }));
  if (howLong) return timexes;
  const phrases = datePhrases(sentence.text, sentence.start)
    .filter((p) => !article.timexes.some((t) => t.start < p.end && t.end > p.start))
    .map((p) => ({ ...p, display: displayValue(p.value), vague: false }));
  const parts = timeOfDay
    ? partsOfDay(sentence).filter(
        (p) => ![...timexes, ...phrases].some((t) => t.start < p.end && t.end > p.start),
      )
    : [];
  return [...timexes, ...phrases, ...parts];
}

/** Marks between two offsets that close a clause: a date across them dates another event. */
const CLAUSE_BREAK = /[;:()—–]|,\s+(?:and|but|while|whereas|although|when|after|before|which|who)\b/g;
const CLAUSE_PENALTY = 60;

function distance(article: AnalyzedArticle, date: Span, offsets: number[]): number {
  const near = distanceToMatches(date.start, date.end, offsets);
  if (!Number.isFinite(near)) return near;
  const nearest = offsets.reduce((best, o) =>
    Math.abs(o - date.start) < Math.abs(best - date.start) ? o : best,
  );
  const [from, to] = nearest < date.start ? [nearest, date.start] : [date.end, nearest];
  const breaks = article.text.slice(from, to).match(CLAUSE_BREAK)?.length ?? 0;
  return near + breaks * CLAUSE_PENALTY;
}

/** When a when-answer is given (see `isConfident`; tuned on the dev split). */
export const WHEN_CONFIDENCE: Confidence = {
  agreed: 0.25,
  min: 0.25,
  margin: 0.02,
  sure: 0.6,
  nearTop: null,
};

/**
 * A question led by another question word whose `when` only opens a clause (`How old was she when she won?`,
 * `Where did he live when the war began?`) asks for what the matched sentence says, not for a date.
 */
export const WHEN_CLAUSE_QUESTION = {
  id: "when-clause-question",
  pattern:
    /^\s*(?:how|what|which|where|who|whom|whose|why)\b(?!\s+(?:year|date|day|month|decade|century|time|period|era)\b).*\bwhen\b/i,
  reason:
    "the question asks for something said about the event its `when` clause names; the sentence is the answer",
} as const;

/**
 * `What time did the fire start?` asks for a time of day: a date without one (`on Sunday`) does not answer it. Not
 * `what time span` or `in what time frame`, which ask for a stretch of time.
 */
export const TIME_OF_DAY_QUESTION = {
  id: "time-of-day-question",
  pattern:
    /^(?:\s*at)?\s*what\s+(?:time|hour)\b(?!\s+(?:period|frame|span|scale)\b)|\bat\s+what\s+(?:time|hour)\b/i,
  reason: "the question asks for a clock time or a part of the day",
} as const;

/** A date that gives a time of day: a clock time or part of the day in its value, or the words for one. */
const TIME_OF_DAY_VALUE = /T(?:\d|MO|AF|EV|NI)/;
const TIME_OF_DAY_WORDS = /\b(?:noon|midday|midnight|dawn|dusk|sunrise|sunset|o'clock|[ap]\.\s?m\b)|\d:\d\d/i;
const givesTimeOfDay = (d: { value: string; text: string }) =>
  TIME_OF_DAY_VALUE.test(d.value) || TIME_OF_DAY_WORDS.test(d.text);

/** A number or time in the sentence, nearest the matched words: the likely answer phrase (`aged 58`). */
const NUMBER = /\d[\d,.:]*(?:\s*(?:%|per cent|percent))?/g;

function clauseAnswer(article: AnalyzedArticle, ranked: ScoredSentence): RankedAnswerItem {
  const { sentence } = ranked;
  const spans: Span[] = [
    ...article.timexes.filter((t) => t.sentence === sentence.index && !isVague(t)),
    ...[...sentence.text.matchAll(NUMBER)].map((m) => ({
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
    })),
  ];
  spans.sort((a, z) => distance(article, a, ranked.matchOffsets) - distance(article, z, ranked.matchOffsets));
  const phrase = spans[0] ?? sentence;
  return {
    text: sentence.text,
    answer: article.text.slice(phrase.start, phrase.end),
    answerStart: phrase.start,
    answerEnd: phrase.end,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    score: Math.round(ranked.score * 1000) / 1000,
  };
}

function answerQuestion(
  article: AnalyzedArticle,
  question: string,
  limit: number,
): WhenQuestionAnswer | NoAnswer {
  const clause = WHEN_CLAUSE_QUESTION.pattern.test(question);
  let items: RankedAnswerItem[] = [];
  const answered: ScoredSentence[] = [];
  const howLong = /\bhow long\b/i.test(question);
  const timeOfDay = TIME_OF_DAY_QUESTION.pattern.test(question);
  const vagueAllowed = asksVague(question);
  const tense = questionTense(question);
  let first: ScoredSentence | undefined;
  for (const ranked of rankSentences(
    article,
    question,
    Math.min(WHEN_CONFIDENCE.min, WHEN_CONFIDENCE.agreed),
  )) {
    const { sentence } = ranked;
    if (!closeToBest(first, ranked)) break;
    if (clause) {
      first ??= ranked;
      answered.push(ranked);
      items.push(clauseAnswer(article, ranked));
      if (items.length === 3) break;
      continue;
    }
    // A when-answer is a date in the sentence (a duration only for `how long`); `now` or `the past` only when asked.
    const dates = dateCandidates(article, sentence, howLong, timeOfDay)
      .filter((d) => vagueAllowed || !d.vague)
      .filter((d) => !timeOfDay || givesTimeOfDay(d))
      .filter((d) => tenseAgrees(tense, sentence, d.value, article.meta.date));
    if (dates.length === 0) continue;
    dates.sort(
      (a, z) => distance(article, a, ranked.matchOffsets) - distance(article, z, ranked.matchOffsets),
    );
    const t = dates[0] as DateCandidate;
    first ??= ranked;
    answered.push(ranked);
    items.push({
      text: sentence.text,
      answer: t.text,
      answerStart: t.start,
      answerEnd: t.end,
      start: sentence.start,
      end: sentence.end,
      paragraph: sentence.paragraph,
      score: Math.round(ranked.score * 1000) / 1000,
      value: t.value,
      display: t.display,
    });
    if (items.length === 3) break;
  }
  if (!isConfident(WHEN_CONFIDENCE, answered, undefined)) items = [];
  const best = items[0];
  if (!best) {
    return makeAnswer(article, "when", question, {
      kind: "none",
      found: false,
      text: "The article does not say when. Try /when with no question for its timeline.",
      limit,
    });
  }
  const shown = firstOf(items, limit);
  return makeAnswer(article, "when", question, {
    kind: "when-answer",
    found: true,
    text: best.display
      ? `${best.display} (“${best.answer}”), ¶${best.paragraph}.`
      : `“${best.answer}”, ¶${best.paragraph}.`,
    items: shown,
    limit,
    total: items.length,
    citations: shown.map((i) => cite(article, i.start, i.end)),
  });
}

export function when(
  article: AnalyzedArticle,
  query?: string,
  limit = DEFAULT_ANSWER_LIMIT,
): TimelineAnswer | WhenQuestionAnswer | NoAnswer {
  return query ? answerQuestion(article, query, limit) : listTimeline(article, limit);
}
