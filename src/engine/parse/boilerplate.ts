// What is printed around a news story but is not the story, as one table of named rules for every place it is
// met. A web page's furniture (share bars, ad slots, read-more links: class names and whole paragraphs) is dropped
// by the HTML extractor before the text is stored. In the stored text, photo captions and credits, editor's notes,
// newsletter and sharing prompts, and a headline repeated as the first paragraph stay in the article (citations
// into them stay valid); a summary leaves them out.
import {
  AMENDMENT_WORDS,
  CAPTION_OPENERS,
  CREDIT_LABEL_WORDS,
  CREDIT_ROLES,
  EDITORIAL_NOTE_LABELS,
  FURNITURE_CLASS_PARTS,
  FURNITURE_PARAGRAPH_LABELS,
  LINK_LABELS,
  PICTURE_AGENCIES,
  PICTURE_NOUNS,
  SIGNUP_ADVERBS,
  SOCIAL_NETWORKS,
  STORY_NOUNS,
} from "../lexicon/index.ts";
import type { Rule } from "../rules/rule.ts";
import type { ParsedArticle } from "../types.ts";

/** What a rule is tested against. */
export type BoilerplateScope =
  /** One sentence of the stored text; `^` rules read its first characters, `$` rules its last. */
  | "sentence"
  /** The whole text of one block of a web page (whitespace collapsed). */
  | "paragraph"
  /** Each `-`/`_`-separated part of an element's class or id, and the token with its separators dropped. */
  | "class-token";

export type BoilerplateAction =
  /** Only this sentence is boilerplate (`Sign up for our newsletter.` inside a paragraph). */
  | "skip-sentence"
  /** A credit: it and the caption before it on its line (`A firefighter … on Tuesday. (Photo: Jane Doe)`). */
  | "skip-caption"
  /** An editor's note or caption label: it and what follows on its line (`Correction: … An earlier …`). */
  | "skip-note"
  /** The page's block is not stored (`Read more: …` between two paragraphs). */
  | "drop-paragraph"
  /** The page's element is removed before the article is read (`<div class="share-bar">`), when it is short. */
  | "drop-element";

/** A boilerplate rule is a rule of the one rule language with the scope it is tested in. */
type Scoped = Rule<string, BoilerplateAction> & { readonly scope: BoilerplateScope };

/** Elements dropped before Readability looks at a page (tags and roles that never hold article prose). */
export const FURNITURE_SELECTORS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "figure",
  "figcaption",
  "picture",
  "aside",
  "nav",
  "form",
  "button",
  "dialog",
  "[role=complementary]",
  "[role=navigation]",
  "[role=dialog]",
  "[aria-hidden=true]",
  "[hidden]",
  "amp-ad",
  "amp-analytics",
  "amp-social-share",
  "amp-sidebar",
  "amp-consent",
  "amp-img",
] as const;

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const anyOf = (words: readonly string[]) =>
  [...words]
    .sort((a, z) => z.length - a.length)
    .map(literal)
    .join("|");

/** An element whose class or id has one of the rule's parts (lexicon: FURNITURE_CLASS_PARTS) is dropped. */
const classRule = <const Id extends keyof typeof FURNITURE_CLASS_PARTS>(id: Id, reason: string) => ({
  id,
  scope: "class-token" as const,
  match: new RegExp(`^(?:${anyOf(FURNITURE_CLASS_PARTS[id])})$`, "i"),
  action: "drop-element" as const,
  reason,
  example: FURNITURE_CLASS_PARTS[id][0] ?? id,
});

/** A sentence opening in title case or capitals (`Photo`, `PHOTO`); no `i` flag, so name patterns stay capitalised. */
const opening = (words: readonly string[]) =>
  `(?:${anyOf(words.flatMap((w) => [w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]))})`;

const AGENCY = `(?:${anyOf(PICTURE_AGENCIES)})`;
const PICTURE = `(?:${anyOf(PICTURE_NOUNS)})`;
const PICTURE_OPENING = opening(PICTURE_NOUNS);
/** A name as credits print it: `Jane Doe`, `JANE DOE`, `J. Doe-Smith` (bounded, so long text stays linear). */
const NAME_WORD = "\\p{Lu}[\\p{L}.'’-]{0,30}";
const CREDIT_NAME = `${NAME_WORD}(?:\\s${NAME_WORD}){0,3}`;
const CAPS_NAME = "\\p{Lu}[\\p{Lu}.'’-]{1,30}(?:\\s\\p{Lu}[\\p{Lu}.'’-]{0,30}){0,3}";

export const BOILERPLATE_RULES = [
  {
    id: "credit-in-parentheses",
    scope: "sentence",
    match: new RegExp(
      `\\((?:${AGENCY}\\s)?${PICTURE}\\s{0,3}(?:[:/]|by\\s|courtesy\\s|credit)[^()]{0,100}\\)[.\\s]{0,3}$`,
      "iu",
    ),
    action: "skip-caption",
    reason: "`… on Tuesday. (Photo: Jane Doe)`, `(AP Photo/Jane Doe)`: a caption ending with its credit",
    example: "A firefighter walks past the ruins on Tuesday. (Photo: Jane Doe)",
  },
  {
    id: "credit-via-agency",
    scope: "sentence",
    match: new RegExp(
      `(?:^${CREDIT_NAME}|(?:^|\\s)${CAPS_NAME})(?:\\s{0,2}\\/\\s{0,2}${AGENCY})?\\s{1,3}via\\s${AGENCY}\\.?$`,
      "u",
    ),
    action: "skip-caption",
    reason: "`JANE DOE via Getty Images`, `Jane Doe/AFP via Getty Images`: a picture credit",
    example: "JANE DOE via Getty Images",
  },
  {
    id: "credit-name-slash-agency",
    scope: "sentence",
    match: new RegExp(
      `^(?:${CREDIT_NAME}\\s{0,2}\\/\\s{0,2})?${AGENCY}(?:\\s{0,2}[/,;]\\s{0,2}${AGENCY}){0,3}\\.?$`,
      "u",
    ),
    action: "skip-caption",
    reason: "`Jane Doe/Reuters`, `Getty Images` alone: a picture credit",
    example: "Jane Doe/Reuters",
  },
  {
    id: "credit-label",
    scope: "sentence",
    match: new RegExp(
      `^(?:(?:${PICTURE_OPENING}|${opening(["credit"])})s?\\s{0,3}(?::|by\\s\\p{Lu})|${PICTURE_OPENING}s?\\s(?:${anyOf(CREDIT_LABEL_WORDS)})\\b)`,
      "u",
    ),
    action: "skip-caption",
    reason:
      "`Photograph: Jane Doe/Reuters`, `Image copyright Jane Doe`, `Picture by Jane Doe`: a credit or caption label",
    example: "Photograph: Jane Doe/Reuters",
  },
  {
    id: "caption-opener",
    scope: "sentence",
    match: new RegExp(`^(?:${anyOf(CAPTION_OPENERS)})\\s{0,3}:`, "iu"),
    action: "skip-note",
    reason: "`Pictured: the new reading room`: a photo caption",
    example: "Pictured: the new reading room",
  },
  {
    id: "copyright-line",
    scope: "sentence",
    match: /^(?:©|\(c\)\s|copyright\s(?:©\s?)?\d{4}\b|all rights reserved\b)/iu,
    action: "skip-sentence",
    reason: "`Copyright 2024 The Daily Example. All rights reserved.`: the publisher's notice",
    example: "Copyright 2024 The Daily Example. All rights reserved.",
  },
  {
    id: "editors-note",
    scope: "sentence",
    match: new RegExp(
      `^(?:${anyOf(EDITORIAL_NOTE_LABELS)})\\s{0,3}(?:\\([^()]{0,40}\\)\\s{0,3})?[:—–-]`,
      "iu",
    ),
    action: "skip-note",
    reason: "`Editor's note: …`, `Correction: …`, `Update (5 May): …`: a note about the article",
    example: "Editor's note: The names of the pupils have been changed.",
  },
  {
    id: "article-amended",
    scope: "sentence",
    match: new RegExp(
      `^(?:this|an\\searlier|a\\sprevious)\\s(?:version\\sof\\sthis\\s)?(?:${anyOf(STORY_NOUNS)})\\s(?:${anyOf(AMENDMENT_WORDS)})`,
      "iu",
    ),
    action: "skip-note",
    reason:
      "`This article was amended on …`, `An earlier version of this story misstated …`: a correction note",
    example: "This article was amended on 3 May to correct the name of the school.",
  },
  {
    id: "reporting-credit",
    scope: "sentence",
    match: new RegExp(
      `^(?:${opening(["additional reporting by"])}\\s|${opening(CREDIT_ROLES)}\\sby\\s${CREDIT_NAME}(?:[;,]|\\.?$))`,
      "u",
    ),
    action: "skip-sentence",
    reason: "`Reporting by Jane Doe; Editing by John Roe`: the newsroom's credits",
    example: "Reporting by Jane Doe; Editing by John Roe",
  },
  {
    id: "newsletter-signup",
    scope: "sentence",
    match: new RegExp(
      `^(?:(?:sign\\s?up|subscribe|register)(?:\\s(?:${anyOf(SIGNUP_ADVERBS)}))?\\s(?:for|to)\\b|(?:get|receive)\\s(?:our|the)\\s[^.!?]{0,60}\\bnewsletters?\\b)`,
      "iu",
    ),
    action: "skip-sentence",
    reason: "`Sign up for our morning newsletter.`: a subscription prompt",
    example: "Sign up for our morning newsletter.",
  },
  {
    id: "read-more",
    scope: "sentence",
    match: new RegExp(`^(?:${anyOf(LINK_LABELS)})\\s{0,3}(?:[:|—–]|$)`, "iu"),
    action: "skip-sentence",
    reason: "`Read more: …`, `Related: …`, `Watch:`: a link to other pages",
    example: "Read more: Ferry service to resume in spring",
  },
  {
    id: "social-follow",
    scope: "sentence",
    match: new RegExp(`^follow\\s[^.!?]{0,60}?\\bon\\s(?:${anyOf(SOCIAL_NETWORKS)})\\b`, "iu"),
    action: "skip-sentence",
    reason: "`Follow us on Instagram.`: a social-media prompt",
    example: "Follow us on Instagram.",
  },
  {
    id: "share-prompt",
    scope: "sentence",
    match: new RegExp(
      `^(?:share\\s(?:this\\s(?:${anyOf(STORY_NOUNS)})|on\\s(?:${anyOf(SOCIAL_NETWORKS)})\\b)|(?:click|tap)\\shere\\b|download\\sour\\sapp\\b)`,
      "iu",
    ),
    action: "skip-sentence",
    reason: "`Share this article`, `Click here to …`: a page control",
    example: "Share this article",
  },
  {
    id: "reader-callout",
    scope: "sentence",
    match:
      /^(?:have\syou\sbeen\saffected|are\syou\saffected|do\syou\shave\s(?:a\sstory|any\sinformation|information)|got\sa\s(?:story|news\stip))\b/iu,
    action: "skip-sentence",
    reason: "`Have you been affected by the floods? Email …`: a call for readers' stories",
    example: "Have you been affected by the floods? Email us your story.",
  },
  // ---- a web page's blocks: a paragraph whose whole text is one of these is furniture inside the article ------
  {
    id: "link-paragraph",
    scope: "paragraph",
    match: new RegExp(
      `^(?:${anyOf(FURNITURE_PARAGRAPH_LABELS["link-paragraph"])})(\\s*[:»›|–-].{0,160})?$`,
      "i",
    ),
    action: "drop-paragraph",
    reason: "`Read more: Island school to close early`, `Related stories`: links to other stories",
    example: "Read more: Island school to close early",
  },
  {
    id: "advertisement",
    scope: "paragraph",
    match: /^(advertisement|sponsored content|story continues below.*)$/i,
    action: "drop-paragraph",
    reason: "`Advertisement`, `Story continues below advertisement`: ad labels",
    example: "Advertisement",
  },
  {
    id: "newsletter-pitch",
    scope: "paragraph",
    match:
      /^(sign up\b|subscribe\b|get (our|the) .{0,40}newsletter|to continue reading|already a subscriber).{0,200}$/i,
    action: "drop-paragraph",
    reason: "`To continue reading, create a free account.`: newsletter and subscription pitches",
    example: "To continue reading, create a free account.",
  },
  {
    id: "share-paragraph",
    scope: "paragraph",
    match: /^(share( this( article| story)?)?|follow us( on .{0,60})?|copy link)[.!:]?$/i,
    action: "drop-paragraph",
    reason: "`Share this story`, `Copy link`: share prompts",
    example: "Share this story",
  },
  {
    id: "photo-credit",
    scope: "paragraph",
    match: new RegExp(`^(?:${anyOf(FURNITURE_PARAGRAPH_LABELS["photo-credit"])})\\s*(:|by\\b).{0,160}$`, "i"),
    action: "drop-paragraph",
    reason: "`Photo: Staff photographer`, `Image by the harbour trust`: photo credits",
    example: "Photo: Staff photographer",
  },
  {
    id: "copyright",
    scope: "paragraph",
    match: /^(©|copyright\b).{0,200}$/i,
    action: "drop-paragraph",
    reason: "`© 2025 The Coastal Ledger`: copyright lines",
    example: "© 2025 The Coastal Ledger",
  },
  // ---- a web page's elements: a class or id part naming furniture -------------------------------------------
  classRule("share-bar", "`share-bar`, `article__social`: share buttons"),
  classRule("newsletter", "`newsletter-signup`, `paywall-box`: newsletter and subscription boxes"),
  classRule("related", "`related-stories`, `readmore`: read-more links"),
  classRule("advert", "`ad-slot`, `advertisement`: advertising slots"),
  classRule("caption", "`amp-caption`, `photo-credit`: captions and photo credits"),
  classRule("comments", "`comments`, `entry-tags`, `breadcrumb`: comments, tags"),
] as const satisfies readonly Scoped[];

/** The table's rules of one scope. */
export type BoilerplateRuleOf<S extends BoilerplateScope> = Extract<
  (typeof BOILERPLATE_RULES)[number],
  { scope: S }
>;

/** The first paragraph repeats the title or headline (ignoring case and punctuation). */
export const HEADLINE_REPEATED = "headline-repeated";

export type BoilerplateRuleId = BoilerplateRuleOf<"sentence">["id"] | typeof HEADLINE_REPEATED;

/** Captions, credits and notes are short; only this much of a sentence's start or end is read. */
const WINDOW = 300;

const rulesOf = <S extends BoilerplateScope>(scope: S) =>
  BOILERPLATE_RULES.filter((rule): rule is BoilerplateRuleOf<S> => rule.scope === scope);

const SCOPED: { [S in BoilerplateScope]: readonly BoilerplateRuleOf<S>[] } = {
  sentence: rulesOf("sentence"),
  paragraph: rulesOf("paragraph"),
  "class-token": rulesOf("class-token"),
};

/** What each scope's rules are tested against: one of these strings matching is a match. */
function readings(text: string, scope: BoilerplateScope): (pattern: RegExp) => boolean {
  if (scope === "paragraph") return (pattern) => pattern.test(text);
  if (scope === "class-token") {
    // `read-more` and `readmore` alike: the token's parts and the token with its separators dropped.
    const parts = [...text.split(/[-_]+/).filter(Boolean), text.replace(/[-_]+/g, "")];
    return (pattern) => parts.some((part) => pattern.test(part));
  }
  const sentence = text.trim();
  if (sentence.length <= WINDOW) return (pattern) => pattern.test(sentence);
  // A long sentence: read its start or its end, with a stop character where it was cut so that `^`/`$` cannot
  // match there.
  const start = `${sentence.slice(0, WINDOW)}\u0000`;
  const end = `\u0000${sentence.slice(-WINDOW)}`;
  return (pattern) => pattern.test(pattern.source.startsWith("^") ? start : end);
}

/** The first rule of `scope` (a sentence's, unless told) that the text matches, if any. */
export function matchBoilerplate(text: string): BoilerplateRuleOf<"sentence"> | undefined;
export function matchBoilerplate<S extends BoilerplateScope>(
  text: string,
  scope: S,
): BoilerplateRuleOf<S> | undefined;
export function matchBoilerplate(text: string, scope: BoilerplateScope = "sentence") {
  const matches = readings(text, scope);
  return SCOPED[scope].find(({ match }) => matches(match));
}

/** Letters and digits only, lower case: `Fire destroys old mill.` ≡ `FIRE DESTROYS OLD MILL`. */
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** True when the first paragraph repeats the headline or title, and the article has more to it. */
export function repeatsHeadline(article: ParsedArticle): boolean {
  const [first, second] = article.paragraphs;
  if (!first || !second) return false;
  const opening = article.text.slice(first.start, first.end);
  const lead = comparable(opening);
  if (!lead) return false;
  const headlines = article.headings.filter((h) => h.end <= first.start).map((h) => comparable(h.text));
  if (headlines.includes(lead)) return true;
  const { title } = article.meta;
  if (comparable(title) !== lead) return false;
  // A title derived from this very paragraph (the same words, less the end punctuation) is no evidence: such a
  // paragraph is a headline only when it does not end like a sentence (a long one: short ones are headings) or
  // is written in title case (`Fire Destroys Old Mill.`), as a lede never is.
  const derivable = title === opening.replace(/[\s.!?,;:]+$/u, "");
  return !derivable || !/[.!?…"”’']$/u.test(opening) || isTitleCase(opening);
}

/** Most longer words capitalised: `Fire Destroys the Old Mill`. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length >= 0.8;
}

/** A caption or note is short: it reaches at most this many sentences beyond the cue, never past a line end. */
const MAX_REACH = 3;

/** Sentence index → the id of the rule that keeps it out of a summary. */
export function boilerplateSentences(article: ParsedArticle): Map<number, BoilerplateRuleId> {
  const skipped = new Map<number, BoilerplateRuleId>();
  const { sentences, text } = article;
  if (repeatsHeadline(article)) {
    for (const s of sentences) if (s.paragraph === 1) skipped.set(s.index, HEADLINE_REPEATED);
  }
  // Two sentences are on one line when they share a paragraph and no line break separates them.
  const sameLine = (a: number, b: number) => {
    const first = sentences[Math.min(a, b)];
    const last = sentences[Math.max(a, b)];
    return (
      first !== undefined &&
      last !== undefined &&
      first.paragraph === last.paragraph &&
      !text.slice(first.end, last.start).includes("\n")
    );
  };
  for (const s of sentences) {
    const rule = matchBoilerplate(s.text);
    if (!rule) continue;
    skipped.set(s.index, rule.id);
    const step = rule.action === "skip-caption" ? -1 : rule.action === "skip-note" ? 1 : 0;
    for (let i = s.index + step, n = 0; step !== 0 && n < MAX_REACH && sameLine(s.index, i); i += step, n++) {
      if (!skipped.has(i)) skipped.set(i, rule.id);
    }
  }
  return skipped;
}
