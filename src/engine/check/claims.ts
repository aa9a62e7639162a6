// A message split into claims: its sentences, and inside a sentence the clauses joined by `;`, `but` or `and`
// when each side states a fact of its own (a verb and content words). `Jamaica and Guatemala sent troops` stays
// one claim; `The mission arrived in June and the officer died on Sunday` is two.
// Named rules, tested in test/rules/check-claims.test.ts.
import { AUXILIARIES, FINITE_VERB_TAGS, lexiconTag, regex } from "../lexicon/index.ts";
import { splitSentences } from "../parse/segment.ts";
import { everywhere, type Rule, type RuleId } from "../rules/rule.ts";
import { contentTerms } from "../text.ts";
import type { Span } from "../types.ts";

export interface Claim extends Span {
  /** The claim's words as the message gives them (offsets into the message). */
  text: string;
}

type SplitAction = "split-always" | "split-between-clauses";

/** Where a sentence splits into claims; each rule splits at every place its pattern holds (the `g` flag). */
export const CLAIM_SPLIT_RULES = [
  {
    id: "semicolon",
    match: /\s*;\s*/g,
    action: "split-always",
    example: "The pier reopened; the café did not",
    reason: "a semicolon joins two statements",
  },
  {
    id: "but-clause",
    match: /,?\s+but\s+/gi,
    action: "split-between-clauses",
    example: "The vote passed, but the mayor objected",
    reason: "`X, but Y` states two facts when both sides are clauses",
  },
  {
    id: "and-clause",
    match: /,?\s+and\s+/gi,
    action: "split-between-clauses",
    example: "The mill closed in 1990 and the workers moved away",
    reason:
      "`X and Y` states two facts when both sides are clauses; a list of names (`Jamaica and Peru`) is one",
  },
] as const satisfies readonly Rule<string, SplitAction>[];

export type ClaimSplitRuleId = RuleId<typeof CLAIM_SPLIT_RULES>;

const VERB_FORMS = regex("i")`^${AUXILIARIES}$`;

/** A clause of its own: a verb and at least two content words. */
function isClause(text: string): boolean {
  const words = text.match(/[\p{L}'’-]+/gu) ?? [];
  const hasVerb = words.some((w) => {
    const lower = w.toLowerCase();
    return (
      VERB_FORMS.test(lower) || FINITE_VERB_TAGS.has(lexiconTag(lower) ?? "") || /\p{Ll}(?:ed)$/u.test(w)
    );
  });
  return hasVerb && contentTerms(text).length >= 2;
}

const trimmed = (text: string, start: number, end: number): Claim | null => {
  let from = start;
  let to = end;
  while (from < to && /[\s"“”'‘’]/u.test(text.charAt(from))) from++;
  while (to > from && /[\s.,;:!?"“”'‘’]/u.test(text.charAt(to - 1))) to--;
  return to > from ? { start: from, end: to, text: text.slice(from, to) } : null;
};

function splitClause(
  text: string,
  claim: Claim,
  rules: readonly Rule<ClaimSplitRuleId, SplitAction>[],
): Claim[] {
  const [rule, ...rest] = rules;
  if (!rule) return [claim];
  const pieces: Claim[] = [];
  let from = claim.start;
  for (const { action, match: m } of everywhere(rule, claim.text)) {
    const at = claim.start + m.index;
    const left = trimmed(text, from, at);
    const right = trimmed(text, at + m[0].length, claim.end);
    if (!left || !right) continue;
    if (action === "split-between-clauses" && !(isClause(left.text) && isClause(right.text))) continue;
    pieces.push(left);
    from = at + m[0].length;
  }
  const last = trimmed(text, from, claim.end);
  if (last) pieces.push(last);
  return pieces.flatMap((p) => splitClause(text, p, rest));
}

/** The claims of a message, in order, with their offsets in it. */
export function splitClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    for (const span of splitSentences(text, line.index, line.index + line[0].length)) {
      const sentence = trimmed(text, span.start, span.end);
      if (sentence) claims.push(...splitClause(text, sentence, CLAIM_SPLIT_RULES));
    }
  }
  return claims;
}
