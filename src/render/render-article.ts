// Replies about the library itself (an added article, the list, one article's details), within Discord's
// limits, pinging no one. Article text is escaped with the answer renderer's helpers.
import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import type { ParsedArticle } from "../engine/index.ts";
import type { StoredArticleInfo } from "../store/article-store.ts";
import { EPHEMERAL, DISCORD_LIMITS as L } from "./limits.ts";
import { cutAtSentence, escapeText } from "./render.ts";
import { type MessagePayload, NO_MENTIONS } from "./reply.ts";

const COLOR_ADDED = 0x57f287;
const COLOR_INFO = 0x5865f2;
/** Each summary sentence is cut here, so three fit well under the description limit. */
const MAX_SUMMARY_SENTENCE = 900;
const ORIGINS: Record<StoredArticleInfo["origin"], string> = {
  url: "a link",
  file: "a file",
  text: "pasted text",
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const field = (name: string, value: string, inline = true): APIEmbedField => ({
  name: clip(name, L.embedFieldName),
  value: clip(value || "—", L.embedFieldValue),
  inline,
});

/** A link Discord will render: only http(s), and never one that could break out of the embed. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 2000) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Discord's timestamp markup: shown in each reader's own time zone. */
const when = (iso: string) => {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:R>` : escapeText(iso);
};

export interface SummarySentence {
  excerpt: string;
  paragraph: number;
}

function metaFields(article: ParsedArticle): APIEmbedField[] {
  const { meta } = article;
  return [
    field("Date", meta.date ?? "no date"),
    field("Byline", meta.author ? escapeText(meta.author) : "none"),
    field("Source", meta.source ? escapeText(meta.source) : "—"),
    field("Paragraphs", String(article.paragraphs.length)),
    field("Id", `\`${meta.id}\``),
  ];
}

/** The reply to `/article add`: the article's facts and a short summary, each sentence cited to its ¶. */
export function renderAdded(
  article: ParsedArticle,
  summary: readonly SummarySentence[],
  /** The line above the title (`Added to this server's library`), and a note on the article's language. */
  notes: { heading: string; language?: string | undefined },
): MessagePayload {
  const { meta } = article;
  const sentences = summary.map(
    (s) => `> ${escapeText(cutAtSentence(s.excerpt, MAX_SUMMARY_SENTENCE))}\n-# ¶${s.paragraph}`,
  );
  const embed: APIEmbed = {
    author: {
      name: notes.heading,
    },
    title: clip(meta.title, L.embedTitle),
    description: clip(sentences.join("\n") || "No summary could be drawn from this text.", 3000),
    color: COLOR_ADDED,
    fields: [
      ...metaFields(article),
      ...(notes.language ? [{ name: "Language", value: notes.language }] : []),
    ],
    footer: {
      text: "Now this channel's current article: /who, /when, /quote and /summary use it when article: is not given.",
    },
  };
  const url = safeUrl(meta.url);
  if (url) embed.url = url;
  return { embeds: [embed], allowed_mentions: NO_MENTIONS };
}

/** `/article info`: one article's facts, and who added it when (built-in articles have neither). */
export function renderInfo(
  article: ParsedArticle,
  stored: StoredArticleInfo | undefined,
  isCurrent: boolean,
): MessagePayload {
  const fields = metaFields(article);
  fields.push(
    stored
      ? field(
          "Added",
          `by <@${stored.addedBy}> ${when(stored.addedAt)} from ${ORIGINS[stored.origin]}`,
          false,
        )
      : field("Added", "built in (every server has it)", false),
  );
  const embed: APIEmbed = {
    title: clip(article.meta.title, L.embedTitle),
    color: COLOR_INFO,
    fields,
    footer: {
      text: isCurrent
        ? "This channel's current article."
        : `/article use article:${article.meta.id} to make it current.`,
    },
  };
  const url = safeUrl(article.meta.url);
  if (url) embed.url = url;
  return { embeds: [embed], flags: EPHEMERAL, allowed_mentions: NO_MENTIONS };
}

export const LIST_PAGE_SIZE = 10;

/** `/article list`: one page of the server's added articles, newest first. */
export function renderList(
  items: readonly StoredArticleInfo[],
  page: number,
  total: number,
  builtIn: number,
  /** `Articles added in this server (3)`, in the user's language. */
  title: string,
): MessagePayload {
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const lines = items.map(
    (a) =>
      `**${escapeText(clip(a.meta.title, 150))}**\n\`${a.meta.id}\` · ${a.meta.date ?? "no date"} · added by <@${a.addedBy}> ${when(a.addedAt)}`,
  );
  const description =
    total === 0
      ? "No articles added yet. Add one with /article add url:, file: or text:, or right-click a message → Apps → Add article to citebot."
      : lines.length === 0
        ? `There is no page ${page + 1}: the list has ${pages} page${pages === 1 ? "" : "s"}.`
        : lines.join("\n");
  const more = page + 1 < pages ? ` · next: /article list page:${page + 2}` : "";
  const embed: APIEmbed = {
    title,
    description: clip(description, L.embedDescription),
    color: COLOR_INFO,
    footer: {
      text: `Page ${Math.min(page + 1, pages)} of ${pages}${more} · ${builtIn} built-in article${builtIn === 1 ? "" : "s"} too`,
    },
  };
  return { embeds: [embed], flags: EPHEMERAL, allowed_mentions: NO_MENTIONS };
}

/** A public one-line confirmation (an article made current, an article removed). */
export function renderDone(markdown: string): MessagePayload {
  return { content: clip(markdown, L.content), allowed_mentions: NO_MENTIONS };
}

/** An article title inside a confirmation: escaped, bold, short. */
export const titleOf = (title: string) => `**${escapeText(clip(title, 200))}**`;
