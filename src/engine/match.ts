// Checked reads where the types cannot see what the code knows: the capture group a pattern always fills (a string,
// where the types say `string | undefined`), and a table's entry for a word that pattern matched.

/**
 * The text of capture group `n`, which the pattern fills whenever it matches; with more groups (`group(m, 2, 3)`,
 * the two sides of a `|`), the first that took part. Throws when none did: then the pattern and the code that reads
 * it disagree, and going on with `undefined` would hide that.
 */
export function group(match: RegExpMatchArray, ...n: [number, ...number[]]): string {
  for (const i of n) {
    const text = match[i];
    if (text !== undefined) return text;
  }
  throw new Error(`capture group ${n.join(" or ")} took no part in the match ${JSON.stringify(match[0])}`);
}

/** A value the code knows is there (`SEASON_CODES` of a season word the pattern matched), checked: `what` names it. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}
