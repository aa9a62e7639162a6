// What the name tagger sees of each word: the word, its shape and affixes, its neighbours, the punctuation
// around it, compromise's lexicon tags and the article's cues (titles, speech verbs, sentence start).
import { lexiconTags, SPEECH_VERBS, TITLES } from "../lexicon";
import { type Token, tokenize } from "../text";

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

const NAME_TAGS = new Set([
  "MaleName",
  "FemaleName",
  "FirstName",
  "LastName",
  "Person",
  "Honorific",
  "Country",
  "City",
  "Region",
  "Place",
  "Organization",
  "SportsTeam",
  "Demonym",
  "ProperNoun",
  "Month",
  "WeekDay",
  "Actor",
]);

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
  const names = tags.filter((t) => NAME_TAGS.has(t));
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

/** The feature strings of every token of one sentence (`text` is the sentence, offsets relative to `base`). */
export function sentenceFeatures(text: string, base: number, tokens: Token[]): string[][] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t) => wordShape(t.text));
  const classes = lower.map(lexiconClass);
  const caps = isCapitalsLine(tokens);
  const gaps: string[] = [];
  for (let i = 0; i <= n; i++) {
    const from = i === 0 ? 0 : (tokens[i - 1] as Token).end - base;
    const to = i === n ? text.length : (tokens[i] as Token).start - base;
    gaps.push(gapMarks(text.slice(from, to)));
  }
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const token = tokens[i] as Token;
    const w = lower[i] as string;
    const shape = shapes[i] as string;
    const prev = i > 0 ? (lower[i - 1] as string) : "<s>";
    const next = i + 1 < n ? (lower[i + 1] as string) : "</s>";
    const prevShape = i > 0 ? (shapes[i - 1] as string) : "<s>";
    const nextShape = i + 1 < n ? (shapes[i + 1] as string) : "</s>";
    const f = [
      "b",
      `w=${w}`,
      `s=${shape}`,
      `p3=${w.slice(0, 3)}`,
      `x2=${w.slice(-2)}`,
      `x3=${w.slice(-3)}`,
      `x4=${w.slice(-4)}`,
      `w-1=${prev}`,
      `w+1=${next}`,
      `w-2=${i > 1 ? lower[i - 2] : "<s>"}`,
      `w+2=${i + 2 < n ? lower[i + 2] : "</s>"}`,
      `w-1w=${prev}|${w}`,
      `ww+1=${w}|${next}`,
      `s-1s=${prevShape}|${shape}`,
      `ss+1=${shape}|${nextShape}`,
      `g-=${gaps[i]}`,
      `g+=${gaps[i + 1]}`,
      `g-s=${gaps[i]}|${shape}`,
      `len=${Math.min(token.text.length, 8)}`,
    ];
    if (caps) f.push("caps", `caps|w=${w}`);
    else f.push(`raw=${token.text}`);
    if (i === 0 || /^[“"‘(]$/u.test(gaps[i] as string)) f.push(`first|s=${shape}`);
    if (token.possessive) f.push("pos");
    for (const c of classes[i] as string[]) f.push(`lx=${c}`, `lx|s=${c}|${shape}`);
    for (const c of i > 0 ? (classes[i - 1] as string[]) : ["<s>"]) f.push(`lx-1=${c}`);
    for (const c of i + 1 < n ? (classes[i + 1] as string[]) : ["</s>"]) f.push(`lx+1=${c}`);
    if (i + 1 < n) {
      for (const t of lexiconTags(`${w} ${next}`)) f.push(`lxbi=${t}`);
    }
    if (i > 0) {
      for (const t of lexiconTags(`${prev} ${w}`)) f.push(`lxbi-1=${t}`);
    }
    if (TITLES.has(prev.replace(/\.$/, ""))) f.push("title-1");
    if (SPEECH_VERBS.has(next)) f.push("speech+1");
    if (i + 2 < n && SPEECH_VERBS.has(lower[i + 2] as string)) f.push("speech+2");
    if (SPEECH_VERBS.has(prev)) f.push("speech-1");
    out.push(f);
  }
  return out;
}
