// Cue words of the text around a news story that is not the story: photo captions and credits, editor's notes,
// newsletter and sharing prompts, and the class names and lines of a web page's furniture. The rules that read
// them are in src/engine/parse/boilerplate.ts.

/** Picture agencies and wire services as they appear in photo credits (`Jane Doe/Reuters`, `via Getty Images`). */
export const PICTURE_AGENCIES = [
  "Getty Images",
  "Getty",
  "Reuters",
  "AP",
  "AP Photo",
  "Associated Press",
  "AFP",
  "EPA",
  "EPA-EFE",
  "PA",
  "PA Media",
  "PA Wire",
  "Shutterstock",
  "Alamy",
  "Bloomberg",
  "Xinhua",
  "iStock",
  "Pool",
  "Handout",
  "Supplied",
] as const;

/** Nouns a credit or caption label starts with: `Photo: …`, `(Photograph by …)`, `Image copyright …`. */
export const PICTURE_NOUNS = [
  "photo",
  "photos",
  "photograph",
  "photographs",
  "photography",
  "picture",
  "pictures",
  "image",
  "images",
  "illustration",
  "graphic",
  "video",
  "caption",
] as const;

/** Words that open a caption and end in a colon: `Pictured: …`, `Main image: …`. */
export const CAPTION_OPENERS = [
  "pictured",
  "above",
  "below",
  "top",
  "main image",
  "main picture",
  "inset",
] as const;

/** Labels of an editor's note paragraph: `Correction: …`, `Clarification (5 May): …`. */
export const EDITORIAL_NOTE_LABELS = [
  "editor's note",
  "editor’s note",
  "editors' note",
  "editors note",
  "correction",
  "corrections",
  "clarification",
  "update",
  "updated",
] as const;

/** Newsroom jobs a credit line names: `Reporting by …; Editing by …`. */
export const CREDIT_ROLES = ["reporting", "writing", "editing"] as const;

/** Words after a picture noun that make it a credit line: `Photo copyright …`, `Image source: …`. */
export const CREDIT_LABEL_WORDS = ["copyright", "caption", "source", "credit"] as const;

/** What a correction note says the story did: `This article was amended`, `An earlier version misstated …`. */
export const AMENDMENT_WORDS = [
  "was",
  "has been",
  "had been",
  "is being",
  "misstated",
  "incorrectly",
  "wrongly",
  "said",
] as const;

/** Words between `sign up` and `for`: `Sign up now for …`. */
export const SIGNUP_ADVERBS = ["now", "here", "today", "free"] as const;

/** Labels of a link to other pages: `Read more:`, `Related:`, `Watch:`. */
export const LINK_LABELS = [
  "read more",
  "read next",
  "also read",
  "related",
  "see also",
  "more on this story",
  "most read",
  "recommended",
  "watch",
  "listen",
] as const;

/** What a note calls the story it amends: `This article was amended …` (not `report`: reports are news too). */
export const STORY_NOUNS = ["article", "story", "piece", "post", "page", "version"] as const;

/** Social networks a `Follow us on …` or `Share on …` prompt names. */
export const SOCIAL_NETWORKS = [
  "twitter",
  "x",
  "facebook",
  "instagram",
  "tiktok",
  "youtube",
  "linkedin",
  "threads",
  "bluesky",
  "whatsapp",
  "telegram",
  "snapchat",
  "mastodon",
] as const;

// ---- web page furniture: what the HTML extractor drops before it reads a page ----------------------------------

/**
 * Parts of a class or id (split at `-`/`_`) naming furniture, by the rule that reads them: `share-bar`,
 * `newsletter-signup`, `related-stories`, `ad-slot`, `photo-credit`, `entry-tags`.
 */
export const FURNITURE_CLASS_PARTS = {
  "share-bar": ["share", "sharing", "sharebar", "social", "sociallinks"],
  newsletter: ["newsletter", "signup", "subscribe", "subscription", "paywall", "regwall", "promo"],
  related: ["related", "readmore", "recommended", "recirc", "outbrain", "taboola"],
  advert: ["ad", "ads", "advert", "advertisement", "sponsored", "dfp"],
  caption: ["caption", "credit", "credits", "figcaption"],
  comments: ["comments", "comment", "breadcrumb", "breadcrumbs", "tags", "toolbar"],
} as const;

/** What a whole paragraph of furniture starts with, by the rule that reads it: `Read more: …`, `Photo: …`. */
export const FURNITURE_PARAGRAPH_LABELS = {
  "photo-credit": ["photo", "photograph", "image", "picture", "credit", "illustration", "video"],
  "link-paragraph": [
    "read more",
    "read next",
    "related",
    "related stories",
    "related coverage",
    "related articles",
    "see also",
    "more on this story",
    "recommended",
    "recommended for you",
    "watch",
  ],
} as const;
