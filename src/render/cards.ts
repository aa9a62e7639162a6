// Answer cards (Components V2): the same page of an answer as the embed renderer's, laid out as a container with
// an accent colour per kind of answer, each excerpt a text display with its ¶ and a Show context button, then
// the buttons: paging, Shorter/Longer, Ask a follow-up and the Source link. Discord's limits for cards are in
// limits.ts; a page that does not fit them is sent as the embed instead (render.ts), so nothing is ever refused.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APIMessageComponent,
  type APIMessageTopLevelComponent,
  type APITextDisplayComponent,
  ButtonStyle,
  ComponentType,
  SeparatorSpacingSize,
} from "discord-api-types/v10";
import { answerTitle, answerView, limitNote } from "../app/answer-view.ts";
import type { Answer, ClaimItem, ParsedArticle, Span } from "../engine/index.ts";
import type { Translate } from "../i18n/messages.ts";
import type { ButtonAction } from "../interactions/buttons.ts";
import { EPHEMERAL, IS_COMPONENTS_V2, DISCORD_LIMITS as L } from "./limits.ts";
import { answerPageParts, clip, escapeText } from "./render.ts";
import { type MessagePayload, NO_MENTIONS } from "./reply.ts";

/** The accent of a card: one per kind of answer; a check's follows its verdict. */
export const ACCENT = {
  summary: 0x5865f2,
  quotes: 0xeb459e,
  who: 0xfee75c,
  when: 0x3ba55c,
  ask: 0x00a8fc,
  supported: 0x57f287,
  contradicted: 0xed4245,
  notInArticle: 0x99aab5,
  notFound: 0x99aab5,
} as const;

export function accentOf(answer: Answer): number {
  if (!answer.found) return ACCENT.notFound;
  switch (answer.kind) {
    case "summary":
      return ACCENT.summary;
    case "quotes":
    case "statements":
      return ACCENT.quotes;
    case "entities":
    case "profile":
    case "who-answer":
      return ACCENT.who;
    case "timeline":
    case "when-answer":
      return ACCENT.when;
    case "ask-answer":
      return ACCENT.ask;
    case "claims":
      return verdictAccent(answer.items);
    case "none":
      return ACCENT.notFound;
  }
}

/** Any contradicted claim makes the card red; all supported, green; otherwise grey. */
function verdictAccent(items: ClaimItem[]): number {
  if (items.some((i) => i.label === "contradicted")) return ACCENT.contradicted;
  if (items.length > 0 && items.every((i) => i.label === "supported")) return ACCENT.supported;
  return ACCENT.notInArticle;
}

/** How long an answer is and how far Shorter/Longer may take it (sentences of a summary, passages of /ask). */
export interface LengthControl {
  value: number;
  min: number;
  max: number;
}

/** The bounds of Shorter/Longer: 1–7 sentences or citations. */
export const LENGTH_RANGE = { min: 1, max: 7 } as const;

export interface CardOptions {
  t: Translate;
  page?: number;
  /** The custom_id of a button (undefined: it does not fit, so it is left out); none, no buttons. */
  buttonId?: (action: ButtonAction, arg: number) => string | undefined;
  ephemeral?: boolean;
  /** A private answer gets a Share button that posts it to the channel. */
  shareable?: boolean;
  /** Shorter/Longer, for the commands whose length can change. */
  length?: LengthControl | undefined;
  /** A picture shown in the card's media gallery (the timeline), sent as an attachment. */
  picture?: { name: string; data: Uint8Array; description: string } | undefined;
  /** A line under the answer (an article not in English). */
  note?: string | undefined;
}

const text = (content: string): APITextDisplayComponent => ({ type: ComponentType.TextDisplay, content });

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

function button(
  label: string,
  customId: string,
  style: ActionStyle = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style,
    label: clip(label, L.buttonLabel),
    custom_id: customId,
    ...(disabled ? { disabled } : {}),
  };
}

/** A text fragment (`#:~:text=`) that scrolls the browser to the start of the excerpt. */
export function sourceUrl(url: string, excerpt: string | undefined): string {
  if (!excerpt) return url;
  const words = excerpt.replace(/\s+/g, " ").trim().split(" ").slice(0, 8).join(" ");
  // `-`, `,` and `&` have meanings in a text directive; encodeURIComponent leaves `-` as it is.
  const fragment = encodeURIComponent(words).replace(/-/g, "%2D");
  const joined = `${url}${url.includes("#") ? ":~:" : "#:~:"}text=${fragment}`;
  return joined.length <= L.linkButtonUrl ? joined : url;
}

/** The answer line (question as a heading, then the answer) in the user's language where it is citebot's own. */
function headerText(answer: Answer, t: Translate, note: string | undefined): string {
  const view = answerView(answer);
  const lines = [`### ${escapeText(clip(answerTitle(answer), L.embedTitle))}`];
  if (!view.numbered) {
    const body =
      answer.kind === "claims"
        ? clip(answer.text, 1500).split("\n").map(escapeText).join("\n")
        : escapeText(clip(answer.text, 1500));
    lines.push(answer.found ? body : `${t("answer.notFound")}\n-# ${body}`);
    const places = view.places.slice(0, 20);
    if (places.length) lines.push(`-# ${t("answer.places", { places: escapeText(places.join(", ")) })}`);
  }
  const limit = limitNote(answer);
  if (limit) lines.push(`-# ${limit}`);
  if (!answer.found) lines.push(`-# ${t("answer.ownWordsOnly")}`);
  if (note) lines.push(`-# ${escapeText(note)}`);
  return lines.join("\n");
}

/** Counts every component, nested ones too, and the characters of all text displays. */
export function cardSize(components: readonly APIMessageTopLevelComponent[]): {
  components: number;
  text: number;
} {
  let count = 0;
  let chars = 0;
  const visit = (c: APIMessageComponent) => {
    count++;
    if (c.type === ComponentType.TextDisplay) chars += c.content.length;
    if ("components" in c) for (const child of c.components) visit(child);
    if ("accessory" in c) visit(c.accessory);
  };
  for (const c of components) visit(c);
  return { components: count, text: chars };
}

/**
 * An answer page as a card, or undefined when it would break Discord's limits for cards (the caller then sends
 * the embed). Buttons whose id `buttonId` cannot make are left out.
 */
export function renderCard(answer: Answer, options: CardOptions): MessagePayload | undefined {
  const { t, buttonId } = options;
  const { blocks, page, pages, footer } = answerPageParts(answer, options.page);
  const inside: APIComponentInContainer[] = [text(headerText(answer, t, options.note))];
  if (blocks.length)
    inside.push({ type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small });
  // One Show context button a paragraph: two buttons with the same id would be refused.
  const withButton = new Set<number>();
  for (const { block, citation } of blocks) {
    const id = withButton.has(citation.paragraph) ? undefined : buttonId?.("ctx", citation.paragraph);
    if (id) {
      withButton.add(citation.paragraph);
      inside.push({
        type: ComponentType.Section,
        components: [text(block)],
        accessory: button(t("button.showContext"), id),
      });
    } else inside.push(text(block));
  }
  if (options.picture)
    inside.push({
      type: ComponentType.MediaGallery,
      items: [
        {
          media: { url: `attachment://${options.picture.name}` },
          description: clip(options.picture.description, L.mediaDescription),
        },
      ],
    });
  inside.push(text(`-# ${escapeText(localisedFooter(footer, answer, t))}`));
  inside.push(...buttonRows(answer, options, page, pages, blocks[0]?.citation.excerpt));
  const container: APIContainerComponent = {
    type: ComponentType.Container,
    accent_color: accentOf(answer),
    components: inside,
  };
  const components: APIMessageTopLevelComponent[] = [container];
  const size = cardSize(components);
  if (size.components > L.componentsV2Total || size.text > L.componentsV2Text) return undefined;
  return {
    components,
    flags: IS_COMPONENTS_V2 | (options.ephemeral ? EPHEMERAL : 0),
    ...(options.picture ? { files: [options.picture] } : {}),
    allowed_mentions: NO_MENTIONS,
  };
}

/** The footer's own words in the user's language (the title and date are the article's). */
function localisedFooter(footer: string, answer: Answer, t: Translate): string {
  return answer.article.date === null
    ? footer.replace(" · undated · ¶ = paragraph", ` · ${t("answer.undated")} · ${t("answer.paragraph")}`)
    : footer.replace(" · ¶ = paragraph", ` · ${t("answer.paragraph")}`);
}

/** Paging; Shorter/Longer and Ask a follow-up with the Source link; Share for a private check. */
function buttonRows(
  answer: Answer,
  options: CardOptions,
  page: number,
  pages: number,
  firstExcerpt: string | undefined,
): APIActionRowComponent<APIButtonComponent>[] {
  const { t, buttonId } = options;
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const row = (components: APIButtonComponent[]) => {
    if (components.length) rows.push({ type: ComponentType.ActionRow, components });
  };
  const back = buttonId?.("page", Math.max(0, page - 1));
  const more = buttonId?.("page", Math.min(pages - 1, page + 1));
  if (pages > 1 && back && more)
    row([
      button(t("button.back"), back, ButtonStyle.Secondary, page === 0),
      button(t("button.more", { page: page + 1, pages }), more, ButtonStyle.Primary, page === pages - 1),
    ]);
  const actions: APIButtonComponent[] = [];
  const { length } = options;
  if (length) {
    const shorter = buttonId?.("size", Math.max(length.min, length.value - 1));
    const longer = buttonId?.("size", Math.min(length.max, length.value + 1));
    if (shorter && longer && shorter !== longer)
      actions.push(
        button(t("button.shorter"), shorter, ButtonStyle.Secondary, length.value <= length.min),
        button(t("button.longer"), longer, ButtonStyle.Secondary, length.value >= length.max),
      );
  }
  const follow = buttonId?.("follow", 0);
  if (follow) actions.push(button(t("button.followUp"), follow, ButtonStyle.Primary));
  if (answer.article.url)
    actions.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: clip(t("button.source"), L.buttonLabel),
      url: sourceUrl(answer.article.url, firstExcerpt),
    });
  row(actions);
  const share = options.ephemeral && options.shareable ? buttonId?.("share", 0) : undefined;
  if (share) row([button(t("button.share"), share, ButtonStyle.Success)]);
  return rows;
}

/**
 * Show context: the paragraph before, the paragraph itself with the cited parts in bold, and the one after,
 * privately, as a card.
 */
export function renderContextCard(
  article: ParsedArticle,
  paragraphNumber: number,
  highlights: Span[],
  t: Translate,
): MessagePayload {
  const paragraph = article.paragraphs[paragraphNumber - 1];
  if (!paragraph)
    return {
      content: clip(escapeText(t("notice.noParagraph", { paragraph: paragraphNumber })), L.content),
      flags: EPHEMERAL,
      allowed_mentions: NO_MENTIONS,
    };
  const budget = Math.floor((L.componentsV2Text - 400) / 3);
  const shown = [paragraphNumber - 1, paragraphNumber, paragraphNumber + 1].flatMap((n) => {
    const p = n >= 1 ? article.paragraphs[n - 1] : undefined;
    return p ? [{ n, p }] : [];
  });
  const inside: APIComponentInContainer[] = [
    text(
      `### ¶${paragraphNumber}${paragraph.section ? ` — ${escapeText(clip(paragraph.section, 200))}` : ""}`,
    ),
  ];
  for (const { n, p } of shown) {
    const body = boldSpans(article.text, p, n === paragraphNumber ? highlights : [], budget);
    inside.push(text(n === paragraphNumber ? `> ${body}\n-# ¶${n}` : `-# ¶${n}\n${body}`));
  }
  inside.push(
    text(
      `-# ${escapeText(clip(`${article.meta.title} · ${article.meta.date ?? t("answer.undated")}`, 300))}`,
    ),
  );
  return {
    components: [{ type: ComponentType.Container, accent_color: ACCENT.summary, components: inside }],
    flags: IS_COMPONENTS_V2 | EPHEMERAL,
    allowed_mentions: NO_MENTIONS,
  };
}

/** A paragraph's text, escaped, with the spans inside it in bold, cut to `max` characters. */
function boldSpans(source: string, paragraph: Span, spans: Span[], max: number): string {
  const inside = spans
    .filter((h) => h.start >= paragraph.start && h.end <= paragraph.end && h.end > h.start)
    .sort((a, z) => a.start - z.start)
    .filter((h, i, all) => {
      const previous = all[i - 1];
      return previous === undefined || h.start >= previous.end;
    });
  let out = "";
  let at = paragraph.start;
  for (const h of inside) {
    out += escapeText(source.slice(at, h.start));
    out += `**${escapeText(source.slice(h.start, h.end))}**`;
    at = h.end;
  }
  out += escapeText(source.slice(at, paragraph.end));
  return out.length <= max ? out : `${out.slice(0, max - 1)}…`;
}

/** A component inside a container (or at the top), without its buttons: see `renderSharedCard`. */
function stripButtons(c: APIComponentInContainer): APIComponentInContainer[] {
  switch (c.type) {
    case ComponentType.TextDisplay:
      return [{ type: c.type, content: clip(c.content, L.componentsV2Text) }];
    case ComponentType.Section:
      // A section without its button is its text.
      return c.components.flatMap(stripButtons);
    case ComponentType.Separator:
      return [{ type: c.type, divider: c.divider !== false }];
    case ComponentType.ActionRow: {
      const links = c.components.flatMap((b) =>
        b.type === ComponentType.Button && b.style === ButtonStyle.Link ? [b] : [],
      );
      return links.length ? [{ type: c.type, components: links }] : [];
    }
    default:
      return [];
  }
}

/**
 * A shared card: the private card the Share button was on, posted to the channel as it was shown, without
 * its buttons (a Source link stays), pinging no one. Undefined when it holds no card.
 */
export function renderSharedCard(shown: readonly APIMessageTopLevelComponent[]): MessagePayload | undefined {
  const components = shown.flatMap((c): APIMessageTopLevelComponent[] => {
    if (c.type !== ComponentType.Container) return stripButtons(c);
    const parts = c.components.flatMap(stripButtons);
    const accent = typeof c.accent_color === "number" ? { accent_color: c.accent_color } : {};
    return parts.length ? [{ type: c.type, ...accent, components: parts }] : [];
  });
  if (!components.some((c) => c.type === ComponentType.Container)) return undefined;
  const size = cardSize(components);
  if (size.components > L.componentsV2Total || size.text > L.componentsV2Text) return undefined;
  return {
    components,
    flags: IS_COMPONENTS_V2,
    allowed_mentions: NO_MENTIONS,
  };
}
