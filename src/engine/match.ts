// Reading a regular expression's match with types that tell the truth: a capture group the pattern always fills
// when it matches is a string, and one that may be left out (`(…)?`, one side of `|`) is `string | undefined`.

/**
 * The text of capture group `n`, which the pattern fills whenever it matches. Throws when it is empty-handed:
 * then the pattern and the code that reads it disagree, and going on with `undefined` would hide that.
 */
export function group(match: RegExpMatchArray, n: number): string {
  const text = match[n];
  if (text === undefined)
    throw new Error(`capture group ${n} took no part in the match ${JSON.stringify(match[0])}`);
  return text;
}
