// Who did what to whom, around one verb of a sentence, without a parser: the clause's first noun phrase is its
// subject, the noun phrase after the verb its object, `was VERBed by X` names the agent of a passive. Good enough
// to answer `Who did he cut off?` with the person cut off and `Who was killed?` with who died, not the person
// who spoke about it. Named rules, tested in test/rules/question-arguments.test.ts.
import { lexiconTag } from "../lexicon/index.ts";
import { type Token, tokenize } from "../text.ts";
import type { Sentence, Span } from "../types.ts";

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
    const afterDeterminer = i > from && DETERMINERS.has((tokens[i - 1] as Token).text.toLowerCase());
    if (first >= 0 && !afterDeterminer && !/^\p{Lu}/u.test(t.text) && isVerb(t.text)) break;
    if (first < 0 && isVerb(t.text) && !DETERMINERS.has(lower)) return null;
    if (/ly$/.test(lower) && !/^\p{Lu}/u.test(t.text)) break;
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

/**
 * The arguments of the verb at `verbAt` (an offset in the article text) in `sentence`. `particle` is a word
 * that belongs to the verb (`cut off`) and is skipped before the object.
 */
export function verbArguments(
  text: string,
  sentence: Sentence,
  verbAt: number,
  particle?: string,
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
  // The clause starts after the last break before the verb; its first noun phrase is the subject.
  let clause = 0;
  for (let i = head; i > 0; i--) {
    const between = text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start);
    const joined = `${between}${(tokens[i] as Token).text}`;
    if (CLAUSE_BREAK.test(between) || CLAUSE_BREAK.test(joined)) {
      clause = /^(and|but|so|while|as|because|when|after|before|although)$/i.test((tokens[i] as Token).text)
        ? i + 1
        : i;
      if (clause <= head) break;
    }
  }
  let subject = nounPhrase(text, tokens, clause, head + 1);
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
  const object = passive ? null : nounPhrase(text, tokens, after);
  return { passive, subject, object, agent };
}
