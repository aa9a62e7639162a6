// What an extractor yields, and how it becomes the engine's ArticleSource.
import type { ArticleMeta, ArticleSource } from "../engine/index.ts";

export interface ExtractedArticle {
  title: string;
  /** ISO `YYYY-MM-DD`, or null when the page gives no publication date. */
  date: string | null;
  author?: string;
  source?: string;
  url?: string;
  /** Paragraphs and headings in reading order, each one line of text. */
  blocks: string[];
}

/** An article shorter than this is a teaser, a home page or a wall, not something to answer questions on. */
export const MIN_ARTICLE_WORDS = 80;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The engine's input: blocks separated by blank lines, so paragraphs stay paragraphs. */
export function toArticleSource(extracted: ExtractedArticle, id: string): ArticleSource {
  const meta: ArticleMeta = {
    id,
    title: extracted.title,
    date: extracted.date,
    ...(extracted.url ? { url: extracted.url } : {}),
    ...(extracted.source ? { source: extracted.source } : {}),
    ...(extracted.author ? { author: extracted.author } : {}),
  };
  return { meta, text: extracted.blocks.join("\n\n") };
}
