// An extractive summary: the sentences that carry most of who/what/when/where, in article order.
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { boilerplateSentences } from "../parse/boilerplate.ts";
import { sentenceAt } from "../parse/segment.ts";
import { DEFAULT_ANSWER_LIMIT, DEFAULT_SUMMARY_SENTENCES } from "../request.ts";
import { contentTerms } from "../text.ts";
import type { NoAnswer, Sentence, SummaryAnswer, SummaryItem } from "../types.ts";
import { citeSentence, firstOf, makeAnswer } from "./common.ts";

const MIN_WORDS = 6;
/** Two sentences sharing more than this share of terms say the same thing; keep the better one. */
const MAX_OVERLAP = 0.5;

interface Features {
  sentence: Sentence;
  terms: Set<string>;
  score: number;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

// Sentence scores do not depend on how many sentences are asked for: computed once per article.
const scored = new WeakMap<AnalyzedArticle, Features[]>();

function scoreSentences(article: AnalyzedArticle): Features[] {
  let features = scored.get(article);
  if (!features) {
    features = computeScores(article);
    scored.set(article, features);
  }
  return features;
}

function computeScores(article: AnalyzedArticle): Features[] {
  const frequency = article.termFrequency;
  const perSentence = article.sentenceTerms.map((terms) => terms.map((t) => t.term));
  const titleTerms = new Set(contentTerms(article.meta.title));
  // Per-sentence counts in one pass each, so long articles stay linear.
  const mentions = new Array<number>(article.sentences.length).fill(0);
  for (const e of article.entities) {
    for (const m of e.mentions) {
      const at = sentenceAt(article.sentences, m.start);
      if (at) mentions[at.index] = (mentions[at.index] ?? 0) + 1;
    }
  }
  const quoted = new Array<number>(article.sentences.length).fill(0);
  for (const q of article.quotes) {
    if (!q.direct) continue;
    for (const s of article.sentences.slice(q.sentence)) {
      const i = s.index;
      if (s.start >= q.end) break;
      quoted[i] = (quoted[i] ?? 0) + Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
    }
  }
  const dated = new Set(article.timexes.filter((t) => t.type !== "DURATION").map((t) => t.sentence));
  const centralities = perSentence.map(
    (terms) => terms.reduce((n, t) => n + (frequency.get(t) ?? 0) - 1, 0) / Math.sqrt(terms.length || 1),
  );
  const maxCentrality = centralities.reduce((m, c) => Math.max(m, c), 1e-9);
  const mentionsIn = (s: Sentence) => mentions[s.index] ?? 0;
  const quotedShare = (s: Sentence) => (quoted[s.index] ?? 0) / (s.end - s.start);
  const hasDate = (s: Sentence) => dated.has(s.index);
  // Captions, credits, editor's notes and a repeated headline stay citable but never summarise the article.
  const boilerplate = boilerplateSentences(article);
  return article.sentences.flatMap((sentence, i) => {
    if (boilerplate.has(sentence.index)) return [];
    const terms = perSentence[i] ?? [];
    const unique = new Set(terms);
    const centrality =
      terms.reduce((n, t) => n + (frequency.get(t) ?? 0) - 1, 0) / Math.sqrt(terms.length || 1);
    const titleOverlap = titleTerms.size
      ? [...unique].filter((t) => titleTerms.has(t)).length / titleTerms.size
      : 0;
    const words = sentence.text.split(/\s+/).length;
    // News puts the essentials first; the lead weighs most, then what the article keeps returning to.
    const position = 1 / (1 + 0.35 * sentence.index);
    let score =
      0.4 * position +
      0.25 * (centrality / maxCentrality) +
      0.15 * titleOverlap +
      0.1 * Math.min(1, mentionsIn(sentence) / 3) +
      0.1 * (hasDate(sentence) ? 1 : 0) -
      0.3 * quotedShare(sentence);
    if (words < MIN_WORDS) score -= 1;
    return [{ sentence, terms: unique, score }];
  });
}

export function summarize(
  article: AnalyzedArticle,
  sentences = DEFAULT_SUMMARY_SENTENCES,
  limit = DEFAULT_ANSWER_LIMIT,
): SummaryAnswer | NoAnswer {
  const ranked = [...scoreSentences(article)].sort((a, z) => z.score - a.score);
  const chosen: Features[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= sentences) break;
    if (chosen.some((c) => jaccard(c.terms, candidate.terms) > MAX_OVERLAP)) continue;
    chosen.push(candidate);
  }
  chosen.sort((a, z) => a.sentence.index - z.sentence.index);
  const all: SummaryItem[] = chosen.map(({ sentence }) => ({
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
  }));
  if (all.length === 0) {
    return makeAnswer(article, "summary", null, {
      kind: "none",
      found: false,
      text: "The article has nothing to summarise: only a headline, captions, credits or notes.",
      limit,
    });
  }
  const items = firstOf(all, limit);
  return makeAnswer(article, "summary", null, {
    kind: "summary",
    found: true,
    text: items.map((i) => i.text).join(" "),
    items,
    limit,
    total: all.length,
    citations: firstOf(chosen, limit).map(({ sentence }) => citeSentence(article, sentence)),
  });
}
