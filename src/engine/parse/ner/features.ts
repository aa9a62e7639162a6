// What the name tagger sees of each word: the word, its shape and affixes, its neighbours, the punctuation
// around it, compromise's lexicon tags and the article's cues (titles, speech verbs, sentence start).
import {
  isLexiconPhraseStart,
  lexiconTags,
  NAME_CLASS_TAGS,
  SPEECH_VERB_WORDS,
  TITLES,
} from "../../lexicon/index.ts";
import { type Token, tokenize } from "../../text.ts";

/** The engine's word tokens, with a space-separated `'s` (wire style: `Haiti 's`) folded into a possessive. */
export function nerTokens(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const token of tokenize(text, base)) {
    const previous = tokens[tokens.length - 1];
    const gap = previous ? text.slice(previous.end - base, token.start - base) : "";
    if (token.text === "s" && previous && /^\s+['’]$/u.test(gap)) {
      previous.possessive = true;
      continue;
    }
    tokens.push(token);
  }
  return tokens;
}

/** `X` upper-case, `x` lower-case, `d` digit, else the character itself (ASCII tested without regexes). */
function charClass(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return "X";
  if (code >= 97 && code <= 122) return "x";
  if (code >= 48 && code <= 57) return "d";
  if (code < 128) return ch;
  if (ch.toLowerCase() !== ch) return "X";
  if (ch.toUpperCase() !== ch) return "x";
  return /\p{N}/u.test(ch) ? "d" : ch;
}

/** `Haiti` → `Xx`, `U.S.` → `X.X.`, `1996` → `d`: each run of one character class written once. */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) shape += c;
    last = c;
  }
  return shape.slice(0, 6);
}

/** The punctuation between two words, spaces dropped and cut to two marks. */
const gapMarks = (gap: string) => gap.replace(/\s+/g, "").slice(0, 2) || "_";

/** A word's lexicon class: its name tags, else `common` for a known ordinary word, else `unknown`. */
const classCache = new Map<string, string[]>();
function lexiconClass(lower: string): string[] {
  const cached = classCache.get(lower);
  if (cached) return cached;
  // Bounded, so that a hostile text of endless distinct words cannot grow it without limit.
  if (classCache.size > 20_000) classCache.clear();
  const found = lexiconClassOf(lower);
  classCache.set(lower, found);
  return found;
}

function lexiconClassOf(lower: string): string[] {
  const tags = lexiconTags(lower);
  if (tags.length === 0) return ["unknown"];
  const names = tags.filter((t) => NAME_CLASS_TAGS.has(t));
  return names.length > 0 ? names : ["common"];
}

/** Whether a sentence is set in capitals (a wire headline), where case says nothing. */
export function isCapitalsLine(tokens: Token[]): boolean {
  let upper = 0;
  let letters = 0;
  for (const t of tokens) {
    for (const ch of t.text) {
      const c = charClass(ch);
      if (c === "X") upper++;
      if (c === "X" || c === "x") letters++;
    }
  }
  return letters >= 8 && upper / letters > 0.8;
}

// Features come in groups. Those of one word alone (its own, or as a neighbour two or one to the left or right)
// depend on nothing else, so the tagger scores each group once per distinct word and caches the sum.

/** The features of a word on its own (`caps`: the sentence is set in capitals). */
export function wordFeatures(raw: string, caps: boolean): string[] {
  const w = raw.toLowerCase();
  const shape = wordShape(raw);
  const f = [
    "b",
    `w=${w}`,
    `s=${shape}`,
    `p3=${w.slice(0, 3)}`,
    `x2=${w.slice(-2)}`,
    `x3=${w.slice(-3)}`,
    `x4=${w.slice(-4)}`,
    `len=${Math.min(raw.length, 8)}`,
  ];
  if (caps) f.push("caps", `caps|w=${w}`);
  else f.push(`raw=${raw}`);
  for (const c of lexiconClass(w)) f.push(`lx=${c}`, `lx|s=${c}|${shape}`);
  return f;
}

export const SENTENCE_START = "<s>";
export const SENTENCE_END = "</s>";

/** Where a neighbour stands: one or two words before, one or two after. */
export type NeighbourSlot = "-1" | "+1" | "-2" | "+2";

/** The features a word gives the word next to it (`lower` may be SENTENCE_START or SENTENCE_END). */
export function neighbourFeatures(lower: string, slot: NeighbourSlot): string[] {
  const f = [`w${slot}=${lower}`];
  if (slot === "-1" || slot === "+1") {
    const classes = lower === SENTENCE_START || lower === SENTENCE_END ? [lower] : lexiconClass(lower);
    for (const c of classes) f.push(`lx${slot}=${c}`);
  }
  return f;
}

/** The precomputed parts of one sentence that the context features read. */
export interface SentenceParts {
  tokens: Token[];
  lower: string[];
  shapes: string[];
  gaps: string[];
  caps: boolean;
}

export function sentenceParts(text: string, base: number, tokens: Token[]): SentenceParts {
  const n = tokens.length;
  const gaps: string[] = [];
  for (let i = 0; i <= n; i++) {
    const from = (tokens[i - 1]?.end ?? base) - base;
    const to = (tokens[i]?.start ?? base + text.length) - base;
    gaps.push(gapMarks(text.slice(from, to)));
  }
  return {
    tokens,
    lower: tokens.map((t) => t.text.toLowerCase()),
    shapes: tokens.map((t) => wordShape(t.text)),
    gaps,
    caps: isCapitalsLine(tokens),
  };
}

/** The features of token i that read its neighbours together with it, the punctuation and the cues. */
export function contextFeatures(parts: SentenceParts, i: number): string[] {
  const { tokens, lower, shapes, gaps } = parts;
  const w = lower[i] ?? "";
  const shape = shapes[i] ?? "";
  const prev = lower[i - 1] ?? SENTENCE_START;
  const next = lower[i + 1] ?? SENTENCE_END;
  const prevShape = shapes[i - 1] ?? SENTENCE_START;
  const nextShape = shapes[i + 1] ?? SENTENCE_END;
  const f = [
    `w-1w=${prev}|${w}`,
    `ww+1=${w}|${next}`,
    `s-1s=${prevShape}|${shape}`,
    `ss+1=${shape}|${nextShape}`,
    `g-=${gaps[i]}`,
    `g+=${gaps[i + 1]}`,
    `g-s=${gaps[i]}|${shape}`,
  ];
  if (i === 0 || /^[“"‘(]$/u.test(gaps[i] ?? "")) f.push(`first|s=${shape}`);
  if (tokens[i]?.possessive) f.push("pos");
  if (i + 1 < tokens.length && isLexiconPhraseStart(w)) {
    for (const t of lexiconTags(`${w} ${next}`)) f.push(`lxbi=${t}`);
  }
  if (i > 0 && isLexiconPhraseStart(prev)) {
    for (const t of lexiconTags(`${prev} ${w}`)) f.push(`lxbi-1=${t}`);
  }
  if (TITLES.has(prev.replace(/\.$/, ""))) f.push("title-1");
  if (SPEECH_VERB_WORDS.has(next)) f.push("speech+1");
  if (SPEECH_VERB_WORDS.has(lower[i + 2] ?? SENTENCE_END)) f.push("speech+2");
  if (SPEECH_VERB_WORDS.has(prev)) f.push("speech-1");
  return f;
}

/** The neighbour words of token i, by slot. */
export function neighbours(parts: SentenceParts, i: number): [string, NeighbourSlot][] {
  const { lower } = parts;
  return [
    [lower[i - 1] ?? SENTENCE_START, "-1"],
    [lower[i + 1] ?? SENTENCE_END, "+1"],
    [lower[i - 2] ?? SENTENCE_START, "-2"],
    [lower[i + 2] ?? SENTENCE_END, "+2"],
  ];
}

/** Every feature string of every token of one sentence (training reads these; the tagger sums by group). */
export function sentenceFeatures(text: string, base: number, tokens: Token[]): string[][] {
  const parts = sentenceParts(text, base, tokens);
  return tokens.map((token, i) => [
    ...wordFeatures(token.text, parts.caps),
    ...neighbours(parts, i).flatMap(([word, slot]) => neighbourFeatures(word, slot)),
    ...contextFeatures(parts, i),
  ]);
}
