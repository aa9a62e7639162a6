// Base forms of an inflected word, as WordNet's morphy finds them: the detachment rules of each part of speech,
// plus irregular forms (`wrote` → `write`, `men` → `man`) from compromise's conjugation model, since the npm
// database ships without WordNet's exception lists. Only forms WordNet knows are kept.
import { compromise, compromiseLexicon, PAST_FORM_TAGS } from "../lexicon/compromise.ts";
import { group } from "../match.ts";
import { fired, type Rule, type RuleId } from "../rules/rule.ts";
import { indexEntry, WORDNET_POS, type WordnetPos } from "./dict.ts";

/** What a detachment rule does: in its part of speech, put this ending where the suffix was. */
type DetachmentAction = `${WordnetPos}:${"" | "s" | "x" | "z" | "ch" | "sh" | "man" | "y" | "e"}`;

/**
 * WordNet's morphy detachment rules (`wn morph` documentation), one named rule each: the suffix after at least
 * two letters, and the part of speech and ending of the base form.
 */
export const DETACHMENT_RULES = [
  {
    id: "noun-s-to-nothing",
    match: /^([\s\S]{2,})s$/,
    action: "noun:",
    example: "lanterns",
    reason: "A noun in `-s` may be its base form without it: `lanterns` → `lantern`.",
  },
  {
    id: "noun-ses-to-s",
    match: /^([\s\S]{2,})ses$/,
    action: "noun:s",
    example: "glasses",
    reason: "A noun in `-ses` may be its base form with `-s`: `glasses` → `glass`.",
  },
  {
    id: "noun-xes-to-x",
    match: /^([\s\S]{2,})xes$/,
    action: "noun:x",
    example: "boxes",
    reason: "A noun in `-xes` may be its base form with `-x`: `boxes` → `box`.",
  },
  {
    id: "noun-zes-to-z",
    match: /^([\s\S]{2,})zes$/,
    action: "noun:z",
    example: "waltzes",
    reason: "A noun in `-zes` may be its base form with `-z`: `waltzes` → `waltz`.",
  },
  {
    id: "noun-ches-to-ch",
    match: /^([\s\S]{2,})ches$/,
    action: "noun:ch",
    example: "benches",
    reason: "A noun in `-ches` may be its base form with `-ch`: `benches` → `bench`.",
  },
  {
    id: "noun-shes-to-sh",
    match: /^([\s\S]{2,})shes$/,
    action: "noun:sh",
    example: "dishes",
    reason: "A noun in `-shes` may be its base form with `-sh`: `dishes` → `dish`.",
  },
  {
    id: "noun-men-to-man",
    match: /^([\s\S]{2,})men$/,
    action: "noun:man",
    example: "firemen",
    reason: "A noun in `-men` may be its base form with `-man`: `firemen` → `fireman`.",
  },
  {
    id: "noun-ies-to-y",
    match: /^([\s\S]{2,})ies$/,
    action: "noun:y",
    example: "ferries",
    reason: "A noun in `-ies` may be its base form with `-y`: `ferries` → `ferry`.",
  },
  {
    id: "verb-s-to-nothing",
    match: /^([\s\S]{2,})s$/,
    action: "verb:",
    example: "sails",
    reason: "A verb in `-s` may be its base form without it: `sails` → `sail`.",
  },
  {
    id: "verb-ies-to-y",
    match: /^([\s\S]{2,})ies$/,
    action: "verb:y",
    example: "carries",
    reason: "A verb in `-ies` may be its base form with `-y`: `carries` → `carry`.",
  },
  {
    id: "verb-es-to-e",
    match: /^([\s\S]{2,})es$/,
    action: "verb:e",
    example: "closes",
    reason: "A verb in `-es` may be its base form with `-e`: `closes` → `close`.",
  },
  {
    id: "verb-es-to-nothing",
    match: /^([\s\S]{2,})es$/,
    action: "verb:",
    example: "washes",
    reason: "A verb in `-es` may be its base form without it: `washes` → `wash`.",
  },
  {
    id: "verb-ed-to-e",
    match: /^([\s\S]{2,})ed$/,
    action: "verb:e",
    example: "closed",
    reason: "A verb in `-ed` may be its base form with `-e`: `closed` → `close`.",
  },
  {
    id: "verb-ed-to-nothing",
    match: /^([\s\S]{2,})ed$/,
    action: "verb:",
    example: "sailed",
    reason: "A verb in `-ed` may be its base form without it: `sailed` → `sail`.",
  },
  {
    id: "verb-ing-to-e",
    match: /^([\s\S]{2,})ing$/,
    action: "verb:e",
    example: "closing",
    reason: "A verb in `-ing` may be its base form with `-e`: `closing` → `close`.",
  },
  {
    id: "verb-ing-to-nothing",
    match: /^([\s\S]{2,})ing$/,
    action: "verb:",
    example: "sailing",
    reason: "A verb in `-ing` may be its base form without it: `sailing` → `sail`.",
  },
  {
    id: "adj-er-to-nothing",
    match: /^([\s\S]{2,})er$/,
    action: "adj:",
    example: "colder",
    reason: "A adj in `-er` may be its base form without it: `colder` → `cold`.",
  },
  {
    id: "adj-est-to-nothing",
    match: /^([\s\S]{2,})est$/,
    action: "adj:",
    example: "coldest",
    reason: "A adj in `-est` may be its base form without it: `coldest` → `cold`.",
  },
  {
    id: "adj-er-to-e",
    match: /^([\s\S]{2,})er$/,
    action: "adj:e",
    example: "larger",
    reason: "A adj in `-er` may be its base form with `-e`: `larger` → `large`.",
  },
  {
    id: "adj-est-to-e",
    match: /^([\s\S]{2,})est$/,
    action: "adj:e",
    example: "largest",
    reason: "A adj in `-est` may be its base form with `-e`: `largest` → `large`.",
  },
] as const satisfies readonly Rule<string, DetachmentAction>[];

export type DetachmentRuleId = RuleId<typeof DETACHMENT_RULES>;

const detached = (action: DetachmentAction) => {
  const pos = WORDNET_POS.find((p) => action.startsWith(`${p}:`)) ?? "noun";
  return { pos, ending: action.slice(pos.length + 1) };
};

type Transform = (word: string, model: unknown, form?: string) => string;
interface Conjugation {
  verb: { toInfinitive: Transform };
  noun: { toSingular: Transform };
  model: unknown;
}

// Taken from compromise on first use (lexicon/compromise.ts says why it is not loaded at start-up).
let conjugation: Conjugation | undefined;
function compromiseConjugation(): Conjugation {
  if (!conjugation) {
    const nlp = compromise();
    const { transform } = (
      nlp.methods() as { two: { transform: { verb: Conjugation["verb"]; noun: Conjugation["noun"] } } }
    ).two;
    conjugation = { verb: transform.verb, noun: transform.noun, model: nlp.model() };
  }
  return conjugation;
}

/** Irregular base forms compromise knows: past tenses, participles and plurals. */
function irregularForms(word: string): string[] {
  const { verb, noun, model } = compromiseConjugation();
  const forms = [
    verb.toInfinitive(word, model, "PastTense"),
    verb.toInfinitive(word, model, "Participle"),
    verb.toInfinitive(word, model, "Gerund"),
    noun.toSingular(word, model),
  ];
  return forms.filter((f) => typeof f === "string" && f !== word && /^[a-z]+$/.test(f));
}

export interface BaseForm {
  lemma: string;
  pos: WordnetPos;
}

/** The word itself and its base forms, each in every part of speech WordNet has it in. */
export function baseForms(word: string): BaseForm[] {
  const lower = word.toLowerCase();
  const out: BaseForm[] = [];
  const add = (lemma: string, pos: WordnetPos) => {
    if (out.some((b) => b.lemma === lemma && b.pos === pos)) return;
    if (indexEntry(lemma, pos)) out.push({ lemma, pos });
  };
  for (const pos of WORDNET_POS) add(lower, pos);
  for (const hit of fired(DETACHMENT_RULES, lower)) {
    const { pos, ending } = detached(hit.action);
    add(group(hit.match, 1) + ending, pos);
  }
  for (const form of irregularForms(lower)) for (const pos of WORDNET_POS) add(form, pos);
  return out;
}

const verbBases = new Map<string, string>();
const MAX_CACHED_BASES = 50_000;

/**
 * The base form of an irregular past tense or participle (`shot` → `shoot`, `wrote` → `write`), else the word.
 * Stemming cannot join these, so question and sentence words meet through this. Cached per word.
 */
export function irregularVerbBase(word: string): string {
  if (word.endsWith("ed") || word.length < 3) return word;
  const cached = verbBases.get(word);
  if (cached !== undefined) return cached;
  const tag = compromiseLexicon()[word];
  const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
  let base = word;
  if (tags.some((t) => PAST_FORM_TAGS.has(t))) {
    const { verb, model } = compromiseConjugation();
    const infinitive = verb.toInfinitive(word, model, "PastTense");
    if (typeof infinitive === "string" && /^[a-z]+$/.test(infinitive)) base = infinitive;
  }
  if (verbBases.size >= MAX_CACHED_BASES) verbBases.clear();
  verbBases.set(word, base);
  return base;
}

const collocations = new Map<string, string | null>();

/**
 * The phrasal verb two words make, as WordNet lists it (`took place` → `take place`, `stepped down` → `step down`,
 * `passes away` → `pass away`), or null. The first word is read in its verb base forms.
 */
export function verbCollocation(first: string, second: string): string | null {
  if (!/^[a-z]+$/.test(first) || !/^[a-z]+$/.test(second)) return null;
  const key = `${first} ${second}`;
  const cached = collocations.get(key);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const { lemma, pos } of baseForms(first)) {
    if (pos === "verb" && indexEntry(`${lemma} ${second}`, "verb")) {
      found = `${lemma} ${second}`;
      break;
    }
  }
  if (collocations.size >= MAX_CACHED_BASES) collocations.clear();
  collocations.set(key, found);
  return found;
}
