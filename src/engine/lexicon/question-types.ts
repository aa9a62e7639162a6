// Words that say what kind of answer a question wants, and the words an answer of that kind is found by.
import { NEGATION_WORDS } from "./check.ts";

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

/** Words that open a reason: the answer to a why-question follows them. */
export const REASON_MARKERS: readonly string[] = [
  "because of",
  "because",
  "due to",
  "owing to",
  "thanks to",
  "as a result of",
  "as a consequence of",
  "in order to",
  "so that",
  "in response to",
  "in protest",
  "for fear",
  "since",
  "after",
  "following",
  "for",
  "to",
];

/** Units and measure nouns a number is read with: `12 kilometres`, `$4 million`, `40 per cent`. */
export const UNIT_WORDS: ReadonlySet<string> = new Set(
  (
    "percent per cent % million millions billion billions trillion thousand thousands hundred hundreds dozen " +
    "dozens km kilometres kilometers kilometre kilometer miles mile metres meters metre meter feet foot ft " +
    "inches inch cm mm kg kilograms kilogram grams gram pounds pound lb lbs tons tonnes ton tonne acres acre " +
    "hectares hectare square cubic litres liters gallons degrees years year months month weeks week days day " +
    "hours hour minutes minute seconds second mph dollars dollar euros euro yen yuan rupees rupee francs franc " +
    "lira lire pesos peso rubles ruble roubles rouble shillings shilling kronor krona kroner krone dinars dinar " +
    "riyals riyal rand baht celsius fahrenheit kelvin points point times"
  ).split(" "),
);

/** Number words that count: `three officers`, `a dozen`, `forty-two`. */
export const COUNT_WORDS: ReadonlySet<string> = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " +
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand " +
    "million billion dozen dozens hundreds thousands millions billions half quarter twice thirds quarters fifths " +
    "tenths"
  ).split(" "),
);

/**
 * Words that count without a number (`none of the treaties`, `a single lane`, `several ferries`): an answer to how
 * many only where they count the noun asked about.
 */
export const COUNT_QUANTIFIERS: ReadonlySet<string> = new Set([
  "none",
  "a single",
  "a few",
  "only a few",
  "several",
  "both",
  "neither",
]);

/**
 * Words that say how many of a noun there are, though not as an answer (`all bakeries`, `many clinics`, `the first
 * three`): a sentence that puts one of these, a number or a count word next to the noun asked about says something
 * about how many there are, so a how-many question over it is not one the article leaves open.
 */
export const AMOUNT_WORDS: ReadonlySet<string> = new Set(
  "all every each many most some few several numerous no none both neither single only dozen dozens".split(
    " ",
  ),
);

/**
 * Words after a verb that show it has no object there (`a mural painted *on* the wall`, `than it was built *for*`):
 * the verb is passive, or says nothing of the thing done to. `by` is not among them: it names the doer.
 */
export const AFTER_OBJECTLESS_VERB: ReadonlySet<string> = new Set(
  "for on in at from with to during since into over under across near before after as".split(" "),
);

/** Words that open what follows a question's verb (`Why did the school *choose* the firm?`, `… *leak* in May?`). */
export const AFTER_QUESTION_VERB: ReadonlySet<string> = new Set(
  "the a an this that its his her their these those to by for in on at from with of".split(" "),
);

/** Verbs whose event is their object noun: `took a vote` is a vote, `made a choice` a choice. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  "give gave given gives make made makes take took taken takes have has had get got gets do did does".split(
    " ",
  ),
);

/** Words that negate a statement: a yes-no question's best sentence is read as saying no when it holds one. */
export const NEGATED_READING_WORDS: ReadonlySet<string> = new Set([
  ...NEGATION_WORDS,
  "n't",
  "refused",
  "refuses",
]);

/**
 * Words an infinitive completes rather than states the aim of: `decided *to* close`, `whether *to* fit`, `able *to*
 * pay`. A `to …` after one of them is no reason.
 */
export const INFINITIVE_TAKERS: ReadonlySet<string> = new Set(
  (
    "whether how what where when which who decide decided decides deciding want wants wanted plan plans planned " +
    "planning hope hopes hoped expect expects expected agree agreed agrees refuse refused refuses try tried tries " +
    "trying need needs needed have has had going able unable likely unlikely used set due about begin began begun " +
    "start started continue continued seem seems seemed appear appeared fail failed failing promise promised " +
    "intend intended intends aim aims aimed wish wished choose chose chosen allowed asked told ordered forced " +
    "ought order willing ready first last next only"
  ).split(" "),
);
