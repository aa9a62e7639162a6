// From a link, a file or pasted text to an extracted article: fetch (guarded), then parse in a worker.
import { extname } from "node:path";
import { ArticleError, decodeArticleBytes, parseArticleText } from "../engine/index.ts";
import { countWords, type ExtractedArticle, MIN_ARTICLE_WORDS } from "./extracted.ts";
import { IngestError } from "./failure.ts";
import { type FetchOptions, fetchResource } from "./fetch.ts";
import type { ParseKind } from "./parse-job.ts";
import type { ParserPool } from "./parser-pool.ts";

export interface IngestContext {
  fetch: FetchOptions;
  parser: ParserPool;
}

export const FILE_KINDS: Record<string, ParseKind | "article-text"> = {
  ".txt": "article-text",
  ".md": "article-text",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
};

export async function ingestUrl(url: string, context: IngestContext): Promise<ExtractedArticle> {
  const resource = await fetchResource(url, context.fetch);
  const article = await context.parser.parse({
    kind: resource.kind,
    bytes: resource.bytes,
    charset: resource.charset,
    url: resource.url,
  });
  return { ...article, url: article.url ?? resource.url };
}

/** Text in citebot's own article format (optional front matter, `date` marker), as a `.txt`/`.md` file holds. */
export function extractArticleText(label: string, text: string): ExtractedArticle {
  let source: ReturnType<typeof parseArticleText>["source"];
  try {
    source = parseArticleText("pasted", label, text).source;
  } catch (error) {
    if (error instanceof ArticleError)
      throw new IngestError({ reason: "not-an-article", detail: error.reason });
    throw error;
  }
  const words = countWords(source.text);
  if (words < MIN_ARTICLE_WORDS) {
    throw new IngestError({
      reason: "not-an-article",
      detail: `only ${words} words of text (at least ${MIN_ARTICLE_WORDS} needed)`,
    });
  }
  const { meta } = source;
  return {
    title: meta.title,
    date: meta.date,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    blocks: source.text
      .split(/\n[ \t]*\n\s*/)
      .map((b) => b.trim())
      .filter(Boolean),
  };
}

/** A file by name and bytes (a CLI path or a Discord attachment): the extension says how to read it. */
export async function ingestFile(
  name: string,
  bytes: Uint8Array,
  context: IngestContext,
  maxBytes: number,
): Promise<ExtractedArticle> {
  const extension = extname(name).toLowerCase();
  const kind = FILE_KINDS[extension];
  if (!kind) throw new IngestError({ reason: "unsupported-type", type: `file type "${extension || name}"` });
  if (bytes.length > maxBytes) throw new IngestError({ reason: "too-large", limitBytes: maxBytes });
  if (kind === "article-text") {
    let text: string;
    try {
      text = decodeArticleBytes(name, bytes);
    } catch (error) {
      if (error instanceof ArticleError)
        throw new IngestError({ reason: "not-an-article", detail: error.reason });
      throw error;
    }
    return extractArticleText(name, text);
  }
  return context.parser.parse({ kind, bytes });
}
