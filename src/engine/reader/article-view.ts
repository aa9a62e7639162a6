// What the reader needs of an article, worked out once per article: each sentence's tokens with their stems and
// what they are part of (a name, a date, a number, a quote), and each sentence's kinds of content.

import {
  AMOUNT_SIGNS,
  ANAPHORIC_PRONOUNS,
  DETERMINERS,
  NEGATIONS,
  REASON_OPENERS,
} from "../lexicon/index.ts";
import { wordVectors } from "../models/word-vectors.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { isStopword, termOf, tokenize } from "../text.ts";
import type { EntityType } from "../types.ts";

export interface ReaderToken {
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  stop: boolean;
  capitalized: boolean;
  number: boolean;
  entity: EntityType | null;
  /** Index of the entity mention the token is in (per sentence), or -1. */
  mention: number;
  timex: number;
  inQuote: boolean;
  /** Punctuation between the previous token and this one (`,`, `(`, `"` …), trimmed. */
  gapBefore: string;
  /** The word's number among the word vectors; -1 for a small word or one without a vector. */
  vector: number;
}

export interface SentenceView {
  tokens: ReaderToken[];
  persons: number;
  organizations: number;
  places: number;
  dates: number;
  durations: number;
  numbers: number;
  amounts: number;
  reasons: number;
  inQuote: boolean;
  /** Opens with or holds a pronoun pointing back (`She said …`, `Its roof …`). */
  anaphoric: boolean;
  /** Holds a negation (`not`, `never`, `didn't`). */
  negated: boolean;
  /** Stems of nouns after `the` (`the region`): definite descriptions of something named before. */
  definites: string[];
  firstInParagraph: boolean;
  inHeading: boolean;
  /** The word vectors of its content words, in order. */
  vectors: number[];
  /** What its content words mean together (their vectors summed, unit length). */
  meaning: Float64Array;
}

export interface ArticleView {
  sentences: SentenceView[];
  /** Sentences each stem occurs in. */
  stemSentences: Map<string, number[]>;
}

const views = new WeakMap<AnalyzedArticle, ArticleView>();

export function articleView(article: AnalyzedArticle): ArticleView {
  const cached = views.get(article);
  if (cached) return cached;
  const { text } = article;
  const entitySpans: { start: number; end: number; type: EntityType }[] = [];
  for (const e of article.entities) for (const m of e.mentions) entitySpans.push({ ...m, type: e.type });
  entitySpans.sort((a, z) => a.start - z.start);
  const quoteSpans = article.quotes.filter((q) => q.direct);
  const headingSpans = article.headings;
  const stemSentences = new Map<string, number[]>();
  const words = wordVectors();
  const sentences = article.sentences.map((s): SentenceView => {
    const tokens: ReaderToken[] = [];
    let previousEnd = s.start;
    const mentions = entitySpans.filter((m) => m.start < s.end && m.end > s.start);
    const timexes = article.timexes.filter((t) => t.sentence === s.index);
    for (const t of tokenize(s.text, s.start)) {
      const lower = t.text.toLowerCase();
      const mention = mentions.findIndex((m) => m.start <= t.start && m.end >= t.end);
      const timex = timexes.findIndex((m) => m.start <= t.start && m.end >= t.end);
      const stop = isStopword(lower);
      tokens.push({
        text: t.text,
        lower,
        stem: termOf(t.text),
        start: t.start,
        end: t.end,
        stop,
        capitalized: /^\p{Lu}/u.test(t.text),
        number: /\p{N}/u.test(t.text),
        entity: mention >= 0 ? (mentions[mention]?.type ?? null) : null,
        mention,
        timex,
        inQuote: quoteSpans.some((q) => q.start <= t.start && q.end >= t.end),
        gapBefore: text.slice(previousEnd, t.start).trim(),
        vector: stop ? -1 : words.id(lower),
      });
      previousEnd = t.end + (t.possessive ? 2 : 0);
    }
    for (const token of tokens) {
      if (token.stop) continue;
      const list = stemSentences.get(token.stem);
      if (!list) stemSentences.set(token.stem, [s.index]);
      else if (list.at(-1) !== s.index) list.push(s.index);
    }
    const vectors = tokens.flatMap((t) => (t.vector >= 0 ? [t.vector] : []));
    const count = (type: EntityType) => mentions.filter((m) => m.type === type).length;
    const definites: string[] = [];
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (t.lower === "the" && next && !next.stop && !next.capitalized && !next.number)
        definites.push(next.stem);
    });
    return {
      tokens,
      persons: count("person"),
      organizations: count("organization"),
      places: count("place"),
      dates: timexes.filter((t) => t.type === "DATE" || t.type === "TIME").length,
      durations: timexes.filter((t) => t.type === "DURATION").length,
      numbers: tokens.filter((t) => t.number && t.timex < 0).length,
      amounts: tokens.filter(
        (t, i) => AMOUNT_SIGNS.has(t.lower) || AMOUNT_SIGNS.has(tokens[i]?.gapBefore ?? ""),
      ).length,
      reasons: tokens.filter((t) => REASON_OPENERS.has(t.lower)).length,
      inQuote: quoteSpans.some((q) => q.start < s.end && q.end > s.start),
      anaphoric:
        tokens.slice(0, 4).some((t) => ANAPHORIC_PRONOUNS.has(t.lower)) ||
        DETERMINERS.has(tokens[0]?.lower ?? ""),
      definites,
      negated: tokens.some((t) => NEGATIONS.has(t.lower) || t.lower.endsWith("n't")),
      firstInParagraph: article.sentences[s.index - 1]?.paragraph !== s.paragraph,
      inHeading: headingSpans.some((h) => h.start <= s.start && h.end >= s.end),
      vectors,
      meaning: words.meaning(vectors),
    };
  });
  const view = { sentences, stemSentences };
  views.set(article, view);
  return view;
}
