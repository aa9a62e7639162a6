// What an answer shows, whatever the adapter: its title, the phrases to mark in its excerpts and the note under
// each excerpt. The Discord and terminal renderers only format these, so both read the same.
import {
  type Answer,
  type AskItem,
  type Citation,
  type ClaimItem,
  mismatchText,
  QUESTION_WORDS,
  type QuoteItem,
  type RankedAnswerItem,
  regex,
  type Span,
  type WhenItem,
  type WhoEntityItem,
} from "../engine/index.ts";

/** Words that open a question the title can show as it was asked. */
const QUESTION_OPENING = regex("i")`^(?:${QUESTION_WORDS}|in (?:what|which))\b`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `who said it?` → `Who said it?`; `Ombaka` → `Who: Ombaka`: the question once, never `Who — Who said …`. */
function asked(word: "Who" | "When", query: string): string {
  const q = query.trim();
  return QUESTION_OPENING.test(q) ? capitalise(q) : `${word}: ${q}`;
}

/** The request behind a quote answer, from its query `speaker:… topic:…`. */
function quoteRequest(query: string): { speaker?: string; topic?: string } {
  const m = /^(?:speaker:(.*?))?\s*(?:topic:(.*))?$/su.exec(query);
  const speaker = m?.[1]?.trim();
  const topic = m?.[2]?.trim();
  return { ...(speaker ? { speaker } : {}), ...(topic ? { topic } : {}) };
}

/** The title: what was asked, in words. */
export function answerTitle(answer: Answer): string {
  const q = answer.query?.trim();
  switch (answer.command) {
    case "summary":
      return answer.kind === "summary"
        ? `Summary in ${answer.items.length} sentence${answer.items.length === 1 ? "" : "s"}`
        : "Summary";
    case "quote": {
      if (!q) return "Quotes";
      const { speaker, topic } = quoteRequest(q);
      if (!speaker && !topic) return `Quotes: ${q}`;
      return ["Quotes", speaker && `by ${speaker}`, topic && `about “${topic}”`].filter(Boolean).join(" ");
    }
    case "who":
      if (answer.kind === "profile" && answer.items[0]) return `Who: ${answer.items[0].name}`;
      return q ? asked("Who", q) : "Who's who";
    case "when":
      return q ? asked("When", q) : "Timeline";
    case "ask":
      return q ? capitalise(q) : "Ask";
    case "check":
      return answer.kind === "claims" && answer.items.length === 1 && answer.items[0]
        ? `Check: ${answer.items[0].claim}`
        : "Check against the article";
  }
}

/** How an answer's kind shows beside its excerpts; the renderers only format this. */
export interface AnswerView {
  /** The spans to mark in the excerpts: the answer phrase, the dates of a timeline, the names of a listing. */
  highlights: Span[];
  /**
   * The note under each citation (same order as `answer.citations`; empty when there is nothing to add): the
   * resolved date beside a timeline sentence, the speaker of a quote, the full name behind a short mention.
   * A note that would repeat the excerpt's own words is left out.
   */
  notes: string[];
  /** A note names who spoke (`— Ann Park`) rather than adding to the excerpt (`· Sunday 5 May 2024`). */
  attribution: boolean;
  /** A summary's excerpts are its sentences: numbered, and its answer line is not shown again. */
  numbered: boolean;
  /** The places a listing names, shown under the answer line (places are not cited one by one). */
  places: string[];
}

const overlaps = (item: Span, c: Citation) => item.start < c.end && item.end > c.start;
const noNotes = (answer: Answer) => answer.citations.map(() => "");

function plainView(answer: Answer): AnswerView {
  return { highlights: [], notes: noNotes(answer), attribution: false, numbered: false, places: [] };
}

function rankedNotes(items: RankedAnswerItem[], citations: Citation[]): string[] {
  return citations.map((c) => {
    const item = items.find((i) => i.start === c.start);
    const note = item?.display ?? item?.entity ?? "";
    // `Sunday` → `Sunday 23 February 2025` and `Ombaka` → `Jack Ombaka` say more; `June 2024` twice does not.
    return note.toLowerCase() === item?.answer.toLowerCase() ? "" : note;
  });
}

function timelineNotes(items: WhenItem[], citations: Citation[]): string[] {
  return citations.map((c) =>
    [...new Set(items.filter((i) => overlaps(i, c)).map((i) => i.display))].join("; "),
  );
}

// The answer line already says whether these are quotes or reported statements.
function quoteNotes(items: QuoteItem[], citations: Citation[]): string[] {
  return citations.map((c) => {
    const q = items.find((i) => i.start === c.start);
    return q ? `${q.speaker ?? "unattributed"}${q.role ? `, ${q.role}` : ""}` : "";
  });
}

// The answer line lists everyone with their role; the note only says who a shorter mention is.
function entityNotes(items: WhoEntityItem[], citations: Citation[]): string[] {
  const actors = items.filter((i) => i.type !== "place");
  return citations.map((c) => {
    const named = actors.find((i) => i.mentions.some((m) => overlaps(m, c)));
    return named && !c.excerpt.includes(named.name) ? named.name : "";
  });
}

// What the article says instead of each contradicted claim (`200 more police officers`), marked in its evidence.
function mismatchSpans(items: ClaimItem[], citations: Citation[]): Span[] {
  return items.flatMap((item) => {
    const evidence = citations.find((c) => c.start === item.start);
    const at = item.mismatch && evidence ? evidence.excerpt.indexOf(item.mismatch.article) : -1;
    return evidence && item.mismatch && at >= 0
      ? [{ start: evidence.start + at, end: evidence.start + at + item.mismatch.article.length }]
      : [];
  });
}

// Which claims each sentence decides, and how; a sentence cited beside another states the rest of its claim.
function claimNotes(items: ClaimItem[], citations: Citation[]): string[] {
  return citations.map((c) => {
    const decided = items.filter((i) => i.start === c.start);
    if (decided.length === 0) return "the earlier mention it refers to";
    return decided
      .map((i) =>
        i.closest
          ? `closest passage, not in the article: “${i.claim}”`
          : `${i.label}: “${i.claim}”${i.mismatch ? ` (${mismatchText(i.mismatch)})` : ""}`,
      )
      .join("; ");
  });
}

// Each passage says whether it answers or is only the closest the article comes.
function askNotes(items: AskItem[], citations: Citation[]): string[] {
  return citations.map((c) => {
    const item = items.find((i) => i.start === c.start);
    if (!item?.closest) return "";
    if (item.reading)
      return item.reading === "states" ? "closest passage: states it" : "closest passage: negates it";
    return "closest passage, not an answer";
  });
}

/** The view of each kind of answer: a new kind of answer is one more case here. */
export function answerView(answer: Answer): AnswerView {
  switch (answer.kind) {
    case "summary":
      return { ...plainView(answer), numbered: true };
    case "quotes":
    case "statements":
      return { ...plainView(answer), notes: quoteNotes(answer.items, answer.citations), attribution: true };
    case "entities":
      return {
        ...plainView(answer),
        highlights: answer.items
          .filter((i) => i.type !== "place")
          .flatMap((i) => (i.mentions[0] ? [i.mentions[0]] : [])),
        notes: entityNotes(answer.items, answer.citations),
        places: answer.items.filter((i) => i.type === "place").map((i) => i.name),
      };
    case "profile":
      return { ...plainView(answer), highlights: answer.items.flatMap((i) => i.mentions) };
    case "who-answer":
    case "when-answer":
      return {
        ...plainView(answer),
        highlights: answer.items.map((i) => ({ start: i.answerStart, end: i.answerEnd })),
        notes: rankedNotes(answer.items, answer.citations),
      };
    case "ask-answer":
      return {
        ...plainView(answer),
        highlights: answer.items.flatMap((i) => (i.answer ? [i.answer] : [])),
        notes: askNotes(answer.items, answer.citations),
      };
    case "timeline":
      return {
        ...plainView(answer),
        highlights: answer.items.map(({ start, end }) => ({ start, end })),
        notes: timelineNotes(answer.items, answer.citations),
      };
    case "claims":
      return {
        ...plainView(answer),
        highlights: mismatchSpans(answer.items, answer.citations),
        notes: claimNotes(answer.items, answer.citations),
      };
    case "none":
      return plainView(answer);
    default:
      return unknownKind(answer);
  }
}

/** Fails to compile when a kind of answer has no case above. */
function unknownKind(_answer: never): never {
  throw new Error("an answer of a kind the view does not know");
}

/** `Showing the first 25 of 2,000.` when the limit left items out, else null. */
export function limitNote(answer: Answer): string | null {
  if (answer.total <= answer.items.length) return null;
  return `Showing the first ${answer.items.length.toLocaleString("en-US")} of ${answer.total.toLocaleString("en-US")}.`;
}
