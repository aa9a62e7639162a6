// Library answers, search pages and feed cards → Discord messages (embeds): grouped by article, newest first,
// each excerpt under the article it cites (title, date, outlet, ¶). Escaped, cut to Discord's limits, pinging no one.
import type { APIEmbed } from "discord-api-types/v10";
import type {
  ArticleRef,
  LibraryAnswer,
  LibraryCitation,
  LibrarySearchPage,
} from "../app/library-answers.ts";
import type { Feed } from "../feeds/feed-store.ts";
import type { FeedEvent } from "../feeds/poller.ts";
import type { Translate } from "../i18n/messages.ts";
import { DISCORD_LIMITS as L } from "./limits.ts";
import { clip, escapeText } from "./render.ts";
import { type MessagePayload, NO_MENTIONS } from "./reply.ts";
import { type DateItem, drawTimeline, laneOf, TIMELINE_FILE, type TimelinePicture } from "./timeline.ts";

const FIELD_VALUE = L.embedFieldValue;
const FIELDS = L.embedFields;
const DESCRIPTION = L.embedDescription;
const TITLE = L.embedTitle;
const cut = clip;

export function articleLine(a: ArticleRef): string {
  return [a.title, a.date, a.source].filter(Boolean).join(" · ");
}

function quoteLine(c: LibraryCitation): string {
  return `> ${escapeText(cut(c.excerpt, 700))}\n-# ¶${c.paragraph}`;
}

function field(name: string, lines: string[]): { name: string; value: string } {
  let value = "";
  for (const line of lines) {
    const next = value ? `${value}\n${line}` : line;
    if (next.length > FIELD_VALUE) break;
    value = next;
  }
  return { name: cut(escapeText(name), TITLE), value: value || "—" };
}

/**
 * The story's timeline as a picture: one lane per article (oldest first), every date on one axis, each lane's
 * own article date marked; dates an article cannot place stay in its lane, never read against today.
 */
export function renderLibraryTimeline(answer: LibraryAnswer, t: Translate): TimelinePicture | undefined {
  const byArticle = new Map<string, { article: ArticleRef; items: DateItem[] }>();
  for (const entry of answer.timeline ?? [])
    for (const mention of entry.mentions) {
      const lane = byArticle.get(mention.article.id) ?? { article: mention.article, items: [] };
      lane.items.push({
        value: entry.value,
        type: entry.type,
        display: entry.display,
        paragraph: mention.citation.paragraph,
      });
      byArticle.set(mention.article.id, lane);
    }
  const oldestFirst = [...byArticle.values()].sort((a, z) =>
    (a.article.date ?? "~").localeCompare(z.article.date ?? "~"),
  );
  const lanes = oldestFirst.map((x) => laneOf(x.items, x.article.date, articleLine(x.article)));
  const dates = oldestFirst
    .map((x, i) => {
      const lane = lanes[i];
      const labels = [...(lane?.dated ?? []), ...(lane?.unplaced ?? [])].map((p) => p.label);
      return `${x.article.title}: ${labels.join(", ")}`;
    })
    .join("; ");
  const alt = clip(t("timeline.libraryAlt", { count: lanes.length, dates }), L.mediaDescription);
  const subtitle = `${t("timeline.title")} · ${t("answer.paragraph")}`;
  return drawTimeline(t("timeline.library", { count: lanes.length }), subtitle, lanes, t, alt);
}

export function libraryAnswerMessage(
  answer: LibraryAnswer,
  ephemeral = false,
  picture?: TimelinePicture,
): MessagePayload {
  const fields: { name: string; value: string }[] = [];
  if (answer.profile) {
    const p = answer.profile;
    fields.push(
      field(
        "Roles",
        p.roles.map((r) => `${escapeText(r.role)} — ${escapeText(articleLine(r.article))}`),
      ),
    );
    fields.push(field(`First mention · ${articleLine(p.first.article)}`, [quoteLine(p.first)]));
    fields.push(field(`Last mention · ${articleLine(p.last.article)}`, [quoteLine(p.last)]));
    for (const q of p.quotes)
      fields.push(
        field(
          `Quotes · ${articleLine(q.article)}`,
          q.quotes.map((x) => `> ${escapeText(cut(x.text, 300))}\n-# ¶${x.paragraph}`),
        ),
      );
  } else if (answer.timeline) {
    for (const entry of answer.timeline)
      fields.push(
        field(
          entry.display,
          entry.mentions.map((m) => `${quoteLine(m.citation)} · ${escapeText(articleLine(m.article))}`),
        ),
      );
  } else if (answer.claims) {
    for (const claim of answer.claims) {
      const head = `${claim.label}${claim.disputed ? " — the articles disagree" : ""}: ${claim.claim}`;
      fields.push(
        field(
          head,
          claim.evidence.map(
            (e) =>
              `${e.label}${e.mismatch ? ` (${escapeText(e.mismatch.claimed)} → ${escapeText(e.mismatch.article)})` : ""} · ${escapeText(articleLine(e.article))}\n${quoteLine(e.citation)}`,
          ),
        ),
      );
    }
  } else {
    for (const group of answer.groups) {
      const cites = group.answer.citations.map((c) => quoteLine({ ...c, article: group.article }));
      fields.push(field(articleLine(group.article), [escapeText(cut(group.answer.text, 300)), ...cites]));
    }
  }
  const embed: APIEmbed = {
    title: cut(
      `Library: ${answer.query ?? (answer.command === "when" ? "timeline" : answer.command)}`,
      TITLE,
    ),
    description: cut(escapeText(answer.text), DESCRIPTION),
    fields: fields.slice(0, FIELDS),
  };
  if (picture) embed.image = { url: `attachment://${TIMELINE_FILE}` };
  return {
    embeds: [embed],
    allowed_mentions: NO_MENTIONS,
    ...(picture ? { files: [{ name: TIMELINE_FILE, data: picture.png, description: picture.alt }] } : {}),
    ...(ephemeral ? { flags: 64 } : {}),
  };
}

export function searchMessage(page: LibrarySearchPage): MessagePayload {
  const embed: APIEmbed = {
    title: cut(`Articles that mention “${page.query}”`, TITLE),
    description:
      page.hits.length === 0
        ? "No article in the library mentions that."
        : `Page ${page.page + 1}${page.more ? ` (more: page:${page.page + 2})` : ""}`,
    fields: page.hits.map((hit) =>
      field(articleLine(hit.article), hit.citation ? [quoteLine(hit.citation)] : ["(no sentence)"]),
    ),
  };
  return { embeds: [embed], allowed_mentions: NO_MENTIONS };
}

/** A short card per new item (title, outlet, the lede cited, link), or one digest card listing them. */
export function feedEventMessage(event: FeedEvent): MessagePayload {
  if (event.kind === "paused") {
    return {
      content: cut(`Feed ${event.feed.title ?? event.feed.url} is ${event.reason}.`, 2000),
      allowed_mentions: NO_MENTIONS,
    };
  }
  const { feed, cards } = event;
  if (feed.digest === "daily") {
    return {
      embeds: [
        {
          title: cut(`Today from ${feed.title ?? feed.url}`, TITLE),
          description: cut(
            cards
              .map(
                (c) =>
                  `• ${c.url ? `[${escapeText(c.article.title)}](${c.url})` : escapeText(c.article.title)}`,
              )
              .join("\n"),
            DESCRIPTION,
          ),
        },
      ],
      allowed_mentions: NO_MENTIONS,
    };
  }
  return {
    embeds: cards.slice(0, 10).map((c) => ({
      title: cut(c.article.title, TITLE),
      ...(c.url ? { url: c.url } : {}),
      description: c.lede ? cut(quoteLine(c.lede), DESCRIPTION) : "",
      footer: {
        text: cut([c.article.source ?? feed.title, c.article.date].filter(Boolean).join(" · "), 2048),
      },
    })),
    allowed_mentions: NO_MENTIONS,
  };
}

export function feedListMessage(feeds: Feed[]): MessagePayload {
  const lines = feeds.map((f) => {
    const state = f.pausedAt
      ? `paused (${f.lastError ?? ""})`
      : f.digest === "daily"
        ? `daily digest at ${f.digestHour}:00 ${f.timeZone ?? "UTC"}`
        : "each item";
    return `\`${f.id}\` ${escapeText(f.title ?? f.url)} → <#${f.channelId ?? ""}> · ${state}`;
  });
  return {
    content: cut(lines.length ? lines.join("\n") : "This server follows no feeds (/feed add url:).", 2000),
    allowed_mentions: NO_MENTIONS,
    flags: 64,
  };
}
