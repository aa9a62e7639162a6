// For `what`: the phrase of a sentence that answers, chosen among its noun chunks, names given, quoted words,
// numbers and named entities by named choice rules (tested in test/rules/ask-what.test.ts). The parts of a
// sentence that do not depend on the question are worked out once per sentence and kept with the article.
import type { AnalyzedArticle } from "../../analyze.ts";
import {
  AMOUNT_FOCUS_NOUNS,
  COUNT_WORDS,
  lexiconTag,
  lexiconTags,
  OBJECT_AUXILIARIES,
  ORGANISATION_FOCUS_NOUNS,
  PERSON_FOCUS_NOUNS,
  PLACE_FOCUS_NOUNS,
  STOP_WORDS,
  YEAR_FOCUS_NOUNS,
} from "../../lexicon/index.ts";
import { type Token, termOf, tokenize } from "../../text.ts";
import type { Sentence } from "../../types.ts";
import { questionTerms, type ScoredSentence } from "../match.ts";
import type { QuestionType } from "./classify.ts";
import { NAMING_RULES, NUMBER_RULES, type Phrase, phrasesBy, QUOTED_RULES } from "./phrases.ts";

/** A phrase that may answer, with its first and last token in the sentence. */
export interface Candidate extends Phrase {
  first: number;
  last: number;
  /** `person`, `organization`, `place` for a named entity; `number` for a number; else `phrase`. */
  kind: "person" | "organization" | "place" | "number" | "phrase";
}

/** What a question tells about where and of what type its answer is. */
export interface Asked {
  /** The noun after `what`/`which` (`What *company* …`), if any. */
  focus: string | null;
  /** The stem of the question's verb and the side of it the answer stands on. */
  verb: { stem: string; side: "after" | "before" } | null;
}

/** The question-independent parts of one sentence. */
interface SentenceParts {
  tokens: Token[];
  terms: string[];
  /** The token cannot be inside a noun chunk (a preposition, a verb, a clause link). */
  breaks: boolean[];
  /** The token is `and`/`or`, which may join two nouns into one answer. */
  coordinates: boolean[];
  /** Punctuation stands between this token and the one before. */
  punctuatedBefore: boolean[];
  /** Names given, quoted words, numbers and entity mentions in the sentence. */
  typed: Candidate[];
}

export interface ChoiceRule {
  id: string;
  /** The questions the rule reads (matched against the lower-cased question). */
  pattern: RegExp;
  /** What the rule adds to a candidate's score, in tokens of distance it outweighs. */
  action: (candidate: Candidate, asked: Asked, parts: { terms: string[] }) => number;
  reason: string;
}

const YEAR = /^(?:1[0-9]\d\d|20\d\d)s?$/;
const inFocus = (nouns: ReadonlySet<string>) => (_: Candidate, asked: Asked) =>
  asked.focus !== null && nouns.has(asked.focus);

/** Choice rules: each adds to (or takes from) a candidate's score. */
export const CHOICE_RULES: readonly ChoiceRule[] = [
  {
    id: "place-for-place-noun",
    pattern: /\b(?:what|which)\s+\w+/,
    action: (c, a) => (inFocus(PLACE_FOCUS_NOUNS)(c, a) ? (c.kind === "place" ? 6 : 0) : 0),
    reason: "`What city …?` is answered by a place the article names",
  },
  {
    id: "organisation-for-organisation-noun",
    pattern: /\b(?:what|which)\s+\w+/,
    action: (c, a) => (inFocus(ORGANISATION_FOCUS_NOUNS)(c, a) && c.kind === "organization" ? 6 : 0),
    reason: "`What company …?` is answered by an organisation the article names",
  },
  {
    id: "person-for-person-noun",
    pattern: /\b(?:what|which)\s+\w+/,
    action: (c, a) => (inFocus(PERSON_FOCUS_NOUNS)(c, a) && c.kind === "person" ? 6 : 0),
    reason: "`Which player …?` is answered by a person the article names",
  },
  {
    id: "year-for-year-noun",
    pattern: /\b(?:what|which)\s+(?:year|years|decade|century)\b/,
    action: (c, a) => (inFocus(YEAR_FOCUS_NOUNS)(c, a) && YEAR.test(c.text) ? 8 : 0),
    reason: "`What year …?` is answered by a year",
  },
  {
    id: "number-for-amount-noun",
    pattern: /\b(?:what|which)\s+\w+/,
    action: (c, a) => (inFocus(AMOUNT_FOCUS_NOUNS)(c, a) && c.kind === "number" ? 6 : 0),
    reason: "`What percentage …?`, `What was the population …?` are answered by a number",
  },
  {
    id: "entity-of-other-type",
    pattern: /\b(?:what|which)\s+\w+/,
    action: (c, a) => {
      if (c.kind === "number" || c.kind === "phrase" || a.focus === null) return 0;
      const wants = PLACE_FOCUS_NOUNS.has(a.focus)
        ? "place"
        : ORGANISATION_FOCUS_NOUNS.has(a.focus)
          ? "organization"
          : PERSON_FOCUS_NOUNS.has(a.focus)
            ? "person"
            : null;
      return wants !== null && wants !== c.kind ? -4 : 0;
    },
    reason: "`What team …?` is not answered by a person's name: an entity of another type than asked loses",
  },
  {
    id: "object-after-verb",
    pattern: /^\W*(?:what|which)\b/,
    action: (c, a, p) => verbSide(c, a, p, "after"),
    reason: "`What did the council approve?`: the answer is the object, after the sentence's `approved`",
  },
  {
    id: "subject-before-verb",
    pattern: /^\W*(?:what|which)\b/,
    action: (c, a, p) => verbSide(c, a, p, "before"),
    reason: "`What closed the bridge?`: the answer is the subject, before the sentence's `closed`",
  },
];

/** Tokens after (or before) the question's verb in the sentence a candidate may stand in. */
const VERB_REACH = 8;
function verbSide(c: Candidate, a: Asked, p: { terms: string[] }, side: "after" | "before"): number {
  if (a.verb === null || a.verb.side !== side) return 0;
  const at = p.terms.indexOf(a.verb.stem);
  if (at < 0) return 0;
  if (side === "after") return c.first > at && c.first - at <= VERB_REACH ? 4.5 : c.last < at ? -3 : 0;
  return c.last < at && at - c.last <= VERB_REACH ? 4.5 : c.first > at ? -3 : 0;
}

const VERB_TAGS = new Set(["Verb", "PastTense", "PresentTense", "Infinitive", "Gerund", "Participle"]);
/** A word the lexicon knows as a verb in any of its readings, or an unknown `-ed` word (`closed`, `delayed`). */
const isVerb = (word: string) => {
  const tags = lexiconTags(word);
  return tags.some((t) => VERB_TAGS.has(t)) || (/ed$/.test(word) && word.length > 4);
};

/** The focus noun and the verb (with the side its answer stands on) of a `what` question. */
export function readAsked(question: string, type: QuestionType): Asked {
  const words = question.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  let wh = words.findIndex((w) => w === "what" || w === "which");
  // `What company built …`: the focus noun stands with `what`.
  if (wh >= 0 && type.focus && words[wh + 1] === type.focus.toLowerCase() && !isVerb(type.focus)) wh++;
  let verb: Asked["verb"] = null;
  const next = words[wh + 1];
  if (wh >= 0 && next !== undefined) {
    if (OBJECT_AUXILIARIES.has(next)) {
      const after = words[wh + 2];
      // `What has closed the bridge?`: the auxiliary's verb comes at once, so `what` is its subject.
      if (after !== undefined && isVerb(after) && !STOP_WORDS.has(after))
        verb = { stem: termOf(after), side: "before" };
      else {
        const v = words.slice(wh + 3).find((w) => isVerb(w) && !STOP_WORDS.has(w));
        if (v) verb = { stem: termOf(v), side: "after" };
      }
    } else if (isVerb(next) && !STOP_WORDS.has(next)) verb = { stem: termOf(next), side: "before" };
  }
  return { focus: type.focus ? type.focus.toLowerCase() : null, verb };
}

/** Words that end a candidate phrase: clause links and pronouns that point elsewhere. */
const PHRASE_BREAKS = new Set(
  "and or but which who whom whose that when where while because although though as if than so whereas".split(
    " ",
  ),
);
const EDGE_WORDS = new Set([...STOP_WORDS].filter((w) => !COUNT_WORDS.has(w)));
const CHUNK_VERB_TAGS = new Set([...VERB_TAGS, "Copula", "Modal", "Auxiliary"]);

/** A word that ends a noun chunk: a preposition, or a lower-case verb (`played`, `was`, `leading`). */
function breaksChunk(t: Token): boolean {
  if (/^\p{Lu}|\d/u.test(t.text)) return false;
  const lower = t.text.toLowerCase();
  if (PHRASE_BREAKS.has(lower)) return true;
  const tag = lexiconTag(lower);
  if (tag === "Preposition" || tag === "Conjunction") return true;
  if (tag !== undefined) return CHUNK_VERB_TAGS.has(tag);
  return /(?:ed|ing)$/.test(lower) && lower.length > 4;
}

/** `circuit switching`: an unknown `-ing` word after a noun-like word heads a compound, not a verb phrase. */
function compoundHead(t: Token, before: Token): boolean {
  const lower = t.text.toLowerCase();
  const prior = before.text.toLowerCase();
  return (
    lexiconTag(lower) === undefined &&
    lower.endsWith("ing") &&
    !EDGE_WORDS.has(prior) &&
    !breaksChunk(before) &&
    !/(?:ly|ed|ing)$/.test(prior)
  );
}

const partsCache = new WeakMap<AnalyzedArticle, Map<number, SentenceParts>>();

function sentenceParts(article: AnalyzedArticle, sentence: Sentence): SentenceParts {
  let byIndex = partsCache.get(article);
  if (!byIndex) {
    byIndex = new Map();
    partsCache.set(article, byIndex);
  }
  let parts = byIndex.get(sentence.index);
  if (parts) return parts;
  const tokens = tokenize(sentence.text, sentence.start);
  const tokenAt = (offset: number) => {
    const i = tokens.findIndex((t) => t.end > offset);
    return i < 0 ? tokens.length - 1 : i;
  };
  const typed: Candidate[] = [];
  const add = (p: Phrase, kind: Candidate["kind"]) =>
    typed.push({ ...p, first: tokenAt(p.start), last: tokenAt(p.end - 1), kind });
  for (const p of phrasesBy(NAMING_RULES, sentence)) add(p, "phrase");
  for (const p of phrasesBy(QUOTED_RULES, sentence)) add(p, "phrase");
  for (const p of phrasesBy(NUMBER_RULES, sentence)) add(p, "number");
  for (const e of article.entities)
    for (const m of e.mentions)
      if (m.start >= sentence.start && m.end <= sentence.end)
        add({ start: m.start, end: m.end, text: m.text, rule: `${e.type}-entity` }, e.type);
  parts = {
    tokens,
    terms: tokens.map((t) => termOf(t.text)),
    breaks: tokens.map((t, i) => breaksChunk(t) && !(i > 0 && compoundHead(t, tokens[i - 1] as Token))),
    coordinates: tokens.map((t) => t.text === "and" || t.text === "or"),
    punctuatedBefore: tokens.map(
      (t, i) => i > 0 && /[,;:()"“”—–]/.test(article.text.slice((tokens[i - 1] as Token).end, t.start)),
    ),
    typed,
  };
  byIndex.set(sentence.index, parts);
  return parts;
}

/**
 * Noun chunks the question does not hold: runs of words inside one clause, split at the question's own words,
 * prepositions and verbs, trimmed of function words (`played at natural grass stadiums` → `natural grass
 * stadiums`).
 */
function chunks(article: AnalyzedArticle, parts: SentenceParts, isAsked: boolean[]): Candidate[] {
  const { tokens } = parts;
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (isAsked[i] || parts.breaks[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && !parts.punctuatedBefore[j + 1]) {
      if (!isAsked[j + 1] && !parts.breaks[j + 1]) j++;
      // `red brick and grey stone`: two nouns joined by `and` are one answer.
      else if (
        parts.coordinates[j + 1] &&
        j + 2 < tokens.length &&
        !isAsked[j + 2] &&
        !parts.breaks[j + 2] &&
        !parts.punctuatedBefore[j + 2] &&
        !EDGE_WORDS.has((tokens[j + 2] as Token).text.toLowerCase())
      )
        j += 2;
      else break;
    }
    let a = i;
    let z = j;
    while (a <= z && EDGE_WORDS.has((tokens[a] as Token).text.toLowerCase())) a++;
    while (z >= a && EDGE_WORDS.has((tokens[z] as Token).text.toLowerCase())) z--;
    if (a <= z) {
      const first = tokens[a] as Token;
      const last = tokens[z] as Token;
      out.push({
        start: first.start,
        end: last.end,
        text: article.text.slice(first.start, last.end),
        rule: "noun-chunk",
        first: a,
        last: z,
        kind: "phrase",
      });
    }
    i = j + 1;
  }
  return out;
}

/** What a kind of candidate adds to its score (in tokens of distance it outweighs). */
const CANDIDATE_BONUS: Record<string, number> = {
  focus: 5,
  "named-as": 4,
  "quoted-words": 3,
  entity: 3,
  number: 0,
};
/** What each of the question's own words inside a candidate costs it. */
const ASKED_INSIDE = 1;
const MEAN_SHARE = 0.2;
/** Words beyond this many count against a candidate: answers are short. */
const SHORT_PHRASE = 4;
const LENGTH_PENALTY = 0.3;

/** The stems that count as the question's own words (its terms' close forms), once per question. */
const formsCache = new Map<string, { forms: Set<string>; asked: Asked }>();
function questionParts(question: string, type: QuestionType): { forms: Set<string>; asked: Asked } {
  let parts = formsCache.get(question);
  if (!parts) {
    const forms = new Set<string>();
    for (const t of questionTerms(question))
      for (const [form, quality] of t.forms) if (quality >= 0.75) forms.add(form);
    parts = { forms, asked: readAsked(question, type) };
    if (formsCache.size > 2000) formsCache.clear();
    formsCache.set(question, parts);
  }
  return parts;
}

/**
 * The phrase nearest the question's own words that the question does not hold, scored by the choice rules:
 * next to the question's focus noun (`the rowing club *Harbour Eights*`), a name given (`known as …`), an
 * entity or number of the asked type, on the side of the question's verb the question's `what` stands on.
 */
export function whatPhrase(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
): Phrase | null {
  const parts = sentenceParts(article, ranked.sentence);
  const { tokens, terms } = parts;
  const { forms, asked } = questionParts(question, type);
  const isAsked = terms.map((t) => forms.has(t));
  const lowered = question.toLowerCase();
  const rules = CHOICE_RULES.filter((r) => r.pattern.test(lowered));
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
  const focus = asked.focus ? termOf(asked.focus) : null;
  const focusAt = focus ? terms.indexOf(focus) : -1;
  let best: Phrase | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const consider = (c: Candidate) => {
    const { first: a, last: z } = c;
    let inside = 0;
    for (let k = a; k <= z; k++) if (isAsked[k]) inside++;
    if (inside === z - a + 1) return;
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
    const nextToFocus = focusAt >= 0 && (a === focusAt + 1 || z === focusAt - 1);
    let bonus =
      c.kind === "phrase"
        ? (CANDIDATE_BONUS[c.rule] ?? 0)
        : c.kind === "number"
          ? (CANDIDATE_BONUS.number as number)
          : (CANDIDATE_BONUS.entity as number);
    for (const r of rules) bonus += r.action(c, asked, parts);
    const score =
      -distance +
      bonus -
      ASKED_INSIDE * inside +
      (nextToFocus ? (CANDIDATE_BONUS.focus as number) : 0) -
      LENGTH_PENALTY * Math.max(0, z - a + 1 - SHORT_PHRASE);
    if (score > bestScore) {
      best = { start: c.start, end: c.end, text: c.text, rule: c.rule };
      bestScore = score;
    }
  };
  for (const c of chunks(article, parts, isAsked)) consider(c);
  for (const c of parts.typed) consider(c);
  return best;
}
