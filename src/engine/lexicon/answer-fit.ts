// Words that tell whether a number answers what a question counts: `How many *times* …?` counts no noun.

/** Focus words after `how many` that any number answers: `How many times …?` counts no noun of the sentence. */
export const ANY_COUNT_FOCUS: ReadonlySet<string> = new Set(
  "times number amount total size sum count value score margin attendance capacity population".split(" "),
);
