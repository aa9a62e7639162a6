// Whether a phrase that holds no name can answer a who-question (`the town council`, `two fishermen`): named
// rules, each a way such a phrase names no one. Tested in test/rules/who-phrase.test.ts.
import type { AnalyzedArticle } from "../analyze.ts";
import { GENERIC_NOUNS } from "../lexicon/index.ts";
import { phraseHead } from "../text.ts";
import type { Span } from "../types.ts";
import {
  ARTIFACT_FILE,
  LOCATION_FILE,
  namesPeople,
  nounClass,
  SUBSTANCE_FILE,
  TIME_FILE,
} from "../wordnet/noun-class.ts";

export interface NoOneRule {
  id: string;
  /**
   * True when the phrase (its article span, and its head word in lower case) names no one; `patient` when the
   * question asks whom something was done to (`Who did the mayor ban?`), not who did it.
   */
  test: (article: AnalyzedArticle, span: Span, head: string, patient: boolean) => boolean;
  reason: string;
}

/** A date the reader found covers this share of the phrase: the phrase is a time. */
const TIME_SHARE = 0.6;

export const NO_ONE_RULES = [
  {
    id: "time-phrase",
    test: (article, span) =>
      article.timexes.some(
        (t) =>
          Math.min(t.end, span.end) - Math.max(t.start, span.start) >= (span.end - span.start) * TIME_SHARE,
      ),
    reason: "`in the 1970s`, `last spring`: a phrase the date reader takes as a time",
  },
  {
    id: "head-not-a-noun",
    test: (_, __, head) => nounClass(head) === null,
    reason: "`restored`, `quickly`: a phrase whose head WordNet knows as no noun",
  },
  {
    id: "substance-or-time-noun",
    test: (_, __, head) => {
      const file = nounClass(head);
      return file === SUBSTANCE_FILE || file === TIME_FILE;
    },
    reason: "`its glass roof` → `glass`, `the dry season`: a substance or a stretch of time",
  },
  {
    id: "thing-or-place-noun",
    test: (_, __, head, patient) => {
      const file = nounClass(head);
      return !patient && (file === ARTIFACT_FILE || file === LOCATION_FILE);
    },
    reason:
      "`the old chapel floor`, `the square`: a thing made or a place does nothing (though it may be what is done to: `Who did the mayor ban?` → `lorries`)",
  },
  {
    id: "generic-noun",
    test: (_, __, head) => GENERIC_NOUNS.has(head),
    reason: "`part of the work`: a noun too general to be anyone",
  },
] as const satisfies readonly NoOneRule[];

/**
 * The rule by which a nameless phrase names no one, or null when it may answer who. A phrase whose head or last
 * word names people (`local people`, `one of the gangs`) always may.
 */
export function namesNoOne(article: AnalyzedArticle, span: Span, patient = false): NoOneRule["id"] | null {
  const text = article.text.slice(span.start, span.end);
  const head = phraseHead(text);
  if (namesPeople(head) || namesPeople(phraseHead(text.replace(/^.*\bof\s+/iu, "")))) return null;
  return NO_ONE_RULES.find((r) => r.test(article, span, head, patient))?.id ?? null;
}
