// Checking claims against an article. For each claim the passages that match it best are retrieved
// (retrieve.ts: a sentence, and with it the sentence before when it refers back), and the learned entailment
// classifier (entailment.ts) reads each passage as the premise and the claim as the hypothesis:
// - supported: a passage entails the claim with probability ≥ the support threshold, states every amount,
//   ordinal, date and name the claim states, and no other one, no opposite and no negation the claim lacks;
// - contradicted: a passage contradicts the claim with probability ≥ the contradiction threshold, and a specific
//   slot differs (the typed comparison of entailment-features.ts: another number, ordinal, date or name, an
//   opposite word, a negation);
// - not in the article: anything else; the best-matching passage is shown as the closest.
// The thresholds are chosen by cross-validation over the articles of the claim table (src/eval/claims.ts).

import { isFirstName, isPersonWord, NEGATION_CUE_WORDS, regex } from "../lexicon/index.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { FUTURE } from "../parse/timex/reading.ts";
import { foldName } from "../text.ts";
import type { Sentence } from "../types.ts";
import { type Claim, splitClaims } from "./claims.ts";
import { type Entailment, entailment } from "./entailment.ts";
import { type Passage, retrieveForClaim } from "./retrieve.ts";
import { datesOfClaim, isPlaceName, placeFrame } from "./slots.ts";

export type ClaimLabel = "supported" | "contradicted" | "not in the article";

export type SlotKind = "amount" | "ordinal" | "date" | "person" | "place" | "name" | "opposite" | "negation";

export interface Mismatch {
  slot: SlotKind;
  /** The claim's words: `600`, `Saturday`. */
  claimed: string;
  /** The article's words: `200`, `Sunday`. */
  article: string;
}

export interface ClaimCheck {
  claim: Claim;
  label: ClaimLabel;
  mismatch?: Mismatch;
  /** The sentence that decides the label (for "not in the article", the closest passage, if any). */
  evidence: Sentence | null;
  /** Further sentences the decision read (the earlier mention a pronoun refers to). */
  support: Sentence[];
  /** How sure the classifier is of the deciding passage: the probability of the label's class. */
  probability?: number;
}

export interface CheckThresholds {
  /** Entailment probability at or above which a passage supports the claim. */
  support: number;
  /**
   * A passage with a differing slot contradicts the claim when, with the claim's slot made the passage's, it
   * entails the claim with at least this probability (see ScoredPassage.butForSlot).
   */
  contradiction: number;
}

/**
 * Chosen by cross-validation over the articles of the claim table (tune on one half, report on the other, both
 * ways; `npm run eval`): the mean of the two halves' choices.
 */
export const CHECK_THRESHOLDS: CheckThresholds = { support: 0.725, contradiction: 0.725 };

/** Passages read per claim. */
const PASSAGES = 8;

export interface ScoredPassage {
  passage: Passage;
  /** The classifier on the passage as retrieved (with its antecedent when it refers back). */
  reading: Entailment;
  /**
   * With a differing slot: the entailment probability once the claim says what the passage says there (`three`
   * → `two`, `survived` → `died`, the negation dropped). High means the passage states the same fact but for that
   * slot, so it contradicts the claim; low means it is about something else.
   */
  butForSlot: number | null;
}

export interface ScoredClaim {
  claim: Claim;
  passages: ScoredPassage[];
}

/** Retrieves the claim's passages and reads each with the classifier (the part thresholds do not change). */
export function scoreClaim(article: AnalyzedArticle, claim: Claim): ScoredClaim {
  const passages = retrieveForClaim(article, claim.text, PASSAGES).flatMap((passage) => {
    const alone = { passage: { ...passage, antecedent: null, text: passage.sentence.text } };
    const read = (p: Passage) => {
      const reading = entailment(p.text, claim.text, article.meta.date);
      // Two names differ as a fact only when they are of one kind: a person for a person, a place for a place;
      // and a place described (`the East African country`) is named elsewhere, so it is no other place. Two dates
      // differ as a fact only on one side of the article's date.
      const m = reading.mismatch;
      const comparable =
        m?.slot === "name"
          ? nameKind(article, m.claimed) !== null &&
            nameKind(article, m.claimed) === nameKind(article, m.stated) &&
            !describes(p.text, m.stated)
          : m?.slot !== "date" || !acrossArticleDate(article, p.text, claim.text, m);
      const edited = comparable && reading.mismatch && withSlotOf(p.text, claim.text, reading.mismatch);
      const butForSlot = edited
        ? entailment(edited.premise, edited.claim, article.meta.date).entailment
        : null;
      return { passage: p, reading, butForSlot };
    };
    return passage.antecedent ? [read(alone.passage), read(passage)] : [read(passage)];
  });
  return { claim, passages };
}

const NEGATION_CUE = regex("i")`\s*\b${NEGATION_CUE_WORDS}\b|n['’]t\b`;

/** The pair with the claim's slot made the passage's: the claimed words replaced, or the negation dropped. */
function withSlotOf(
  premise: string,
  claim: string,
  mismatch: NonNullable<Entailment["mismatch"]>,
): { premise: string; claim: string } | null {
  if (mismatch.slot === "negation") {
    const from = NEGATION_CUE.test(claim) ? "claim" : "premise";
    const text = from === "claim" ? claim : premise;
    const dropped = text.replace(NEGATION_CUE, "");
    if (dropped === text) return null;
    return from === "claim" ? { premise, claim: dropped } : { premise: dropped, claim };
  }
  const at = claim.indexOf(mismatch.claimed);
  if (at < 0) return null;
  return { premise, claim: claim.slice(0, at) + mismatch.stated + claim.slice(at + mismatch.claimed.length) };
}

const supportOf = (p: ScoredPassage) => (p.passage.antecedent ? [p.passage.antecedent] : []);

/** The label of a scored claim under the given thresholds. */
export function decideClaim(scored: ScoredClaim, thresholds: CheckThresholds = CHECK_THRESHOLDS): ClaimCheck {
  const { claim, passages } = scored;
  const entailing = passages
    .filter(
      (p) =>
        p.reading.mismatch === null &&
        p.reading.unconfirmed === null &&
        p.reading.aligned.every((a) => a.alignment !== "none") &&
        p.reading.entailment >= thresholds.support,
    )
    .sort((a, z) => z.reading.entailment - a.reading.entailment)[0];
  if (entailing)
    return {
      claim,
      label: "supported",
      evidence: entailing.passage.sentence,
      support: supportOf(entailing),
      probability: entailing.reading.entailment,
    };
  const contradicting = passages
    .filter((p) => p.reading.mismatch !== null && (p.butForSlot ?? 0) >= thresholds.contradiction)
    .sort(
      (a, z) =>
        (z.butForSlot ?? 0) - (a.butForSlot ?? 0) || z.reading.contradiction - a.reading.contradiction,
    )[0];
  if (contradicting?.reading.mismatch) {
    const m = contradicting.reading.mismatch;
    return {
      claim,
      label: "contradicted",
      mismatch: { slot: m.slot, claimed: m.claimed, article: m.shown ?? m.stated },
      evidence: contradicting.passage.sentence,
      support: supportOf(contradicting),
      probability: contradicting.butForSlot ?? 0,
    };
  }
  // The closest passage: the one the classifier finds most about the claim (least neutral).
  const closest = [...passages].sort((a, z) => a.reading.neutral - z.reading.neutral)[0];
  return { claim, label: "not in the article", evidence: closest?.passage.sentence ?? null, support: [] };
}

/**
 * What a name names: the article's entity of that name (or one of whose words it is), else a place or people the
 * lexicon knows, else a person by a known first name or title; null when none says.
 */
function nameKind(article: AnalyzedArticle, name: string): "person" | "place" | "organization" | null {
  const words = foldName(name).split(/\s+/);
  const entity = article.entities.find((e) => {
    const own = foldName(e.name).split(/\s+/);
    return words.every((w) => own.includes(w));
  });
  if (entity) return entity.type;
  const bare = name.split(/\s+/).map((w) => w.replace(/-\p{Ll}+$/u, ""));
  if (bare.some((w) => isPlaceName(w, new Set()))) return "place";
  const first = (words[0] ?? "").toLowerCase();
  return isFirstName(first) || isPersonWord(first) ? "person" : null;
}

/**
 * The claim says what will happen, on a date wholly after the article's, and the passage's date is not after it:
 * a plan against a past event, two events, not one fact (`will vote next month` against `voted in January`).
 */
function acrossArticleDate(
  article: AnalyzedArticle,
  passage: string,
  claim: string,
  mismatch: { claimed: string; stated: string },
): boolean {
  const day = article.meta.date;
  if (!day || !FUTURE.test(claim)) return false;
  const after = (value: string) => value > day.slice(0, value.length);
  const claimed = datesOfClaim(claim, day).find((d) => d.text === mismatch.claimed);
  const stated = datesOfClaim(passage, day).find((d) => d.text === mismatch.stated);
  return claimed !== undefined && stated !== undefined && after(claimed.value) && !after(stated.value);
}

/** The name stands in the text as a description of a place (`the Caribbean country`), not as its name. */
function describes(text: string, name: string): boolean {
  const at = text.indexOf(name);
  return at >= 0 && placeFrame(text, at, at + name.length) === "description";
}

/** A differing name is a person or a place when the article's entities say so. */
function typedName(article: AnalyzedArticle, check: ClaimCheck): ClaimCheck {
  const m = check.mismatch;
  if (m?.slot !== "name") return check;
  const kind = nameKind(article, m.article);
  const slot = kind === "person" ? "person" : kind === "place" ? "place" : "name";
  return { ...check, mismatch: { ...m, slot } };
}

/** Checks one claim against the article. */
export function checkClaim(article: AnalyzedArticle, claim: Claim): ClaimCheck {
  return typedName(article, decideClaim(scoreClaim(article, claim)));
}

/** Splits a message into claims and checks each, in order. */
export function checkClaims(article: AnalyzedArticle, text: string): ClaimCheck[] {
  return splitClaims(text).map((claim) => checkClaim(article, claim));
}
