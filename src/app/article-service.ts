// Adding, listing and removing a server's articles: ingest → store → the server's library. Every adapter
// (the CLI today, Discord next) goes through here.

import type { ArticleLibrary, ArticleSource } from "../engine/index.ts";
import { deriveTitle } from "../engine/index.ts";
import { articleLanguage } from "../i18n/language.ts";
import { type ExtractedArticle, toArticleSource } from "../ingest/extracted.ts";
import { IngestError } from "../ingest/failure.ts";
import { extractArticleText, type IngestContext, ingestFile, ingestUrl } from "../ingest/ingest.ts";
import {
  type ArticleOrigin,
  type ArticleStore,
  type StoredArticle,
  type StoredArticleInfo,
  StoreLimitError,
} from "../store/article-store.ts";
import { type CurrentArticles, storeCurrentArticles } from "../store/shared-state.ts";
import { RequestError, unknownArticleMessage } from "./ask.ts";
import { ServerLibrary } from "./server-library.ts";

export type AddRequest =
  | { kind: "url"; url: string }
  | { kind: "file"; name: string; bytes: Uint8Array }
  | { kind: "text"; text: string; title?: string | undefined };

export interface AddOutcome {
  status: "added" | "duplicate";
  article: StoredArticle;
  library: ServerLibrary;
}

export type RemoveOutcome =
  | { status: "removed"; id: string }
  | { status: "not-found"; id: string }
  | { status: "built-in"; id: string }
  | { status: "forbidden"; id: string; addedBy: string };

export interface Remover {
  userId: string;
  /** Members with Manage Messages may remove anyone's article; others only their own. */
  canManageMessages: boolean;
}

const MAX_ID_CHARS = 60;

/** A readable id from a title: `Harbour fares rise!` → `harbour-fares-rise`. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_ID_CHARS) return slug || "article";
  const cut = slug.slice(0, MAX_ID_CHARS);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : MAX_ID_CHARS);
}

export class ArticleService {
  private readonly libraries = new Map<string, Promise<ServerLibrary>>();

  constructor(
    readonly store: ArticleStore,
    /** The built-in articles every server sees. */
    readonly seeds: ArticleLibrary,
    private readonly ingest: IngestContext,
    /** Each channel's current article: the store's table by default, Redis when processes share the work. */
    private readonly currentArticles: CurrentArticles = storeCurrentArticles(store),
  ) {}

  /** The server's library (seeds + stored), loaded from the store on first use. */
  library(serverId: string): Promise<ServerLibrary> {
    let library = this.libraries.get(serverId);
    if (!library) {
      library = (async () => {
        const server = new ServerLibrary(serverId, this.seeds);
        for (const stored of await this.store.all(serverId)) server.addStored(stored.source, stored);
        return server;
      })();
      library.catch(() => this.libraries.delete(serverId));
      this.libraries.set(serverId, library);
    }
    return library;
  }

  private async extract(
    request: AddRequest,
  ): Promise<{ extracted: ExtractedArticle; origin: ArticleOrigin }> {
    switch (request.kind) {
      case "url":
        return { extracted: await ingestUrl(request.url, this.ingest), origin: "url" };
      case "file":
        return {
          extracted: await ingestFile(request.name, request.bytes, this.ingest, this.ingest.fetch.maxBytes),
          origin: "file",
        };
      case "text": {
        const extracted = extractArticleText("pasted text", request.text);
        return {
          extracted: request.title ? { ...extracted, title: request.title } : extracted,
          origin: "text",
        };
      }
    }
  }

  /**
   * Adds an article to a server's library. A link already stored is not fetched again; the same URL or the
   * same text returns the stored article. Throws IngestError; nothing stored changes on failure.
   */
  async add(serverId: string, request: AddRequest, addedBy: string): Promise<AddOutcome> {
    const library = await this.library(serverId);
    if (request.kind === "url") {
      const known = await this.store.findByUrl(serverId, request.url);
      if (known) return { status: "duplicate", article: known, library };
    }
    const { extracted, origin } = await this.extract(request);
    const draft = toArticleSource(extracted, "draft");
    const title = draft.meta.title || deriveTitle(draft);
    let id = slugify(title);
    for (let n = 2; library.meta(id); n++) id = `${slugify(title)}-${n}`;
    const language = articleLanguage(draft);
    const source: ArticleSource = {
      meta: { ...draft.meta, id, title, ...(language === "und" ? {} : { language }) },
      text: draft.text,
    };
    let result: Awaited<ReturnType<ArticleStore["add"]>>;
    try {
      result = await this.store.add(serverId, {
        source,
        origin,
        addedBy,
        requestedUrl: request.kind === "url" ? request.url : undefined,
      });
    } catch (error) {
      if (error instanceof StoreLimitError) throw new IngestError(error.failure);
      throw error;
    }
    if (result.status === "added") library.addStored(result.article.source, result.article);
    return { status: result.status, article: result.article, library };
  }

  /** One page of the server's added articles, newest first. */
  async list(
    serverId: string,
    page = 0,
    pageSize = 10,
  ): Promise<{ items: StoredArticleInfo[]; total: number }> {
    const [items, total] = await Promise.all([
      this.store.list(serverId, { limit: pageSize, offset: page * pageSize }),
      this.store.count(serverId),
    ]);
    return { items, total };
  }

  async remove(serverId: string, id: string, by: Remover): Promise<RemoveOutcome> {
    const library = await this.library(serverId);
    if (library.isSeed(id)) return { status: "built-in", id };
    const stored = await this.store.get(serverId, id);
    if (!stored) return { status: "not-found", id };
    if (stored.addedBy !== by.userId && !by.canManageMessages) {
      return { status: "forbidden", id, addedBy: stored.addedBy };
    }
    const removed = await this.store.remove(serverId, id);
    library.removeStored(id);
    return removed ? { status: "removed", id } : { status: "not-found", id };
  }

  /**
   * True when the server has the article. One not in the loaded library may have been added by another
   * process sharing the store: it is read from the store and put in the library.
   */
  private async has(serverId: string, library: ServerLibrary, id: string): Promise<boolean> {
    if (library.meta(id)) return true;
    const stored = await this.store.get(serverId, id);
    if (!stored) return false;
    library.addStored(stored.source, stored);
    return true;
  }

  /** Makes an article the channel's current one. Throws RequestError for an unknown id. */
  async setCurrent(serverId: string, channelId: string, id: string): Promise<void> {
    const library = await this.library(serverId);
    if (!(await this.has(serverId, library, id))) throw new RequestError(unknownArticleMessage(library, id));
    await this.currentArticles.setCurrent(serverId, channelId, id);
  }

  /** The channel's current article id, if it is still in the library. */
  async current(serverId: string, channelId: string): Promise<string | undefined> {
    const [library, id] = await Promise.all([
      this.library(serverId),
      this.currentArticles.getCurrent(serverId, channelId),
    ]);
    return id && (await this.has(serverId, library, id)) ? id : undefined;
  }
}
