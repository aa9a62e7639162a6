// Who did what to whom, around one verb of a sentence, without a parser: the clause's first noun phrase is its
// subject, the noun phrase after the verb its object, `was VERBed by X` names the agent of a passive. Good enough
// to answer `Who did he cut off?` with the person cut off and `Who was killed?` with who died, not the person
// who spoke about it. Named rules, tested in test/rules/question-arguments.test.ts.
import { lexiconTag, STRANDED_PREPOSITIONS } from "../lexicon/index.ts";
import { type Token, tokenize } from "../text.ts";
import type { Sentence, Span } from "../types.ts";
import { isModifier } from "../wordnet/noun-class.ts";

export interface VerbArguments {
  passive: boolean;
  /** The noun phrase before the verb in its clause (for a passive verb: who it happened to). */
  subject: Span | null;
  /** The noun phrase after the verb (and its particle). */
  object: Span | null;
  /** Who did it, for a passive verb: `by X`, `in a fight with X`. */
  agent: Span | null;
}

const VERB_TAGS = new Set([
  "Verb",
  "PastTense",
  "PresentTense",
  "Infinitive",
  "Gerund",
  "Participle",
  "Copula",
  "Modal",
  "Auxiliary",
]);
const BE_FORMS = new Set(["was", "were", "is", "are", "been", "being", "be", "got", "gets", "get"]);
const AUXILIARIES = new Set([
  ...BE_FORMS,
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "can",
  "did",
  "does",
  "do",
  "may",
  "might",
  "should",
  "must",
  "not",
  "never",
  "also",
  "reportedly",
  "allegedly",
]);
const NP_STOPS = new Set([
  "and",
  "or",
  "but",
  "who",
  "whom",
  "which",
  "that",
  "to",
  "as",
  "while",
  "when",
  "because",
  "after",
  "before",
  "if",
  "than",
  "so",
]);
const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "his",
  "her",
  "their",
  "its",
  "our",
  "one",
  "some",
  "two",
  "three",
  "several",
  "many",
]);

export interface ArgumentRule {
  id: string;
  pattern: RegExp;
  reason: string;
}

/** A passive's agent: `was shot by X`; `was shot in a fight with X` (the other side of a fight). */
export const AGENT_RULES: readonly ArgumentRule[] = [
  { id: "by-agent", pattern: /^\s+by\s+/i, reason: "`was arrested by police`: `by` names who did it" },
  {
    id: "fight-with-agent",
    pattern:
      /^\s+(?:\S+\s+){0,3}?in\s+an?\s+(?:fight|clash|gunfight|shootout|battle|confrontation|firefight|exchange of fire)\s+with\s+/i,
    reason: "`was shot in a fight with the gang`: the other side of the fight did it",
  },
];

export interface ClauseRule {
  id: string;
  /** The word, just before the verb (`relative-pronoun`) or anywhere before it in the clause. */
  pattern: RegExp;
  /** Where the verb's subject is: right after the word, or the noun phrase just before it. */
  action: "subject-follows" | "subject-precedes";
  reason: string;
}

/** Words that start a clause inside a sentence, and where that clause's subject is. */
export const CLAUSE_RULES: readonly ClauseRule[] = [
  {
    id: "relative-pronoun",
    pattern: /^(?:who|which|that)$/i,
    action: "subject-precedes",
    reason:
      "`the volunteers who built the shed`: right before the verb, `who` stands for the phrase before it",
  },
  {
    id: "subordinate-opener",
    pattern:
      /^(?:when|whenever|after|before|while|because|although|though|if|once|since|until|unless|whereas)$/i,
    action: "subject-follows",
    reason:
      "`When the council asked her to stay, …`: a subordinate clause's subject follows its opening word",
  },
  {
    id: "complement-that",
    pattern: /^that$/i,
    action: "subject-follows",
    reason: "`It was not until May that the clerks printed it`: the clause after `that` has its own subject",
  },
];

const [RELATIVE_PRONOUN] = CLAUSE_RULES;
/** Any of the words opens a clause whose subject follows it, unless it stands right before the verb. */
const clauseOpener = (word: string) => CLAUSE_RULES.some((r) => r.pattern.test(word));

export interface ObjectRule {
  id: string;
  /** The word right after the verb (and its particle). */
  pattern: RegExp;
  action: "skip-infinitive" | "after-preposition";
  reason: string;
}

/** Objects that are not the noun phrase right after the verb. */
export const OBJECT_RULES: readonly ObjectRule[] = [
  {
    id: "infinitive-object",
    pattern: /^to$/i,
    action: "skip-infinitive",
    reason: "`refused to meet the envoy`: the object of `refused to meet` is the envoy",
  },
  {
    id: "prepositional-object",
    pattern: new RegExp(`^(?:${[...STRANDED_PREPOSITIONS].join("|")})$`, "i"),
    action: "after-preposition",
    reason: "`Who did she work for?`: the object follows the question's preposition (`worked for the mayor`)",
  },
];

/** Tokens between a verb and the preposition of its object: `worked closely for`, `declared early on for`. */
const MAX_WORDS_BEFORE_PREPOSITION = 3;

/** The object of the verb whose next token is `after`: its noun phrase, past `to VERB` and up to the preposition. */
function objectAfter(
  text: string,
  tokens: Token[],
  after: number,
  preposition: string | undefined,
): Span | null {
  let at = after;
  const [infinitive, prepositional] = OBJECT_RULES as [ObjectRule, ObjectRule];
  const next = tokens[at];
  const verbNext = tokens[at + 1];
  if (next && verbNext && infinitive.pattern.test(next.text) && isVerb(verbNext.text)) at += 2;
  if (preposition && prepositional.pattern.test(preposition)) {
    const limit = Math.min(tokens.length, at + MAX_WORDS_BEFORE_PREPOSITION + 1);
    for (let i = at; i < limit; i++) {
      const t = tokens[i] as Token;
      if (i > at && /[,;:—–()"“”.]/.test(text.slice((tokens[i - 1] as Token).end, t.start))) break;
      if (t.text.toLowerCase() === preposition) return nounPhrase(text, tokens, i + 1);
    }
    return null;
  }
  return nounPhrase(text, tokens, at);
}

const CLAUSE_BREAK = /[;:—–()"“”]|,\s*$|,\s+(?:and|but|so|while|as|because|when|after|before|although)\s*$/;

function isVerb(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && VERB_TAGS.has(tag);
}

/** The noun phrase that starts at token `from` (within `limit` tokens), or null. */
function nounPhrase(text: string, tokens: Token[], from: number, until = tokens.length): Span | null {
  let first = -1;
  let last = -1;
  for (let i = from; i < until && i < from + 8; i++) {
    const t = tokens[i] as Token;
    const lower = t.text.toLowerCase();
    if (i > from && /[,;:—–()"“”]/.test(text.slice((tokens[i - 1] as Token).end, t.start))) break;
    if (NP_STOPS.has(lower)) break;
    if (lower === "of" && first >= 0 && i + 1 < until) continue; // `one of the gangs`, `head of the police`
    if (lexiconTag(lower) === "Preposition") break;
    // After a determiner a verb-looking word is a noun: `a guard`, `the cut`.
    const previous = i > from ? (tokens[i - 1] as Token) : null;
    const afterDeterminer =
      previous !== null && (previous.possessive || DETERMINERS.has(previous.text.toLowerCase()));
    // After an adjective or a nationality, a plural is a noun though the lexicon calls it a verb: `Cypriot
    // volunteers`, `local guards` (but `Hale says`).
    const pluralNoun = previous !== null && /\p{L}s$/u.test(t.text) && isModifier(previous.text);
    // A past form the lexicon lacks ends the phrase too: `friends of the mayor translated the letter`.
    if (
      first >= 0 &&
      !afterDeterminer &&
      !pluralNoun &&
      !/^\p{Lu}/u.test(t.text) &&
      (isVerb(t.text) || /\p{L}{2}ed$/u.test(t.text))
    )
      break;
    if (first < 0 && isVerb(t.text) && !DETERMINERS.has(lower)) return null;
    if ((/ly$/.test(lower) || lexiconTag(lower) === "Adverb") && !/^\p{Lu}/u.test(t.text)) break;
    if (first < 0) first = i;
    last = i;
    if (t.possessive) continue;
  }
  if (first < 0) return null;
  // A phrase of only determiners (`the`, `one`) says nothing.
  const words = tokens.slice(first, last + 1);
  if (words.every((w) => DETERMINERS.has(w.text.toLowerCase()))) return null;
  return { start: (tokens[first] as Token).start, end: (tokens[last] as Token).end };
}

/** The noun phrase that ends at token `last`: `the Greek volunteers` before `who built …`. */
function phraseEndingAt(text: string, tokens: Token[], last: number): Span | null {
  let start = last;
  while (start > 0 && last - start < 7) {
    const before = tokens[start - 1] as Token;
    const lower = before.text.toLowerCase();
    if (/[,;:—–()"“”]/.test(text.slice(before.end, (tokens[start] as Token).start))) break;
    if (
      NP_STOPS.has(lower) ||
      lexiconTag(lower) === "Preposition" ||
      (isVerb(before.text) && !DETERMINERS.has(lower))
    )
      break;
    start--;
  }
  const phrase = nounPhrase(text, tokens, start, last + 1);
  return phrase && phrase.end === (tokens[last] as Token).end ? phrase : null;
}

/**
 * The arguments of the verb at `verbAt` (an offset in the article text) in `sentence`. `particle` is a word
 * that belongs to the verb (`cut off`) and is skipped before the object; `preposition` is the one the question
 * left at its end (`Who did she work for?`): the object is the noun phrase after it.
 */
export function verbArguments(
  text: string,
  sentence: Sentence,
  verbAt: number,
  particle?: string,
  preposition?: string,
): VerbArguments {
  const tokens = tokenize(sentence.text, sentence.start);
  const v = tokens.findIndex((t) => t.start === verbAt);
  if (v < 0) return { passive: false, subject: null, object: null, agent: null };
  // Auxiliaries and adverbs before the verb: `was fatally shot`, `had been arrested`.
  let head = v - 1;
  let passive = false;
  while (head >= 0) {
    const w = (tokens[head] as Token).text.toLowerCase();
    if (BE_FORMS.has(w)) passive = true;
    if (AUXILIARIES.has(w) || (/ly$/.test(w) && !isVerb(w))) head--;
    else break;
  }
  // The clause starts after the last break or clause opener before the verb; its first noun phrase is the subject.
  let clause = 0;
  for (let i = head; i >= 0; i--) {
    const token = tokens[i] as Token;
    if (clauseOpener(token.text)) {
      clause = i + 1;
      if (clause <= head) break;
      continue;
    }
    if (i === 0) break;
    const between = text.slice((tokens[i - 1] as Token).end, token.start);
    const joined = `${between}${token.text}`;
    if (CLAUSE_BREAK.test(between) || CLAUSE_BREAK.test(joined)) {
      clause = /^(and|but|so|as)$/i.test(token.text) ? i + 1 : i;
      if (clause <= head) break;
    }
  }
  let subject =
    head >= 1 && RELATIVE_PRONOUN?.pattern.test((tokens[head] as Token).text)
      ? phraseEndingAt(text, tokens, head - 1)
      : nounPhrase(text, tokens, clause, head + 1);
  // `Writing in the journal, Dr Ortiz described …`: an opening participle's subject follows the first comma.
  if (v === 0 && /ing$/i.test((tokens[0] as Token).text)) {
    const comma = tokens.findIndex(
      (t, i) => i > 0 && /,/.test(text.slice((tokens[i - 1] as Token).end, t.start)),
    );
    subject = comma > 0 ? nounPhrase(text, tokens, comma) : null;
  }
  // `X, the mission's spokesperson, said`: an appositive alone before the verb; the clause before it names X.
  if (!subject && clause > 0) subject = nounPhrase(text, tokens, 0, head + 1);
  let after = v + 1;
  if (particle && (tokens[after] as Token | undefined)?.text.toLowerCase() === particle) after++;
  const rest = sentence.text.slice((tokens[after - 1] as Token).end - sentence.start);
  let agent: Span | null = null;
  if (passive) {
    for (const rule of AGENT_RULES) {
      const m = rule.pattern.exec(rest);
      if (!m) continue;
      const at = (tokens[after - 1] as Token).end + m[0].length;
      const k = tokens.findIndex((t) => t.start >= at);
      if (k >= 0) agent = nounPhrase(text, tokens, k);
      if (agent) break;
    }
  }
  return { passive, subject, object: passive ? null : objectAfter(text, tokens, after, preposition), agent };
}

/** The noun phrases of a sentence, left to right: each chunk `nounPhrase` finds from where the last one ended. */
export function nounPhrases(text: string, sentence: Sentence): Span[] {
  const tokens = tokenize(sentence.text, sentence.start);
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as Token;
    // A past form right after a phrase is its verb, not the start of the next phrase: `students thronged to …`.
    const afterPhrase = out.length > 0 && (tokens[i - 1] as Token).end === (out.at(-1) as Span).end;
    const phrase = afterPhrase && /^\p{Ll}\p{L}+ed$/u.test(token.text) ? null : nounPhrase(text, tokens, i);
    if (!phrase) {
      i++;
      continue;
    }
    out.push(phrase);
    while (i < tokens.length && (tokens[i] as Token).start < phrase.end) i++;
  }
  return out;
}
