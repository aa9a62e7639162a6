// The order of the citations after the first. The first is the best evidence (or the routed who/when answer); the
// ones after it back it up. Two things the sentence match alone misses find the answer there: plain BM25 over the
// surface words, a second opinion on which sentences match, and the sentences beside the first one, since an
// article often states a fact and then says more about it (`The bridge opened in May. It cost two million.`).
import type { AnalyzedArticle } from "../../analyze.ts";
import { PRONOUNS } from "../../lexicon/index.ts";
import type { Sentence } from "../../types.ts";
import { type ScoredSentence, surfaceRanking } from "../match.ts";
import type { Evidence } from "./answer.ts";

/** Sentences of plain BM25's ranking that count towards the citations after the first. */
const SURFACE_DEPTH = 10;
/** What plain BM25's rank r adds to a sentence's score, as this weight / (1 + r); tuned on the dev split. */
const SURFACE_RANK_WEIGHT = 0.1;
/** What being next to the first citation in its paragraph adds to a sentence's score; tuned on the dev split. */
const BESIDE_FIRST_BONUS = 0.25;
/** What a following sentence that opens with a pronoun (it goes on about the same thing) adds; tuned on the dev split. */
const CONTINUATION_BONUS = 0.3;

/** A sentence no question word matched: cited only as the context of another. */
const unmatched = (sentence: Sentence): ScoredSentence => ({
  sentence,
  score: 0,
  coverage: 0,
  matchOffsets: [],
  matches: [],
  namesMatched: false,
  bm25Best: false,
});

const opensWithPronoun = (sentence: Sentence) =>
  PRONOUNS.has(sentence.text.match(/^[\p{L}']+/u)?.[0].toLowerCase() ?? "");

/**
 * The candidates for the citations after the one in sentence `first`, best first: the evidence, plain BM25's
 * best sentences and the sentences beside `first` in its paragraph. `first` itself is left out.
 */
export function followingCitations(
  article: AnalyzedArticle,
  question: string,
  evidence: readonly Evidence[],
  first: number,
): Evidence[] {
  const candidates = new Map<number, { evidence: Evidence; rank: number }>();
  const candidate = (sentence: Sentence) => {
    let c = candidates.get(sentence.index);
    if (!c) {
      c = { evidence: { ranked: unmatched(sentence), phrase: null, score: 0 }, rank: 0 };
      candidates.set(sentence.index, c);
    }
    return c;
  };
  for (const e of evidence) candidates.set(e.ranked.sentence.index, { evidence: e, rank: e.score });
  surfaceRanking(article, question, SURFACE_DEPTH).forEach((index, r) => {
    const sentence = article.sentences[index];
    if (sentence) candidate(sentence).rank += SURFACE_RANK_WEIGHT / (1 + r);
  });
  const anchor = article.sentences[first];
  for (const offset of [-1, 1]) {
    const sentence = article.sentences[first + offset];
    if (!anchor || sentence?.paragraph !== anchor.paragraph) continue;
    candidate(sentence).rank +=
      BESIDE_FIRST_BONUS + (offset === 1 && opensWithPronoun(sentence) ? CONTINUATION_BONUS : 0);
  }
  candidates.delete(first);
  return [...candidates.entries()]
    .sort(([ai, a], [zi, z]) => z.rank - a.rank || ai - zi)
    .map(([, c]) => c.evidence);
}
