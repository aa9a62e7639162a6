// The checkable parts of a claim or an evidence sentence: amounts (digits or number words, with what they
// count), dates (read by the engine's date rules against the article date), names and places.
// Named rules, tested in test/rules/check-slots.test.ts.
import {
  anyOf,
  CONNECTORS,
  COUNT_ENDING_VERB_TAGS,
  DESCRIPTIVE_PLACE_NOUNS,
  DIGIT_WORDS,
  IRREGULAR_DEMONYMS,
  isCommonWord,
  isDemonym,
  isPlaceWord,
  isTimeWord,
  LARGE_SCALE_WORDS,
  lexiconTag,
  MULTIPLIER_WORDS,
  NUMBER_WORDS,
  PLACE_FRAMES,
  QUANTITY_MODIFIERS,
  regex,
  STOP_WORDS,
  TEEN_WORDS,
  TENS_WORDS,
  VAGUE_QUANTITIES,
  wordsValue,
} from "../lexicon/index.ts";
import { defined, group } from "../match.ts";
import { type CalendarDate, calendarDates } from "../parse/timex.ts";
import { fired, firedEverywhere, type Rule, type RuleId } from "../rules/rule.ts";
import { foldName, termOf } from "../text.ts";
import type { Span } from "../types.ts";

export interface Amount extends Span {
  value: number;
  /** Stems of the words that say what the number counts (`officers`), after modifiers such as `more`. */
  counted: string[];
  /** The number with what it counts, as written: `200 more police officers`. */
  phrase: string;
  rule: AmountRuleId;
}

/** How an amount rule reads the value of its match. */
type AmountAction = "digits-times-scale" | "digits" | "number-words";

const AMOUNT_VALUE: Record<AmountAction, (m: RegExpExecArray) => number | null> = {
  "digits-times-scale": (m) =>
    Number(m[1]) * defined(MULTIPLIER_WORDS[group(m, 2).toLowerCase()], "multiplier word"),
  digits: (m) => Number(m[0].replace(/,/g, "")),
  "number-words": (m) => wordsValue(m[0]),
};

const UNIT_WORD = anyOf([...DIGIT_WORDS, ...TEEN_WORDS]);
const TENS_WORD = anyOf(TENS_WORDS);
const SMALL = `(?:${TENS_WORD}(?:[- ]${UNIT_WORD})?|${UNIT_WORD})`;
const SCALE = anyOf(Object.keys(MULTIPLIER_WORDS));

export const AMOUNT_RULES = [
  {
    id: "digits-with-scale",
    match: regex("giu")`(?<![\p{L}\p{N}.,])(\d+(?:\.\d+)?)\s+(${LARGE_SCALE_WORDS})\b`,
    action: "digits-times-scale",
    example: "a grant of 3 billion euros",
    reason: "`1.5 million` is 1,500,000",
  },
  {
    id: "digits",
    match:
      /(?<![\p{L}\p{N}.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{N}])|(?<![\p{L}\p{N}.,])\d+(?:\.\d+)?(?![\p{N}])/gu,
    action: "digits",
    example: "some 4,500 runners",
    reason: "`600`, `1,200`, `2.5` are amounts (years and dates are read as dates first)",
  },
  {
    id: "number-words",
    match: new RegExp(
      `\\b(?:a\\s+(?:${SCALE}|dozen)|(?:${SMALL}\\s+)?(?:${SMALL}|${SCALE}|dozen))(?:[\\s-]+(?:and\\s+)?(?:${SMALL}|${SCALE}))*\\b`,
      "gi",
    ),
    action: "number-words",
    example: "forty-two lifeboats",
    reason:
      "`two hundred` is 200, `a dozen` 12: a number written out is the same amount as its digits (`a` only before a scale: `a two-year rebuild` counts two years)",
  },
] as const satisfies readonly Rule<string, AmountAction>[];

export type AmountRuleId = RuleId<typeof AMOUNT_RULES>;

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * What the number ending at `end` counts: the content words right after it (at most three), past `more`, `other`,
 * `of the`: `200 more police officers` → police, officer. The engine's one reading of what a number counts.
 */
function wordsCountedAfter(text: string, end: number, base: number): { counted: string[]; end: number } {
  const counted: string[] = [];
  let last = end;
  // Where the words read so far end, modifiers included: the phrase ends at its last counted word.
  let read = end;
  WORD.lastIndex = end - base;
  let taken = 0;
  for (let m = WORD.exec(text); m && taken < 4; m = WORD.exec(text)) {
    if (/[.,;:!?—–()]/.test(text.slice(read - base, m.index))) break;
    const word = m[0].toLowerCase();
    taken++;
    read = base + m.index + m[0].length;
    if (QUANTITY_MODIFIERS.has(word)) continue;
    if (
      STOP_WORDS.has(word) ||
      NUMBER_WORDS[word] !== undefined ||
      COUNT_ENDING_VERB_TAGS.has(lexiconTag(word) ?? "")
    )
      break;
    counted.push(termOf(word));
    last = base + m.index + m[0].length;
    if (counted.length === 3) break;
  }
  return { counted, end: last };
}

/** The amounts a text states, outside the given date spans. A `one` or `a` is not an amount worth checking. */
export function amountsIn(text: string, base: number, dates: readonly Span[]): Amount[] {
  const found: Amount[] = [];
  const taken = (start: number, end: number) =>
    found.some((f) => f.start < end && f.end > start) || dates.some((d) => d.start < end && d.end > start);
  for (const { id, action, match: m } of firedEverywhere(AMOUNT_RULES, text)) {
    const start = base + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const value = AMOUNT_VALUE[action](m);
    if (value === null || value === 1 || Number.isNaN(value)) continue;
    const after = wordsCountedAfter(text, end, base);
    found.push({
      start,
      end,
      value,
      counted: after.counted,
      phrase: text.slice(start - base, after.end - base),
      rule: id,
    });
  }
  return found.sort((a, z) => a.start - z.start);
}

/** A vague amount (`hundreds of officers`) in a text: it makes an exact amount unverifiable, not wrong. */
export const hasVagueAmount = (text: string) =>
  (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).some((w) => VAGUE_QUANTITIES.has(w));

/** A date of a claim or a sentence: a calendar value (`2025-02-23`, `2024-06`, `2023`), read by the timex module. */
export type DateSlot = CalendarDate;

const claimDates = new Map<string, DateSlot[]>();

/** A claim's dates, relative ones read against the article's date (cached per claim and date). */
export function datesOfClaim(text: string, articleDate: string | null): DateSlot[] {
  const key = `${articleDate ?? ""}\u0000${text}`;
  const cached = claimDates.get(key);
  if (cached) return cached;
  const dates = calendarDates(text, articleDate);
  if (claimDates.size > 2000) claimDates.clear();
  claimDates.set(key, dates);
  return dates;
}

/** How a claimed date stands to a stated one: the same (or the claim is coarser), finer than stated, or other. */
export function compareDates(claimed: string, stated: string): "same" | "finer" | "different" {
  if (stated.startsWith(claimed)) return "same";
  if (claimed.startsWith(stated)) return "finer";
  return "different";
}

export type NameKind = "person" | "place" | "other";

export interface NameSlot extends Span {
  text: string;
  kind: NameKind;
}

/**
 * The keys a place word can be known by: `Kenyan` → `kenyan`, `kenya`; `Haitian` → `haiti`. A people in the
 * plural is known by its singular's keys too (`Kenyans` → `kenya`, `Germans` → `germany`).
 */
export function placeKeys(word: string): string[] {
  const folded = foldName(word);
  const keys = new Set([folded]);
  const singular = folded.endsWith("s") ? folded.slice(0, -1) : "";
  const forms =
    singular && (isDemonym(singular) || IRREGULAR_DEMONYMS[singular]) ? [folded, singular] : [folded];
  for (const form of forms) {
    keys.add(form);
    const irregular = IRREGULAR_DEMONYMS[form];
    if (irregular) keys.add(irregular);
    for (const hit of fired(DEMONYM_RULES, form))
      for (const key of DEMONYM_PLACES[hit.action](hit.match)) keys.add(key);
  }
  return [...keys];
}

/** The places a demonym rule names: the stem, or the stem with each ending a place name can have. */
type DemonymAction = "stem" | "stem-with-endings";

const DEMONYM_PLACES: Record<DemonymAction, (m: RegExpExecArray) => string[]> = {
  stem: (m) => [group(m, 1)],
  "stem-with-endings": (m) => [`${m[1]}i`, `${m[1]}ia`, `${m[1]}a`, `${m[1]}y`],
};

/** A people's word and its place, by suffix; every rule that holds adds its keys. Tested on folded words. */
export const DEMONYM_RULES = [
  {
    id: "demonym-ian",
    match: /^(\p{L}{3,})ian$/u,
    action: "stem-with-endings",
    example: "bolivian",
    reason: "`Haitian` → `Haiti`, `Canadian` → `Canada`, `Italian` → `Italy`",
  },
  {
    id: "demonym-an",
    match: /^(\p{L}{3,}a)n$/u,
    action: "stem",
    example: "kenyan",
    reason: "`Kenyan` → `Kenya`",
  },
  {
    id: "demonym-ese",
    match: /^(\p{L}{3,})ese$/u,
    action: "stem",
    example: "sudanese",
    reason: "`Sudanese` → `Sudan`, `Senegalese` → `Senegal`",
  },
  {
    id: "demonym-i",
    match: /^(\p{L}{3,})i$/u,
    action: "stem",
    example: "iraqi",
    reason: "`Iraqi` → `Iraq`, `Pakistani` → `Pakistan`",
  },
] as const satisfies readonly Rule<string, DemonymAction>[];

export type DemonymRuleId = RuleId<typeof DEMONYM_RULES>;

/** Two place words name the same place: `Kenya` and `Kenyan` share the key `kenya`. */
export function samePlace(a: string, b: string): boolean {
  const keys = placeKeys(a);
  return placeKeys(b).some((k) => keys.includes(k));
}

/** A capitalised word that is a place or a people: by the lexicon, or by the article's own places. */
export const isPlaceName = (word: string, knownPlaces: ReadonlySet<string>) =>
  isPlaceWord(word.toLowerCase()) ||
  isDemonym(word.toLowerCase()) ||
  placeKeys(word).some((k) => knownPlaces.has(k));

const NAME_RUN = regex("gu")`\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:${CONNECTORS}\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*`;

/** Capitalised runs of a claim: names. At the start of a sentence only words the lexicon does not know as common. */
export function nameRuns(text: string, base = 0): (Span & { text: string })[] {
  const runs: (Span & { text: string })[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    let start = m.index;
    let words = m[0].split(/\s+/);
    // The first word of the sentence is capitalised anyway: it is a name only when it is not a common word.
    const atStart = /^[\s"“'‘(]*$/u.test(text.slice(0, start));
    for (
      let word = words[0];
      word !== undefined && atStart && start === m.index && isCommonWord(word);
      word = words[0]
    ) {
      start += word.length + 1;
      words = words.slice(1);
      while (/\s/.test(text[start] ?? "")) start++;
    }
    // Weekdays and months are dates; `I` is no name.
    words = words.filter((w) => !isTimeWord(w.replace(/['’]s$/u, "")) && w !== "I");
    const [firstWord] = words;
    const lastWord = words.at(-1);
    if (firstWord === undefined || lastWord === undefined) continue;
    const first = text.indexOf(firstWord, start);
    const end = text.indexOf(lastWord, first) + lastWord.length;
    runs.push({ start: base + first, end: base + end, text: text.slice(first, end).replace(/['’]s$/u, "") });
  }
  return runs;
}

export type PlaceFrame = "location" | "origin" | "goal" | "description" | "other";

/** What a place-frame rule reads: the words after the place or before it. Each action says which. */
type PlaceFrameAction = "description-noun-after" | "nearest-preposition-before" | "demonym-before-noun";

const PLACE_FRAME_READERS: Record<
  PlaceFrameAction,
  { on: "before" | "after"; frame: (m: RegExpExecArray, word: string) => PlaceFrame | null }
> = {
  "description-noun-after": {
    on: "after",
    frame: (m) =>
      DESCRIPTIVE_PLACE_NOUNS.has(group(m, 1)) || DESCRIPTIVE_PLACE_NOUNS.has(m[2] ?? "")
        ? "description"
        : null,
  },
  "nearest-preposition-before": {
    on: "before",
    frame: (m) => {
      const words = m[0].trim().split(/\s+/).reverse();
      for (const w of words) {
        const frame = PLACE_FRAMES[w];
        if (frame) return frame;
      }
      return null;
    },
  },
  "demonym-before-noun": {
    on: "after",
    frame: (_, word) => (!isPlaceWord(word.toLowerCase()) && placeKeys(word).length > 1 ? "origin" : null),
  },
};

/** The role of a place in its sentence, tried in order: the first rule that gives a frame decides. */
export const PLACE_FRAME_RULES = [
  {
    id: "descriptive-place",
    match: /^\s+([\p{Ll}-]+)(?:\s+(\p{Ll}+))?/u,
    action: "description-noun-after",
    example: " country on Monday",
    reason: "`the Caribbean country` describes a place named elsewhere; it is no other place",
  },
  {
    id: "place-preposition",
    // The nearest preposition, past `the` and up to two lower-case words: `in the western Artibonite`.
    match: /\b(\p{Ll}+)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u,
    action: "nearest-preposition-before",
    example: "Volunteers came from the ",
    reason: "`killed in Haiti` names where, `officers from Kenya` where from, `sent to Haiti` where to",
  },
  {
    id: "demonym-adjective",
    match: /^\s+\p{Ll}/u,
    action: "demonym-before-noun",
    example: " climber reached the top",
    reason: "`a Kenyan officer` is an officer from Kenya",
  },
] as const satisfies readonly Rule<string, PlaceFrameAction>[];

export type PlaceFrameRuleId = RuleId<typeof PLACE_FRAME_RULES>;

/** The role a place plays in its sentence: a place is compared only with a place in the same role. */
export function placeFrame(text: string, start: number, end: number): PlaceFrame {
  const around = { before: text.slice(Math.max(0, start - 40), start), after: text.slice(end, end + 30) };
  const word = text.slice(start, end);
  for (const hit of fired(PLACE_FRAME_RULES, (rule) => around[PLACE_FRAME_READERS[rule.action].on])) {
    const frame = PLACE_FRAME_READERS[hit.action].frame(hit.match, word);
    if (frame) return frame;
  }
  return "other";
}
