// Where the quotations of a paragraph are, in each quotation style the press uses: double marks (straight,
// curly, guillemets), wire style ``…'', and single marks ‘…’ / '…' told apart from apostrophes.
import { defined } from "../../match.ts";
import { fireAt, type Rule, type RuleId } from "../../rules/rule.ts";
import type { Paragraph, Span } from "../../types.ts";

export type QuoteStyle = "double" | "wire" | "single";

export interface QuoteSpan extends Span {
  style: QuoteStyle;
  /** No closing mark before the paragraph's end: the quote runs on into the next paragraph. */
  openEnded: boolean;
}

/** A rule finds where a mark of its style opens a quotation, or where one closes it. */
type MarkAction = "opens" | "closes";

/** The quotation marks of each style, as sticky patterns tested at one position of the text. */
export const MARK_RULES = [
  {
    id: "wire-opens",
    style: "wire",
    action: "opens",
    match: /``/y,
    reason: "Wire copy writes a quotation as ``…'': two backticks open it.",
    example: "``Yes,'' he said.",
  },
  {
    id: "wire-closes",
    style: "wire",
    action: "closes",
    match: /''/y,
    reason: "Two apostrophes close a wire-style quotation.",
    example: "''",
  },
  {
    id: "double-opens",
    style: "double",
    action: "opens",
    // A straight mark after a letter or a stop is a closing mark or an inch sign, not an opening.
    match: /[“„‟«]|(?<![\p{L}\p{N}.,!?])"/uy,
    reason: "Double marks, straight or curly, and guillemets enclose speech in most news prose.",
    example: "“",
  },
  {
    id: "double-closes",
    style: "double",
    action: "closes",
    match: /["”‟»]/y,
    reason: "A straight or curly double mark, or a closing guillemet, ends a double-mark quotation.",
    example: "”",
  },
  {
    id: "single-opens",
    style: "single",
    action: "opens",
    // At a word's start, after a space, bracket, dash or colon, and before a letter: `'lies'`, never `'90s`.
    match: /(?<=^|[\s([{—–:-])['‘](?=\p{L})/uy,
    reason: "British and headline style: ‘…’ or '…'; an opening mark stands before a word's first letter.",
    example: "'lies'",
  },
  {
    id: "single-closes",
    style: "single",
    action: "closes",
    // After a word or a stop and before no letter: `don't` and `Park's` are apostrophes.
    match: /(?<=[\p{L}\p{N}.,!?—-])['’](?![\p{L}\p{N}])/uy,
    reason:
      "A closing single mark follows a word or a stop and stands before no letter, unlike an apostrophe.",
    example: "lies'",
  },
] as const satisfies readonly (Rule<string, MarkAction> & { style: QuoteStyle })[];

export type MarkRuleId = RuleId<typeof MARK_RULES>;

const ruleFor = (style: QuoteStyle, action: MarkAction) =>
  defined(
    MARK_RULES.find((r) => r.style === style && r.action === action),
    `${style} quote style's ${action} rule`,
  );
const MARKS = {
  wire: { opens: ruleFor("wire", "opens"), closes: ruleFor("wire", "closes") },
  double: { opens: ruleFor("double", "opens"), closes: ruleFor("double", "closes") },
  single: { opens: ruleFor("single", "opens"), closes: ruleFor("single", "closes") },
};

/** The length of the mark of `style` that opens (or closes) a quotation at `at`, or 0 where none does. */
export function markAt(style: QuoteStyle, action: MarkAction, text: string, at: number): number {
  return fireAt(MARKS[style][action], text, at)?.match[0].length ?? 0;
}

/** A single-quoted span longer than this is more likely two apostrophes than a quotation. */
const MAX_SINGLE_QUOTE_CHARS = 600;

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** Every character a mark rule can start at: the scans test the rules only there. */
const MARK_CHARACTERS = "`'\"“„‟«”»‘’";

/** Double-mark and wire-style quotes: the outer quotations, nested single marks stay inside them. */
function doubleSpans(text: string, paragraph: Paragraph): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let style: QuoteStyle = "double";
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text.charAt(i);
    if (!MARK_CHARACTERS.includes(ch)) continue;
    if (open < 0) {
      const wire = markAt("wire", "opens", text, i);
      if (wire) {
        open = i;
        style = "wire";
        i += wire - 1;
      } else if (markAt("double", "opens", text, i)) {
        open = i;
        style = "double";
      }
    } else if (style === "wire") {
      const close = markAt("wire", "closes", text, i);
      if (close) {
        spans.push({ start: open, end: i + close, style, openEnded: false });
        open = -1;
        i += close - 1;
      }
    } else if (
      markAt("double", "closes", text, i) ||
      (ch === "“" && i > open + 1 && /\s/.test(text[i - 1] ?? ""))
    ) {
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
    if (open >= 0 && i - open > MAX_SINGLE_QUOTE_CHARS) {
      open = -1;
      continue;
    }
    if (!MARK_CHARACTERS.includes(text.charAt(i))) continue;
    if (open < 0) {
      if (markAt("single", "opens", text, i)) open = i;
    } else if (i > open + 1 && markAt("single", "closes", text, i)) {
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
