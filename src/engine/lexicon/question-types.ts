// Words that say what kind of answer a question wants, and the words an answer of that kind is found by.
import { AUXILIARIES, REFERRING_PRONOUNS } from "./grammar.ts";
import { words } from "./words.ts";

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

/** Nouns after `what`/`which` that ask for a time: `In what year …?`, `Which decade …?`. */
export const TIME_FOCUS_NOUNS = words("year years date day month century decade season time era period");

/** Prepositions before `what year`: `In what year …?`, `Since which date …?`. */
export const TIME_QUESTION_PREPOSITIONS = words("in on by during since until");

/** Verbs of paying: `What does a ticket cost?` asks for a sum. */
export const PAYMENT_VERBS = words("pay pays cost costs charge charges earn earns");

/** Prepositions that strand the thing paid for: `What did the council pay for?`. */
export const PAID_FOR_PREPOSITIONS = words("for on to");

/** Nouns that ask why: `What was the reason …?`. */
export const CAUSE_NOUNS = words("reason cause motive");

/** Nouns of `what kind of …`, passed over to the focus noun. */
export const KIND_NOUNS = words("kind type sort form");

/** Auxiliaries of a question for someone's words: `What did Vale say …?`, `What has Vale said …?`. */
export const QUOTE_QUESTION_AUXILIARIES = words("did does has had do");

/** Auxiliaries of a question for a sum: `What does a ticket cost?`, `What would it cost?`. */
export const SUM_QUESTION_AUXILIARIES = words("does did do will would could");

/** Prepositions before a quote's topic: `What did Vale say about the budget?`. */
export const TOPIC_PREPOSITIONS = words("about of on regarding");

/** Words after `what`/`which` that cannot be the question's focus noun: `What did …`, `Which of …`. */
export const NOT_FOCUS_WORDS = [
  ...AUXILIARIES,
  ...words("of the a an to in on for kind type sort"),
  ...REFERRING_PRONOUNS,
];

/** Prepositions a query may open with and still be a question: `In which town …`, `Since when …`. */
export const QUESTION_OPENING_PREPOSITIONS = words("in on at during since by until");
