// `citebot add`, `citebot remove` and the stored half of `citebot articles`: the CLI's `local` library.
import { readFile } from "node:fs/promises";
import type { ArticleService } from "../app/article-service.ts";
import type { ServerLibrary } from "../app/server-library.ts";
import type { ArticleMeta } from "../engine/index.ts";
import { articleData } from "../engine/index.ts";
import { LOCAL_SERVER } from "../store/article-store.ts";

/** An I/O problem (a file that cannot be read): exit 1. */
export class CliIoError extends Error {}

/** What `citebot add --json` prints: the stored article, its text exactly as `citebot article ID --json` gives it. */
export interface AddedArticleJson {
  id: string;
  title: string;
  date: string | null;
  byline: string | null;
  url: string | null;
  source: string | null;
  paragraphs: number;
  text: string;
}

export interface CliAddOutcome {
  status: "added" | "duplicate";
  article: AddedArticleJson;
}

export async function addFromCli(service: ArticleService, target: string): Promise<CliAddOutcome> {
  const isLink = /^https?:\/\//i.test(target);
  let bytes: Uint8Array | undefined;
  if (!isLink) {
    try {
      bytes = await readFile(target);
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
      throw new CliIoError(`cannot read ${target} (${code === "ENOENT" ? "file not found" : code})`);
    }
  }
  const outcome = await service.add(
    LOCAL_SERVER,
    bytes ? { kind: "file", name: target, bytes } : { kind: "url", url: target },
    "cli",
  );
  const analysed = outcome.library.get(outcome.article.meta.id);
  if (!analysed) throw new Error(`stored article ${outcome.article.meta.id} is missing from the library`);
  const data = articleData(analysed);
  const { meta } = outcome.article;
  const article: AddedArticleJson = {
    id: data.id,
    title: data.title,
    date: data.date,
    byline: meta.author ?? null,
    url: meta.url ?? null,
    source: meta.source ?? null,
    paragraphs: data.paragraphs.length,
    text: data.text,
  };
  return { status: outcome.status, article };
}

export function renderAdded({ status, article }: CliAddOutcome): string {
  const head = status === "added" ? "Added" : "Already in the library";
  const facts = [
    article.date ?? "no date",
    article.byline ? `by ${article.byline}` : null,
    article.source,
    `${article.paragraphs} paragraphs`,
  ].filter(Boolean);
  return `${head}: ${article.id}\n${article.title}\n${facts.join(" · ")}${article.url ? `\n${article.url}` : ""}`;
}

/** The library list with who added each stored article and when (seeds have neither). */
export function libraryListJson(
  library: ServerLibrary,
): (ArticleMeta & { addedBy?: string; addedAt?: string })[] {
  return library.list().map((meta) => {
    const info = library.storedInfo(meta.id);
    return info ? { ...meta, addedBy: info.addedBy, addedAt: info.addedAt } : meta;
  });
}
