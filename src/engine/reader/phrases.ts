// Candidate answer phrases inside a sentence, each with the answer extractor's features: every short run of words
// that does not cross punctuation (a name, a date, a number with its unit, a noun phrase are all such runs), and
// the clause a reason word opens (`because …`, `due to …`). The model, trained on QA data, scores them.

import {
  ADJECTIVE_TAGS,
  AMOUNT_SIGNS,
  COPULAS,
  DETERMINERS,
  LOCATIVE_PREPOSITIONS,
  lexiconTag,
  NAMING_WORDS,
  REASON_OPENERS,
  VERB_TAGS,
} from "../lexicon/index.ts";
import { wordVectors } from "../models/word-vectors.ts";
import { type AnalyzedArticle, termWeight } from "../parse/analyze.ts";
import { NOUN_CLASS_NAMES, nounClassName, QUESTION_KINDS, type Question } from "../question/question.ts";
import { isKindOf } from "../wordnet/noun-class.ts";
import { articleView, type ReaderToken } from "./article-view.ts";
import { featureIndex, oneHot } from "./feature-index.ts";

/** The longest run of words taken as one candidate phrase. */
export const MAX_PHRASE_TOKENS = 7;
/** Word-order errors above this count as this: far is far. */
const MAX_OFFSET_ERROR = 12;
/** Distances to the asked noun above this count as this. */
const MAX_FOCUS_DISTANCE = 12;
/** The longest clause a reason word opens that is taken whole. */
const MAX_CLAUSE_TOKENS = 20;

const NAMED = [
  "tokens",
  "contentTokens",
  "isClause",
  "person",
  "organization",
  "place",
  "entityPartial",
  "timexExact",
  "timexPartial",
  "hasNumber",
  "startsNumber",
  "amountSign",
  "capitalizedShare",
  "firstCapitalized",
  "questionOverlap",
  "questionTokens",
  "distance",
  "matchBefore",
  "matchesNear",
  "prevLocative",
  "prevBy",
  "prevOf",
  "prevDeterminer",
  "prevReason",
  "prevCopula",
  "prevNaming",
  "prevQuestionWord",
  "nextQuestionWord",
  "prevComma",
  "prevBracket",
  "nextComma",
  "nextBracket",
  "atSentenceEnd",
  "atSentenceStart",
  "relativePosition",
  "inQuote",
  "headVerb",
  "headAdjective",
  "headAdverb",
  "headKindOfFocus",
  "headClassIsFocus",
  "firstVerb",
  "sentenceScore",
  "sentenceRank",
  "prevContent",
  "nextContent",
  "prevNameJoins",
  "nextNameJoins",
  "prevNumber",
  "nextNumber",
  "characters",
  "fitsAsked",
  "matchesAfterShare",
  "orderAgree",
  "questionAfterWh",
  "whDoSupport",
  "whBe",
  "offsetErrorMin",
  "offsetErrorMean",
  "clauseCoverage",
  "clauseCoverageGap",
  "focusInside",
  "focusDistance",
  "focusSimilarity",
] as const;

export type PhraseFeature = (typeof NAMED)[number];
export const PHRASE_FEATURES: readonly string[] = [
  ...NAMED,
  ...oneHot("head", NOUN_CLASS_NAMES),
  ...oneHot("kind", QUESTION_KINDS),
  ...oneHot("focus", NOUN_CLASS_NAMES),
];
export const PHRASE_FEATURE_COUNT = PHRASE_FEATURES.length;
export const PHRASE_COLUMN = featureIndex(NAMED);
const at = PHRASE_COLUMN;
const HEAD_COLUMN = NAMED.length;
const NONE_CLASS = NOUN_CLASS_NAMES.indexOf("none");
const KIND_COLUMN = HEAD_COLUMN + NOUN_CLASS_NAMES.length;
const FOCUS_COLUMN = KIND_COLUMN + QUESTION_KINDS.length;
const CLAUSE_COVERAGE = at.clauseCoverage;
const CLAUSE_COVERAGE_GAP = at.clauseCoverageGap;
const FOCUS_INSIDE = at.focusInside;
const FOCUS_DISTANCE = at.focusDistance;

export interface PhraseCandidate {
  start: number;
  end: number;
  /** Token range in the sentence, end exclusive. */
  first: number;
  last: number;
  /** The clause a reason word opens, taken whole. */
  clause: boolean;
}

export interface SentencePhrases {
  candidates: PhraseCandidate[];
  rows: Float64Array;
}

const BREAKS = /[,;:()"“”«»—–!?[\]]/u;
const CLAUSE_PUNCTUATION = /[,;:]/;
const OPENING_BRACKET = /[([]/;
const CLOSING_BRACKET = /[)\]]/;

/** Punctuation between two tokens that ends a phrase, except a digit group or decimal point inside a number. */
function breaksBefore(tokens: readonly ReaderToken[], i: number): boolean {
  const t = tokens[i];
  if (!t?.gapBefore) return false;
  const previous = tokens[i - 1];
  if ((t.gapBefore === "," || t.gapBefore === ".") && t.number && previous?.number) return false;
  return BREAKS.test(t.gapBefore) || t.gapBefore.length > 1;
}

function tagOf(token: ReaderToken | undefined): string {
  if (!token || token.capitalized) return "";
  return lexiconTag(token.lower) ?? "";
}

// What a token is, as a phrase's head, first word, previous word or the punctuation before it: bit flags.
const VERB = 1;
const ADJECTIVE = 1 << 1;
const ADVERB = 1 << 2;
const LOCATIVE = 1 << 3;
const BY = 1 << 4;
const OF = 1 << 5;
const DETERMINER = 1 << 6;
const REASON = 1 << 7;
const COPULA = 1 << 8;
const NAMING = 1 << 9;
const AMOUNT_WORD = 1 << 10;
const BREAK_BEFORE = 1 << 11;
const CLAUSE_BEFORE = 1 << 12;
const OPENS_BEFORE = 1 << 13;
const CLOSES_BEFORE = 1 << 14;
const AMOUNT_BEFORE = 1 << 15;

interface TokenFacts {
  flags: Uint16Array;
  /** Index in NOUN_CLASS_NAMES of the token's noun class as a phrase head. */
  headClass: Uint8Array;
}

/**
 * The facts of a sentence's tokens that no question changes, found once per sentence: a sentence has a hundred
 * candidate phrases and each token is the head, first or previous word of up to seven of them.
 */
const factsOfSentence = new WeakMap<readonly ReaderToken[], TokenFacts>();
function tokenFacts(tokens: readonly ReaderToken[]): TokenFacts {
  const cached = factsOfSentence.get(tokens);
  if (cached) return cached;
  const flags = new Uint16Array(tokens.length);
  const headClass = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    const tag = tagOf(t);
    const lower = t.lower;
    const naming =
      NAMING_WORDS.has(lower) || (lower === "as" && NAMING_WORDS.has(tokens[i - 1]?.lower ?? ""));
    flags[i] =
      (VERB_TAGS.has(tag) ? VERB : 0) |
      (ADJECTIVE_TAGS.has(tag) ? ADJECTIVE : 0) |
      (tag.includes("Adverb") ? ADVERB : 0) |
      (LOCATIVE_PREPOSITIONS.has(lower) ? LOCATIVE : 0) |
      (lower === "by" ? BY : 0) |
      (lower === "of" ? OF : 0) |
      (DETERMINERS.has(lower) ? DETERMINER : 0) |
      (REASON_OPENERS.has(lower) ? REASON : 0) |
      (COPULAS.has(lower) ? COPULA : 0) |
      (naming ? NAMING : 0) |
      (AMOUNT_SIGNS.has(lower) ? AMOUNT_WORD : 0) |
      (breaksBefore(tokens, i) ? BREAK_BEFORE : 0) |
      (CLAUSE_PUNCTUATION.test(t.gapBefore) ? CLAUSE_BEFORE : 0) |
      (OPENING_BRACKET.test(t.gapBefore) ? OPENS_BEFORE : 0) |
      (CLOSING_BRACKET.test(t.gapBefore) ? CLOSES_BEFORE : 0) |
      (AMOUNT_SIGNS.has(t.gapBefore) ? AMOUNT_BEFORE : 0);
    headClass[i] = NOUN_CLASS_NAMES.indexOf(t.capitalized || t.number ? "none" : nounClassName(t.lower));
  });
  const facts = { flags, headClass };
  factsOfSentence.set(tokens, facts);
  return facts;
}

/**
 * The stretch between breaks each token stands in, and how much of the question (by weight, each word once) is
 * matched in each stretch: the answer stands with the question's words, not in another stretch of the sentence
 * (`The ferry left at noon, and the tug sailed at dusk.` asked `When did the tug sail?`).
 */
function clauseCoverage(
  article: AnalyzedArticle,
  tokens: readonly ReaderToken[],
  flags: Uint16Array,
  question: Question,
  termByStem: ReadonlyMap<string, number>,
  matchedTokens: readonly number[],
): { segmentOf: Int32Array; segmentCoverage: Float64Array; bestSegmentCoverage: number } {
  const n = tokens.length;
  const termCount = question.terms.length;
  const weights = new Float64Array(termCount);
  let total = 0;
  for (let t = 0; t < termCount; t++) {
    const stem = question.terms[t]?.stem ?? "";
    weights[t] = termWeight(article, stem);
    total += weights[t] ?? 0;
  }
  const segmentOf = new Int32Array(n);
  let segments = 1;
  for (let i = 1; i < n; i++) {
    if ((flags[i] ?? 0) & BREAK_BEFORE) segments++;
    segmentOf[i] = segments - 1;
  }
  const seen = new Uint8Array(segments * termCount);
  const segmentCoverage = new Float64Array(segments);
  let bestSegmentCoverage = 0;
  for (const m of matchedTokens) {
    const t = termByStem.get(tokens[m]?.stem ?? "");
    if (t === undefined || !total) continue;
    const segment = segmentOf[m] ?? 0;
    if (seen[segment * termCount + t]) continue;
    seen[segment * termCount + t] = 1;
    const coverage = (segmentCoverage[segment] ?? 0) + (weights[t] ?? 0) / total;
    segmentCoverage[segment] = coverage;
    bestSegmentCoverage = Math.max(bestSegmentCoverage, coverage);
  }
  return { segmentOf, segmentCoverage, bestSegmentCoverage };
}

/**
 * Where the asked noun stands (the question's `askedTerm`): the answer is often that noun's own phrase or stands
 * beside it (`the tug *Molly*`). Per token index i, the nearest one at an index below i (`focusBefore`, -1 for
 * none) and the nearest at i or after (`focusFrom`, far for none).
 */
function focusPlaces(
  tokens: readonly ReaderToken[],
  question: Question,
): { focusBefore: Int32Array; focusFrom: Int32Array } {
  const n = tokens.length;
  const forms = question.terms[question.askedTerm]?.forms;
  const far = n + MAX_FOCUS_DISTANCE;
  const focusBefore = new Int32Array(n + 1).fill(-1);
  const focusFrom = new Int32Array(n + 1).fill(far);
  if (forms) {
    for (let i = 0; i < n; i++)
      focusBefore[i + 1] = forms.has(tokens[i]?.stem ?? "") ? i : (focusBefore[i] ?? -1);
    for (let i = n - 1; i >= 0; i--)
      focusFrom[i] = forms.has(tokens[i]?.stem ?? "") ? i : (focusFrom[i + 1] ?? far);
  }
  return { focusBefore, focusFrom };
}

/** The candidate phrases of one sentence of the article, with their features. */
export function sentencePhrases(
  article: AnalyzedArticle,
  sentenceIndex: number,
  question: Question,
  matchOffsets: readonly number[],
  sentenceScore: number,
  sentenceRank: number,
): SentencePhrases {
  const view = articleView(article).sentences[sentenceIndex];
  const candidates: PhraseCandidate[] = [];
  if (!view) return { candidates, rows: new Float64Array(0) };
  const tokens = view.tokens;
  const n = tokens.length;
  const { flags, headClass } = tokenFacts(tokens);
  const forms = new Set(question.terms.flatMap((t) => [...t.forms.keys()]));
  const inQuestion = tokens.map((t) => !t.stop && forms.has(t.stem));
  const matchedAt = tokens.map((t) => matchOffsets.includes(t.start));
  const matchedTokens = matchedAt.flatMap((m, i) => (m ? [i] : []));
  tokens.forEach((a, first) => {
    if (a.stop && a.timex < 0) return;
    // A phrase made only of the question's own words never answers it: `fresh` says whether one so far is new.
    let fresh = false;
    const stop = Math.min(n, first + MAX_PHRASE_TOKENS);
    for (let last = first + 1; last <= stop; last++) {
      const z = tokens[last - 1];
      if (!z) break;
      if (last > first + 1 && (flags[last - 1] ?? 0) & BREAK_BEFORE) break;
      fresh ||= !z.stop && !inQuestion[last - 1];
      // A phrase ends on a small word only where it closes a date (`the day before`), never where it opens one
      // (`Thursday after` of `on Thursday after six weeks`).
      const closesDate = z.timex >= 0 && tokens[last]?.timex !== z.timex;
      if ((z.stop && !closesDate) || !fresh) continue;
      candidates.push({ first, last, start: a.start, end: z.end, clause: false });
    }
  });
  // A reason word opens a clause, taken whole up to the next break (`because the pier had rotted`).
  tokens.forEach((t, i) => {
    if (!REASON_OPENERS.has(t.lower) || i + 1 >= n) return;
    let last = i + 1;
    while (last < n && last - i <= MAX_CLAUSE_TOKENS && !((flags[last] ?? 0) & BREAK_BEFORE)) last++;
    const first = i + 1;
    if (last <= first) return;
    const start = tokens[first]?.start;
    const end = tokens[last - 1]?.end;
    if (start === undefined || end === undefined) return;
    const same = candidates.find((c) => c.start === start && c.end === end);
    if (same) same.clause = true;
    else candidates.push({ first, last, start, end, clause: true });
  });
  const width = PHRASE_FEATURE_COUNT;
  const rows = new Float64Array(candidates.length * width);
  const kindIndex = QUESTION_KINDS.indexOf(question.type.kind);
  const focusIndex = NOUN_CLASS_NAMES.indexOf(question.focusClass);
  const focus = question.type.focus;
  // Whether each token, as a phrase's head, is a kind of the thing asked about (`What instrument …`: a violin).
  const kindOfFocus = new Uint8Array(n);
  if (focus)
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      if (t && !t.capitalized && !t.number && isKindOf(t.lower, focus)) kindOfFocus[i] = 1;
    }
  // How near in meaning each word is to the asked noun (`What job …`: `nurse`), where WordNet may not link them.
  const vectors = wordVectors();
  const focusVector = focus ? vectors.id(focus) : -1;
  const nearFocus = new Float64Array(n);
  if (focusVector >= 0)
    for (let i = 0; i < n; i++) nearFocus[i] = vectors.similarity(focusVector, tokens[i]?.vector ?? -1);
  const set = (row: number, f: PhraseFeature, v: number) => {
    rows[row + at[f]] = v;
  };
  // Word order: a question word after the question word (`Who lost to the Rovers?`) stands, in the sentence that
  // answers, after the answer (`The Wanderers lost to the Rovers`); `orderAgree` is the share of matched words that
  // stand on the side their order in the question gives. Do-support and `be` tell the model when that flips.
  const wh = question.wh;
  const termByStem = new Map<string, number>();
  question.terms.forEach((term, i) => {
    for (const form of term.forms.keys()) if (!termByStem.has(form)) termByStem.set(form, i);
  });
  // How many words from the question word the matched word stands (negative: before it), 0 where unknown.
  const matchedOffset = matchedTokens.map((m) => {
    const term = question.terms[termByStem.get(tokens[m]?.stem ?? "") ?? -1];
    return term && wh ? term.index - wh.index : 0;
  });
  const matchedAfterWh = matchedOffset.map((k) => (k > 0 ? 1 : k < 0 ? 0 : -1));
  let termsAfterWh = 0;
  for (const term of question.terms) if (wh && term.index > wh.index) termsAfterWh++;
  const questionAfterWh = wh && question.terms.length ? termsAfterWh / question.terms.length : 0.5;
  const { segmentOf, segmentCoverage, bestSegmentCoverage } = clauseCoverage(
    article,
    tokens,
    flags,
    question,
    termByStem,
    matchedTokens,
  );
  const { focusBefore, focusFrom } = focusPlaces(tokens, question);
  // One pass over each candidate's tokens, with no closure, slice or regular expression made per candidate: a
  // sentence has a hundred candidates, and the garbage they made set off a collection every 50 answers.
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (!c) continue;
    const row = k * width;
    const head = tokens[c.last - 1];
    const firstToken = tokens[c.first];
    if (!head || !firstToken || c.last <= c.first) continue;
    const length = c.last - c.first;
    const before = tokens[c.first - 1];
    const after = tokens[c.last];
    const mention = firstToken.mention;
    const timex = firstToken.timex;
    let contentTokens = 0;
    let overlap = 0;
    let capitalized = 0;
    let allMention = mention >= 0;
    let anyMention = false;
    let allTimex = timex >= 0;
    let anyTimex = false;
    let anyNumber = false;
    let anyAmountSign = false;
    for (let i = c.first; i < c.last; i++) {
      const t = tokens[i];
      if (!t) continue;
      if (!t.stop) {
        contentTokens++;
        if (forms.has(t.stem)) overlap++;
      }
      if (t.capitalized) capitalized++;
      if (t.mention !== mention) allMention = false;
      if (t.mention >= 0) anyMention = true;
      if (t.timex !== timex) allTimex = false;
      if (t.timex >= 0) anyTimex = true;
      if (t.number) anyNumber = true;
      if ((flags[i] ?? 0) & AMOUNT_WORD) anyAmountSign = true;
    }
    set(row, "tokens", length);
    set(row, "contentTokens", contentTokens);
    set(row, "isClause", c.clause ? 1 : 0);
    // The phrase is exactly one name: its first token opens the mention and its last closes it.
    const exactMention = allMention && before?.mention !== mention && after?.mention !== mention;
    if (exactMention && firstToken.entity) set(row, firstToken.entity, 1);
    set(row, "entityPartial", !exactMention && anyMention ? 1 : 0);
    const exactTimex = allTimex && before?.timex !== timex && after?.timex !== timex;
    set(row, "timexExact", exactTimex ? 1 : 0);
    set(row, "timexPartial", !exactTimex && anyTimex ? 1 : 0);
    set(row, "hasNumber", anyNumber ? 1 : 0);
    set(row, "startsNumber", firstToken.number ? 1 : 0);
    const firstFlags = flags[c.first] ?? 0;
    const afterFlags = flags[c.last] ?? 0;
    const beforeFlags = c.first > 0 ? (flags[c.first - 1] ?? 0) : 0;
    const headFlags = flags[c.last - 1] ?? 0;
    set(row, "amountSign", firstFlags & AMOUNT_BEFORE || anyAmountSign || afterFlags & AMOUNT_BEFORE ? 1 : 0);
    set(row, "capitalizedShare", capitalized / length);
    set(row, "firstCapitalized", firstToken.capitalized ? 1 : 0);
    set(row, "questionOverlap", contentTokens ? overlap / contentTokens : 0);
    set(row, "questionTokens", overlap);
    let distance = 99;
    let matchBefore = 0;
    let near = 0;
    let outside = 0;
    let afterCandidate = 0;
    let ordered = 0;
    let agree = 0;
    let errorMin = MAX_OFFSET_ERROR;
    let errorSum = 0;
    for (let j = 0; j < matchedTokens.length; j++) {
      const m = matchedTokens[j] ?? 0;
      if (m >= c.first && m < c.last) continue;
      const d = m < c.first ? c.first - m : m - c.last + 1;
      if (d < distance) {
        distance = d;
        matchBefore = m < c.first ? 1 : 0;
      }
      if (d <= 3) near++;
      outside++;
      const isAfter = m >= c.last ? 1 : 0;
      afterCandidate += isAfter;
      const side = matchedAfterWh[j] ?? -1;
      if (side < 0) continue;
      ordered++;
      if (side === isAfter) agree++;
      // Off by how many words from where the question puts it, counting from the answer's nearer end.
      const k = matchedOffset[j] ?? 0;
      const error = Math.min(MAX_OFFSET_ERROR, Math.abs(k > 0 ? m - (c.last - 1) - k : m - c.first - k));
      errorMin = Math.min(errorMin, error);
      errorSum += error;
    }
    set(row, "distance", distance);
    set(row, "matchBefore", matchBefore);
    set(row, "matchesNear", near);
    set(row, "matchesAfterShare", outside ? afterCandidate / outside : 0.5);
    set(row, "orderAgree", ordered ? agree / ordered : 0.5);
    set(row, "questionAfterWh", questionAfterWh);
    set(row, "whDoSupport", wh?.doSupport ? 1 : 0);
    set(row, "whBe", wh?.be ? 1 : 0);
    set(row, "offsetErrorMin", errorMin);
    set(row, "offsetErrorMean", ordered ? errorSum / ordered : MAX_OFFSET_ERROR);
    const coverage = segmentCoverage[segmentOf[c.first] ?? 0] ?? 0;
    rows[row + CLAUSE_COVERAGE] = coverage;
    rows[row + CLAUSE_COVERAGE_GAP] = bestSegmentCoverage - coverage;
    rows[row + FOCUS_INSIDE] = (focusFrom[c.first] ?? n) < c.last ? 1 : 0;
    const previousFocus = focusBefore[c.first] ?? -1;
    rows[row + FOCUS_DISTANCE] = Math.min(
      MAX_FOCUS_DISTANCE,
      previousFocus >= 0 ? c.first - previousFocus : MAX_FOCUS_DISTANCE,
      (focusFrom[c.last] ?? n + MAX_FOCUS_DISTANCE) - c.last + 1,
    );
    set(row, "prevLocative", beforeFlags & LOCATIVE ? 1 : 0);
    set(row, "prevBy", beforeFlags & BY ? 1 : 0);
    set(row, "prevOf", beforeFlags & OF ? 1 : 0);
    set(row, "prevDeterminer", beforeFlags & DETERMINER ? 1 : 0);
    set(row, "prevReason", beforeFlags & REASON ? 1 : 0);
    set(row, "prevCopula", beforeFlags & COPULA ? 1 : 0);
    set(row, "prevNaming", beforeFlags & NAMING ? 1 : 0);
    set(row, "prevQuestionWord", c.first > 0 && inQuestion[c.first - 1] ? 1 : 0);
    set(row, "nextQuestionWord", c.last < n && inQuestion[c.last] ? 1 : 0);
    set(row, "prevComma", firstFlags & CLAUSE_BEFORE ? 1 : 0);
    set(row, "prevBracket", firstFlags & OPENS_BEFORE ? 1 : 0);
    set(row, "nextComma", afterFlags & CLAUSE_BEFORE ? 1 : 0);
    set(row, "nextBracket", afterFlags & CLOSES_BEFORE ? 1 : 0);
    set(row, "atSentenceEnd", c.last === n ? 1 : 0);
    set(row, "atSentenceStart", c.first === 0 ? 1 : 0);
    set(row, "relativePosition", n > 1 ? c.first / (n - 1) : 0);
    set(row, "inQuote", firstToken.inQuote ? 1 : 0);
    set(row, "headVerb", headFlags & VERB ? 1 : 0);
    set(row, "headAdjective", headFlags & ADJECTIVE ? 1 : 0);
    set(row, "headAdverb", headFlags & ADVERB ? 1 : 0);
    set(row, "firstVerb", firstFlags & VERB ? 1 : 0);
    const headClassIndex = headClass[c.last - 1] ?? NONE_CLASS;
    rows[row + HEAD_COLUMN + headClassIndex] = 1;
    set(row, "headKindOfFocus", kindOfFocus[c.last - 1] ?? 0);
    let focusSimilarity = 0;
    for (let i = c.first; i < c.last; i++) focusSimilarity = Math.max(focusSimilarity, nearFocus[i] ?? 0);
    set(row, "focusSimilarity", focusSimilarity);
    set(row, "headClassIsFocus", headClassIndex !== NONE_CLASS && headClassIndex === focusIndex ? 1 : 0);
    // A phrase that starts or ends inside a longer run of content words or a name is likely cut short.
    const joinsBefore = !!before && !(firstFlags & BREAK_BEFORE);
    const joinsAfter = !!after && !(afterFlags & BREAK_BEFORE);
    set(row, "prevContent", joinsBefore && !before?.stop ? 1 : 0);
    set(row, "nextContent", joinsAfter && !after?.stop ? 1 : 0);
    set(row, "prevNameJoins", joinsBefore && before?.capitalized && firstToken.capitalized ? 1 : 0);
    set(row, "nextNameJoins", joinsAfter && after?.capitalized && head.capitalized ? 1 : 0);
    set(row, "prevNumber", joinsBefore && before?.number ? 1 : 0);
    set(row, "nextNumber", joinsAfter && after?.number ? 1 : 0);
    set(row, "characters", c.end - c.start);
    // The kind of answer asked and the kind of phrase, side by side (`when` and a date, `who` and a name …).
    const kind = question.type.kind;
    const isName = exactMention && (firstToken.entity === "person" || firstToken.entity === "organization");
    set(
      row,
      "fitsAsked",
      (kind === "when" && exactTimex) ||
        (kind === "who" && isName) ||
        (kind === "where" && ((exactMention && firstToken.entity === "place") || beforeFlags & LOCATIVE)) ||
        ((kind === "how-many" || kind === "how-much") && firstToken.number && !exactTimex) ||
        (kind === "why" && c.clause)
        ? 1
        : 0,
    );
    set(row, "sentenceScore", sentenceScore);
    set(row, "sentenceRank", sentenceRank);
    if (kindIndex >= 0) rows[row + KIND_COLUMN + kindIndex] = 1;
    if (focusIndex >= 0) rows[row + FOCUS_COLUMN + focusIndex] = 1;
  }
  return { candidates, rows };
}
