// What an answer shows, whatever the adapter: its title, the phrases to mark in its excerpts and the note under
// each excerpt. The Discord and terminal renderers only format these, so both read the same.
import type {
  Answer,
  AskItem,
  Citation,
  ProfileItem,
  QuoteItem,
  RankedAnswerItem,
  Span,
  WhenItem,
  WhoEntityItem,
} from "../engine/types.ts";

/** Words that open a question the title can show as it was asked. */
const QUESTION_OPENING = /^(who|whom|whose|when|what|which|where|why|how|in what|in which)\b/i;

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
      if (answer.kind === "profile") return `Who: ${(answer.items[0] as ProfileItem).name}`;
      return q ? asked("Who", q) : "Who's who";
    case "when":
      return q ? asked("When", q) : "Timeline";
    case "ask":
      return q ? capitalise(q) : "Ask";
  }
}

/** The spans to mark in the excerpts: the answer phrase, the dates of a timeline, the names of a listing. */
export function answerHighlights(answer: Answer): Span[] {
  switch (answer.kind) {
    case "who-answer":
    case "when-answer":
      return (answer.items as RankedAnswerItem[]).map((i) => ({ start: i.answerStart, end: i.answerEnd }));
    case "timeline":
      return (answer.items as WhenItem[]).map(({ start, end }) => ({ start, end }));
    case "ask-answer":
      return (answer.items as AskItem[]).flatMap((i) => (i.answer ? [i.answer] : []));
    case "profile":
      return (answer.items[0] as ProfileItem).mentions;
    case "entities":
      return (answer.items as WhoEntityItem[])
        .filter((i) => i.type !== "place")
        .flatMap((i) => (i.mentions[0] ? [i.mentions[0]] : []));
    default:
      return [];
  }
}

const overlaps = (item: Span, c: Citation) => item.start < c.end && item.end > c.start;

/**
 * The note under each citation (same order as `answer.citations`; empty when there is nothing to add): the
 * resolved date beside a timeline sentence, the speaker of a quote, the full name
 * behind a short mention. A note that would repeat the excerpt's own words is left out.
 */
export function citationNotes(answer: Answer): string[] {
  switch (answer.kind) {
    case "who-answer":
    case "when-answer": {
      const items = answer.items as RankedAnswerItem[];
      return answer.citations.map((c) => {
        const item = items.find((i) => i.start === c.start);
        const note = item?.display ?? item?.entity ?? "";
        // `Sunday` → `Sunday 23 February 2025` and `Ombaka` → `Jack Ombaka` say more; `June 2024` twice does not.
        return note.toLowerCase() === item?.answer.toLowerCase() ? "" : note;
      });
    }
    case "ask-answer": {
      // Each passage says whether it answers or is only the closest the article comes.
      const items = answer.items as AskItem[];
      return answer.citations.map((c) => {
        const item = items.find((i) => i.start === c.start);
        if (!item?.closest) return "";
        if (item.reading)
          return item.reading === "states" ? "closest passage: states it" : "closest passage: negates it";
        return "closest passage, not an answer";
      });
    }
    case "timeline": {
      const items = answer.items as WhenItem[];
      return answer.citations.map((c) =>
        [...new Set(items.filter((i) => overlaps(i, c)).map((i) => i.display))].join("; "),
      );
    }
    case "quotes":
    case "statements": {
      const items = answer.items as QuoteItem[];
      return answer.citations.map((c) => {
        const q = items.find((i) => i.start === c.start);
        if (!q) return "";
        // The answer line already says whether these are quotes or reported statements.
        return `${q.speaker ?? "unattributed"}${q.role ? `, ${q.role}` : ""}`;
      });
    }
    case "entities": {
      // The answer line lists everyone with their role; the note only says who a shorter mention is.
      const items = (answer.items as WhoEntityItem[]).filter((i) => i.type !== "place");
      return answer.citations.map((c) => {
        const named = items.find((i) => i.mentions.some((m) => overlaps(m, c)));
        return named && !c.excerpt.includes(named.name) ? named.name : "";
      });
    }
    default:
      return answer.citations.map(() => "");
  }
}
