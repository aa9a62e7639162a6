// How the other lexicon files write their lists, and how rules build a regular expression from them. A rule never
// spells a word list inside its pattern: it names a list here (`regex("i")\`\b${DETERMINERS}\s\``), so every word
// class is written once and an alternation reads as what it means.

/** A word list written as one line, in order: `words("said told added")`. */
export const words = (line: string): readonly string[] => line.trim().split(/\s+/);

/** A list of phrases written as one line, `|` between them: `phrases("today|last night")`. */
export const phrases = (line: string): readonly string[] => line.split("|");

/** A word list as a set, for word-by-word checks. */
export const wordSet = (line: string): ReadonlySet<string> => new Set(words(line));

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Words as one non-capturing alternation, in the order given (the first that matches wins): `(?:said|told)`. */
export function anyOf(list: Iterable<string>): string {
  return `(?:${[...list].map(literal).join("|")})`;
}

/** Each word with its first letter capitalised: `mr` → `Mr`, for patterns without the `i` flag. */
export const capitalised = (list: Iterable<string>): string[] =>
  [...list].map((w) => w.charAt(0).toUpperCase() + w.slice(1));

type Part = string | RegExp | Iterable<string>;

/**
 * A regular expression written as a raw template whose `${…}` parts are word lists (each an `anyOf`), regex
 * sources (strings) or other patterns: `regex("iu")\`^(${AUXILIARIES})\s\``.
 */
export function regex(flags = "") {
  return (template: TemplateStringsArray, ...parts: Part[]): RegExp =>
    new RegExp(String.raw({ raw: template.raw }, ...parts.map(source)), flags);
}

function source(part: Part): string {
  if (typeof part === "string") return part;
  if (part instanceof RegExp) return part.source;
  return anyOf(part);
}
