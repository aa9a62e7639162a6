// For `what`: the phrase of a sentence that answers, chosen among its noun chunks, names given, quoted words,
// numbers and named entities by named choice rules (tested in test/rules/ask-what.test.ts). The parts of a
// sentence that do not depend on the question are worked out once per sentence and kept with the article.
import type { AnalyzedArticle } from "../../analyze.ts";
import {
  ADDITIVE_QUESTION,
  AMOUNT_FOCUS_NOUNS,
  CHUNK_PREPOSITIONS,
  COUNT_WORDS,
  EXAMPLE_MARKERS,
  EXAMPLE_QUESTION,
  GENERIC_NOUNS,
  lexiconTag,
  lexiconTags,
  MEASURE_UNITS,
  type Measure,
  MONTH_NAMES,
  measureAsked,
  OBJECT_AUXILIARIES,
  ORGANISATION_FOCUS_NOUNS,
  PERSON_FOCUS_NOUNS,
  PHRASE_OPENERS,
  PLACE_FOCUS_NOUNS,
  PLACE_NAMING_PREPOSITIONS,
  REPORTING_VERBS,
  STOP_WORDS,
  STRANDED_PREPOSITIONS,
  YEAR_FOCUS_NOUNS,
} from "../../lexicon/index.ts";
import { foldName, type Token, termOf, tokenize } from "../../text.ts";
import type { Sentence } from "../../types.ts";
import {
  headsNounPhrase,
  isKindOf,
  LOCATION_FILE,
  namesPeople,
  nounClass,
  PERSON_FILE,
} from "../../wordnet/noun-class.ts";
import { questionTerms, type ScoredSentence } from "../match.ts";
import type { QuestionType } from "./classify.ts";
import {
  MEANS_RULES,
  NAMING_RULES,
  NUMBER_RULES,
  type Phrase,
  PLACE_RULES,
  phrasesBy,
  QUOTED_RULES,
  REPORTED_SPEECH_RULES,
} from "./phrases.ts";

/** A phrase that may answer, with its first and last token in the sentence. */
export interface Candidate extends Phrase {
  first: number;
  last: number;
  /** `person`, `organization`, `place` for a named entity; `number` for a number; else `phrase`. */
  kind: "person" | "organization" | "place" | "number" | "phrase";
  /** For an entity mention: the stems of every word the article names that entity with. */
  entityTerms?: ReadonlySet<string>;
}

/** What a question tells about where and of what type its answer is. */
export interface Asked {
  /** The noun after `what`/`which` (`What *company* …`), if any. */
  focus: string | null;
  /** The stem of the question's verb and the side of it the answer stands on. */
  verb: { stem: string; side: "after" | "before" } | null;
  /** The preposition that takes the asked thing: `By what …?`, `… absolve them from?`. */
  preposition: string | null;
  /** The stems of the question's words just before and just after its `what` phrase (`would be what`). */
  before: string | null;
  after: string | null;
  /** The kind of quantity asked for (`What percentage …` → a share), if any. */
  measure: Measure | null;
  /** `what` stands at the end, where its answer stands in a statement: `The council banned a what?`. */
  inSitu: boolean;
  /** The nouns of the `what` phrase (`What rowing club …` → rowing, club), the focus among them. */
  focusNouns: string[];
  /** The question asks for an act: `What did the council do?`, `What happened to the pier?`. */
  asksAction: boolean;
  /** `What will be restored?`: the question is passive, so its `what` is the subject of a passive verb. */
  passive: boolean;
  /** The question's verb is one of saying: `What did the ecologists warn?`, `What did the mayor announce?`. */
  asksSaid: boolean;
}

/** The question-independent parts of one sentence. */
interface SentenceParts {
  tokens: Token[];
  /** Each token's text in lower case. */
  lower: string[];
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
    id: "measure-for-measure-question",
    pattern: /./,
    action: (c, a) =>
      a.measure !== null && c.kind === "number" && MEASURE_UNITS[a.measure].test(c.text) ? 4 : 0,
    reason: "`What was the repair bill?` … `What percentage …?`: a number in the unit the question asks for",
  },
  {
    id: "place-for-where",
    pattern: /\bwhere\b/,
    action: (c) => (c.kind === "place" ? 4 : 0),
    reason: "`Where did the ferry dock?` is answered by a place the article names, where there is one",
  },
  {
    id: "object-after-verb",
    pattern: /^\W*(?:what|which)\b/,
    action: (c, a, p) => verbSide(c, a, p, "after"),
    reason: "`What did the council approve?`: the answer is the object, after the sentence's `approved`",
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

/** `What did the board do …?`, `What happened to the pier?`: the answer is what was done. */
const ACTION_QUESTION =
  /\bwhat\s+(?:(?:did|does|do|will|would|can|could|should|has|have|had)\b.*\b(?:do|done)\b|(?:has\s+|had\s+|will\s+)?happen(?:ed|s)?\b)/i;

/** The focus word and the nouns right after it, up to the question's verb or a function word. */
function focusNouns(words: string[], focus: string | null): string[] {
  if (focus === null) return [];
  const lower = focus.toLowerCase();
  const out = [lower];
  for (let k = words.indexOf(lower) + 1; k > 0 && k < words.length && out.length < 3; k++) {
    const w = words[k] as string;
    if (STOP_WORDS.has(w) || OBJECT_AUXILIARIES.has(w) || nounClass(w) === null) break;
    out.push(w);
  }
  return out;
}

/**
 * Stems of the verbs that report what was said, whose object is the saying (`What did the ecologists warn?`); not
 * those that name or describe (`called`, `described`), whose object is a name.
 */
let sayingStems: ReadonlySet<string> | undefined;
/** Worked out on first use: stemming loads the word list, which starting the program must not. */
const isSayingStem = (stem: string) => {
  sayingStems ??= new Set(REPORTING_VERBS.map(termOf));
  return sayingStems.has(stem);
};

/** Forms of `be` that make a passive after an auxiliary: `will *be* restored`, `has *been* closed`. */
const PASSIVE_BE = new Set(["be", "been", "being"]);

/** The focus noun and the verb (with the side its answer stands on) of a `what` question. */
export function readAsked(question: string, type: QuestionType): Asked {
  const words = question.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  let wh = words.findIndex((w) => w === "what" || w === "which");
  // `What company built …`: the focus noun stands with `what`.
  if (wh >= 0 && type.focus && words[wh + 1] === type.focus.toLowerCase() && !isVerb(type.focus)) wh++;
  let verb: Asked["verb"] = null;
  let passive = false;
  const next = words[wh + 1];
  if (wh >= 0 && next !== undefined) {
    if (OBJECT_AUXILIARIES.has(next)) {
      const after = words[wh + 2];
      // `What has closed the bridge?`: the auxiliary's verb comes at once, so `what` is its subject.
      if (after !== undefined && isVerb(after) && !STOP_WORDS.has(after))
        verb = { stem: termOf(after), side: "before" };
      // `What will be restored?`: a passive's `what` is its subject too.
      else if (
        after !== undefined &&
        PASSIVE_BE.has(after) &&
        words[wh + 3] !== undefined &&
        isVerb(words[wh + 3] as string)
      ) {
        verb = { stem: termOf(words[wh + 3] as string), side: "before" };
        passive = true;
      } else {
        const v = words.slice(wh + 3).find((w) => isVerb(w) && !STOP_WORDS.has(w));
        if (v) verb = { stem: termOf(v), side: "after" };
      }
    } else if (isVerb(next) && !STOP_WORDS.has(next)) verb = { stem: termOf(next), side: "before" };
  }
  const whAt = words.findIndex((w) => w === "what" || w === "which");
  // `… banned a what?`: the word before `what`, past a determiner.
  let priorAt = whAt - 1;
  while (priorAt > 0 && DETERMINERS.has(words[priorAt] as string)) priorAt--;
  const prior = priorAt >= 0 ? words[priorAt] : undefined;
  const last = words[words.length - 1];
  const preposition =
    prior !== undefined && lexiconTag(prior) === "Preposition"
      ? prior
      : last !== undefined && STRANDED_PREPOSITIONS.has(last)
        ? last
        : null;
  const content = (w: string | undefined) => (w === undefined || STOP_WORDS.has(w) ? null : termOf(w));
  return {
    focus: type.focus ? type.focus.toLowerCase() : null,
    verb,
    preposition,
    before: prior !== undefined && prior !== preposition ? content(prior) : null,
    after: wh >= 0 ? content(words[wh + 1]) : null,
    measure: measureAsked(question) ?? null,
    inSitu: whAt > 0 && whAt >= words.length - 2,
    focusNouns: focusNouns(words, type.focus),
    asksAction: ACTION_QUESTION.test(question),
    asksSaid: verb !== null && isSayingStem(verb.stem),
    passive,
  };
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
  if (PHRASE_BREAKS.has(lower) || CHUNK_PREPOSITIONS.has(lower) || PHRASE_OPENERS.has(lower)) return true;
  const tag = lexiconTag(lower);
  if (tag === "Preposition" || tag === "Conjunction") return true;
  if (tag !== undefined) return CHUNK_VERB_TAGS.has(tag);
  return /(?:ed|ing)$/.test(lower) && lower.length > 4;
}

/** Tags of a word that stands before a noun in a noun chunk: `the *first* stage`, `a *new* pilot boat`. */
const MODIFIER_TAGS = new Set([
  "Adjective",
  "Comparative",
  "Superlative",
  "Ordinal",
  "Cardinal",
  "TextValue",
  "Determiner",
  "Possessive",
]);
/** Verb tags the word list gives base forms that are nouns as often (`boat`, `stage`, `garden`). */
const NOUN_OR_VERB_TAGS = new Set(["Infinitive", "PresentTense"]);

/**
 * Where noun chunks break. A word the list gives only as a verb but WordNet knows as a noun (`stage`, `boat`) is a
 * noun after a determiner, a number or an adjective, or after a word this rule made a noun (`new pilot *boat*`).
 */
function chunkBreaks(tokens: Token[]): boolean[] {
  const breaks: boolean[] = [];
  let previousWasNoun = false;
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    let breaks_ = breaksChunk(t) && !(before !== undefined && compoundHead(t, before));
    let madeNoun = false;
    if (breaks_ && before !== undefined && !/^\p{Lu}/u.test(t.text)) {
      const lower = t.text.toLowerCase();
      const tags = lexiconTags(lower);
      const priorTags = lexiconTags(before.text.toLowerCase());
      const prior = before.text.toLowerCase();
      // `street market`: a base-form verb cannot follow a singular noun as its subject, so it is a compound.
      const afterSingularNoun =
        tags.length === 1 &&
        tags[0] === "Infinitive" &&
        breaks[i - 1] === false &&
        /^\p{Ll}+$/u.test(before.text) &&
        !prior.endsWith("s") &&
        !STOP_WORDS.has(prior) &&
        nounClass(prior) !== null;
      const afterModifier =
        previousWasNoun ||
        afterSingularNoun ||
        DETERMINERS.has(prior) ||
        /\d/.test(before.text) ||
        priorTags.some((tag) => MODIFIER_TAGS.has(tag));
      if (
        afterModifier &&
        tags.length > 0 &&
        tags.every((tag) => NOUN_OR_VERB_TAGS.has(tag)) &&
        nounClass(lower) !== null
      ) {
        breaks_ = false;
        madeNoun = true;
      }
      // `the *damaged* arch`, `severely *reduced* rainfall`: a participle between a modifier and a noun modifies it.
      const next = tokens[i + 1];
      if (
        breaks_ &&
        /(?:ed|ing)$/.test(lower) &&
        (afterModifier || /ly$/.test(prior)) &&
        next !== undefined &&
        !breaksChunk(next) &&
        !STOP_WORDS.has(next.text.toLowerCase())
      )
        breaks_ = false;
    }
    previousWasNoun =
      madeNoun || (!breaks_ && lexiconTags(t.text.toLowerCase()).some((tag) => NOUN_TAGS.has(tag)));
    breaks.push(breaks_);
  });
  return breaks;
}
const NOUN_TAGS = new Set(["Singular", "Plural", "Uncountable", "Noun", "Actor"]);

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
  for (const p of phrasesBy(PLACE_RULES, sentence)) add(p, "place");
  for (const p of phrasesBy(MEANS_RULES, sentence)) add(p, "phrase");
  for (const p of phrasesBy(REPORTED_SPEECH_RULES, sentence)) add(p, "phrase");
  for (const e of article.entities) {
    const inSentence = e.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (inSentence.length === 0) continue;
    const entityTerms = new Set(
      [e.name, ...e.mentions.map((m) => m.text)].flatMap((n) => tokenize(n, 0).map((t) => termOf(t.text))),
    );
    for (const m of inSentence)
      typed.push({
        start: m.start,
        end: m.end,
        text: m.text,
        rule: `${e.type}-entity`,
        first: tokenAt(m.start),
        last: tokenAt(m.end - 1),
        kind: e.type,
        entityTerms,
      });
  }
  parts = {
    tokens,
    lower: tokens.map((t) => t.text.toLowerCase()),
    terms: tokens.map((t) => termOf(t.text)),
    breaks: chunkBreaks(tokens),
    coordinates: tokens.map((t) => t.text === "and" || t.text === "or"),
    punctuatedBefore: tokens.map((t, i) => {
      const before = tokens[i - 1];
      if (before === undefined) return false;
      const gap = article.text.slice(before.end, t.start);
      // `4,000`: a thousands separator is inside a number, not between two phrases.
      if (/^[,.]$/.test(gap) && /\d$/.test(before.text) && /^\d/.test(t.text)) return false;
      return /[,;:()"“”—–]/.test(gap);
    }),
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
        !EDGE_WORDS.has(parts.lower[j + 2] as string)
      )
        j += 2;
      else break;
    }
    let a = i;
    let z = j;
    while (a <= z && EDGE_WORDS.has(parts.lower[a] as string)) a++;
    while (z >= a && EDGE_WORDS.has(parts.lower[z] as string)) z--;
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

/** What a candidate shows the choice: each feature's value, and each choice rule's by its id. */
export type ChoiceFeatures = Record<string, number>;

/**
 * Each feature's weight in a candidate's score, in tokens of distance it outweighs (a choice rule's own value
 * counts once unless weighed here). Tuned on the dev split.
 */
export const CHOICE_WEIGHTS: Readonly<Record<string, number>> = {
  /** Tokens from the nearest of the question's matched words. */
  nearest: -0.8,
  /** Mean tokens from each matched question word: near all of them, not just one. */
  meanDistance: -0.2,
  /** Each of the question's own words inside the candidate. */
  inside: -1,
  /** Each word beyond SHORT_PHRASE: a little for length, as answers often run past one chunk. */
  longer: 0.5,
  /** Right next to the question's focus noun: `the rowing club *Harbour Eights*`. */
  nextToFocus: 5,
  "person-for-person-noun": 1.5,
  /** A chunk whose last word is no noun (`mainly`, `important`): answers are things. */
  noNounHead: -3,
  /** A name given: `known as …`. */
  namedAs: 4,
  /** `by …`, `through …`, `using …`, offered to a how-question only. */
  means: 3,
  /** A number to a how-question, which asks for a way, not an amount. */
  numberForHow: -4,
  /** What was said, to a question whose verb is one of saying: `warned *that the heath would take years*`. */
  reported: 6,
  /** A lone `-ly` word to a how-question: `quietly`. */
  manner: 3,
  quoted: 5,
  entity: 3,
  number: 0,
  /** An entity of the class WordNet gives a focus noun the word lists lack (`What painter …?`). */
  entityOfFocusClass: 1,
  /** An entity where the focus noun asks for a thing (`What position …?`). */
  entityForThing: -1.5,
  /** The focus noun with its modifiers. */
  withFocus: 0,
  /** Its head is a kind of the focus noun in WordNet: `What instrument …?` → `the cello`. */
  kindOfFocus: 4,
  /** What was done, to a question that asks for an act (`What did the board do?` → `closed the pier`): it
   * outweighs any noun, which cannot answer such a question. */
  action: 14,
  /** Opens the clause of the verb a passive question asks about: `*A mural* on the wall will be restored`. */
  passiveSubject: 6,
  /** After `by` just after the question's verb, when `what` is its subject: `was caused *by a barbecue*`. */
  passiveAgent: 4,
  /** … after an auxiliary, so the act of the clause (`was shot`), not a participle describing a noun (`sent to`). */
  predicate: 6,
  /** One word too general to answer: `part`, `way`, `one`. */
  generic: -4,
  /** A year or a month, where the question asks for no time. */
  dateLike: -2,
  /** A chunk with the prepositional phrase after it. */
  attached: 0.5,
  /** Joined by `and`/`or` to one of the question's words. */
  coordinated: 0,
  /** The same, when the question asks for the other of a pair (`Along with X, what …?`). */
  additive: 5,
  /** After `such as`, `including`; and so when the question asks for an example. */
  afterExampleMarker: 1,
  exampleAsked: 3,
  /** Each matched question word within WINDOW tokens. */
  inWindow: 0,
  /** Matched question words stand on both sides; only before it; only after it. */
  between: 0,
  afterAll: 1,
  beforeAll: 0,
  oneWord: 0,
  /** Inside brackets: `the regulator (*Ofwat*)`. */
  parenthetical: 0,
  capitalised: 0,
  /** Set off by a comma next to the question's words: `a former mill, the Old Quay, …`. */
  appositive: 0,
  /** After the question's own preposition: `By what …?` → `by *faith*`. */
  afterPreposition: 4,
  /** The same, when the question ends in its `what` (`… failed to ban a what?`). */
  inSituAfterAskedWord: 3,
  /** After (before) the word the question has just before (after) its `what` phrase. */
  afterAskedWord: 2,
  beforeAskedWord: 2,
};
const MONTHS = new Set(MONTH_NAMES.map((m) => m.toLowerCase()));
/** WordNet's `noun.time`: `What date …`, `What period …`. */
const TIME_FILE = 28;
const GROUP_FILE = 14;
/** Tokens either side of a candidate that count as its neighbourhood. */
const WINDOW = 3;
/** Words beyond this many count against a candidate: answers are short. */
const SHORT_PHRASE = 4;

/** The stems that count as the question's own words (its terms' close forms), once per question. */
interface QuestionParts {
  forms: Set<string>;
  /** Stems of the names the question asks about (`Varga`): an entity named so is what is asked about. */
  names: Set<string>;
  asked: Asked;
  /** The choice rules whose pattern the question matches. */
  rules: readonly ChoiceRule[];
  /** The kind of entity the focus noun asks for, where WordNet says. */
  wants: Candidate["kind"] | "thing" | null;
  /** `Along with X, what …?`; `an example of …`; a question about a time. */
  additive: boolean;
  examples: boolean;
  timeAsked: boolean;
  /** The question's words, spaced, to tell a candidate that only repeats part of it. */
  spacedQuestion: string;
}

/** Folded words joined by single spaces, with a space either side: ` pont aven `. */
const spaced = (text: string) =>
  ` ${foldName(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
const formsCache = new Map<string, QuestionParts>();
function questionParts(question: string, type: QuestionType): QuestionParts {
  let parts = formsCache.get(question);
  if (!parts) {
    const forms = new Set<string>();
    const names = new Set<string>();
    for (const t of questionTerms(question)) {
      for (const [form, quality] of t.forms) if (quality >= 0.75) forms.add(form);
      if (t.isName) names.add(t.stem);
    }
    const asked = readAsked(question, type);
    const lowered = question.toLowerCase();
    parts = {
      forms,
      names,
      asked,
      rules: CHOICE_RULES.filter((r) => r.pattern.test(lowered)),
      wants: asked.focus ? focusClass(asked.focus) : null,
      additive: ADDITIVE_QUESTION.test(question),
      examples: EXAMPLE_QUESTION.test(question),
      timeAsked:
        asked.focus !== null && (YEAR_FOCUS_NOUNS.has(asked.focus) || nounClass(asked.focus) === TIME_FILE),
      spacedQuestion: spaced(question),
    };
    if (formsCache.size > 2000) formsCache.clear();
    formsCache.set(question, parts);
  }
  return parts;
}

/** Determiners and possessives between a word and the noun it takes (`from *all* punishments`). */
const DETERMINERS = new Set(
  "the a an all his her its their our this these those some any every each".split(" "),
);
/** The word before a token, past any determiner. */
/** The index of the word before a token, past any determiners (`by *the* fire` → `by`); -1 at the start. */
function indexBefore(parts: SentenceParts, at: number): number {
  let k = at - 1;
  while (k >= 0 && DETERMINERS.has(parts.lower[k] as string)) k--;
  return k;
}
/** That word, lower-cased. */
const wordBefore = (parts: SentenceParts, at: number): string | undefined =>
  parts.lower[indexBefore(parts, at)];
/** That word's term. */
const termBefore = (parts: SentenceParts, at: number): string | undefined =>
  parts.terms[indexBefore(parts, at)];

/** Auxiliaries and light verbs that do not open an answer to `what did … do?`. */
const NOT_ACTION_VERBS = new Set(
  (
    "is was are were be been being has have had do does did done doing will would can could should may might must " +
    "said says happen happens happened happening"
  ).split(" "),
);
/** Tokens a verb phrase runs to at most. */
const VERB_PHRASE_TOKENS = 10;

/**
 * Verb phrases of the sentence, for questions that ask what was done: from a verb the question does not hold
 * to the end of its clause (`… *closed the old pier*, the board said`).
 */
function verbPhrases(article: AnalyzedArticle, parts: SentenceParts, isAsked: boolean[]): Candidate[] {
  const { tokens } = parts;
  const out: Candidate[] = [];
  tokens.forEach((t, k) => {
    const lower = t.text.toLowerCase();
    if (isAsked[k] || NOT_ACTION_VERBS.has(lower) || !isVerb(lower) || /^\p{Lu}/u.test(t.text)) return;
    let z = k;
    while (
      z + 1 < tokens.length &&
      z + 1 - k < VERB_PHRASE_TOKENS &&
      !parts.punctuatedBefore[z + 1] &&
      !(PHRASE_BREAKS.has(parts.lower[z + 1] as string) && (tokens[z + 1] as Token).text !== "and") &&
      // `sent to patrol the city | were …`: another clause's verb ends it.
      !AUXILIARIES.has(parts.lower[z + 1] as string)
    )
      z++;
    // A phrase cut at its length ends on a content word, not on `of` or `the`.
    while (z > k && (EDGE_WORDS.has(parts.lower[z] as string) || parts.breaks[z])) z--;
    const last = tokens[z] as Token;
    out.push({
      start: t.start,
      end: last.end,
      text: article.text.slice(t.start, last.end),
      rule: "verb-phrase",
      first: k,
      last: z,
      kind: "phrase",
    });
  });
  return out;
}

/** Prepositions whose phrase belongs to the noun before it: `streams *of the game*`, `the mill *in Ashby*` (not `to`, which is as often an infinitive). */
const ATTACHING = new Set("of from for in on at".split(" "));

/**
 * A candidate with the prepositional phrase after it (`the old mill *of Ashby*`): answers are often longer than
 * one chunk, and a chunk cut at `of` is often half an answer.
 */
function withAttachedPhrase(article: AnalyzedArticle, parts: SentenceParts, base: Candidate[]): Candidate[] {
  const { tokens } = parts;
  const out: Candidate[] = [];
  for (const c of base) {
    const p = tokens[c.last + 1];
    if (p === undefined || !ATTACHING.has(p.text.toLowerCase()) || parts.punctuatedBefore[c.last + 1])
      continue;
    let k = c.last + 2;
    while (k < tokens.length && DETERMINERS.has(parts.lower[k] as string)) k++;
    let tail: Candidate | undefined;
    for (const o of base) if (o.first === k && (tail === undefined || o.last > tail.last)) tail = o;
    if (tail === undefined || parts.punctuatedBefore[c.last + 2]) continue;
    const first = tokens[c.first] as Token;
    const last = tokens[tail.last] as Token;
    out.push({
      start: first.start,
      end: last.end,
      text: article.text.slice(first.start, last.end),
      rule: "with-attached-phrase",
      first: c.first,
      last: tail.last,
      kind: c.kind === "number" ? "number" : "phrase",
    });
  }
  return out;
}

/** Joined by `and`/`or` to one of the question's words: `fuel costs *and pollution*`. */
function coordinatedWithAsked(parts: SentenceParts, isAsked: boolean[], a: number, z: number): boolean {
  const { tokens } = parts;
  let k = a - 1;
  while (k >= 0 && DETERMINERS.has(parts.lower[k] as string)) k--;
  if (k > 0 && parts.coordinates[k] && isAsked[k - 1]) return true;
  if (!parts.coordinates[z + 1]) return false;
  k = z + 2;
  while (k < tokens.length && DETERMINERS.has(parts.lower[k] as string)) k++;
  return isAsked[k] === true;
}

/** `was *fatally shot*`: an auxiliary stands before the verb, past at most one adverb, so it is the clause's own. */
function afterAuxiliary(parts: SentenceParts, a: number): boolean {
  for (let k = a - 1; k >= 0 && k >= a - 2; k--) {
    const w = parts.lower[k] as string;
    if (AUXILIARIES.has(w)) return true;
    if (!w.endsWith("ly")) return false;
  }
  return false;
}
const AUXILIARIES = new Set("is was are were has have had been be will would".split(" "));

/** Of a term's places in the sentence, the one nearest the matched words of the question (-1 if none). */
function nearestOccurrence(terms: string[], term: string, matched: Map<number, number[]>): number {
  let best = -1;
  let bestSum = Number.POSITIVE_INFINITY;
  terms.forEach((t, k) => {
    if (t !== term) return;
    let sum = 0;
    for (const positions of matched.values()) {
      let d = Number.POSITIVE_INFINITY;
      for (const p of positions) if (p !== k) d = Math.min(d, Math.abs(p - k));
      if (Number.isFinite(d)) sum += d;
    }
    if (sum < bestSum) {
      best = k;
      bestSum = sum;
    }
  });
  return best;
}

/** The first content word of the clause a verb stands in (after the sentence start, a comma or a clause link). */
function clauseOpening(parts: SentenceParts, verbAt: number): number {
  let start = 0;
  for (let k = verbAt - 1; k > 0; k--)
    if (parts.punctuatedBefore[k] || PHRASE_BREAKS.has(parts.lower[k - 1] as string)) {
      start = k;
      break;
    }
  while (start < verbAt && EDGE_WORDS.has(parts.lower[start] as string)) start++;
  return start;
}

/** Right after `such as`, `including`, `for example`. */
function afterExampleMarker(parts: SentenceParts, a: number): boolean {
  for (const marker of EXAMPLE_MARKERS) {
    let k = 0;
    while (k < marker.length && parts.lower[a - marker.length + k] === marker[k]) k++;
    if (k === marker.length) return true;
  }
  return false;
}

const isEntity = (c: Candidate) => c.kind === "person" || c.kind === "organization" || c.kind === "place";

/**
 * The kind of entity a focus noun the word lists do not cover asks for, by WordNet's class of its first sense
 * (`painter` a person, `choir` a group), or `thing` for any other noun (`instrument`, `injury`).
 */
function focusClass(focus: string): Candidate["kind"] | "thing" | null {
  if (
    PLACE_FOCUS_NOUNS.has(focus) ||
    ORGANISATION_FOCUS_NOUNS.has(focus) ||
    PERSON_FOCUS_NOUNS.has(focus) ||
    AMOUNT_FOCUS_NOUNS.has(focus) ||
    YEAR_FOCUS_NOUNS.has(focus)
  )
    return null;
  const file = nounClass(focus);
  if (file === null) return null;
  return PERSON_FILE === file
    ? "person"
    : GROUP_FILE === file
      ? "organization"
      : LOCATION_FILE === file
        ? "place"
        : "thing";
}

/**
 * `What kind of bridge …?` → `stone arch bridge`: the focus noun with the words that modify it before, a
 * candidate the plain chunks (split at the question's words) never make.
 */
function focusChunks(article: AnalyzedArticle, parts: SentenceParts, focusAt: number): Candidate[] {
  const { tokens } = parts;
  let a = focusAt;
  while (
    a > 0 &&
    !parts.breaks[a - 1] &&
    !parts.punctuatedBefore[a] &&
    !EDGE_WORDS.has(parts.lower[a - 1] as string)
  )
    a--;
  if (a === focusAt) return [];
  const first = tokens[a] as Token;
  const last = tokens[focusAt] as Token;
  const text = article.text.slice(first.start, last.end);
  return [
    { start: first.start, end: last.end, text, rule: "focus-chunk", first: a, last: focusAt, kind: "phrase" },
  ];
}

/**
 * `What was the name of the lorry driver?` asks for the name of a person or a body: a phrase with no capital
 * letter (`a detour of eleven kilometres`) names no one. (`What is the name of the dance?` may be a common noun.)
 */
export const NAME_OF_SOMEONE = {
  id: "name-of-someone",
  pattern:
    /\bname\s+of\s+(?:the|a|an|this|that|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)(?=\s+(?:who|that|which|in|of|at|on|for|from|with|whose)\b|\s*\??\s*$)/iu,
  reason: "the name of a person or organisation is a proper name, written with a capital letter",
} as const;

export function asksNameOfSomeone(question: string): boolean {
  const noun = NAME_OF_SOMEONE.pattern.exec(question)?.[1];
  return noun !== undefined && namesPeople(noun);
}

/** `What is the name of the ferry?` → `ferry`: the name of a thing that is neither people nor a place. */
export function thingNameAsked(question: string): string | undefined {
  const noun = NAME_OF_SOMEONE.pattern.exec(question)?.[1]?.toLowerCase();
  if (noun === undefined) return undefined;
  return nounClass(noun) === LOCATION_FILE || namesPeople(noun) ? undefined : noun;
}

/** The candidate is the one a quote or report in its sentence is attributed to. */
const isSpeakerHere = (article: AnalyzedArticle, c: Candidate) =>
  article.quotes.some((q) => {
    const sentence = article.sentences[q.sentence];
    return (
      q.speaker !== null &&
      sentence !== undefined &&
      sentence.start <= c.start &&
      sentence.end >= c.end &&
      foldName(q.speaker) === foldName(c.text.replace(/^the\s+/i, ""))
    );
  });

/**
 * For `What is the name of the ferry?`, the candidate is no name of the ferry: a description in lower case (`island
 * of Tellan`), a day, the one its sentence is attributed to (`…, the Harwick Harbour Board said`), or a name the
 * article gives a place (`who work in Harwick`) or another thing (`the island of Tellan`). A name that holds the
 * thing's own noun (`Levi's Stadium` for the stadium) is its name.
 */
function namesSomethingElse(article: AnalyzedArticle, c: Candidate, thing: string): boolean {
  const stem = termOf(thing);
  const words = c.text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (words.some((w) => termOf(w.toLowerCase()) === stem)) return false;
  if (/^\p{Ll}/u.test(words[0] ?? "") || isSpeakerHere(article, c)) return true;
  if (article.timexes.some((t) => t.start <= c.start && t.end >= c.end)) return true;
  const name = c.text.replace(/^the\s+/i, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const placed = `\\b(?:${[...PLACE_NAMING_PREPOSITIONS].join("|")})\\s+${name}\\b`;
  const ofAnother = `\\b(?!${stem})\\p{Ll}+\\s+of\\s+${name}\\b`;
  return new RegExp(`${placed}|${ofAnother}`, "u").test(article.text);
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
  const nameAsked = asksNameOfSomeone(question);
  const thing = nameAsked ? undefined : thingNameAsked(question);
  let best: Scored | null = null;
  for (const s of scoreCandidates(article, ranked, question, type, false))
    if (
      (best === null || s.score > best.score) &&
      (!nameAsked || /\p{Lu}/u.test(s.c.text)) &&
      (thing === undefined || !namesSomethingElse(article, s.c, thing))
    )
      best = s;
  return best && { start: best.c.start, end: best.c.end, text: best.c.text, rule: best.c.rule };
}

export interface ScoredCandidate extends Candidate {
  score: number;
}

/** A candidate with its score, and its features when they were recorded. */
interface Scored {
  c: Candidate;
  score: number;
  features: ChoiceFeatures | null;
}

export interface ExplainedCandidate extends ScoredCandidate {
  /** Each feature's value: the score is their sum under CHOICE_WEIGHTS. */
  features: ChoiceFeatures;
}

/** Every candidate phrase of a sentence with its score and the features it comes from, in the order considered. */
export function whatCandidates(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
): ExplainedCandidate[] {
  return scoreCandidates(article, ranked, question, type, true).map(({ c, score, features }) => ({
    ...c,
    score,
    features: features ?? {},
  }));
}

/**
 * Every candidate phrase of a sentence with its score under the choice rules, in the order considered; with the
 * features only when `explain` is set (answering needs the score alone, and the features are most of the cost).
 */
function scoreCandidates(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  question: string,
  type: QuestionType,
  explain: boolean,
): Scored[] {
  const parts = sentenceParts(article, ranked.sentence);
  const { tokens, terms } = parts;
  const { forms, names, asked, rules, wants, additive, examples, timeAsked, spacedQuestion } = questionParts(
    question,
    type,
  );
  const isAsked = terms.map((t) => forms.has(t));
  const tokenAt = (offset: number) => {
    const i = tokens.findIndex((t) => t.end > offset);
    return i < 0 ? tokens.length - 1 : i;
  };
  // Token positions of each question term matched in the sentence.
  const termTokens = new Map<number, number[]>();
  for (const m of ranked.matches) {
    if (m.quality < 0.75) continue;
    const k = tokenAt(m.at);
    const positions = termTokens.get(m.term);
    if (positions) positions.push(k);
    else termTokens.set(m.term, [k]);
  }
  const focus = asked.focus ? termOf(asked.focus) : null;
  // The focus noun where the question's other words are (`countries including …`, not an earlier `country`).
  const focusAt = focus ? nearestOccurrence(terms, focus, termTokens) : -1;
  // `What caused the fire?` over `the fire was caused by a barbecue`: the subject asked for is the passive's agent.
  const agentAt = asked.verb?.side === "before" ? terms.indexOf(asked.verb.stem) : -1;
  const scored: Scored[] = [];
  // The candidate being scored: its score, and its features when they are asked for (tests and tuning).
  let score = 0;
  let features: ChoiceFeatures | null = null;
  const add = (name: string, value: number) => {
    if (features) features[name] = value;
    if (value !== 0) score += value * (CHOICE_WEIGHTS[name] ?? 1);
  };
  const consider = (c: Candidate) => {
    const { first: a, last: z } = c;
    let inside = 0;
    let content = 0;
    for (let k = a; k <= z; k++) {
      if (isAsked[k]) inside++;
      if (!EDGE_WORDS.has(parts.lower[k] as string)) content++;
    }
    // `the United Kingdom` is asked when `United Kingdom` is: its function words do not make it new.
    if (inside >= content) return;
    // `What is Pont-Aven?` is not answered by `Pont-Aven`, however the tokens fall.
    if (spacedQuestion.includes(spaced(c.text))) return;
    // `What was Varga's job?` is not answered by `Ines Varga`, under any of the names he is given.
    if (c.entityTerms) for (const n of names) if (c.entityTerms.has(n)) return;
    // Near every matched question word, not just one: the mean over the terms of the nearest match's distance.
    let sum = 0;
    let counted = 0;
    let nearestAny = tokens.length;
    let inWindow = 0;
    let left = false;
    let right = false;
    for (const positions of termTokens.values()) {
      let d = Number.POSITIVE_INFINITY;
      for (const k of positions) {
        d = Math.min(d, k < a ? a - k : k > z ? k - z : 0);
        if (k < a) left = true;
        if (k > z) right = true;
      }
      sum += d;
      counted++;
      nearestAny = Math.min(nearestAny, d);
      if (d <= WINDOW) inWindow++;
    }
    score = 0;
    features = explain ? {} : null;
    add("nearest", counted ? nearestAny : tokens.length);
    add("meanDistance", counted ? sum / counted : tokens.length);
    add("inside", inside);
    add("longer", Math.max(0, z - a + 1 - SHORT_PHRASE));
    add("nextToFocus", focusAt >= 0 && (a === focusAt + 1 || z === focusAt - 1) ? 1 : 0);
    add("noNounHead", c.rule === "noun-chunk" && !headsNounPhrase((tokens[z] as Token).text) ? 1 : 0);
    add("namedAs", c.rule === "named-as" ? 1 : 0);
    add("quoted", c.rule === "quoted-words" ? 1 : 0);
    add("means", c.rule === "by-means" ? 1 : 0);
    add("reported", c.rule === "said-that" ? 1 : 0);
    add("numberForHow", type.kind === "how" && c.kind === "number" ? 1 : 0);
    add("manner", type.kind === "how" && a === z && /ly$/.test((tokens[a] as Token).text) ? 1 : 0);
    add("entity", isEntity(c) ? 1 : 0);
    add("number", c.kind === "number" ? 1 : 0);
    add("entityOfFocusClass", wants !== null && c.kind === wants ? 1 : 0);
    add("entityForThing", wants === "thing" && isEntity(c) ? 1 : 0);
    add("withFocus", c.rule === "focus-chunk" ? 1 : 0);
    add(
      "passiveSubject",
      asked.passive && agentAt > 0 && a === clauseOpening(parts, agentAt) && z < agentAt ? 1 : 0,
    );
    add(
      "passiveAgent",
      agentAt >= 0 && a > agentAt && wordBefore(parts, a) === "by" && a - agentAt <= 4 ? 1 : 0,
    );
    add("action", c.rule === "verb-phrase" && asked.asksAction ? 1 : 0);
    add("predicate", c.rule === "verb-phrase" && asked.asksAction && afterAuxiliary(parts, a) ? 1 : 0);
    add("generic", a === z && GENERIC_NOUNS.has(parts.lower[a] as string) ? 1 : 0);
    add(
      "dateLike",
      !timeAsked && (YEAR.test(c.text) || parts.lower.slice(a, z + 1).some((w) => MONTHS.has(w))) ? 1 : 0,
    );
    add(
      "kindOfFocus",
      focus !== null && c.rule !== "focus-chunk" && isKindOf((tokens[z] as Token).text, focus) ? 1 : 0,
    );
    add("attached", c.rule === "with-attached-phrase" ? 1 : 0);
    const coordinated = coordinatedWithAsked(parts, isAsked, a, z);
    add("coordinated", coordinated ? 1 : 0);
    add("additive", additive && coordinated ? 1 : 0);
    const exampleMarked = afterExampleMarker(parts, a);
    add("afterExampleMarker", exampleMarked ? 1 : 0);
    add("exampleAsked", examples && exampleMarked ? 1 : 0);
    add("inWindow", inWindow);
    add("between", left && right ? 1 : 0);
    add("afterAll", left && !right ? 1 : 0);
    add("beforeAll", right && !left ? 1 : 0);
    add("oneWord", z === a ? 1 : 0);
    add("parenthetical", /\(\s?$/.test(article.text.slice(Math.max(0, c.start - 2), c.start)) ? 1 : 0);
    add("capitalised", /^\p{Lu}/u.test(c.text) ? 1 : 0);
    add(
      "appositive",
      (parts.punctuatedBefore[a] && a > 0 && isAsked[a - 1]) ||
        (z + 1 < tokens.length && parts.punctuatedBefore[z + 1] && isAsked[z + 1])
        ? 1
        : 0,
    );
    add("afterPreposition", asked.preposition !== null && wordBefore(parts, a) === asked.preposition ? 1 : 0);
    add("afterAskedWord", asked.before !== null && termBefore(parts, a) === asked.before ? 1 : 0);
    add(
      "inSituAfterAskedWord",
      asked.inSitu && asked.before !== null && termBefore(parts, a) === asked.before ? 1 : 0,
    );
    add("beforeAskedWord", asked.after !== null && terms[z + 1] === asked.after ? 1 : 0);
    for (const r of rules) add(r.id, r.action(c, asked, parts));
    // Not a copy of the candidate: copying objects of many shapes is most of the cost of scoring.
    scored.push({ c, score, features });
  };
  const base = [
    ...chunks(article, parts, isAsked),
    ...(focusAt >= 0 ? focusChunks(article, parts, focusAt) : []),
    // `in/at <Capitalised words>` is a place only to a where-question; to others it is half of a name.
    ...parts.typed.filter(
      (c) =>
        (type.kind === "where" || c.rule !== "preposition-capitalised") &&
        (type.kind === "how" || c.rule !== "by-means") &&
        (asked.asksSaid || c.rule !== "said-that"),
    ),
  ];
  if (asked.asksAction || type.kind === "how") base.push(...verbPhrases(article, parts, isAsked));
  for (const c of base) consider(c);
  for (const c of withAttachedPhrase(article, parts, base)) consider(c);
  return scored;
}
