// The article library: the one interface every adapter reads articles through, and the in-memory one. Reading
// a folder of files is not the engine's: src/files/folder-library.ts does it.
import { type AnalyzedArticle, analyzeArticle, deriveTitle } from "./parse/analyze.ts";
import { parseArticleText } from "./parse/article-file.ts";
import type { ArticleMeta, ArticleSource } from "./types.ts";

export interface LoadProblem {
  file: string;
  reason: string;
}

export interface ArticleLibrary {
  /** Every article, newest first (undated last, then by id). */
  list(): readonly ArticleMeta[];
  /** One article's metadata, without parsing it. */
  meta(id: string): ArticleMeta | undefined;
  /** The analysed article (parsed on first use, then cached). */
  get(id: string): AnalyzedArticle | undefined;
  /** The article a request without an article id means: the most recent by date. */
  defaultId(): string | undefined;
  /** Files that could not be loaded, each with the reason. */
  readonly problems: readonly LoadProblem[];
}

/** Articles newest first; undated ones last; then by id (a library's list order). */
export function newestFirst(
  a: { date: string | null; id: string },
  z: { date: string | null; id: string },
): number {
  if (a.date !== z.date) {
    if (a.date === null) return 1;
    if (z.date === null) return -1;
    return a.date < z.date ? 1 : -1;
  }
  return a.id.localeCompare(z.id);
}

/** An article given as text (the batch API, tests): same rules as a file. */
export function sourceFromText(
  id: string,
  label: string,
  text: string,
  overrides: Partial<ArticleMeta> = {},
): ArticleSource {
  const { source } = parseArticleText(id, label, text);
  const meta = { ...source.meta, ...overrides };
  return { meta: { ...meta, title: meta.title || deriveTitle({ ...source, meta }) }, text: source.text };
}

/** How many analysed articles stay cached; the rest are parsed again when asked for (a few ms each). */
const ANALYSIS_CACHE_SIZE = 500;

/** An in-memory library: sources held, analyses made on first use and kept in a small LRU cache. */
export class MemoryLibrary implements ArticleLibrary {
  private readonly sources = new Map<string, ArticleSource>();
  private readonly analyses = new Map<string, AnalyzedArticle>();
  private sorted: ArticleMeta[] | null = null;
  problems: LoadProblem[] = [];

  /** Puts a new version of an article in place of the old one (its cached analysis is dropped). */
  replace(source: ArticleSource): void {
    this.sources.set(source.meta.id, source);
    this.analyses.delete(source.meta.id);
    this.sorted = null;
  }

  remove(id: string): boolean {
    this.analyses.delete(id);
    this.sorted = null;
    return this.sources.delete(id);
  }

  /** Adds an article; a second article with the same id is refused (the first one stays). */
  add(source: ArticleSource, file = source.meta.id): boolean {
    if (this.sources.has(source.meta.id)) {
      this.problems.push({
        file,
        reason: `duplicate article id "${source.meta.id}" (kept the first file with it)`,
      });
      return false;
    }
    this.sources.set(source.meta.id, source);
    this.sorted = null;
    return true;
  }

  list(): readonly ArticleMeta[] {
    this.sorted ??= [...this.sources.values()].map((s) => s.meta).sort(newestFirst);
    return this.sorted;
  }

  meta(id: string): ArticleMeta | undefined {
    return this.sources.get(id)?.meta;
  }

  get(id: string): AnalyzedArticle | undefined {
    const cached = this.analyses.get(id);
    if (cached) {
      // Refresh its place in the LRU order.
      this.analyses.delete(id);
      this.analyses.set(id, cached);
      return cached;
    }
    const source = this.sources.get(id);
    if (!source) return undefined;
    const analysed = analyzeArticle(source);
    this.analyses.set(id, analysed);
    if (this.analyses.size > ANALYSIS_CACHE_SIZE) {
      const [oldest] = this.analyses.keys();
      if (oldest !== undefined) this.analyses.delete(oldest);
    }
    return analysed;
  }

  defaultId(): string | undefined {
    return this.list()[0]?.id;
  }
}
