// files → parse: one pass over an article's text builds everything the answers read.

import { SentenceIndex } from "../index/search-index.ts";
import { CLOSING_ATTRIBUTION_VERBS, regex } from "../lexicon/index.ts";
import { contentTermsAt, shorten, type TermAt } from "../text.ts";
import type { ArticleSource, ParsedArticle } from "../types.ts";
import { extractEntities } from "./entities.ts";
import { extractDirectQuotes, extractReportedSpeech, speakerResolver } from "./quotes.ts";
import { splitAllSentences, splitBlocks, splitSentences } from "./segment.ts";
import { extractTimexes } from "./timex.ts";

const CLOSING_ATTRIBUTION = regex("u")`,\s+[^,]{2,60}\s(${CLOSING_ATTRIBUTION_VERBS})\b[^,]{0,30}$`;

/** Discord shows at most 100 characters of an autocomplete choice; a title fits in one. */
export const MAX_TITLE_CHARS = 100;

/** An analysed article with what answering reads again and again: the search index and each sentence's terms. */
export interface AnalyzedArticle extends ParsedArticle {
  index: SentenceIndex;
  /** Per sentence, its content terms (stemmed) with their offsets. */
  sentenceTerms: TermAt[][];
  /** In how many sentences each term occurs. */
  termFrequency: Map<string, number>;
}

/**
 * The title a file gives, else its headline, else its first sentence shortened at a word boundary.
 * Cheap (it reads only the first block), so a library can list titles without analysing articles.
 */
export function deriveTitle(source: ArticleSource): string {
  if (source.meta.title) return source.meta.title;
  const { paragraphs, headings } = splitBlocks(source.text.slice(0, 4000));
  const first = paragraphs[0];
  if (headings[0] && (!first || headings[0].start < first.start))
    return shorten(headings[0].text, MAX_TITLE_CHARS);
  const sentence = first ? (splitSentences(source.text, first.start, first.end)[0] ?? first) : null;
  const text = sentence
    ? source.text
        .slice(sentence.start, sentence.end)
        // `…, Kenyan authorities said Sunday.`: the attribution is not the news.
        .replace(CLOSING_ATTRIBUTION, "")
        .replace(/[\s.!?,;:]+$/u, "")
    : "";
  return shorten(text || source.meta.id, MAX_TITLE_CHARS);
}

export function analyzeArticle(source: ArticleSource): AnalyzedArticle {
  const { text } = source;
  const { paragraphs, headings } = splitBlocks(text);
  const sentences = splitAllSentences(text, paragraphs);
  const entities = extractEntities(text, sentences);
  const resolver = speakerResolver(text, entities);
  const quotes = [
    ...extractDirectQuotes(text, paragraphs, sentences, resolver),
    ...extractReportedSpeech(text, sentences, resolver),
  ].sort((a, z) => a.start - z.start);
  const timexes = extractTimexes(text, sentences, source.meta.date);
  const meta = { ...source.meta, title: source.meta.title || deriveTitle(source) };
  const parsed = { meta, text, paragraphs, headings, sentences, quotes, entities, timexes };
  const sentenceTerms = sentences.map((s) => contentTermsAt(s.text, s.start));
  const termFrequency = new Map<string, number>();
  for (const terms of sentenceTerms) {
    for (const term of new Set(terms.map((t) => t.term)))
      termFrequency.set(term, (termFrequency.get(term) ?? 0) + 1);
  }
  return { ...parsed, index: new SentenceIndex(parsed), sentenceTerms, termFrequency };
}

/** How rare a stem is among the article's sentences (an inverse document frequency): rare words say more. */
export function termWeight(article: AnalyzedArticle, stem: string): number {
  const n = article.sentences.length;
  return Math.log(1 + n / (1 + Math.max(1, article.termFrequency.get(stem) ?? 0)));
}

/** The plain data of an article (no index), as `citebot article ID --json` prints it. */
export function articleData(article: ParsedArticle) {
  return {
    id: article.meta.id,
    title: article.meta.title,
    date: article.meta.date,
    ...(article.meta.url ? { url: article.meta.url } : {}),
    text: article.text,
    paragraphs: article.paragraphs,
    headings: article.headings,
  };
}
