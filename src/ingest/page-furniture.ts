// What is page furniture rather than article: named rules, as data, for the HTML extractor.

export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  reason: string;
}

/** Elements dropped before Readability looks at the page (tags and roles that never hold article prose). */
export const JUNK_SELECTORS = [
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

/** A class or id part naming furniture; matched against each `-`/`_`-separated part of a token. */
export const JUNK_CLASS_RULES: readonly BoilerplateRule[] = [
  { id: "share-bar", pattern: /^(share|sharing|sharebar|social|sociallinks)$/i, reason: "share buttons" },
  {
    id: "newsletter",
    pattern: /^(newsletter|signup|subscribe|subscription|paywall|regwall|promo)$/i,
    reason: "newsletter and subscription boxes",
  },
  {
    id: "related",
    pattern: /^(related|readmore|recommended|recirc|outbrain|taboola)$/i,
    reason: "read-more links",
  },
  { id: "advert", pattern: /^(ad|ads|advert|advertisement|sponsored|dfp)$/i, reason: "advertising slots" },
  { id: "caption", pattern: /^(caption|credit|credits|figcaption)$/i, reason: "captions and photo credits" },
  {
    id: "comments",
    pattern: /^(comments|comment|breadcrumb|breadcrumbs|tags|toolbar)$/i,
    reason: "comments, tags",
  },
];

/** A paragraph whose whole text is one of these is furniture that slipped inside the article. */
export const JUNK_PARAGRAPH_RULES: readonly BoilerplateRule[] = [
  {
    id: "read-more",
    pattern:
      /^(read more|read next|related( stories| coverage| articles)?|see also|more on this story|recommended( for you)?|watch)(\s*[:»›|–-].{0,160})?$/i,
    reason: "links to other stories",
  },
  {
    id: "advertisement",
    pattern: /^(advertisement|sponsored content|story continues below.*)$/i,
    reason: "ad labels",
  },
  {
    id: "newsletter-pitch",
    pattern:
      /^(sign up\b|subscribe\b|get (our|the) .{0,40}newsletter|to continue reading|already a subscriber).{0,200}$/i,
    reason: "newsletter and subscription pitches",
  },
  {
    id: "share-prompt",
    pattern: /^(share( this( article| story)?)?|follow us( on .{0,60})?|copy link)[.!:]?$/i,
    reason: "share prompts",
  },
  {
    id: "photo-credit",
    pattern: /^(photo|photograph|image|picture|credit|illustration|video)\s*(:|by\b).{0,160}$/i,
    reason: "photo credits",
  },
  { id: "copyright", pattern: /^(©|copyright\b).{0,200}$/i, reason: "copyright lines" },
];

export function isJunkClassToken(token: string): BoilerplateRule | undefined {
  // `read-more` and `readmore` alike: the token's parts and the token with its separators dropped.
  const parts = [...token.split(/[-_]+/).filter(Boolean), token.replace(/[-_]+/g, "")];
  return JUNK_CLASS_RULES.find((rule) => parts.some((part) => rule.pattern.test(part)));
}

export function junkParagraphRule(text: string): BoilerplateRule | undefined {
  return JUNK_PARAGRAPH_RULES.find((rule) => rule.pattern.test(text));
}
