// Words that say what kind of answer a question wants, and the words an answer of that kind is found by.
/** Nouns after `what`/`which` that ask for a place: `In what city …?`, `Which country …?`. */
export const PLACE_FOCUS_NOUNS: ReadonlySet<string> = new Set(
  (
    "place places city cities town towns village country countries state states region regions province " +
    "provinces continent continents county counties location locations area areas island islands district " +
    "districts neighborhood neighbourhood street capital venue stadium nation nations port river"
  ).split(" "),
);

/** Nouns after `what`/`which` that ask for an amount: `What percentage …?`, `What was the population …?`. */
export const AMOUNT_FOCUS_NOUNS: ReadonlySet<string> = new Set(
  (
    "percentage percent proportion share number amount population size total sum cost price fee rate " +
    "score margin count height length width depth weight distance speed temperature age budget salary " +
    "attendance capacity value fine penalty"
  ).split(" "),
);

/** Adjectives after `how` that ask for a measure: `How long …?`, `How old …?`. */
export const MEASURE_ADJECTIVES: ReadonlySet<string> = new Set(
  "long old far big large tall high wide deep heavy fast often tall expensive late early".split(" "),
);

/** Verbs of speech a quote-seeking question uses: `What did Ms Vale say about …?`. */
export const QUOTE_VERBS: ReadonlySet<string> = new Set(
  "say said says tell told think thinks thought claim claimed claims argue argued argues write wrote".split(
    " ",
  ),
);
