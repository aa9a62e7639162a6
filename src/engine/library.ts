// The article library: the one interface every adapter reads articles through.
import { readdirSync, readFileSync, statSync, watch } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { type AnalyzedArticle, analyzeArticle, deriveTitle } from "./analyze.ts";
import { ArticleError, decodeArticleBytes, MAX_ARTICLE_BYTES, parseArticleText } from "./article-file.ts";
import type { ArticleMeta, ArticleSource } from "./types.ts";

export const ARTICLE_EXTENSIONS = new Set([".txt", ".md"]);

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

function byRecency(a: ArticleMeta, z: ArticleMeta): number {
  if (a.date !== z.date) {
    if (a.date === null) return 1;
    if (z.date === null) return -1;
    return a.date < z.date ? 1 : -1;
  }
  return a.id.localeCompare(z.id);
}

/** Reads one article file. Throws ArticleError naming the file and what is wrong with it. */
export function readArticleFile(path: string): ArticleSource {
  const id = basename(path, extname(path));
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_BYTES) {
      throw new ArticleError(path, `file is ${size} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleError(
      path,
      code === "ENOENT" ? "file not found" : `cannot read file (${code ?? String(error)})`,
    );
  }
  return sourceFromText(id, path, decodeArticleBytes(path, bytes));
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
    this.sorted ??= [...this.sources.values()].map((s) => s.meta).sort(byRecency);
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
      const oldest = this.analyses.keys().next().value as string;
      this.analyses.delete(oldest);
    }
    return analysed;
  }

  defaultId(): string | undefined {
    return this.list()[0]?.id;
  }
}

export class NoArticlesError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly LoadProblem[],
  ) {
    const detail = problems.length ? `; ${problems.length} file(s) could not be loaded` : "";
    super(`no valid article in ${dir}${detail}`);
    this.name = "NoArticlesError";
  }
}

export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  problems: LoadProblem[];
}

interface Tracked {
  id: string;
  mtimeMs: number;
  size: number;
}

/**
 * A library read from a folder. `reload()` brings it up to date with the folder: new files are added,
 * changed files replace their article, removed files' articles go. A changed file that is now bad keeps
 * the version already loaded, so nothing loaded is lost to a bad edit.
 */
export class FolderLibrary extends MemoryLibrary {
  private readonly tracked = new Map<string, Tracked>();

  constructor(readonly dir: string) {
    super();
  }

  private articleFiles(): string[] {
    return readdirSync(this.dir)
      .filter((name) => ARTICLE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith("."))
      .sort()
      .map((name) => join(this.dir, name));
  }

  reload(): ReloadReport {
    const report: ReloadReport = { added: [], changed: [], removed: [], problems: [] };
    let files: string[];
    try {
      files = this.articleFiles();
    } catch (error) {
      report.problems.push({
        file: this.dir,
        reason: `cannot read folder (${(error as NodeJS.ErrnoException).code})`,
      });
      this.problems = report.problems;
      return report;
    }
    const present = new Set(files);
    for (const [file, tracked] of this.tracked) {
      if (present.has(file)) continue;
      this.tracked.delete(file);
      if (this.remove(tracked.id)) report.removed.push(tracked.id);
    }
    for (const file of files) {
      let stat: { mtimeMs: number; size: number };
      try {
        stat = statSync(file);
      } catch {
        continue;
      }
      const known = this.tracked.get(file);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) continue;
      let source: ArticleSource;
      try {
        source = readArticleFile(file);
      } catch (error) {
        if (!(error instanceof ArticleError)) throw error;
        const kept = known ? " (kept the version already loaded)" : "";
        report.problems.push({ file: error.file, reason: `${error.reason}${kept}` });
        if (known) this.tracked.set(file, { ...known, mtimeMs: stat.mtimeMs, size: stat.size });
        continue;
      }
      if (known) {
        this.replace({ ...source, meta: { ...source.meta, id: known.id } });
        this.tracked.set(file, { id: known.id, mtimeMs: stat.mtimeMs, size: stat.size });
        report.changed.push(known.id);
      } else if (this.add(source, file)) {
        this.tracked.set(file, { id: source.meta.id, mtimeMs: stat.mtimeMs, size: stat.size });
        report.added.push(source.meta.id);
      } else {
        report.problems.push(this.problems.pop() as LoadProblem);
      }
    }
    this.problems = report.problems;
    return report;
  }

  /** Reloads shortly after the folder changes; returns a function that stops watching. */
  watch(onReload: (report: ReloadReport) => void, debounceMs = 250): () => void {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(this.dir, () => {
      clearTimeout(timer);
      timer = setTimeout(() => onReload(this.reload()), debounceMs);
    });
    watcher.on("error", () => {});
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}

/** Loads every `.txt`/`.md` file of a folder. Bad files become problems; none valid at all is an error. */
export function loadLibrary(dir: string): FolderLibrary {
  const folder = resolve(dir);
  const library = new FolderLibrary(folder);
  try {
    readdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new NoArticlesError(dir, [
      { file: dir, reason: code === "ENOENT" ? "folder not found" : `cannot read folder (${code})` },
    ]);
  }
  library.reload();
  if (library.list().length === 0) throw new NoArticlesError(dir, library.problems);
  return library;
}
