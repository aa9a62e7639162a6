// The library as a folder of article files: reading each file (size limit, encoding, front matter, through the
// engine's own rules), loading a folder, and reloading it when it changes. The engine itself reads no files.
import { readdirSync, readFileSync, statSync, watch } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import {
  ArticleError,
  type ArticleSource,
  decodeArticleBytes,
  type LoadProblem,
  MAX_ARTICLE_BYTES,
  MemoryLibrary,
  sourceFromText,
} from "../engine/index.ts";

/** A Node system error's code (`ENOENT`, `EACCES`…), if the error has one. */
function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".md"]);

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
    const code = errorCode(error);
    throw new ArticleError(
      path,
      code === "ENOENT" ? "file not found" : `cannot read file (${code ?? String(error)})`,
    );
  }
  return sourceFromText(id, path, decodeArticleBytes(path, bytes));
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
        reason: `cannot read folder (${errorCode(error)})`,
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
        // add() records why it refused the file as its last problem.
        report.problems.push(this.problems.pop() ?? { file, reason: "could not be loaded" });
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
    const code = errorCode(error);
    throw new NoArticlesError(dir, [
      { file: dir, reason: code === "ENOENT" ? "folder not found" : `cannot read folder (${code})` },
    ]);
  }
  library.reload();
  if (library.list().length === 0) throw new NoArticlesError(dir, library.problems);
  return library;
}
