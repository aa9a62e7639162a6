// A PDF's text → paragraphs, with pdf.js (through unpdf) and eval disabled.
import { getDocumentProxy } from "unpdf";
import { z } from "zod";
import { isoDay } from "./extract-html.ts";
import { countWords, type ExtractedArticle, MIN_ARTICLE_WORDS } from "./extracted.ts";
import { IngestError } from "./failure.ts";

interface Line {
  text: string;
  y: number;
  height: number;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/** `D:20250314093000+01'00'` (PDF date) → `2025-03-14`. */
export function pdfDay(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = /^D?:?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  return match ? isoDay(`${match[1]}-${match[2]}-${match[3]}`) : isoDay(value);
}

/** The document information dictionary (Title, Author, CreationDate…): pdf.js types it only as `Object`. */
const pdfInfo = z.record(z.string(), z.unknown()).catch({});

function linesOf(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform?.[5] ?? 0;
    if (!current) current = { text: "", y, height: item.height ?? 0 };
    current.text += item.str ?? "";
    current.height = Math.max(current.height, item.height ?? 0);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => l.text.trim() !== "");
}

/** Lines → paragraphs: a gap clearly wider than the usual line spacing starts a new paragraph. */
function paragraphsOf(lines: Line[]): string[] {
  const gapAfter = (previous: Line | undefined, line: Line) => (previous ? Math.abs(previous.y - line.y) : 0);
  const gaps = lines.slice(1).map((line, i) => gapAfter(lines[i], line));
  const usual = [...gaps].sort((a, z) => a - z)[Math.floor(gaps.length / 2)] ?? 0;
  const paragraphs: string[] = [];
  let current = "";
  let previous: Line | undefined;
  for (const line of lines) {
    const gap = gapAfter(previous, line);
    previous = line;
    if (current && (gap > usual * 1.4 || gap === 0)) {
      paragraphs.push(current);
      current = "";
    }
    const text = line.text.replace(/\s+/g, " ").trim();
    // A word broken across lines with a hyphen is joined again.
    current =
      current.endsWith("-") && /^\p{Ll}/u.test(text)
        ? current.slice(0, -1) + text
        : current
          ? `${current} ${text}`
          : text;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

export async function extractPdf(bytes: Uint8Array, url?: string): Promise<ExtractedArticle> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    throw new IngestError({
      reason: "not-an-article",
      detail: `the PDF cannot be read (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  try {
    const info = pdfInfo.parse((await pdf.getMetadata().catch(() => undefined))?.info);
    const blocks: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // Marked-content items (only given with includeMarkedContent) hold no text.
      blocks.push(...paragraphsOf(linesOf(content.items.filter((item) => "str" in item))));
    }
    const words = countWords(blocks.join(" "));
    if (words < MIN_ARTICLE_WORDS) {
      throw new IngestError({
        reason: "not-an-article",
        detail: `the PDF has only ${words} words of text (at least ${MIN_ARTICLE_WORDS} needed; scanned PDFs have none)`,
      });
    }
    const metaTitle = typeof info.Title === "string" ? info.Title.trim() : "";
    const title = metaTitle || (blocks[0] && blocks[0].length <= 200 ? blocks[0] : "");
    const body = !metaTitle && title ? blocks.slice(1) : blocks;
    const author = typeof info.Author === "string" && info.Author.trim() ? info.Author.trim() : undefined;
    return {
      title,
      date: pdfDay(info.CreationDate),
      ...(author ? { author } : {}),
      ...(url ? { url, source: new URL(url).hostname.replace(/^www\./, "") } : {}),
      blocks: body,
    };
  } finally {
    await pdf.destroy();
  }
}
