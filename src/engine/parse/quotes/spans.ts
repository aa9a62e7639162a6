// Where the quotations of a paragraph are, in each quotation style the press uses: double marks (straight,
// curly, guillemets), wire style ``…'', and single marks ‘…’ / '…' told apart from apostrophes.
import { defined } from "../../match.ts";
import type { Paragraph, Span } from "../../types.ts";

export type QuoteStyle = "double" | "wire" | "single";

export interface QuoteSpan extends Span {
  style: QuoteStyle;
  /** No closing mark before the paragraph's end: the quote runs on into the next paragraph. */
  openEnded: boolean;
}

export interface StyleRule {
  id: string;
  style: QuoteStyle;
  /** Tested at a position: does an opening mark of this style start here? Returns its length, or 0. */
  opens: (text: string, at: number) => number;
  /** Does a closing mark of this style end here? Returns its length, or 0. */
  closes: (text: string, at: number) => number;
  reason: string;
}

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (ch: string | undefined) => ch !== undefined && LETTER.test(ch);
const BEFORE_OPENING = /[\s([{—–-]/u;

export const STYLE_RULES = [
  {
    id: "wire-double-backtick",
    style: "wire",
    opens: (text, at) => (text.startsWith("``", at) ? 2 : 0),
    closes: (text, at) => (text.startsWith("''", at) ? 2 : 0),
    reason: "Wire copy writes a quotation as ``…'': two backticks open it and two apostrophes close it.",
  },
  {
    id: "double-marks",
    style: "double",
    opens: (text, at) => {
      const ch = text.charAt(at);
      if (ch === "“" || ch === "„" || ch === "‟" || ch === "«") return 1;
      // A straight mark after a letter or a stop is a closing mark or an inch sign, not an opening.
      if (ch === '"' && !/[\p{L}\p{N}.,!?]/u.test(text[at - 1] ?? " ")) return 1;
      return 0;
    },
    closes: (text, at) => {
      const ch = text.charAt(at);
      return ch === '"' || ch === "”" || ch === "‟" || ch === "»" ? 1 : 0;
    },
    reason: "Double marks, straight or curly, and guillemets enclose speech in most news prose.",
  },
  {
    id: "single-marks",
    style: "single",
    // Opening: a single mark at a word's start followed by a letter (`'lies'`, `‘We will`), never `'90s`.
    opens: (text, at) => {
      const ch = text[at];
      if (ch !== "'" && ch !== "‘") return 0;
      const before = text[at - 1];
      if (before !== undefined && !BEFORE_OPENING.test(before) && before !== ":") return 0;
      return /\p{L}/u.test(text[at + 1] ?? "") ? 1 : 0;
    },
    // Closing: a mark after a word or a stop and before no letter (`don't`, `Park's` are apostrophes).
    closes: (text, at) => {
      const ch = text[at];
      if (ch !== "'" && ch !== "’") return 0;
      if (isLetter(text[at + 1])) return 0;
      return /[\p{L}\p{N}.,!?—-]/u.test(text[at - 1] ?? "") ? 1 : 0;
    },
    reason: "British and headline style: ‘…’ or '…', told from apostrophes by the letters on either side.",
  },
] as const satisfies readonly StyleRule[];

const byStyle = (style: QuoteStyle) =>
  defined(
    STYLE_RULES.find((r) => r.style === style),
    `${style} quote style`,
  );
const WIRE = byStyle("wire");
const DOUBLE = byStyle("double");
const SINGLE = byStyle("single");

/** A single-quoted span longer than this is more likely two apostrophes than a quotation. */
const MAX_SINGLE_QUOTE_CHARS = 600;

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** Double-mark and wire-style quotes: the outer quotations, nested single marks stay inside them. */
function doubleSpans(text: string, paragraph: Paragraph): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let style: QuoteStyle = "double";
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text.charAt(i);
    if (open < 0) {
      const wire = WIRE.opens(text, i);
      if (wire) {
        open = i;
        style = "wire";
        i += wire - 1;
      } else if (DOUBLE.opens(text, i)) {
        open = i;
        style = "double";
      }
    } else if (style === "wire") {
      const close = WIRE.closes(text, i);
      if (close) {
        spans.push({ start: open, end: i + close, style, openEnded: false });
        open = -1;
        i += close - 1;
      }
    } else if (DOUBLE.closes(text, i) || (ch === "“" && i > open + 1 && /\s/.test(text[i - 1] ?? ""))) {
      // An opening curly mark after a space while a quote is open: the writer forgot to close it.
      if (ch === "“") {
        spans.push({ start: open, end: trimEnd(text, open, i), style, openEnded: false });
        open = i;
      } else {
        spans.push({ start: open, end: i + 1, style, openEnded: false });
        open = -1;
      }
    }
  }
  if (open >= 0 && paragraph.end - open > 1)
    spans.push({ start: open, end: paragraph.end, style, openEnded: true });
  return spans;
}

/** Single-mark quotes in the text between the double-mark ones. */
function singleSpans(text: string, from: number, to: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    if (open < 0) {
      if (SINGLE.opens(text, i)) open = i;
    } else if (i - open > MAX_SINGLE_QUOTE_CHARS) {
      open = -1;
    } else if (i > open + 1 && SINGLE.closes(text, i)) {
      spans.push({ start: open, end: i + 1, style: "single", openEnded: false });
      open = -1;
    }
  }
  return spans;
}

/** The quoted spans of one paragraph, marks included, in text order. A double quote left open runs to the end. */
export function quoteSpans(text: string, paragraph: Paragraph): QuoteSpan[] {
  const doubles = doubleSpans(text, paragraph);
  const spans: QuoteSpan[] = [];
  let from = paragraph.start;
  for (const d of doubles) {
    spans.push(...singleSpans(text, from, d.start), d);
    from = d.end;
  }
  spans.push(...singleSpans(text, from, paragraph.end));
  return spans.filter((s) => /\p{L}/u.test(text.slice(s.start, s.end)));
}
