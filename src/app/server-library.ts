// One server's library: the built-in seeds every server sees, plus the articles that server added.
import type { AnalyzedArticle, ArticleMeta, ArticleSource } from "../engine/index.ts";
import { type ArticleLibrary, type LoadProblem, MemoryLibrary, newestFirst } from "../engine/index.ts";
import type { StoredArticleInfo } from "../store/article-store.ts";

/** Seeds first when an id is in both: the built-in library is read-only and always answers the same. */
export class ServerLibrary implements ArticleLibrary {
  /** Stored articles, analysed on first use and kept in MemoryLibrary's LRU cache. */
  private readonly stored = new MemoryLibrary();
  private readonly info = new Map<string, StoredArticleInfo>();
  private sorted: { seeds: readonly ArticleMeta[]; version: number; list: ArticleMeta[] } | null = null;
  private version = 0;

  constructor(
    readonly serverId: string,
    private readonly seeds: ArticleLibrary,
  ) {}

  get problems(): readonly LoadProblem[] {
    return this.seeds.problems;
  }

  /** Puts a stored article in the library (after the store has it). */
  addStored(source: ArticleSource, info: StoredArticleInfo): void {
    this.stored.replace(source);
    this.info.set(source.meta.id, info);
    this.version++;
  }

  removeStored(id: string): void {
    this.stored.remove(id);
    this.info.delete(id);
    this.version++;
  }

  isSeed(id: string): boolean {
    return this.seeds.meta(id) !== undefined;
  }

  /** Who added a stored article and when; undefined for seeds. */
  storedInfo(id: string): StoredArticleInfo | undefined {
    return this.isSeed(id) ? undefined : this.info.get(id);
  }

  list(): readonly ArticleMeta[] {
    const seeds = this.seeds.list();
    if (this.sorted?.seeds === seeds && this.sorted.version === this.version) return this.sorted.list;
    const ids = new Set(seeds.map((m) => m.id));
    const list = [...seeds, ...this.stored.list().filter((m) => !ids.has(m.id))].sort(newestFirst);
    this.sorted = { seeds, version: this.version, list };
    return list;
  }

  meta(id: string): ArticleMeta | undefined {
    return this.seeds.meta(id) ?? this.stored.meta(id);
  }

  get(id: string): AnalyzedArticle | undefined {
    return this.isSeed(id) ? this.seeds.get(id) : this.stored.get(id);
  }

  defaultId(): string | undefined {
    return this.list()[0]?.id;
  }
}
