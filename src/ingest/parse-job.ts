// One parse, as the worker thread runs it: bytes in, an extracted article (or a failure) out.
import { decodePage } from "./charset.ts";
import { extractHtml } from "./extract-html.ts";
import { countWords, type ExtractedArticle, MIN_ARTICLE_WORDS } from "./extracted.ts";
import { IngestError, type IngestFailure } from "./failure.ts";

export type ParseKind = "html" | "pdf" | "text";

export interface ParseJob {
  kind: ParseKind;
  bytes: Uint8Array;
  /** The charset the server declared, if any. */
  charset?: string | undefined;
  url?: string | undefined;
}

export type ParseOutcome = { ok: true; article: ExtractedArticle } | { ok: false; failure: IngestFailure };

/** Plain text: blank lines part paragraphs; a short first line without a full stop is the title. */
export function extractPlainText(text: string, url?: string): ExtractedArticle {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const first = blocks[0] ?? "";
  const hasTitle = blocks.length > 1 && first.length <= 200 && !/[.!?]["”’]?$/.test(first);
  const body = hasTitle ? blocks.slice(1) : blocks;
  const words = countWords(body.join(" "));
  if (words < MIN_ARTICLE_WORDS) {
    throw new IngestError({
      reason: "not-an-article",
      detail: `only ${words} words of text (at least ${MIN_ARTICLE_WORDS} needed)`,
    });
  }
  return {
    title: hasTitle ? first : "",
    date: null,
    ...(url ? { url, source: new URL(url).hostname.replace(/^www\./, "") } : {}),
    blocks: body,
  };
}

export async function runParseJob(job: ParseJob): Promise<ParseOutcome> {
  try {
    if (job.kind === "pdf") {
      // pdf.js is large: loaded on the first PDF only.
      const { extractPdf } = await import("./extract-pdf.ts");
      return { ok: true, article: await extractPdf(job.bytes, job.url) };
    }
    const text = decodePage(job.bytes, job.charset, job.kind === "html");
    const article = job.kind === "html" ? extractHtml(text, job.url) : extractPlainText(text, job.url);
    return { ok: true, article };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, failure: error.failure };
    return {
      ok: false,
      failure: {
        reason: "not-an-article",
        detail: `the page could not be parsed (${error instanceof Error ? error.message : String(error)})`,
      },
    };
  }
}
