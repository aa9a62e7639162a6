// People, organisations and places. A learned tagger (src/engine/ner) proposes each sentence's names; named
// rules then drop what is not a name, peel titles and nationalities, retype by strong cues, add the names the
// tagger missed that the rules are sure of, find roles and affiliations, and merge mentions, so that `Ombaka`
// and `Mission official Ombaka` are `Jack Ombaka`.

import {
  AFFILIATION_PREPOSITIONS,
  anyOf,
  CONNECTORS,
  FUNCTION_WORD_TAGS,
  GROUP_NOUNS,
  genderOfName,
  HONORIFICS,
  isCommonWord,
  isDemonym,
  isFirstName,
  isOrganizationWord,
  isPersonWord,
  isPlaceWord,
  isTimeWord,
  LIST_NOUNS,
  lexiconTag,
  NATIONALITY_MODIFIER_SUFFIXES,
  NATIONALITY_SUFFIXES,
  ORG_HEADS,
  PARTY_SHORTHANDS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  ROLE_CLAUSE_WORDS,
  ROLE_DESCRIPTION_OPENERS,
  ROLE_MODIFIERS,
  ROLE_NOUN_WORDS,
  ROLE_NOUNS,
  ROLE_PREPOSITIONS,
  regex,
  SPEECH_VERB_WORDS,
  STRONG_ORG_HEADS,
  TITLE_MODIFIERS,
  TITLES,
} from "../lexicon/index.ts";
import { defined, group } from "../match.ts";
import { type FactRule, firstFiredOnFacts, type RuleId } from "../rules/rule.ts";
import { foldName, isCapitalized, type Token } from "../text.ts";
import type { Entity, EntityType, Gender, Sentence, Span } from "../types.ts";
import { relatedWords } from "../wordnet/related.ts";
import { nerTokens } from "./ner/features.ts";
import { type NerType, tagTokens } from "./ner/tagger.ts";

export { ROLE_NOUNS } from "../lexicon/index.ts";

/** The most words a name (with its title) takes: `Director of the Federal Bureau of Investigation James Comey`. */
const MAX_NAME_TOKENS = 10;

/** A name found in one sentence, before mentions are merged into entities. */
/** One token or more: a name's words. */
type Run = [Token, ...Token[]];
/** The last token of a run (never missing: a run has one at least). */
const lastOf = (run: Run): Token => run[run.length - 1] ?? run[0];

export interface Candidate extends Span {
  text: string;
  /** null: a name of no output type (a nationality, an event) or one the rules could not type. */
  type: EntityType | null;
  title: string | null;
  /** Role said right next to this mention (appositive, preposed or a title that is a job). */
  role: string | null;
  roleSpan: Span | null;
  affiliation: string | null;
  affiliationSpan: Span | null;
  gender: Gender | null;
  /** Its words: one at least. */
  tokens: Run;
  origin: "tagger" | "rules";
}

/** One sentence as the rules see it: its tokens with their positions. */
export interface SentenceView {
  text: string;
  sentence: Sentence;
  tokens: Token[];
  indexOf: Map<number, number>;
}

const NATIONALITY_MODIFIER = regex("u")`\p{Ll}(${NATIONALITY_MODIFIER_SUFFIXES})$`;
const ROLE_CLAUSE = regex("i")`\b(${ROLE_CLAUSE_WORDS})\b`;
const AFFILIATION_GAP = regex("u")`^,?\s+${AFFILIATION_PREPOSITIONS}\s+(?:the\s+)?$`;

const bare = (word: string) => word.toLowerCase().replace(/\.$/, "");
const gapIsSpace = (text: string, a: Token, b: Token) => /^[ \t]+$/.test(text.slice(a.end, b.start));
const firstIndex = (c: Candidate, view: SentenceView) => view.indexOf.get(c.tokens[0].start) ?? 0;
const lastIndex = (c: Candidate, view: SentenceView) => view.indexOf.get(lastOf(c.tokens).start) ?? 0;
const tokenAfter = (c: Candidate, view: SentenceView) => view.tokens[lastIndex(c, view) + 1];
/** The word right after a name, when only spaces separate them. */
/** Endings of nationality adjectives (`Cypriot`, `Maltese`, `Kenyan`); only these are looked up in WordNet. */
const NATIONALITY_ENDING = regex("iu")`${NATIONALITY_SUFFIXES}$`;

/** `Cypriot`: a demonym compromise knows, or an adjective WordNet derives from a place (`cypriot` ~ `Cyprus`). */
function isNationality(word: string): boolean {
  if (isDemonym(word)) return true;
  if (!NATIONALITY_ENDING.test(word)) return false;
  return relatedWords(word.toLowerCase()).some((r) => r.relation === "derivation" && isPlaceWord(r.word));
}

function wordAfter(c: Candidate, view: SentenceView): Token | undefined {
  const after = tokenAfter(c, view);
  return after && gapIsSpace(view.text, lastOf(c.tokens), after) ? after : undefined;
}
/** A title or honorific on its own (`Mr`, `Gen.`, `President`): never a person by itself. */
export const isTitleWord = (word: string) => TITLES.has(bare(word)) || HONORIFICS.has(bare(word));
const hasNameTag = (word: string) =>
  isPersonWord(word) || isPlaceWord(word) || isOrganizationWord(word) || isDemonym(word);

function isSentenceStart(sentence: Sentence, token: Token): boolean {
  const offset = token.start - sentence.start;
  // Only opening marks may stand before the first word; a long prefix cannot be all marks (and is not scanned).
  return offset <= 8 && /^[\s"“‘'([—–-]*$/u.test(sentence.text.slice(0, offset));
}

// ---- typing a capitalised run (the rules' own names) ------------------------------------------------------

/** A capitalised run with the words around it, as the typing rules read it. */
export interface RunView {
  words: string[];
  last: string;
  /** The run folded: lower-case, accents off. */
  phrase: string;
  before: string | undefined;
  /** The lower-case word right after the run when only spaces separate them. */
  after: string | undefined;
  /** The word after the run, whatever separates them. */
  next: string | undefined;
}

/** What the typing rules read off a capitalised run. */
export type RunFact =
  | "one-word"
  | "several-words"
  | "four-words-or-more"
  /** The last word heads organisations: `Central`, `Police`. */
  | "last-heads-organisations"
  | "group-noun-after"
  | "place-noun-after"
  | "known-organisation"
  /** compromise's lexicon knows the run (or its one word) as a place. */
  | "known-place"
  | "known-person"
  | "first-name-first"
  | "last-known-person"
  /** The one word is 2 to 6 capitals: `UN`, `NATO`. */
  | "capitals-acronym"
  /** `Rovers`: a capitalised plural. */
  | "capitalised-plural-last"
  | "place-preposition-before"
  | "speech-verb-next"
  /** `Port-au-Prince`: hyphenated, the last part capitalised. */
  | "hyphenated-capital-last"
  /** No word of the run is an ordinary word the lexicon knows (connectors aside). */
  | "no-common-word";

/** How each fact of a run is read; a rule reads only the facts it names, in order. */
const RUN_FACTS: { readonly [F in RunFact]: (r: RunView) => boolean } = {
  "one-word": (r) => r.words.length === 1,
  "several-words": (r) => r.words.length > 1,
  "four-words-or-more": (r) => r.words.length > 3,
  "last-heads-organisations": (r) => ORG_HEADS.has(r.last.toLowerCase()),
  "group-noun-after": (r) => r.after !== undefined && GROUP_NOUNS.has(r.after),
  "place-noun-after": (r) => r.after !== undefined && PLACE_NOUNS.has(r.after),
  "known-organisation": (r) => isOrganizationWord(r.phrase),
  "known-place": (r) => isPlaceWord(r.phrase) || (r.words.length === 1 && isPlaceWord(r.last)),
  "known-person": (r) => isPersonWord(r.phrase),
  "first-name-first": (r) => isFirstName(r.words[0] ?? ""),
  "last-known-person": (r) => isPersonWord(r.last),
  "capitals-acronym": (r) => /^\p{Lu}{2,6}$/u.test(r.last),
  "capitalised-plural-last": (r) => /^\p{Lu}\p{Ll}+[^s]s$/u.test(r.last),
  "place-preposition-before": (r) => r.before !== undefined && PLACE_PREPOSITIONS.has(r.before),
  "speech-verb-next": (r) => r.next !== undefined && SPEECH_VERB_WORDS.has(r.next.toLowerCase()),
  "hyphenated-capital-last": (r) =>
    /^\p{Lu}[\p{L}\p{M}]+(-[\p{L}\p{M}]+)*-\p{Lu}[\p{L}\p{M}]*$/u.test(r.last),
  "no-common-word": (r) => r.words.every((w) => !isCommonWord(w) || CONNECTORS.has(w)),
};

/** The typing of a capitalised run, in order: the first rule that holds gives the type. */
export const TYPE_RULES = [
  {
    id: "organisation-head",
    match: { all: ["several-words", "last-heads-organisations"] },
    action: "organization",
    reason: "`National Police`, `Climate Central`: a final word that heads organisations",
    example: "Climate Central",
  },
  {
    id: "group-noun-after",
    match: { all: ["group-noun-after"] },
    action: "organization",
    reason: "`Gran Grif gang`: a group noun right after the run",
    example: "the Red Hand gang",
  },
  {
    id: "lexicon-organisation",
    match: { all: ["known-organisation"] },
    action: "organization",
    reason: "compromise's lexicon knows the name as an organisation",
    example: "Google",
  },
  {
    id: "place-noun-after",
    match: { all: ["place-noun-after"] },
    action: "place",
    reason: "`Artibonite region`: a place noun right after the run",
    example: "the Artibonite region",
  },
  {
    id: "lexicon-place",
    match: { all: ["known-place"] },
    action: "place",
    reason: "compromise's lexicon knows the name as a country, city or region",
    example: "Kenya",
  },
  {
    id: "acronym",
    match: { all: ["one-word", "capitals-acronym"] },
    action: "organization",
    reason: "a lone acronym (`UN`, `NATO`) is most often an organisation",
    example: "NATO",
  },
  {
    id: "lexicon-person",
    match: { all: [], any: ["first-name-first", "known-person"] },
    action: "person",
    reason: "the run starts with a known first name or is a known person",
    example: "Maria Ortiz",
  },
  {
    id: "team-plural",
    match: { all: ["several-words", "capitalised-plural-last"], none: ["last-known-person"] },
    action: "organization",
    reason: "`Harwick Rovers`: a place or name and a capitalised plural is a team or group",
    example: "Harwick Rovers",
  },
  {
    id: "place-preposition",
    match: { all: ["place-preposition-before"], none: ["four-words-or-more"] },
    action: "place",
    reason: "`in Pont-Sonde`: a short run after a place preposition",
    example: "in Pont-Sonde",
  },
  {
    id: "speech-verb-after",
    match: { all: ["speech-verb-next"] },
    action: "person",
    reason: "`Otunge said`: a run before a speech verb is a speaker",
    example: "Otunge said",
  },
  {
    id: "hyphenated-place",
    match: { all: ["one-word", "hyphenated-capital-last"] },
    action: "place",
    reason: "`Port-au-Prince`: a hyphenated name ending in a capital is a place",
    example: "Port-au-Prince",
  },
  {
    id: "unknown-words",
    match: { all: ["several-words", "no-common-word"] },
    action: "person",
    reason: "two or more words none of which the lexicon knows as ordinary words are most often a name",
    example: "Zorvan Quillet",
  },
] as const satisfies readonly FactRule<string, EntityType, RunFact>[];

export type TypeRuleId = RuleId<typeof TYPE_RULES>;

/** The first typing rule that holds on a run, or null. */
export function classify(run: RunView): (typeof TYPE_RULES)[number] | null {
  return firstFiredOnFacts(TYPE_RULES, (fact: RunFact) => RUN_FACTS[fact](run));
}

/** `Kenyan-led`, `Haitian-born`: an adjective, not a name (unlike `Port-au-Prince`). */
const hyphenatedLower = (word: string) => /^\p{Lu}[\p{L}\p{M}]*(-\p{Ll}[\p{L}\p{M}]*)+$/u.test(word);

/** Capitalised runs in one sentence, before typing. */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    const previous = tokens[i - 1];
    const capital = isCapitalized(token.text) && !hyphenatedLower(token.text);
    if (capital && !isTimeWord(token.text)) {
      // An initial joins the name after it: `K. Ashdown`, `J. R. Venn`.
      const afterInitial =
        previous && /^\p{Lu}$/u.test(previous.text) && /^\.\s+$/.test(text.slice(previous.end, token.start));
      if (run.length > 0 && previous && !gapIsSpace(text, previous, token) && !afterInitial) close();
      run.push(token);
      if (token.possessive) close();
      continue;
    }
    // A connector inside a name: `Bank of America`.
    const next = tokens[i + 1];
    if (
      run.length > 0 &&
      CONNECTORS.has(token.text) &&
      next &&
      isCapitalized(next.text) &&
      previous &&
      gapIsSpace(text, previous, token) &&
      gapIsSpace(text, token, next)
    ) {
      run.push(token);
      continue;
    }
    close();
  }
  close();
  return runs;
}

/** The text a run of tokens spans ("" for no tokens). */
const runText = (text: string, run: readonly Token[]) => text.slice(run[0]?.start ?? 0, run.at(-1)?.end ?? 0);

function makeCandidate(
  text: string,
  tokens: Token[],
  type: EntityType | null,
  origin: Candidate["origin"],
): Candidate {
  const [first, ...rest] = tokens;
  if (!first) throw new Error(`a candidate needs a word: ${text}`);
  const run: Run = [first, ...rest];
  const start = first.start;
  const end = lastOf(run).end;
  return {
    start,
    end,
    text: text.slice(start, end),
    type,
    title: null,
    role: null,
    roleSpan: null,
    affiliation: null,
    affiliationSpan: null,
    gender: null,
    tokens: run,
    origin,
  };
}

/** The rules' own names: capitalised runs, with sentence-initial words and titles peeled, typed by TYPE_RULES. */
function ruleCandidates(view: SentenceView, skip: (run: Token[]) => boolean = () => false): Candidate[] {
  const { text, sentence, tokens } = view;
  const found: Candidate[] = [];
  for (let run of capitalisedRuns(text, tokens)) {
    // No name runs this long: it is a headline in capitals or a list; skipping it keeps the peeling linear.
    if (run.length > MAX_NAME_TOKENS) continue;
    let titled = false;
    while (run.length > 0) {
      const whole = foldName(runText(text, run));
      if (isPlaceWord(whole) || isOrganizationWord(whole)) break;
      const [first] = run;
      if (!first) break;
      const lower = bare(first.text);
      const second = run[1]?.text.toLowerCase() ?? "";
      if (
        isDemonym(first.text) &&
        run.length > 1 &&
        (isFirstName(second) || isTitleWord(second) || ROLE_NOUNS.test(second))
      ) {
        run = run.slice(1);
        continue;
      }
      if ((isTitleWord(first.text) || ROLE_NOUNS.test(lower)) && run.length > 1) {
        titled = true;
        run = run.slice(1);
        continue;
      }
      const tag = lexiconTag(lower);
      const functionWord = tag !== undefined && FUNCTION_WORD_TAGS.has(tag);
      if (
        (isSentenceStart(sentence, first) || functionWord) &&
        isCommonWord(first.text) &&
        !first.possessive
      ) {
        run = run.slice(1);
        continue;
      }
      if (CONNECTORS.has(first.text)) {
        run = run.slice(1);
        continue;
      }
      break;
    }
    while (CONNECTORS.has(run.at(-1)?.text ?? "")) run = run.slice(0, -1);
    if (run.length === 0) continue;
    if (run.every((t) => isDemonym(t.text) || isTimeWord(t.text))) continue;
    // `East African country`: an adjective phrase, not a name.
    if (isDemonym(run.at(-1)?.text ?? "") && !isPlaceWord(foldName(runText(text, run)))) continue;
    // A capitalised ordinary word mid-sentence (a heading word, `Mission`) is only a name with a title.
    const [only, ...others] = run;
    if (only && others.length === 0 && isCommonWord(only.text) && !only.possessive && !titled) continue;
    if (skip(run)) continue;
    const candidate = makeCandidate(text, run, null, "rules");
    const first = firstIndex(candidate, view);
    const last = lastIndex(candidate, view);
    const words = run.map((t) => t.text);
    const after = wordAfter(candidate, view);
    const typed = classify({
      words,
      last: words.at(-1) ?? "",
      phrase: foldName(words.join(" ")),
      before: tokens[first - 1]?.text.toLowerCase(),
      after: after?.text.toLowerCase(),
      next: tokens[last + 1]?.text,
    });
    candidate.type = titled && !isPlaceWord(foldName(candidate.text)) ? "person" : (typed?.action ?? null);
    if (candidate.type === null && (appositiveRole(text, candidate.end) || preposedRole(view, candidate)))
      candidate.type = "person";
    found.push(candidate);
  }
  return found;
}

// ---- the tagger's names -----------------------------------------------------------------------------------

const NER_TYPE: Record<NerType, EntityType | null> = {
  PER: "person",
  ORG: "organization",
  LOC: "place",
  MISC: null,
};

function taggerCandidates(view: SentenceView): Candidate[] {
  const { spans } = tagTokens(view.sentence.text, view.sentence.start, view.tokens);
  // No name runs this long: a headline in capitals or a list (and a long span would make the rules slow).
  return spans
    .filter((s) => s.last - s.first <= MAX_NAME_TOKENS)
    .map((s) => makeCandidate(view.text, view.tokens.slice(s.first, s.last), NER_TYPE[s.type], "tagger"));
}

// ---- span rules: what is not a name, what belongs to it, what it is ---------------------------------------

export type SpanAction = "drop" | "peel-first" | "as-organization" | "as-place" | "take-group-noun";

/** What the span rules read off a proposed name (its tokens, its type, the words around it). */
type SpanFact =
  | "typed"
  | "untyped"
  | "typed-person"
  | "typed-organization"
  | "typed-place"
  | "one-token"
  | "several-tokens"
  /** Honorifics or rank words only (`Mr`, `Lt. Gen.`); or titles only (`President`) not followed by a speech verb. */
  | "title-alone"
  | "title-first"
  | "demonym-first"
  | "has-demonym"
  | "nationality-last"
  /** `Salvadoran`: shaped like a nationality adjective. */
  | "nationality-modifier"
  | "known-place"
  | "known-organisation"
  /** The one word, lower-cased, is a place the lexicon knows. */
  | "place-word"
  | "all-capitals"
  | "possessive"
  | "at-sentence-start"
  | "comma-after"
  /** An ordinary word (or an `-ly` adverb) with no name tag in the lexicon. */
  | "ordinary-word"
  | "no-ordinary-word"
  /** `Port-au-Prince` anywhere; `Pont-Sonde` after `in` or `known as`. */
  | "hyphenated-place-name"
  | "party-shorthands"
  | "organisation-head-last"
  | "strong-organisation-head-last"
  | "plural-after"
  | "role-noun-after"
  | "list-noun-after"
  | "group-noun-after"
  | "place-noun-after";

const isTitleOrModifier = (t: Token) => isTitleWord(t.text) || TITLE_MODIFIERS.has(bare(t.text));

/** How each fact of a proposed name is read; a rule reads only the facts it names. */
const SPAN_FACTS: { readonly [F in SpanFact]: (c: Candidate, view: SentenceView) => boolean } = {
  typed: (c) => c.type !== null,
  untyped: (c) => c.type === null,
  "typed-person": (c) => c.type === "person",
  "typed-organization": (c) => c.type === "organization",
  "typed-place": (c) => c.type === "place",
  "one-token": (c) => c.tokens.length === 1,
  "several-tokens": (c) => c.tokens.length > 1,
  "title-alone": (c, view) => {
    if (c.tokens.every((t) => HONORIFICS.has(bare(t.text)) || TITLE_MODIFIERS.has(bare(t.text)))) return true;
    // `President` alone is a title too, but `King said` is a surname.
    const next = tokenAfter(c, view)?.text.toLowerCase();
    return c.tokens.every(isTitleOrModifier) && (next === undefined || !SPEECH_VERB_WORDS.has(next));
  },
  "title-first": (c) => isTitleOrModifier(c.tokens[0]),
  "demonym-first": (c) => isDemonym(c.tokens[0].text),
  "has-demonym": (c) => c.tokens.some((t) => isDemonym(t.text)),
  "nationality-last": (c) => isNationality(lastOf(c.tokens).text),
  "nationality-modifier": (c) => NATIONALITY_MODIFIER.test(c.tokens[0].text),
  "known-place": (c) => isPlaceWord(foldName(c.text)),
  "known-organisation": (c) => isOrganizationWord(foldName(c.text)),
  "place-word": (c) => isPlaceWord(c.tokens[0].text.toLowerCase()),
  "all-capitals": (c) => /^[\p{Lu}.]+$/u.test(c.tokens[0].text),
  possessive: (c) => c.tokens[0].possessive,
  "at-sentence-start": (c, view) => isSentenceStart(view.sentence, c.tokens[0]),
  "comma-after": (c, view) => /^\s*,/.test(view.text.slice(c.tokens[0].end, c.tokens[0].end + 3)),
  "ordinary-word": (c) => {
    const lower = c.tokens[0].text.toLowerCase();
    return !hasNameTag(lower) && (isCommonWord(lower) || /\p{Ll}{3}ly$/u.test(lower));
  },
  "no-ordinary-word": (c) => !c.tokens.some((t) => isCommonWord(t.text)),
  "hyphenated-place-name": (c, view) => {
    const word = c.tokens[0].text;
    if (/^\p{Lu}[\p{L}\p{M}]+(-\p{Ll}[\p{L}\p{M}]*)+-\p{Lu}[\p{L}\p{M}]*$/u.test(word)) return true;
    const before = view.tokens[firstIndex(c, view) - 1]?.text.toLowerCase();
    return (
      /^\p{Lu}[\p{L}\p{M}]+-\p{Lu}[\p{L}\p{M}]*$/u.test(word) &&
      before !== undefined &&
      (PLACE_PREPOSITIONS.has(before) || before === "as")
    );
  },
  "party-shorthands": (c) => c.tokens.every((t) => PARTY_SHORTHANDS.has(t.text.toLowerCase())),
  "organisation-head-last": (c) => ORG_HEADS.has(lastOf(c.tokens).text.toLowerCase()),
  "strong-organisation-head-last": (c) =>
    c.type === "place" && STRONG_ORG_HEADS.has(lastOf(c.tokens).text.toLowerCase()),
  "plural-after": (c, view) => /^\p{Ll}+s$/u.test(wordAfter(c, view)?.text ?? ""),
  "role-noun-after": (c, view) => ROLE_NOUNS.test(wordAfter(c, view)?.text ?? ""),
  "list-noun-after": (c, view) => LIST_NOUNS.has(wordAfter(c, view)?.text.toLowerCase() ?? ""),
  "group-noun-after": (c, view) => GROUP_NOUNS.has(wordAfter(c, view)?.text.toLowerCase() ?? ""),
  "place-noun-after": (c, view) => PLACE_NOUNS.has(wordAfter(c, view)?.text.toLowerCase() ?? ""),
};

/** Checks on every proposed name, in order; a peel re-runs them on what is left. */
export const SPAN_RULES = [
  {
    id: "honorific-alone",
    match: { all: ["title-alone"] },
    action: "drop",
    reason: "`Mr` of `Mr. Dor`, `Lt`/`Gen` of `Lt. Gen. Ann Cole`: a title or rank alone is never a name",
    example: "Mr. Dor declined to comment.",
  },
  {
    id: "peel-title",
    match: { all: ["several-tokens", "title-first"], none: ["typed-organization", "typed-place"] },
    action: "peel-first",
    reason: "`Retired Lt. Gen. Ann Cole`: titles stand before the name, not in it",
    example: "Retired Lt. Gen. Ann Cole said no.",
  },
  {
    id: "peel-nationality",
    match: {
      all: ["typed-person", "several-tokens", "demonym-first"],
      none: ["known-place", "known-organisation"],
    },
    action: "peel-first",
    reason: "`Russian Ivan Petrov`: a nationality glued to a name is not part of it",
    example: "Russian Ivan Petrov won the race.",
  },
  {
    id: "nationality-alone",
    match: { all: ["nationality-last"], none: ["typed-organization", "known-place", "known-organisation"] },
    action: "drop",
    reason: "`Salvadoran`, `East African`: a nationality adjective is not a person, group or place",
    example: "The East African nations met.",
  },
  {
    id: "nationality-before-plural",
    match: {
      all: ["one-token", "typed-place", "nationality-modifier", "plural-after"],
      none: ["place-word"],
    },
    action: "drop",
    reason: "`Salvadoran forces`: a nationality adjective before a plural noun, not a place",
    example: "Zorvanian troops arrived.",
  },
  {
    id: "sentence-initial-role-word",
    match: {
      all: ["one-token", "at-sentence-start", "role-noun-after"],
      none: ["typed-person", "all-capitals"],
    },
    action: "drop",
    reason: "`Mission official Ombaka`: a sentence-opening word before a role noun belongs to the role",
    example: "Mission official Jo Park spoke.",
  },
  {
    id: "hyphenated-place",
    match: { all: ["one-token", "hyphenated-place-name"], none: ["typed-person", "typed-place"] },
    action: "as-place",
    reason:
      "`Port-au-Prince`, `in Pont-Sonde`: a hyphenated name ending in a capital, or one after `in`, is a place",
    example: "They fled to Pont-Dorel on foot.",
  },
  {
    id: "sentence-initial-word",
    match: { all: ["one-token", "at-sentence-start", "comma-after", "ordinary-word"], none: ["possessive"] },
    action: "drop",
    reason: "`Currently, says Dr Park`: an ordinary word set off by a comma at the start of the sentence",
    example: "Currently, says Dr Park, the lab is shut.",
  },
  {
    id: "list-name",
    match: { all: ["list-noun-after"], none: ["typed-organization", "typed-place"] },
    action: "drop",
    reason: "`the UK All-Time list`: the name of a list or ranking, not a person",
    example: "She is sixth on the UK All-Time list.",
  },
  {
    id: "party-shorthand",
    match: { all: ["party-shorthands", "role-noun-after"] },
    action: "drop",
    reason: "`Lib Dem leader Jo Park`: a party shorthand before a role belongs to the role",
    example: "Lib Dem leader Jo Park spoke.",
  },
  {
    id: "organisation-head",
    match: {
      all: ["several-tokens", "organisation-head-last"],
      any: ["typed-person", "untyped", "strong-organisation-head-last"],
    },
    action: "as-organization",
    reason: "`Climate Central`, `Columbia University`: a final word that heads organisations",
    example: "Climate Central said so.",
  },
  {
    id: "group-noun-after",
    match: { all: ["group-noun-after"], any: ["typed", "no-ordinary-word"], none: ["has-demonym"] },
    action: "take-group-noun",
    reason: "`Gran Grif gang`: the group noun belongs to the organisation's name",
    example: "The Gran Grif gang struck.",
  },
  {
    id: "place-noun-after",
    match: { all: ["place-noun-after"], any: ["untyped", "typed-organization"] },
    action: "as-place",
    reason: "`the Caribbean country`, `the Artibonite region`: a name before a place noun is a place",
    example: "They fled the Artibonite region.",
  },
] as const satisfies readonly FactRule<string, SpanAction, SpanFact>[];

export type SpanRuleId = RuleId<typeof SPAN_RULES>;

/** The first span rule that holds on a proposed name, or null. */
function spanRuleFor(c: Candidate, view: SentenceView): (typeof SPAN_RULES)[number] | null {
  return firstFiredOnFacts(SPAN_RULES, (fact: SpanFact) => SPAN_FACTS[fact](c, view));
}

function applySpanRules(c: Candidate, view: SentenceView): Candidate | null {
  let current: Candidate = c;
  for (let guard = 0; guard <= c.tokens.length + SPAN_RULES.length; guard++) {
    const rule = spanRuleFor(current, view);
    if (!rule) return current;
    switch (rule.action) {
      case "drop":
        return null;
      case "peel-first":
        current = makeCandidate(view.text, current.tokens.slice(1), current.type, current.origin);
        break;
      case "as-organization":
        if (current.type === "organization") return current;
        current = { ...current, type: "organization" };
        break;
      case "as-place":
        return { ...current, type: "place" };
      case "take-group-noun": {
        const noun = defined(wordAfter(current, view), "word after the name");
        return { ...makeCandidate(view.text, [...current.tokens, noun], "organization", current.origin) };
      }
    }
  }
  return current;
}

/** `Ernesto "Che" Guevara`: a nickname in quotes between two parts of one name joins them into one person. */
function joinNicknames(view: SentenceView, candidates: Candidate[]): Candidate[] {
  const { text, tokens } = view;
  let out = candidates;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [given, nickname, surname] = tokens.slice(i - 1, i + 2);
    if (
      !given ||
      !nickname ||
      !surname ||
      !isCapitalized(given.text) ||
      !isCapitalized(nickname.text) ||
      !isCapitalized(surname.text) ||
      !/^\s?["“‘']$/u.test(text.slice(given.end, nickname.start)) ||
      !/^["”’']\s$/u.test(text.slice(nickname.end, surname.start))
    )
      continue;
    const touching = out.filter((c) => c.start <= surname.end && given.start <= c.end);
    // One person among the parts is enough: `Given "Nick" Surname` is a person's name shape.
    if (!touching.some((c) => c.type === "person")) continue;
    const from = Math.min(given.start, ...touching.map((c) => c.start));
    const to = Math.max(surname.end, ...touching.map((c) => c.end));
    const joined = tokens.filter((t) => t.start >= from && t.end <= to);
    out = [...out.filter((c) => !touching.includes(c)), makeCandidate(text, joined, "person", "tagger")].sort(
      (x, z) => x.start - z.start,
    );
  }
  return out;
}

// ---- roles, affiliations, gender ---------------------------------------------------------------------------

const APPOSITIVE = new RegExp(
  String.raw`^,\s+(${anyOf(ROLE_DESCRIPTION_OPENERS)}\s[^,.;:"“”()]{2,110}?|[\p{Lu}][\p{L}]+['’]s\s[^,.;:"“”()]{2,80}?|${anyOf(ROLE_NOUN_WORDS)}\s${anyOf(ROLE_PREPOSITIONS)}\s[^,.;:"“”()]{2,80}?)(?=,|\.|;|$)`,
  "iu",
);

function appositiveRole(text: string, end: number): { role: string; span: Span } | null {
  const after = text.slice(end, end + 140);
  const match = APPOSITIVE.exec(after);
  if (!match) return null;
  const role = group(match, 1);
  // `Ombaka, who …` or `Haiti, the country where …` clauses are not roles; `, he said` is not either.
  // `says Dr Park, the lab is closed`: a clause with a verb is what was said, not a role.
  if (ROLE_CLAUSE.test(role)) return null;
  const start = end + match[0].indexOf(role);
  return { role, span: { start, end: start + role.length } };
}

/** Words that may open a preposed role: `deputy`, `former`; capitalised words are taken as well (`MSNBC`). */

/** A role noun right before the name, with the capitalised or modifier words before it: `MSNBC anchor`. */
function preposedRole(view: SentenceView, c: Candidate): { role: string; span: Span } | null {
  const first = firstIndex(c, view);
  const head = view.tokens[first - 1];
  if (!head || !ROLE_NOUNS.test(head.text) || !gapIsSpace(view.text, head, c.tokens[0])) return null;
  let from = first - 1;
  for (let k = first - 2; k >= 0 && first - 1 - k <= 3; k--) {
    const [word, after] = view.tokens.slice(k, k + 2);
    if (!word || !after || !gapIsSpace(view.text, word, after)) break;
    const lower = word.text.toLowerCase();
    const tag = lexiconTag(lower);
    const functionWord = tag !== undefined && (FUNCTION_WORD_TAGS.has(tag) || tag === "Copula");
    const isWord =
      (isCapitalized(word.text) && !functionWord && !isSentenceStart(view.sentence, word)) ||
      (isCapitalized(word.text) && hasNameTag(lower)) ||
      ROLE_MODIFIERS.has(lower) ||
      ROLE_NOUN_WORDS.has(lower) ||
      PARTY_SHORTHANDS.has(lower);
    if (!isWord || isTitleWord(word.text)) break;
    from = k;
  }
  const span = { start: view.tokens[from]?.start ?? head.start, end: head.end };
  return { role: view.text.slice(span.start, span.end), span };
}

/** The titles right before a name: `Retired Lt. Gen.` of `Retired Lt. Gen. Ann Cole`. */
function titleBefore(view: SentenceView, c: Candidate): { words: Token[]; span: Span } | null {
  const first = firstIndex(c, view);
  let from = first;
  for (let k = first - 1; k >= 0 && first - k <= 4; k--) {
    const [word, after] = view.tokens.slice(k, k + 2);
    if (!word || !after) break;
    const gap = view.text.slice(word.end, after.start);
    if (!/^\.?[ \t]+$/.test(gap)) break;
    if (!isTitleWord(word.text) && !(TITLE_MODIFIERS.has(bare(word.text)) && isCapitalized(word.text))) break;
    if (!isCapitalized(word.text) && !TITLES.has(bare(word.text))) break;
    from = k;
  }
  const words = view.tokens.slice(from, first);
  const [firstTitle] = words;
  const lastTitle = words.at(-1);
  if (!firstTitle || !lastTitle) return null;
  const end = view.text[lastTitle.end] === "." ? lastTitle.end + 1 : lastTitle.end;
  return { words, span: { start: firstTitle.start, end } };
}

/** A title says a job when a word of it is neither an honorific nor a modifier: `President`, not `Dr`. */
const titleIsJob = (words: Token[]) =>
  words.some((w) => !HONORIFICS.has(bare(w.text)) && !TITLE_MODIFIERS.has(bare(w.text)));

function describe(view: SentenceView, c: Candidate): Candidate {
  if (c.type !== "person") return c;
  const title = titleBefore(view, c);
  const appositive = appositiveRole(view.text, c.end);
  const preposed = title ? null : preposedRole(view, c);
  const titleRole =
    title && titleIsJob(title.words)
      ? {
          role: view.text.slice(title.span.start, title.words.at(-1)?.end ?? title.span.end),
          span: title.span,
        }
      : null;
  const role = appositive ?? titleRole ?? preposed;
  const honorificGender = title?.words.map((w) => genderOfName(w.text)).find((g) => g !== null) ?? null;
  return {
    ...c,
    title: title ? view.text.slice(title.span.start, title.span.end) : null,
    role: role?.role ?? null,
    roleSpan: role ? { start: role.span.start, end: role.span.start + role.role.length } : null,
    gender: honorificGender ?? (c.tokens.length > 1 ? genderOfName(c.tokens[0].text) : null),
  };
}

/** `Ann Park of Columbia University`: an organisation after `of` is the person's affiliation. */
function attachAffiliations(view: SentenceView, candidates: Candidate[]): void {
  for (const [i, person] of candidates.entries()) {
    const next = candidates[i + 1];
    if (!next || person.type !== "person" || next.type !== "organization") continue;
    if (!AFFILIATION_GAP.test(view.text.slice(person.end, next.start))) continue;
    person.affiliation = next.text;
    person.affiliationSpan = { start: next.start, end: next.end };
  }
}

/** `Haiti’s` + `National Police` → the organisation `Haiti’s National Police`. */
function mergePossessiveOrganisations(text: string, candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const owner = candidates[i];
    if (!owner) break;
    const owned = candidates[i + 1];
    const ownerToken = lastOf(owner.tokens);
    if (
      owned &&
      ownerToken.possessive &&
      owned.type === "organization" &&
      /^['’]s\s+$/u.test(text.slice(owner.end, owned.start))
    ) {
      merged.push({
        ...owned,
        start: owner.start,
        text: text.slice(owner.start, owned.end),
        tokens: [...owner.tokens, ...owned.tokens],
      });
      i++;
      continue;
    }
    merged.push(owner);
  }
  return merged;
}

export interface EntityOptions {
  /** Use the learned tagger (default); false runs the rules alone, as the evaluation's comparison row. */
  tagger?: boolean;
}

function sentenceView(text: string, sentence: Sentence): SentenceView {
  const tokens = nerTokens(sentence.text, sentence.start);
  return { text, sentence, tokens, indexOf: new Map(tokens.map((t, i) => [t.start, i])) };
}

/** The names of one sentence: the tagger's, checked by the span rules, plus the rules' own it did not cover. */
export function candidatesIn(text: string, sentence: Sentence, options: EntityOptions = {}): Candidate[] {
  const view = sentenceView(text, sentence);
  const useTagger = options.tagger !== false;
  const proposed = useTagger ? joinNicknames(view, taggerCandidates(view)) : [];
  const kept: Candidate[] = [];
  for (const c of proposed) {
    const checked = applySpanRules(c, view);
    if (checked) kept.push(checked);
  }
  // Which tokens the tagger's names cover: the rules' own names are only wanted where it found none.
  const coveredTokens = new Uint8Array(view.tokens.length);
  for (const p of proposed) coveredTokens.fill(1, firstIndex(p, view), lastIndex(p, view) + 1);
  const covered = (run: Token[]) =>
    useTagger && run.some((t) => coveredTokens[view.indexOf.get(t.start) ?? 0] === 1);
  for (const c of ruleCandidates(view, covered)) {
    if (useTagger && c.type === null) continue;
    const checked = useTagger ? applySpanRules(c, view) : c;
    if (checked) kept.push(checked);
  }
  kept.sort((a, z) => a.start - z.start);
  const described = kept.map((c) => describe(view, c));
  attachAffiliations(view, described);
  return mergePossessiveOrganisations(text, described);
}

const slug = (name: string) =>
  foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface Builder {
  entity: Entity;
  folded: string;
  lastName: string;
  firstName: string;
}

/** Finds and merges the article's people, organisations and places. */
export function extractEntities(text: string, sentences: Sentence[], options: EntityOptions = {}): Entity[] {
  const candidates = sentences.flatMap((s) => candidatesIn(text, s, options));
  const builders: Builder[] = [];
  const byName = new Map<string, Builder>();

  const add = (candidate: Candidate, type: EntityType): Builder => {
    const folded = foldName(candidate.text);
    const key = `${type}:${folded}`;
    let builder = byName.get(key);
    if (!builder) {
      const words = folded.split(" ");
      builder = {
        entity: {
          id: `${type}:${slug(candidate.text)}`,
          name: candidate.text,
          type,
          role: null,
          roleSpan: null,
          affiliation: null,
          affiliationSpan: null,
          gender: null,
          mentions: [],
        },
        folded,
        firstName: words[0] ?? folded,
        lastName: words.at(-1) ?? folded,
      };
      byName.set(key, builder);
      builders.push(builder);
    }
    return builder;
  };
  const mention = (builder: Builder, candidate: Candidate) => {
    const entity = builder.entity;
    entity.mentions.push({ start: candidate.start, end: candidate.end, text: candidate.text });
    if (!entity.role && candidate.role) {
      entity.role = candidate.role;
      entity.roleSpan = candidate.roleSpan;
    }
    if (!entity.affiliation && candidate.affiliation) {
      entity.affiliation = candidate.affiliation;
      entity.affiliationSpan = candidate.affiliationSpan;
    }
    if (entity.type === "person" && !entity.gender && candidate.gender) entity.gender = candidate.gender;
  };

  retypeByLoneSurname(candidates);
  // Full names first, so that a later `Ombaka` finds `Jack Ombaka` wherever it stands.
  const people = new Map<string, Builder[]>();
  for (const c of candidates) {
    if (c.type === "person" && c.tokens.length > 1) {
      const b = add(c, "person");
      const list = people.get(b.lastName) ?? [];
      if (!list.includes(b)) list.push(b);
      people.set(b.lastName, list);
    }
  }
  const firstNames = new Map<string, Builder[]>();
  for (const list of people.values()) {
    for (const b of list) firstNames.set(b.firstName, [...(firstNames.get(b.firstName) ?? []), b]);
  }
  for (const c of candidates) {
    const folded = foldName(c.text);
    // A lone surname is the person the article named in full, whatever type the tagger guessed, unless the
    // lexicon knows the word as a place (`Washington`).
    if (c.tokens.length === 1 && (c.type !== "place" || c.title || !isPlaceWord(folded))) {
      const bySurname = people.get(folded);
      const byFirst = firstNames.get(folded);
      const person = bySurname?.length === 1 ? bySurname[0] : byFirst?.length === 1 ? byFirst[0] : undefined;
      if (person) {
        mention(person, c);
        continue;
      }
    }
    if (c.type === null) continue;
    mention(add(c, c.type), c);
  }
  for (const b of builders) b.entity.mentions.sort((a, z) => a.start - z.start);
  return builders.map((b) => b.entity).filter((e) => e.mentions.length > 0);
}

/**
 * The article's own usage types a name the tagger misread: `Jordan Dale manages the port. … Dale said` makes
 * `Jordan Dale` a person, since its last word stands alone as a person elsewhere (unless the whole is a known place).
 */
function retypeByLoneSurname(candidates: Candidate[]): void {
  const lonePeople = new Set(
    candidates.filter((c) => c.type === "person" && c.tokens.length === 1).map((c) => foldName(c.text)),
  );
  for (const c of candidates) {
    if (c.type === "person" || c.type === "organization" || c.tokens.length < 2) continue;
    const last = foldName(lastOf(c.tokens).text);
    if (lonePeople.has(last) && !isPlaceWord(foldName(c.text))) c.type = "person";
  }
}

/** The learned tagger's spans alone, for the evaluation's comparison row. */
export function taggerSpans(text: string, sentences: Sentence[]): (Span & { type: EntityType })[] {
  return sentences.flatMap((s) =>
    taggerCandidates(sentenceView(text, s)).flatMap((c) =>
      c.type ? [{ start: c.start, end: c.end, type: c.type }] : [],
    ),
  );
}

/**
 * Runs the span rules on one proposed name of a one-sentence text, as the rule tests read them: the id of the
 * first rule that fires, and what is left (null when dropped).
 */
export function explainSpan(
  sentenceText: string,
  spanText: string,
  type: EntityType | null,
): { rule: string | null; result: { text: string; type: EntityType | null } | null } {
  const sentence: Sentence = {
    start: 0,
    end: sentenceText.length,
    index: 0,
    paragraph: 1,
    text: sentenceText,
  };
  const view = sentenceView(sentenceText, sentence);
  const start = sentenceText.indexOf(spanText);
  const tokens = view.tokens.filter((t) => t.start >= start && t.end <= start + spanText.length);
  if (start < 0 || tokens.length === 0) throw new Error(`no span ${spanText} in ${sentenceText}`);
  const candidate = makeCandidate(sentenceText, tokens, type, "tagger");
  const rule = spanRuleFor(candidate, view)?.id ?? null;
  const result = applySpanRules(candidate, view);
  return { rule, result: result ? { text: result.text, type: result.type } : null };
}
