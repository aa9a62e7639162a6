// A news page's HTML → title, date, byline, source and the body's paragraphs.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { FURNITURE_SELECTORS, isRealDate, matchBoilerplate } from "../engine/index.ts";
import { countWords, type ExtractedArticle, MIN_ARTICLE_WORDS } from "./extracted.ts";
import { IngestError } from "./failure.ts";

type Doc = ReturnType<typeof parseHTML>["document"];
type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|LiveBlogPosting|NewsArticle|Report)$/;
const BLOCK_SELECTOR = "p, h2, h3, h4, h5, li, blockquote, pre";

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function typesOf(node: JsonObject): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/:]/, ""));
}

/** Every JSON-LD object of the page, `@graph` members and arrays flattened. */
function jsonLdNodes(document: Doc): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    if (!isJsonObject(value)) return;
    const node = value;
    nodes.push(node);
    if (node["@graph"]) visit(node["@graph"], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // A broken JSON-LD block is common; the meta tags still speak.
    }
  }
  return nodes;
}

function findArticleNode(nodes: JsonObject[]): JsonObject | undefined {
  return nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
}

/** A JSON-LD value that may be a string, an object with a name, a reference, or a list of these. */
function names(value: unknown, nodes: JsonObject[]): string[] {
  if (typeof value === "string") return [collapse(value)].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap((v) => names(v, nodes));
  if (isJsonObject(value)) {
    const node = value;
    if (typeof node.name === "string") return [collapse(node.name)];
    const ref = node["@id"];
    const target = typeof ref === "string" ? nodes.find((n) => n["@id"] === ref && n !== node) : undefined;
    return target ? names(target, []) : [];
  }
  return [];
}

function metaContent(document: Doc, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    for (const attr of ["property", "name", "itemprop"]) {
      const value = document.querySelector(`meta[${attr}="${key}"]`)?.getAttribute("content");
      if (value?.trim()) return collapse(value);
    }
  }
  return undefined;
}

/** `2025-03-14T09:00:00-05:00`, `2025-03-14` or a date the JS parser reads → `2025-03-14` (the publisher's day). */
export function isoDay(value: string | undefined): string | null {
  if (!value) return null;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (iso) return isRealDate(iso) ? iso : null;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  const day = new Date(parsed).toISOString().slice(0, 10);
  return isRealDate(day) ? day : null;
}

function cleanTitle(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  const last = parts.at(-1);
  if (parts.length > 1 && last !== undefined) {
    if ((siteName && last.toLowerCase() === siteName.toLowerCase()) || last.split(" ").length <= 4)
      return parts.slice(0, -1).join(" - ");
  }
  return title;
}

function removeJunk(document: Doc): void {
  for (const el of document.querySelectorAll(FURNITURE_SELECTORS.join(","))) el.remove();
  for (const el of document.querySelectorAll("[class], [id]")) {
    const tokens = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`
      .split(/\s+/)
      .filter(Boolean);
    if (!tokens.some((t) => matchBoilerplate(t, "class-token"))) continue;
    // A container named for its share bar still holds the story; furniture itself is short.
    if ((el.textContent ?? "").length < 1200 || el.querySelectorAll("p").length <= 1) el.remove();
  }
}

const TIME_STAMP = /^(\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?(\s[A-Z]{2,4})?|(updated|posted)\s.{1,30})$/i;

/** A live blog's bare time stamp (`16:05`) leads its update's first line rather than standing alone. */
function joinTimeStamps(blocks: string[]): string[] {
  const out: string[] = [];
  let joinedNext = false;
  for (const [i, block] of blocks.entries()) {
    if (joinedNext) {
      joinedNext = false;
      continue;
    }
    const next = blocks[i + 1];
    if (next !== undefined && TIME_STAMP.test(block) && !TIME_STAMP.test(next)) {
      out.push(`${block} ${next}`);
      joinedNext = true;
    } else out.push(block);
  }
  return out;
}

/** The innermost block elements of Readability's content, each one line: paragraphs stay paragraphs. */
function blocksOf(contentHtml: string, title: string): { blocks: string[]; linkShare: number } {
  const { document } = parseHTML(`<!doctype html><html><body>${contentHtml}</body></html>`);
  for (const br of document.querySelectorAll("br")) br.replaceWith(document.createTextNode(" "));
  const all = [...document.querySelectorAll(BLOCK_SELECTOR)];
  const blocks: string[] = [];
  let linkChars = 0;
  let chars = 0;
  for (const el of all) {
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const text = collapse(el.textContent ?? "");
    if (!text || text === title || matchBoilerplate(text, "paragraph")) continue;
    chars += text.length;
    for (const a of el.querySelectorAll("a")) linkChars += collapse(a.textContent ?? "").length;
    blocks.push(text);
  }
  return { blocks: joinTimeStamps(blocks), linkShare: chars ? linkChars / chars : 0 };
}

/** Extracts an article from a page. Throws IngestError("not-an-article") for home pages, walls and teasers. */
export function extractHtml(html: string, pageUrl?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const nodes = jsonLdNodes(document);
  const article = findArticleNode(nodes);
  const siteName =
    names(article?.publisher, nodes)[0] ?? metaContent(document, ["og:site_name", "application-name"]);
  const rawTitle =
    names(article?.headline, nodes)[0] ??
    metaContent(document, ["og:title", "twitter:title", "headline"]) ??
    collapse(document.querySelector("title")?.textContent ?? "");
  const title = cleanTitle(rawTitle || collapse(document.querySelector("h1")?.textContent ?? ""), siteName);
  const date =
    isoDay(typeof article?.datePublished === "string" ? article.datePublished : undefined) ??
    isoDay(
      metaContent(document, [
        "article:published_time",
        "og:article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "dc.date",
        "DC.date.issued",
      ]),
    ) ??
    isoDay(document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined);
  const authorNames = names(article?.author, nodes);
  const metaAuthor = metaContent(document, ["author", "article:author", "byl"]);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    metaContent(document, ["og:url"]);
  const isArticlePage = article !== undefined || /article/i.test(metaContent(document, ["og:type"]) ?? "");
  const hasPasswordField = document.querySelector('input[type="password"]') !== null;

  const { document: readable } = parseHTML(html);
  removeJunk(readable);
  // linkedom implements the DOM Readability reads, but its types are its own classes, not lib.dom's Document.
  const parsed = new Readability(readable as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 300,
  }).parse();
  if (!parsed?.content) {
    throw new IngestError({ reason: "not-an-article", detail: "no article text was found on the page" });
  }
  const { blocks, linkShare } = blocksOf(parsed.content, title);
  const words = countWords(blocks.join(" "));
  if (hasPasswordField && words < 250) {
    throw new IngestError({ reason: "not-an-article", detail: "the page asks to sign in (a login wall)" });
  }
  if (!isArticlePage && linkShare > 0.4) {
    throw new IngestError({
      reason: "not-an-article",
      detail: "the page is mostly links (a home or section page)",
    });
  }
  if (words < MIN_ARTICLE_WORDS) {
    throw new IngestError({
      reason: "not-an-article",
      detail: `only ${words} words of article text (at least ${MIN_ARTICLE_WORDS} needed)`,
    });
  }
  const byline = authorNames.length ? authorNames.join(", ") : (metaAuthor ?? parsed.byline ?? undefined);
  const url = resolveUrl(canonical, pageUrl) ?? pageUrl;
  return {
    title: title || collapse(parsed.title ?? ""),
    date,
    ...(byline && !/^https?:/.test(byline) ? { author: collapse(byline).replace(/^by\s+/i, "") } : {}),
    ...(siteName
      ? { source: siteName }
      : pageUrl
        ? { source: new URL(pageUrl).hostname.replace(/^www\./, "") }
        : {}),
    ...(url ? { url } : {}),
    blocks,
  };
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
