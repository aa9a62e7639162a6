// The answerability model's features: the ranker's and extractor's scores and what the question asks that the
// article lacks, then the question's kind and asked noun class as one-hot columns.

import { NOUN_CLASS_NAMES, QUESTION_KINDS } from "../question/question.ts";
import { featureIndex, oneHot } from "./feature-index.ts";

const NAMED = [
  "topProbability",
  "secondProbability",
  "topMargin",
  "marginGap",
  "topCoverage",
  "topCorefCoverage",
  "topExactCoverage",
  "topMatchedShare",
  "topNamesMatched",
  "bestCoverage",
  "topMissingWeight",
  "topMissingNames",
  "topMissingNumbers",
  "negationDiffers",
  "uncoveredWeight",
  "uncoveredTerms",
  "missingNames",
  "questionNames",
  "questionTerms",
  "phraseProbability",
  "phraseMargin",
  "phraseGap",
  "phraseQuestionOverlap",
  "phraseIsName",
  "phraseIsDate",
  "phraseHasNumber",
  "topPersons",
  "topPlaces",
  "topDates",
  "topNumbers",
  "sentences",
  "negated",
] as const;
export const ANSWERABILITY_FEATURES: readonly string[] = [
  ...NAMED,
  ...oneHot("kind", QUESTION_KINDS),
  ...oneHot("focus", NOUN_CLASS_NAMES),
];
export const ANSWERABILITY_COLUMN = featureIndex(NAMED);
/** Where the one-hot columns start. */
export const ANSWERABILITY_NAMED = NAMED.length;
