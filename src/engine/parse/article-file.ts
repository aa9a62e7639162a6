import { z } from "zod";
import { group } from "../match.ts";
import type { ArticleSource } from "../types.ts";
import { statedArticleDate } from "./timex/article-date.ts";

/** Larger files are refused: a news article is a few tens of KB; 1 MiB leaves ample room without letting one file eat memory. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

export class ArticleError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ArticleError";
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date: rejects 2025-02-30 and 2025-13-01. */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y = 0, m = 0, d = 0] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const frontMatterSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "title is empty")
      .max(300, "title is longer than 300 characters")
      .optional(),
    date: z
      .string()
      .regex(ISO_DATE, "date must be YYYY-MM-DD")
      .refine(isRealDate, "date is not a real calendar date")
      .optional(),
    url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL" }).optional(),
    source: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Turns raw bytes into text, naming what is wrong when they are not an article's text. */
export function decodeArticleBytes(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ArticleError(file, `file is ${bytes.length} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit`);
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) throw new ArticleError(file, "file is binary (it contains NUL bytes), not text");
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new ArticleError(file, "file is not valid UTF-8 text");
    }
  }
  // Control characters other than tab/newline/CR/form feed mean this is not prose.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g);
  if (control && control.length > 0) {
    throw new ArticleError(
      file,
      `file contains ${control.length} control character(s); it looks binary, not text`,
    );
  }
  return text;
}

function parseFrontMatterBlock(file: string, block: string): FrontMatter {
  const raw: Record<string, string> = {};
  for (const [i, line] of block.split("\n").entries()) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const match = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match)
      throw new ArticleError(file, `front matter line ${i + 2} is not "key: value": ${line.trim()}`);
    const key = group(match, 1);
    let value = group(match, 2);
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    raw[key] = value;
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join(".")}"` : "";
    const message =
      issue?.code === "unrecognized_keys"
        ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(", ")} (allowed: title, date, url, source, author)`
        : `${where} ${issue?.message ?? "is invalid"}`.trim();
    throw new ArticleError(file, `front matter: ${message}`);
  }
  return parsed.data;
}

const DATE_MARKER = /^\s*date\s+(\S+)[ \t]*/;

/**
 * Reads one article's text: an optional front-matter block, an optional leading `date YYYY-MM-DD`
 * marker, then the body. Without either date, the date the body states (dateline, Published line) is used. The body is what every offset in the engine refers to.
 */
export function parseArticleText(
  id: string,
  file: string,
  raw: string,
): { source: ArticleSource; frontMatter: FrontMatter } {
  let text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let frontMatter: FrontMatter = {};
  if (/^---[ \t]*\n/.test(text)) {
    const close = /\n---[ \t]*(\n|$)/.exec(text);
    if (!close) throw new ArticleError(file, "front matter opened with --- but never closed");
    frontMatter = parseFrontMatterBlock(file, text.slice(text.indexOf("\n") + 1, close.index));
    text = text.slice(close.index + close[0].length);
  }
  let date = frontMatter.date ?? null;
  const marker = DATE_MARKER.exec(text);
  if (marker) {
    const value = group(marker, 1);
    if (!isRealDate(value)) {
      throw new ArticleError(file, `date marker "${value}" is not a real YYYY-MM-DD date`);
    }
    date ??= value;
    text = text.slice(marker[0].length);
  }
  text = text.trim();
  if (text === "") throw new ArticleError(file, "article has no text");
  if (!/\p{L}/u.test(text)) throw new ArticleError(file, "article has no words");
  // No date given: the article may state its own (a dateline, a Published line).
  const stated = date ? null : statedArticleDate(text, frontMatter.url);
  const meta = {
    id,
    title: frontMatter.title ?? "",
    date: date ?? stated?.date ?? null,
    ...(stated ? { dateFrom: stated.from } : {}),
    ...(frontMatter.url ? { url: frontMatter.url } : {}),
    ...(frontMatter.source ? { source: frontMatter.source } : {}),
    ...(frontMatter.author ? { author: frontMatter.author } : {}),
  };
  return { source: { meta, text }, frontMatter };
}
