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

/** The quantity a question asks for, first matching rule wins. */
export const MEASURE_QUESTION_RULES: readonly MeasureRule[] = [
  {
    id: "share-asked",
    pattern: /\b(?:percentage|percent|per\s+cent|proportion|share|fraction)\b/i,
    action: "share",
    reason: "`What percentage of voters …?` is answered by a share (`40 %`, `two-thirds`)",
  },
  {
    id: "money-asked",
    pattern:
      /\b(?:how\s+much\s+money|cost|costs|costing|price|priced|paid|pay|pays|spend|spent|worth|fund|funding|budget|salary|wage|fine[ds]?|revenue|profit|raised?|earn(?:s|ed)?)\b/i,
    action: "money",
    reason: "`How much did the repairs cost?` is answered by a sum of money",
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
    id: "duration-asked",
    pattern: /\bhow\s+long\b/i,
    action: "duration",
    reason: "`How long did the work take?` is answered by a length of time",
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

/** How a number phrase shows each kind of quantity. */
export const MEASURE_UNITS: Readonly<Record<Measure, RegExp>> = {
  money: /[$£€¥]|\b(?:dollars?|euros?|pounds?\s+sterling|yen|yuan|francs?|rupees?|shillings?|USD|EUR|GBP)\b/i,
  share: /%|\bper\s*cent\b|\bpercent\b|\b(?:half|third|thirds|quarter|quarters)\b/i,
  distance: /\b(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|yards?)\b/i,
  duration: /\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b/i,
  age: /\b(?:years?\s+old|aged?)\b|^\d{1,3}$/i,
  weight: /\b(?:tonnes?|tons?|kg|kilograms?|grams?|pounds?|lbs?)\b/i,
  area: /\b(?:square|hectares?|acres?|sq)\b/i,
};

/**
 * Measures a count of something cannot answer: `How long does the crossing take?` is not `1,200 passengers`. With
 * no number in the unit asked for, only a number that counts no noun may answer. (A sum of money or a share may be
 * written as a bare number, so those two are not here.)
 */
export const UNIT_MEASURES: ReadonlySet<Measure> = new Set(["distance", "duration", "weight", "area"]);
