import {
  FUNCTION_WORD_TAGS,
  lexiconTag,
  MAYBE_FINAL_ABBREVIATIONS,
  NON_FINAL_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
} from "../lexicon/index.ts";
import { group } from "../match.ts";
import type { Heading, Paragraph, Sentence, Span } from "../types.ts";
import { matchBoilerplate } from "./boilerplate.ts";

const MAX_HEADING_CHARS = 80;
const MAX_HEADING_WORDS = 10;

/** A short single line that does not end like a sentence: `Surge in violence`. */
export function looksLikeHeading(block: string): boolean {
  if (block.includes("\n") || block.length > MAX_HEADING_CHARS) return false;
  if (block.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/[.!?:;,"”’'…)\]]$/.test(block)) return false;
  return /^[\p{Lu}\p{N}]/u.test(block);
}

/** A short caption or credit line (`Sandbags on the quay. Photograph: Jane Doe/Reuters`, `Getty Images`). */
function isCaptionLine(block: string): boolean {
  const spans = splitSentences(block, 0, block.length);
  return [spans[0], spans[spans.length - 1]].some(
    (s) => s !== undefined && matchBoilerplate(block.slice(s.start, s.end)) !== undefined,
  );
}

export interface Blocks {
  paragraphs: Paragraph[];
  headings: Heading[];
}

/** Splits the body at blank lines into numbered paragraphs and the headings between them. */
export function splitBlocks(text: string): Blocks {
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  const raw: { start: number; end: number }[] = [];
  const separator = /\n[ \t\f\v]*\n\s*/g;
  let from = 0;
  for (const match of text.matchAll(separator)) {
    raw.push({ start: from, end: match.index });
    from = match.index + match[0].length;
  }
  raw.push({ start: from, end: text.length });

  let section: string | null = null;
  raw.forEach((block, i) => {
    // Trim each block so spans start and end on visible text.
    const body = text.slice(block.start, block.end);
    const lead = body.length - body.trimStart().length;
    const start = block.start + lead;
    const end = block.start + body.trimEnd().length;
    if (end <= start) return;
    const content = text.slice(start, end);
    const isLast = i === raw.length - 1;
    if (!isLast && looksLikeHeading(content)) {
      headings.push({ text: content, start, end });
      // A heading before any paragraph is the headline, not a section; a photo caption or credit is neither.
      if (paragraphs.length > 0 && !isCaptionLine(content)) section = content;
      return;
    }
    paragraphs.push({ number: paragraphs.length + 1, start, end, section });
  });
  return { paragraphs, headings };
}

// Abbreviations after which a period never ends a sentence (titles and the like precede a name or number).
const NEVER_ENDS = new Set([...TITLE_ABBREVIATIONS, ...NON_FINAL_ABBREVIATIONS]);
// Abbreviations that may end a sentence: they do when the next word is a function word (`… in the U.S. The …`).
const MAY_END = MAYBE_FINAL_ABBREVIATIONS;

const FUNCTION_TAGS: ReadonlySet<string> = new Set([...FUNCTION_WORD_TAGS, "Adverb"]);

function isFunctionWord(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && FUNCTION_TAGS.has(tag);
}

const CANDIDATE = /[.!?…]+["”’'»)\]]*(?=\s+(["“‘'«([]?)(\S+))/gu;

/** Splits one paragraph into sentence spans (absolute offsets). */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const chunk = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  for (const match of chunk.matchAll(CANDIDATE)) {
    const stop = match.index + match[0].length;
    const nextWord = group(match, 2);
    if (!/^[\p{Lu}\p{N}]/u.test(nextWord)) continue;
    if (match[0].startsWith(".")) {
      // The word before the period (a short look back keeps long unsplit text linear).
      const before =
        /([\p{L}.]+)$/u.exec(chunk.slice(Math.max(from, match.index - 40), match.index))?.[1] ?? "";
      const word = before.toLowerCase().replace(/^\.+/, "");
      if (NEVER_ENDS.has(word)) continue;
      // An initial: `J. Smith`.
      if (/^\p{Lu}$/u.test(before)) continue;
      if (
        (MAY_END.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) &&
        !isFunctionWord(nextWord.replace(/\W+$/u, ""))
      ) {
        continue;
      }
    }
    spans.push({ start: start + from, end: start + stop });
    from = stop;
    while (from < chunk.length && /\s/.test(chunk.charAt(from))) from++;
  }
  if (from < chunk.length) spans.push({ start: start + from, end: start + chunk.trimEnd().length });
  return spans.filter((s) => s.end > s.start);
}

/** All sentences of the article, numbered across paragraphs. */
export function splitAllSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    for (const span of splitSentences(text, p.start, p.end)) {
      sentences.push({
        index: sentences.length,
        paragraph: p.number,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
      });
    }
  }
  return sentences;
}

/** The sentence that contains offset `at` (binary search; sentences are sorted). */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (!s) break;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  // Offsets in the gap between sentences belong to the next one.
  return sentences[lo];
}
