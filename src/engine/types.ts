// The engine's data shapes. Every offset is a UTF-16 index into `ParsedArticle.text` (the article body).

export interface Span {
  start: number;
  end: number;
}

export interface ArticleMeta {
  id: string;
  title: string;
  /** ISO date `YYYY-MM-DD`, or null when the file gives none. */
  date: string | null;
  /** Set when the date was read from the article's own text rather than given by front matter or a marker. */
  dateFrom?: "dateline" | "published line";
  url?: string;
  source?: string;
  author?: string;
  /** ISO 639-3 code of the article's language (`eng`, `deu`), when it was detected as the article was added. */
  language?: string;
}

/** What a file yields before analysis: metadata plus the body text that all offsets point into. */
export interface ArticleSource {
  meta: ArticleMeta;
  text: string;
}

export interface Paragraph extends Span {
  /** 1-based; what citations show as ¶N. */
  number: number;
  /** The heading this paragraph sits under, if any. */
  section: string | null;
}

export interface Heading extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** 0-based position in the whole article. */
  index: number;
  paragraph: number;
  text: string;
}

export type EntityType = "person" | "organization" | "place";

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  role: string | null;
  /** Where the role is stated, so a profile can cite it. */
  roleSpan: Span | null;
  /** `Ann Park of Columbia University`: the organisation a person is named with, and where. */
  affiliation?: string | null;
  affiliationSpan?: Span | null;
  /** A person's gender as an honorific (`Mrs`) or first name suggests, or null when nothing says. */
  gender?: Gender | null;
  mentions: Mention[];
}

export type Gender = "male" | "female";

export interface Quote extends Span {
  text: string;
  /** Canonical speaker name (an entity's name when resolved), or the phrase used, or null when unknown. */
  speaker: string | null;
  speakerId: string | null;
  role: string | null;
  direct: boolean;
  paragraph: number;
  sentence: number;
}

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export interface Timex extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3-style normalised value: `2025-02-23`, `2025-02`, `2025-W08`, `P1W`, `PAST_REF` … */
  value: string;
  /**
   * False when the value needs the article's date and the article gives none: the value is then
   * underspecified (`XXXX-08` for `last August`, `XXXX-WXX-7` for `Sunday`) and never read against today.
   */
  resolved: boolean;
  display: string;
  paragraph: number;
  sentence: number;
}

export interface ParsedArticle {
  meta: ArticleMeta;
  text: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  sentences: Sentence[];
  quotes: Quote[];
  entities: Entity[];
  timexes: Timex[];
}

export interface Citation {
  articleId: string;
  paragraph: number;
  /** 0-based sentence index in the article. */
  sentence: number;
  excerpt: string;
  start: number;
  end: number;
}

export type CommandName = "summary" | "quote" | "who" | "when" | "ask" | "check";

export interface SummaryItem {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  sentence: number;
}

export interface QuoteItem {
  text: string;
  speaker: string | null;
  role: string | null;
  direct: boolean;
  start: number;
  end: number;
  paragraph: number;
}

export interface WhoEntityItem {
  name: string;
  type: EntityType;
  role: string | null;
  mentions: Mention[];
  /** How many quotes and reported statements the article attributes to this entity. */
  quotes: number;
}

export interface RankedAnswerItem {
  /** The answering sentence. */
  text: string;
  /** The phrase that answers (a name, a date), inside the sentence. */
  answer: string;
  answerStart: number;
  answerEnd: number;
  start: number;
  end: number;
  paragraph: number;
  score: number;
  /** For who: the entity the answer names; for when: the normalised date value. */
  entity?: string;
  value?: string;
  display?: string;
}

export interface WhenItem {
  text: string;
  value: string;
  display: string;
  type: TimexType;
  start: number;
  end: number;
  paragraph: number;
  /** The sentence (event) this expression dates. */
  event: string;
}

export interface ProfileItem {
  name: string;
  type: EntityType;
  role: string | null;
  mentions: Mention[];
  quotes: QuoteItem[];
}

/** One claim of a checked message, with the article's evidence (null offsets: nothing in the article is close). */
export interface ClaimItem {
  claim: string;
  label: "supported" | "contradicted" | "not in the article";
  /** What the claim says and what the article says instead: `600` → `200 more police officers`. */
  mismatch?: { claimed: string; article: string };
  /** The deciding sentence; for "not in the article", the closest passage (then `closest` is true), if any. */
  start: number | null;
  end: number | null;
  paragraph: number | null;
  /** Set on "not in the article": the sentence located is only the closest passage, not evidence. */
  closest?: true;
}

/** What kind of answer a question asks for, and so which answer path takes it (in the reader's feature order). */
export const QUESTION_KINDS = [
  "quote",
  "who",
  "when",
  "how-many",
  "how-much",
  "where",
  "why",
  "how",
  "yes-no",
  "what",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** An answer to `/ask`: the evidence sentence, and the phrase in it that answers when there is one. */
export interface AskItem {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  /** 0-based sentence index in the article. */
  sentence: number;
  score: number;
  /** What the question asks for (`how-many`, `where`, …). */
  asked: QuestionKind;
  /** The phrase that answers, inside the sentence; absent when the sentence holds none of the asked type. */
  answer?: { text: string; start: number; end: number };
  /** True when the sentence is only the closest passage: it holds the question's words but no answer of its type. */
  closest: boolean;
  /** For a yes-no question: whether the passage states what was asked or states it negated. */
  reading?: "states" | "negates";
}

/** What every answer carries, whatever its kind. */
interface AnswerBase {
  command: CommandName;
  query: string | null;
  article: { id: string; title: string; date: string | null; url?: string };
  found: boolean;
  text: string;
  /** The most items the answer holds (the request's `limit`). */
  limit: number;
  /** How many items there were before the limit. */
  total: number;
  citations: Citation[];
}

/** An answer of one kind: `kind` says which shape `items` has, so renderers need not guess. */
export interface AnswerOfKind<K extends string, I> extends AnswerBase {
  kind: K;
  items: I[];
}

export type SummaryAnswer = AnswerOfKind<"summary", SummaryItem>;
export type QuotesAnswer = AnswerOfKind<"quotes", QuoteItem>;
/** Reported statements, given when the article has no direct quote that matches. */
export type StatementsAnswer = AnswerOfKind<"statements", QuoteItem>;
export type EntitiesAnswer = AnswerOfKind<"entities", WhoEntityItem>;
/** One person's profile: a single item whose `mentions` and `quotes` are bounded by `limit` too. */
export type ProfileAnswer = AnswerOfKind<"profile", ProfileItem>;
export type WhoQuestionAnswer = AnswerOfKind<"who-answer", RankedAnswerItem>;
export type TimelineAnswer = AnswerOfKind<"timeline", WhenItem>;
export type WhenQuestionAnswer = AnswerOfKind<"when-answer", RankedAnswerItem>;
/** A checked message: one item per claim, in order, each with its label and evidence. */
export type ClaimsAnswer = AnswerOfKind<"claims", ClaimItem>;

/** `/ask`: evidence sentences best first; `items[0].answer` is the answer phrase when there is one. */
export type AskAnswer = AnswerOfKind<"ask-answer", AskItem>;
/** Nothing in the article answers: `found` is false and `text` says why. */
export type NoAnswer = AnswerOfKind<"none", never>;

/** An engine answer. A new kind is one more member here and one more case in the answer view. */
export type Answer =
  | SummaryAnswer
  | QuotesAnswer
  | StatementsAnswer
  | EntitiesAnswer
  | ProfileAnswer
  | WhoQuestionAnswer
  | TimelineAnswer
  | WhenQuestionAnswer
  | ClaimsAnswer
  | AskAnswer
  | NoAnswer;

export type AnswerKind = Answer["kind"];
/** An item of any kind of answer. */
export type AnswerItem = Answer["items"][number];
/** The answer member of a kind: `AnswerOf<"timeline">` is `TimelineAnswer`. */
export type AnswerOf<K extends AnswerKind> = Extract<Answer, { kind: K }>;
