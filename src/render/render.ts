// The one renderer: Answer → Discord message payload, within Discord's limits, pinging no one.

import { escapeMarkdown } from "discord.js";
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { answerTitle, answerView, limitNote } from "../app/answer-view.ts";
import type { Answer, Citation, ParsedArticle, Span } from "../engine/index.ts";
import type { ButtonAction } from "../interactions/buttons.ts";
import { EPHEMERAL, DISCORD_LIMITS as L } from "./limits.ts";
import { type EmbedPayload, type MessagePayload, NO_MENTIONS } from "./reply.ts";

/** Room for the answer on one page: under the description limit, with margin for the header. */
const PAGE_BUDGET = 3600;
const MAX_BLOCKS_PER_PAGE = 6;
/** A longer excerpt is cut at a sentence boundary; the Context button shows it whole. */
const MAX_EXCERPT = 900;
const FOOTER_BUDGET = 300;

const COLOR_FOUND = 0x5865f2;
const COLOR_NOT_FOUND = 0x99aab5;

/** Escapes Discord markdown and defuses mentions (`@everyone`, `<@&1>`) so article text shows as written. */
export function escapeText(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  // discord.js's italic pattern looks behind at every position (quadratic in the text): text without `*` or
  // `_` has nothing for it, or for bold and underline, to escape, so it is skipped (same output, much faster).
  const emphasis = /[*_]/.test(flat);
  return escapeMarkdown(flat, {
    bulletedList: true,
    heading: true,
    numberedList: true,
    maskedLink: true,
    ...(emphasis ? {} : { italic: false, bold: false, underline: false }),
  })
    .replace(/</g, "\\<")
    .replace(/@(everyone|here)/gi, "@\u200b$1");
}

/** Cuts text to at most `max` characters at a sentence end, else a word boundary, never mid-word. */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 2);
  let cut = -1;
  for (const m of room.matchAll(/[.!?…]["”’')\]]*(?=\s)/gu)) cut = m.index + m[0].length;
  if (cut < max * 0.4) cut = room.lastIndexOf(" ");
  if (cut <= 0) cut = max - 2;
  return `${text.slice(0, cut).trimEnd()} …`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Excerpt text with the highlighted spans in bold, escaped, cut to `max` at a sentence end. */
function formatExcerpt(
  citation: Pick<Citation, "excerpt" | "start">,
  highlights: Span[],
  max = MAX_EXCERPT,
): string {
  const text = cutAtSentence(citation.excerpt, max);
  const end = citation.start + text.length;
  const inside = highlights
    .filter((h) => h.start >= citation.start && h.end <= end && h.end > h.start)
    .sort((a, z) => a.start - z.start)
    .filter((h, i, all) => {
      const previous = all[i - 1];
      return previous === undefined || h.start >= previous.end;
    });
  let out = "";
  let at = citation.start;
  for (const h of inside) {
    out += escapeText(text.slice(at - citation.start, h.start - citation.start));
    out += `**${escapeText(text.slice(h.start - citation.start, h.end - citation.start))}**`;
    at = h.end;
  }
  return out + escapeText(text.slice(at - citation.start));
}

/** The citation blocks of an answer: `> excerpt` then `-# ¶N · note`; a summary's sentences are numbered. */
function citationBlocks(answer: Answer): { block: string; citation: Citation }[] {
  const { highlights, notes, numbered } = answerView(answer);
  return answer.citations.map((citation, i) => {
    const note = notes[i] ?? "";
    const cite = `-# ¶${citation.paragraph}${note ? ` · ${escapeText(clip(note, 200))}` : ""}`;
    const number = numbered ? `**${i + 1}.** ` : "";
    return { block: `> ${number}${formatExcerpt(citation, highlights)}\n${cite}`, citation };
  });
}

/** The answer line above the excerpts; a summary has none (its sentences are the excerpts, shown once). */
function header(answer: Answer): string {
  const view = answerView(answer);
  const limit = limitNote(answer);
  const limitLine = limit ? `\n-# ${limit}` : "";
  if (view.numbered) return limitLine.trimStart();
  const places = view.places.slice(0, 20);
  const placeLine = places.length ? `\n-# Places: ${escapeText(places.join(", "))}` : "";
  // A check's text has a line per claim; each line is escaped on its own so the lines stay.
  const text =
    answer.kind === "claims"
      ? clip(answer.text, 1500).split("\n").map(escapeText).join("\n")
      : escapeText(clip(answer.text, 1500));
  return `${text}${placeLine}${limitLine}`;
}

/** Splits an answer into pages of whole citation blocks. */
export function paginate(answer: Answer): { blocks: { block: string; citation: Citation }[] }[] {
  const blocks = citationBlocks(answer);
  const first = header(answer).length;
  const pages: { blocks: typeof blocks }[] = [];
  let current: typeof blocks = [];
  let size = first;
  for (const b of blocks) {
    if (
      current.length > 0 &&
      (size + b.block.length + 2 > PAGE_BUDGET || current.length >= MAX_BLOCKS_PER_PAGE)
    ) {
      pages.push({ blocks: current });
      current = [];
      size = 0;
    }
    current.push(b);
    size += b.block.length + 2;
  }
  pages.push({ blocks: current });
  return pages;
}

export interface RenderOptions {
  page?: number;
  /** The custom_id of a button (undefined: that button does not fit, so it is left out); none, no buttons. */
  buttonId?: (action: ButtonAction, arg: number) => string | undefined;
  ephemeral?: boolean;
  /** A private answer gets a Share button that posts it to the channel. */
  shareable?: boolean;
}

function footerText(answer: Answer, page: number, pages: number): string {
  const a = answer.article;
  const parts = [clip(a.title, 180), a.date ?? "undated", "¶ = paragraph"];
  if (pages > 1) parts.push(`page ${page + 1}/${pages}`);
  return clip(parts.join(" · "), FOOTER_BUDGET);
}

/** One page of an answer without its buttons: the same for every asker, so it can be kept and reused. */
export interface AnswerPage {
  embed: APIEmbed;
  /** The paragraphs cited on this page (one context button each). */
  paragraphs: number[];
  page: number;
  pages: number;
}

/** What one page shows, before it becomes an embed or a card: its citation blocks and where it is. */
export interface PageParts {
  blocks: { block: string; citation: Citation }[];
  page: number;
  pages: number;
  /** The footer line: title, date, `¶ = paragraph`, the page. */
  footer: string;
}

export function answerPageParts(answer: Answer, requestedPage = 0): PageParts {
  const pages = paginate(answer);
  const page = Math.min(Math.max(0, requestedPage), pages.length - 1);
  const shown = pages[page];
  // paginate always gives at least one page, and `page` is clamped to them.
  if (!shown) throw new Error(`page ${page} of ${pages.length} does not exist`);
  return { blocks: shown.blocks, page, pages: pages.length, footer: footerText(answer, page, pages.length) };
}

export function renderAnswerPage(answer: Answer, requestedPage = 0): AnswerPage {
  const { blocks, page, pages, footer } = answerPageParts(answer, requestedPage);
  const parts = page === 0 ? [header(answer)].filter(Boolean) : [`-# (continued, page ${page + 1})`];
  if (!answer.found) parts.push("-# citebot only answers from the article's own words.");
  for (const b of blocks) parts.push(b.block);
  const embed: APIEmbed = {
    title: clip(answerTitle(answer), L.embedTitle),
    description: clip(parts.join("\n\n"), L.embedDescription),
    color: answer.found ? COLOR_FOUND : COLOR_NOT_FOUND,
    footer: { text: footer },
  };
  if (answer.article.url) embed.url = answer.article.url;
  return { embed, paragraphs: [...new Set(blocks.map((b) => b.citation.paragraph))], page, pages };
}

export function renderAnswer(answer: Answer, options: RenderOptions = {}): EmbedPayload {
  return withButtons(renderAnswerPage(answer, options.page), options);
}

/** A page's message: its embed, and the buttons `buttonId` can name (context per paragraph, paging). */
export function withButtons(
  { embed, paragraphs, page, pages }: AnswerPage,
  options: Omit<RenderOptions, "page"> = {},
): EmbedPayload {
  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  const { buttonId } = options;
  if (buttonId) {
    // One context button per paragraph on the page, in rows of five (a page holds at most six excerpts).
    const contexts = paragraphs.flatMap((p) => {
      const id = buttonId("ctx", p);
      return id ? [{ p, id }] : [];
    });
    for (let i = 0; i < contexts.length && components.length < L.actionRows - 1; i += L.buttonsPerRow) {
      components.push({
        type: ComponentType.ActionRow,
        components: contexts.slice(i, i + L.buttonsPerRow).map(({ p, id }) => ({
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: `¶${p} context`,
          custom_id: id,
        })),
      });
    }
    const back = buttonId("page", Math.max(0, page - 1));
    const more = buttonId("page", Math.min(pages - 1, page + 1));
    if (pages > 1 && back && more) {
      components.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "◀ Back",
            custom_id: back,
            disabled: page === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: `More ▶ (${page + 1}/${pages})`,
            custom_id: more,
            disabled: page === pages - 1,
          },
        ],
      });
    }
  }
  const share = buttonId && options.ephemeral && options.shareable ? buttonId("share", 0) : undefined;
  if (share && components.length < L.actionRows) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Success,
          label: "Share to channel",
          custom_id: share,
        },
      ],
    });
  }
  return {
    embeds: [embed],
    components,
    ...(options.ephemeral ? { flags: EPHEMERAL } : {}),
    allowed_mentions: NO_MENTIONS,
  };
}

/** The whole paragraph around a citation, with the cited parts in bold. */
export function renderContext(
  article: ParsedArticle,
  paragraphNumber: number,
  highlights: Span[],
): MessagePayload {
  const paragraph = article.paragraphs[paragraphNumber - 1];
  if (!paragraph) return renderNotice(`The article has no ¶${paragraphNumber}.`);
  const text = article.text.slice(paragraph.start, paragraph.end);
  const body = formatExcerpt({ excerpt: text, start: paragraph.start }, highlights, L.embedDescription - 200);
  const embed: APIEmbed = {
    title: clip(`¶${paragraphNumber}${paragraph.section ? ` — ${paragraph.section}` : ""}`, L.embedTitle),
    description: clip(`> ${body}`, L.embedDescription),
    color: COLOR_FOUND,
    footer: { text: clip(`${article.meta.title} · ${article.meta.date ?? "undated"}`, FOOTER_BUDGET) },
  };
  if (article.meta.url) embed.url = article.meta.url;
  return { embeds: [embed], flags: EPHEMERAL, allowed_mentions: NO_MENTIONS };
}

/**
 * A shared answer: the embed of the private answer the Share button was on, posted to the channel as it was
 * shown (clipped to the limits again, no buttons, pinging no one). Undefined when the message had no embed.
 */
export function renderShared(embeds: readonly APIEmbed[]): MessagePayload | undefined {
  const shown = embeds[0];
  if (!shown) return undefined;
  const embed: APIEmbed = {
    ...(shown.title ? { title: clip(shown.title, L.embedTitle) } : {}),
    ...(shown.description ? { description: clip(shown.description, L.embedDescription) } : {}),
    ...(shown.url ? { url: shown.url } : {}),
    ...(shown.color === undefined ? {} : { color: shown.color }),
    ...(shown.footer?.text ? { footer: { text: clip(shown.footer.text, FOOTER_BUDGET) } } : {}),
  };
  return { embeds: [embed], components: [], allowed_mentions: NO_MENTIONS };
}

/** A short private note (errors, cooldowns, expired buttons). */
export function renderNotice(text: string): MessagePayload {
  return { content: clip(escapeText(text), L.content), flags: EPHEMERAL, allowed_mentions: NO_MENTIONS };
}
