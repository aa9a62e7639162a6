// Whether a sentence holds the question's words in the question's own groupings: `the Grill Room` asked and
// `the Grill Room was designed by …` read, against a sentence with `grill` in one clause and `room` in another.
// Two question words standing together (at most two small words apart) are a pair; the sentence holds the pair
// when it has them as neighbouring content words, in either order (`the council's president` ~ `president of
// the council`).

import type { QuestionTerm } from "../question/terms.ts";
import type { TermAt } from "../text.ts";

/** Question words at most this many words apart form a pair (`head coach`, `president of the council`). */
const PAIR_REACH = 3;

export interface TermOrder {
  /** The rarity-weighted share of the question's pairs the sentence holds side by side (0 when it has none). */
  pairShare: number;
  /** The longest run of the question's words held in the question's order side by side, as a share of its words. */
  longestRun: number;
}

/**
 * The sentence's content words (`sentenceTerms`), the question's terms with their rarity weights, and where each
 * matched term stands (`matches`: the term's index and the matched word's offset in the article).
 */
export function termOrder(
  sentenceTerms: readonly TermAt[],
  matches: readonly { term: number; at: number }[],
  terms: readonly QuestionTerm[],
  weights: readonly number[],
): TermOrder {
  if (terms.length === 0 || matches.length === 0) return { pairShare: 0, longestRun: 0 };
  const position = new Map<number, number>();
  sentenceTerms.forEach((t, k) => {
    position.set(t.at, k);
  });
  // For each question term, the content-word positions where the sentence holds it.
  const places: number[][] = terms.map(() => []);
  for (const m of matches) {
    const k = position.get(m.at);
    if (k !== undefined) places[m.term]?.push(k);
  }
  const beside = (a: number, z: number, ordered: boolean) =>
    (places[a] ?? []).some((k) => (places[z] ?? []).some((j) => j - k === 1 || (!ordered && k - j === 1)));
  let pairs = 0;
  let held = 0;
  for (let t = 0; t + 1 < terms.length; t++) {
    const a = terms[t] as QuestionTerm;
    const z = terms[t + 1] as QuestionTerm;
    if (z.index - a.index > PAIR_REACH) continue;
    const w = (weights[t] ?? 0) + (weights[t + 1] ?? 0);
    pairs += w;
    if (beside(t, t + 1, false)) held += w;
  }
  let longest = places.some((p) => p.length > 0) ? 1 : 0;
  let run = 1;
  for (let t = 0; t + 1 < terms.length; t++) {
    run = beside(t, t + 1, true) ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return { pairShare: pairs > 0 ? held / pairs : 0, longestRun: longest / terms.length };
}
