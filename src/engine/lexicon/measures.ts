// What kind of quantity a how-much/how-many question asks for, and how a number phrase shows its kind: a cost is
// answered by money, `what percentage` by a share, `how far` by a distance. Used to prefer, never to require.

export type Measure = "money" | "share" | "distance" | "duration" | "age" | "weight" | "area";

export interface MeasureRule {
  id: string;
  /** Matched against the question. */
  pattern: RegExp;
  action: Measure;
  reason: string;
}

/**
 * Words that ask for a sum of money (`cost`, `paid`, `fined`): they say what is asked, not what it is about.
 * `money` alone does not ask for a sum (`What was the money for?`); `how much money` does.
 */
export const MONEY_QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    "money cost costs costing price priced paid pay pays spend spent worth fund funding budget salary wage fine " +
    "fined fines penalty revenue profit raise raised earn earns earned charge fee fees fare fares"
  ).split(" "),
);

/**
 * Words of size or extent: a passage that holds one speaks to `How deep …?` or `How heavy …?` though it gives no
 * number in the unit (`a deep lake`, `across any distance`, `four storeys high`).
 */
export const DIMENSION_WORDS: ReadonlySet<string> = new Set(
  "distance depth deep height high tall length long width wide far storeys stories floors weight heavy area size large".split(
    " ",
  ),
);

/** Words for a sum paid as a punishment: a fine is not any sum (`How much was the firm fined?` is not its costs). */
export const PENALTY_WORDS: ReadonlySet<string> = new Set("fine fined fines penalty penalties".split(" "));

/** The quantity a question asks for, first matching rule wins. */
export const MEASURE_QUESTION_RULES: readonly MeasureRule[] = [
  {
    id: "share-asked",
    pattern: /\b(?:percentage|percent|per\s+cent|proportion|share|fraction)\b/i,
    action: "share",
    reason: "`What percentage of voters …?` is answered by a share (`40 %`, `two-thirds`)",
  },
  {
    id: "duration-asked",
    pattern:
      /\bhow\s+long\b(?!\s+is\s+the\s+(?:new\s+)?(?:road|river|bridge|route|line|tunnel|runway)\s*\??\s*$)|\b(?:amount|length|period)\s+of\s+time\b|\bhow\s+many\s+(?:\w+\s+)?(?:years|months|weeks|days|hours|minutes|seconds)\b/i,
    action: "duration",
    reason:
      "`How long did the work take?`, `What amount of time …`, `How many days …` are answered by a length of time (read before money: `How long did they spend …`)",
  },
  {
    id: "money-asked",
    // `How many passengers pay …` counts passengers: money only when no counted noun follows `how many`.
    pattern: new RegExp(
      `^(?!.*\\bhow\\s+many\\s+(?!dollars|euros|pounds)[a-z])(?=.*\\b(?:how\\s+much\\s+money|${[...MONEY_QUESTION_WORDS].filter((w) => w !== "money").join("|")})\\b)`,
      "i",
    ),
    action: "money",
    reason: "`How much did the repairs cost?` is answered by a sum of money (not `How many riders pay …?`)",
  },
  {
    id: "distance-asked",
    pattern:
      /\bhow\s+(?:far|high|tall|deep|wide)\b|\bhow\s+long\s+is\s+the\s+(?:new\s+)?(?:road|river|bridge|route|line|tunnel|runway)\s*\??\s*$/i,
    action: "distance",
    reason: "`How far is the quay from the town?` is answered by a distance",
  },
  {
    id: "age-asked",
    pattern: /\bhow\s+old\b/i,
    action: "age",
    reason: "`How old was the driver?` is answered by an age",
  },
  {
    id: "weight-asked",
    pattern: /\bhow\s+heavy\b|\bweigh(?:s|ed|t)?\b/i,
    action: "weight",
    reason: "`How heavy is the load?` is answered by a weight",
  },
  {
    id: "area-asked",
    pattern: /\bhow\s+(?:large|big)\s+(?:an?\s+)?area\b|\bhow\s+many\s+(?:hectares|acres|square)\b/i,
    action: "area",
    reason: "`How large an area burned?` is answered by an area",
  },
];

/** The quantity a question asks for, by the first measure rule that matches it (none for a plain count). */
export const measureAsked = (question: string): Measure | undefined =>
  MEASURE_QUESTION_RULES.find((r) => r.pattern.test(question))?.action;

/** How a number phrase shows each kind of quantity. */
export const MEASURE_UNITS: Readonly<Record<Measure, RegExp>> = {
  money:
    /[$£€¥₹₩]|\b(?:dollars?|euros?|pounds?\s+sterling|yen|yuan|renminbi|francs?|rupees?|shillings?|lira|lire|marks?|rubles?|roubles?|pesos?|kron(?:a|e|or|er|ur)|dinars?|riyals?|rand|baht|USD|EUR|GBP)\b/i,
  share: /%|\bper\s*cent\b|\bpercent\b|\b(?:half|third|thirds|quarter|quarters)\b/i,
  distance: /\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|yards?)\b/i,
  duration:
    /\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b|^(?:from\s+)?1[5-9]\d\d\s+to\s+(?:1[5-9]|20)\d\d$/i,
  // An age is a number of years or months (`31 years`, `90 million years`, `nine months old`), or a bare one.
  age: /\b(?:years?|months?)(?:\s+old)?\b|\baged?\b|^\d{1,3}$/i,
  weight: /\b(?:tonnes?|tons?|kg|kilograms?|grams?|pounds?|lbs?)\b/i,
  area: /\b(?:square|hectares?|acres?|sq)\b/i,
};

/**
 * Measures a count of something cannot answer: `How long does the crossing take?` is not `1,200 passengers`. With
 * no number in the unit asked for, only a number that counts no noun may answer. (A sum of money or a share may be
 * written as a bare number, so those two are not here.)
 */
export const UNIT_MEASURES: ReadonlySet<Measure> = new Set(["distance", "duration", "weight", "area"]);

/** A year standing alone (`in 2019`): no answer to how many, unless it counts the asked noun (`2000 lanterns`). */
export const BARE_YEAR = /^(?:1[5-9]\d\d|20\d\d)$/;
