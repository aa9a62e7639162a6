// The passages a claim is checked against: the sentences that match it best (the reader's learned ranking, which
// also reads words through coreference; plain BM25 from the article's minisearch index; and WordNet alignment of
// the claim's words; each one's best first), and for a sentence that opens with a pronoun or a definite description
// (`She said …`, `The officer …`), the sentence before it too, so the words of the earlier mention are read with it.

import { sentenceNumber } from "../answers/common.ts";
import { ANAPHORIC_OPENERS } from "../lexicon/index.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { readQuestion } from "../question/question.ts";
import { rankForQuestion } from "../reader/read.ts";
import { isStopword } from "../text.ts";
import type { Sentence } from "../types.ts";
import { ALIGNMENTS, type Alignment, alignWords } from "./entailment-features.ts";

export interface Passage {
  sentence: Sentence;
  /** The sentence before, read with it when this one refers back to it. */
  antecedent: Sentence | null;
  /** The premise the classifier reads: the antecedent's words, then the sentence. */
  text: string;
}

/** The first word of a sentence refers back: a pronoun or a definite description. */
function refersBack(sentence: Sentence): boolean {
  const first = /^[\s"“'‘(]*([\p{L}]+)/u.exec(sentence.text)?.[1]?.toLowerCase();
  return first !== undefined && ANAPHORIC_OPENERS.has(first);
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;
const contentWords = (text: string) =>
  [...new Set((text.match(WORD) ?? []).map((w) => w.toLowerCase()))].filter(
    (w) => w.length > 1 && !isStopword(w),
  );

/** Sentences by how many of the claim's content words align to one of theirs through WordNet (paraphrase). */
function alignedRanking(article: AnalyzedArticle, claim: string, k: number): number[] {
  const words = contentWords(claim);
  if (words.length === 0) return [];
  const scored = article.sentences.map((s) => {
    const theirs = contentWords(s.text);
    const aligned = words.filter((w) => theirs.some((t) => ALIGNED.has(alignWords(w, t)))).length;
    return { index: s.index, aligned };
  });
  return scored
    .filter((s) => s.aligned > 0)
    .sort((a, z) => z.aligned - a.aligned || a.index - z.index)
    .slice(0, k)
    .map((s) => s.index);
}

/** Alignments that tie a claim word to a passage word (a sibling or nothing does not). */
const ALIGNED: ReadonlySet<Alignment> = new Set(ALIGNMENTS.filter((a) => a !== "sibling" && a !== "none"));

/** At most `k` sentences for the claim, best first, each with its antecedent where it refers back. */
export function retrieveForClaim(article: AnalyzedArticle, claim: string, k: number): Passage[] {
  const order: number[] = [];
  const add = (index: number) => {
    if (!order.includes(index)) order.push(index);
  };
  const rankings = [
    rankForQuestion(article, readQuestion(claim))
      .slice(0, k)
      .filter((r) => Number.isFinite(r.margin))
      .map((r) => r.sentence),
    article.index.query(claim, k).map((h) => h.id),
    alignedRanking(article, claim, k),
  ];
  // Interleave the rankings so that each one's best come first.
  for (let i = 0; i < k && order.length < k; i++)
    for (const ranking of rankings) {
      const index = ranking[i];
      if (index !== undefined && order.length < k) add(index);
    }
  return order.map((index) => {
    const sentence = sentenceNumber(article, index);
    const previous = article.sentences[index - 1];
    const antecedent = previous && refersBack(sentence) ? previous : null;
    return { sentence, antecedent, text: antecedent ? `${antecedent.text} ${sentence.text}` : sentence.text };
  });
}
