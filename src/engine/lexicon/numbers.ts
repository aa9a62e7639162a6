// Numbers written as words, and the one reader of them: `twenty-five` 25, `two hundred` 200, `a dozen` 12.
import { words } from "./words.ts";

export const DIGIT_WORDS = words("one two three four five six seven eight nine");
export const TEEN_WORDS = words(
  "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
);
export const TENS_WORDS = words("twenty thirty forty fifty sixty seventy eighty ninety");

/** Every number word below a thousand that adds to an amount (`a` and `an` count one). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  ...Object.fromEntries(DIGIT_WORDS.map((w, i) => [w, i + 1])),
  ...Object.fromEntries(TEEN_WORDS.map((w, i) => [w, i + 10])),
  ...Object.fromEntries(TENS_WORDS.map((w, i) => [w, (i + 2) * 10])),
  hundred: 100,
};

/** Number words above the units, and how much each multiplies what comes before it. */
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** The multipliers written after digits: `2.5 million`, `40 thousand`. */
export const LARGE_SCALE_WORDS = Object.keys(MULTIPLIER_WORDS).filter(
  (w) => (MULTIPLIER_WORDS[w] ?? 0) >= 1_000,
);

/** `a dozen`, `a score`: a counted amount said as one word. */
export const COUNT_NOUNS: Readonly<Record<string, number>> = { dozen: 12, score: 20 };

/** Ordinal words: `the third death` is not `the first death`. (`21st` and the like are read from their digits.) */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  twentieth: 20,
  hundredth: 100,
};

/** The endings of an ordinal written in digits: `21st`, `3rd`. */
export const ORDINAL_SUFFIXES = words("st nd rd th");

/** The value of number words: `two hundred` 200, `twenty-five thousand` 25,000, `a dozen` 12; null if a word is none. */
export function wordsValue(text: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of text.toLowerCase().split(/[\s-]+/)) {
    if (raw === "and" || raw === "") continue;
    if (raw === "a" || raw === "an") {
      current += 1;
      continue;
    }
    const count = COUNT_NOUNS[raw];
    const small = NUMBER_WORDS[raw];
    const scale = MULTIPLIER_WORDS[raw];
    if (count !== undefined) current = (current || 1) * count;
    else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else if (small !== undefined) current += small;
    else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
