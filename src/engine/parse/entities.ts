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

export interface TypeRule {
  id: string;
  pattern: (run: RunView) => boolean;
  action: EntityType;
  reason: string;
}

/** The typing of a capitalised run, in order: the first rule that matches gives the type. */
export const TYPE_RULES: readonly TypeRule[] = [
  {
    id: "organisation-head",
    pattern: (r) => r.words.length > 1 && ORG_HEADS.has(r.last.toLowerCase()),
    action: "organization",
    reason: "`National Police`, `Climate Central`: a final word that heads organisations",
  },
  {
    id: "group-noun-after",
    pattern: (r) => r.after !== undefined && GROUP_NOUNS.has(r.after),
    action: "organization",
    reason: "`Gran Grif gang`: a group noun right after the run",
  },
  {
    id: "lexicon-organisation",
    pattern: (r) => isOrganizationWord(r.phrase),
    action: "organization",
    reason: "compromise's lexicon knows the name as an organisation",
  },
  {
    id: "place-noun-after",
    pattern: (r) => r.after !== undefined && PLACE_NOUNS.has(r.after),
    action: "place",
    reason: "`Artibonite region`: a place noun right after the run",
  },
  {
    id: "lexicon-place",
    pattern: (r) => isPlaceWord(r.phrase) || (r.words.length === 1 && isPlaceWord(r.last)),
    action: "place",
    reason: "compromise's lexicon knows the name as a country, city or region",
  },
  {
    id: "acronym",
    pattern: (r) => r.words.length === 1 && /^\p{Lu}{2,6}$/u.test(r.last),
    action: "organization",
    reason: "a lone acronym (`UN`, `NATO`) is most often an organisation",
  },
  {
    id: "lexicon-person",
    pattern: (r) => isFirstName(r.words[0] ?? "") || isPersonWord(r.phrase),
    action: "person",
    reason: "the run starts with a known first name or is a known person",
  },
  {
    id: "team-plural",
    pattern: (r) => r.words.length >= 2 && /^\p{Lu}\p{Ll}+[^s]s$/u.test(r.last) && !isPersonWord(r.last),
    action: "organization",
    reason: "`Harwick Rovers`: a place or name and a capitalised plural is a team or group",
  },
  {
    id: "place-preposition",
    pattern: (r) => r.before !== undefined && PLACE_PREPOSITIONS.has(r.before) && r.words.length <= 3,
    action: "place",
    reason: "`in Pont-Sonde`: a short run after a place preposition",
  },
  {
    id: "speech-verb-after",
    pattern: (r) => r.next !== undefined && SPEECH_VERB_WORDS.has(r.next.toLowerCase()),
    action: "person",
    reason: "`Otunge said`: a run before a speech verb is a speaker",
  },
  {
    id: "hyphenated-place",
    pattern: (r) =>
      r.words.length === 1 && /^\p{Lu}[\p{L}\p{M}]+(-[\p{L}\p{M}]+)*-\p{Lu}[\p{L}\p{M}]*$/u.test(r.last),
    action: "place",
    reason: "`Port-au-Prince`: a hyphenated name ending in a capital is a place",
  },
  {
    id: "unknown-words",
    pattern: (r) => r.words.length >= 2 && r.words.every((w) => !isCommonWord(w) || CONNECTORS.has(w)),
    action: "person",
    reason: "two or more words none of which the lexicon knows as ordinary words are most often a name",
  },
];

/** The first typing rule that matches a run, or null. */
export function classify(run: RunView): TypeRule | null {
  return TYPE_RULES.find((rule) => rule.pattern(run)) ?? null;
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

export interface SpanRule {
  id: string;
  pattern: (c: Candidate, view: SentenceView) => boolean;
  action: SpanAction;
  reason: string;
}

/** Checks on every proposed name, in order; a peel re-runs them on what is left. */
export const SPAN_RULES: readonly SpanRule[] = [
  {
    id: "honorific-alone",
    pattern: (c, view) => {
      if (c.tokens.every((t) => HONORIFICS.has(bare(t.text)) || TITLE_MODIFIERS.has(bare(t.text))))
        return true;
      // `President` alone is a title too, but `King said` is a surname.
      const next = tokenAfter(c, view)?.text.toLowerCase();
      return (
        c.tokens.every((t) => isTitleWord(t.text) || TITLE_MODIFIERS.has(bare(t.text))) &&
        (next === undefined || !SPEECH_VERB_WORDS.has(next))
      );
    },
    action: "drop",
    reason: "`Mr` of `Mr. Dor`, `Lt`/`Gen` of `Lt. Gen. Ann Cole`: a title or rank alone is never a name",
  },
  {
    id: "peel-title",
    pattern: (c) =>
      c.type !== "organization" &&
      c.type !== "place" &&
      c.tokens.length > 1 &&
      (isTitleWord(c.tokens[0].text) || TITLE_MODIFIERS.has(bare(c.tokens[0].text))),
    action: "peel-first",
    reason: "`Retired Lt. Gen. Ann Cole`: titles stand before the name, not in it",
  },
  {
    id: "peel-nationality",
    pattern: (c) =>
      c.type === "person" &&
      c.tokens.length > 1 &&
      isDemonym(c.tokens[0].text) &&
      !isPlaceWord(foldName(c.text)) &&
      !isOrganizationWord(foldName(c.text)),
    action: "peel-first",
    reason: "`Russian Ivan Petrov`: a nationality glued to a name is not part of it",
  },
  {
    id: "nationality-alone",
    pattern: (c) =>
      c.type !== "organization" &&
      isNationality(lastOf(c.tokens).text) &&
      !isPlaceWord(foldName(c.text)) &&
      !isOrganizationWord(foldName(c.text)),
    action: "drop",
    reason: "`Salvadoran`, `East African`: a nationality adjective is not a person, group or place",
  },
  {
    id: "nationality-before-plural",
    pattern: (c, view) => {
      const after = wordAfter(c, view);
      const only = c.tokens[0].text;
      return (
        c.tokens.length === 1 &&
        c.type === "place" &&
        !isPlaceWord(only.toLowerCase()) &&
        NATIONALITY_MODIFIER.test(only) &&
        after !== undefined &&
        /^\p{Ll}+s$/u.test(after.text)
      );
    },
    action: "drop",
    reason: "`Salvadoran forces`: a nationality adjective before a plural noun, not a place",
  },
  {
    id: "sentence-initial-role-word",
    pattern: (c, view) => {
      const after = wordAfter(c, view);
      const only = c.tokens[0];
      return (
        c.tokens.length === 1 &&
        c.type !== "person" &&
        !/^[\p{Lu}.]+$/u.test(only.text) &&
        isSentenceStart(view.sentence, only) &&
        after !== undefined &&
        ROLE_NOUNS.test(after.text)
      );
    },
    action: "drop",
    reason: "`Mission official Ombaka`: a sentence-opening word before a role noun belongs to the role",
  },
  {
    id: "hyphenated-place",
    pattern: (c, view) => {
      const word = c.tokens[0].text;
      if (c.tokens.length !== 1 || c.type === "person" || c.type === "place") return false;
      // `Port-au-Prince` is a place anywhere; `Pont-Sonde` (a company could be named so) after `in` or `known as`.
      if (/^\p{Lu}[\p{L}\p{M}]+(-\p{Ll}[\p{L}\p{M}]*)+-\p{Lu}[\p{L}\p{M}]*$/u.test(word)) return true;
      const before = view.tokens[firstIndex(c, view) - 1]?.text.toLowerCase();
      return (
        /^\p{Lu}[\p{L}\p{M}]+-\p{Lu}[\p{L}\p{M}]*$/u.test(word) &&
        before !== undefined &&
        (PLACE_PREPOSITIONS.has(before) || before === "as")
      );
    },
    action: "as-place",
    reason:
      "`Port-au-Prince`, `in Pont-Sonde`: a hyphenated name ending in a capital, or one after `in`, is a place",
  },
  {
    id: "sentence-initial-word",
    pattern: (c, view) => {
      const first = c.tokens[0];
      if (c.tokens.length > 1 || first.possessive || !isSentenceStart(view.sentence, first)) return false;
      if (!/^\s*,/.test(view.text.slice(first.end, first.end + 3))) return false;
      const lower = first.text.toLowerCase();
      return !hasNameTag(lower) && (isCommonWord(lower) || /\p{Ll}{3}ly$/u.test(lower));
    },
    action: "drop",
    reason: "`Currently, says Dr Park`: an ordinary word set off by a comma at the start of the sentence",
  },
  {
    id: "list-name",
    pattern: (c, view) => {
      if (c.type === "organization" || c.type === "place") return false;
      const after = wordAfter(c, view);
      return after !== undefined && LIST_NOUNS.has(after.text.toLowerCase());
    },
    action: "drop",
    reason: "`the UK All-Time list`: the name of a list or ranking, not a person",
  },
  {
    id: "party-shorthand",
    pattern: (c, view) => {
      const after = wordAfter(c, view);
      return (
        c.tokens.every((t) => PARTY_SHORTHANDS.has(t.text.toLowerCase())) &&
        after !== undefined &&
        ROLE_NOUNS.test(after.text)
      );
    },
    action: "drop",
    reason: "`Lib Dem leader Jo Park`: a party shorthand before a role belongs to the role",
  },
  {
    id: "organisation-head",
    pattern: (c) =>
      (c.type === "person" ||
        c.type === null ||
        (c.type === "place" && STRONG_ORG_HEADS.has(lastOf(c.tokens).text.toLowerCase()))) &&
      c.tokens.length > 1 &&
      ORG_HEADS.has(lastOf(c.tokens).text.toLowerCase()),
    action: "as-organization",
    reason: "`Climate Central`, `Columbia University`: a final word that heads organisations",
  },
  {
    id: "group-noun-after",
    pattern: (c, view) => {
      const after = wordAfter(c, view);
      return (
        after !== undefined &&
        GROUP_NOUNS.has(after.text.toLowerCase()) &&
        !c.tokens.some((t) => isDemonym(t.text)) &&
        (c.type !== null || !c.tokens.some((t) => isCommonWord(t.text)))
      );
    },
    action: "take-group-noun",
    reason: "`Gran Grif gang`: the group noun belongs to the organisation's name",
  },
  {
    id: "place-noun-after",
    pattern: (c, view) => {
      const after = wordAfter(c, view);
      return (
        (c.type === null || c.type === "organization") &&
        after !== undefined &&
        PLACE_NOUNS.has(after.text.toLowerCase())
      );
    },
    action: "as-place",
    reason: "`the Caribbean country`, `the Artibonite region`: a name before a place noun is a place",
  },
];

function applySpanRules(c: Candidate, view: SentenceView): Candidate | null {
  let current: Candidate = c;
  for (let guard = 0; guard <= c.tokens.length + SPAN_RULES.length; guard++) {
    const rule = SPAN_RULES.find((r) => r.pattern(current, view));
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
  const rule = SPAN_RULES.find((r) => r.pattern(candidate, view))?.id ?? null;
  const result = applySpanRules(candidate, view);
  return { rule, result: result ? { text: result.text, type: result.type } : null };
}
