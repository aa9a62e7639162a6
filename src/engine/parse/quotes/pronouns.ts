// A pronoun speaker (`he said`) resolved by ranking the people named before it: gender and number agreement,
// who was acting rather than acted upon or spoken to, who spoke last, and how recently each was named.
import { type Gender, SPEAKER_PRONOUNS } from "../../lexicon/index.ts";
import { type FactRule, firedOnFacts, type RuleId } from "../../rules/rule.ts";
import type { Entity, Mention } from "../../types.ts";
import { type MentionRuleId, mentionRoles } from "./mention-context.ts";

/** How far back an antecedent may be. */
export const ANTECEDENT_WINDOW_CHARS = 1500;
/** At most this many mentions back are ranked. */
export const MAX_ANTECEDENTS = 30;

export interface AntecedentCandidate {
  mention: Mention;
  entity: Entity;
  gender: Gender | null;
  roles: Set<MentionRuleId>;
  /** Characters from the mention's end to the pronoun. */
  distance: number;
  /** Named in an earlier paragraph than the pronoun's. */
  earlierParagraph: boolean;
  isPreviousSpeaker: boolean;
  insideQuote: boolean;
  /** No other quotation between this mention and the quote the pronoun attributes: the latest topic. */
  sinceLastQuote: boolean;
}

/** What a candidate antecedent is, as the rules read it: its roles around the mention and these. */
export type AntecedentFact =
  | MentionRuleId
  /** The article shows the candidate to be of the pronoun's gender. */
  | "same-gender"
  /** The article shows the candidate to be of the other gender. */
  | "other-gender"
  | "earlier-paragraph"
  | "previous-speaker"
  | "inside-quote"
  | "since-last-quote";

/** A candidate's facts for a pronoun of the given gender (null: `they`, `it`, or unknown). */
export function antecedentFacts(
  candidate: AntecedentCandidate,
  pronounGender: Gender | null,
): Set<AntecedentFact> {
  const facts = new Set<AntecedentFact>(candidate.roles);
  if (pronounGender !== null && candidate.gender !== null)
    facts.add(candidate.gender === pronounGender ? "same-gender" : "other-gender");
  if (candidate.earlierParagraph) facts.add("earlier-paragraph");
  if (candidate.isPreviousSpeaker) facts.add("previous-speaker");
  if (candidate.insideQuote) facts.add("inside-quote");
  if (candidate.sinceLastQuote) facts.add("since-last-quote");
  return facts;
}

/** A term of the ranking prefers the candidates it holds for, or avoids them, by its weight. */
type AntecedentAction = "prefer" | "avoid";

/** The ranking's terms. Weights set by hand on invented cases and checked on the training split's articles. */
export const ANTECEDENT_RULES = [
  {
    id: "gender-agrees",
    match: { all: ["same-gender"] },
    action: "prefer",
    weight: 0.5,
    reason: "`she` is most likely the woman named last.",
    example: 'Maria Ortiz met the mayor. "We agreed," she said.',
  },
  {
    id: "gender-clashes",
    match: { all: ["other-gender"] },
    action: "avoid",
    weight: 10,
    reason: "`he` never refers to a person the article shows to be a woman, nor `she` to a man.",
    example: 'Ms Ortiz spoke first. "Not yet," he said.',
  },
  {
    id: "subject-position",
    match: { all: ["subject-position"] },
    action: "prefer",
    weight: 2,
    reason: "The subject of the sentence before stays the topic (`Hale praised Ortiz. … he said`).",
    example: 'Hale praised Ortiz. "A fine job," he said.',
  },
  {
    id: "speaker",
    match: { all: [], any: ["speaks-after", "speaks-before"] },
    action: "prefer",
    weight: 1.5,
    reason: "Someone just reported as speaking goes on speaking.",
    example: 'Hale said the port would reopen. "Soon," he added.',
  },
  {
    id: "object-of-verb",
    match: { all: ["object-of-verb"], none: ["subject-position"] },
    action: "avoid",
    weight: 2.5,
    reason: "A person acted upon (`praised Maria Ortiz`) is not the one who goes on to speak.",
    example: 'The board praised Maria Ortiz. "Well earned," it said.',
  },
  {
    id: "listener",
    match: { all: ["listener"] },
    action: "avoid",
    weight: 2.5,
    reason: "The one spoken to (`told Reyes`) is not the one speaking.",
    example: 'Hale told Reyes the news. "Sit down," he said.',
  },
  {
    id: "new-subject",
    match: { all: ["since-last-quote", "subject-position"] },
    action: "prefer",
    weight: 1,
    reason: 'A subject named after the last quote has taken the floor (`Hale praised Ortiz. "…," he said`).',
    example: '"Done," Ortiz said. Hale praised her. "Good," he said.',
  },
  {
    id: "earlier-paragraph",
    match: { all: ["earlier-paragraph"] },
    action: "avoid",
    weight: 1,
    reason: "A pronoun mostly refers to someone named in its own paragraph.",
    example: 'Hale arrived.\n\nThe crowd cheered. "Thanks," he said.',
  },
  {
    id: "previous-speaker",
    match: { all: ["previous-speaker"] },
    action: "prefer",
    weight: 1,
    reason: "A pronoun after a quote usually continues with the same speaker.",
    example: '"We are ready," Hale said. "Quite ready," he added.',
  },
  {
    id: "inside-quote",
    match: { all: ["inside-quote"] },
    action: "avoid",
    weight: 3,
    reason: "A name inside someone's quoted words is talked about, not talking.",
    example: '"Reyes was right," he said.',
  },
] as const satisfies readonly (FactRule<string, AntecedentAction, AntecedentFact> & { weight: number })[];

export type AntecedentRuleId = RuleId<typeof ANTECEDENT_RULES>;

/** What a term adds to a candidate's score where it holds: its weight, negative for a term that avoids. */
export const termWeight = (rule: { action: AntecedentAction; weight: number }) =>
  rule.action === "avoid" ? -rule.weight : rule.weight;

/** Score lost for each character between the mention and the pronoun: recency breaks ties. */
export const DISTANCE_PENALTY_PER_CHAR = 1 / 300;

export function antecedentScore(candidate: AntecedentCandidate, pronounGender: Gender | null): number {
  let score = -candidate.distance * DISTANCE_PENALTY_PER_CHAR;
  for (const rule of firedOnFacts(ANTECEDENT_RULES, antecedentFacts(candidate, pronounGender)))
    score += termWeight(rule);
  return score;
}

export interface MentionOfEntity extends Mention {
  entity: Entity;
}

/**
 * The person a third-person singular pronoun refers to, or null when the pronoun is not one (`I`, `we`,
 * `they`) or no one fits. `mentions` are the person mentions before the pronoun, latest last.
 */
export function resolvePronoun(
  text: string,
  pronoun: string,
  at: number,
  mentions: readonly MentionOfEntity[],
  genders: ReadonlyMap<string, Gender | null>,
  previousSpeakerId: string | null,
  isQuoted: (at: number) => boolean,
  quoteBetween: (from: number, to: number) => boolean,
  quoteStart: number,
): Entity | null {
  const features = SPEAKER_PRONOUNS[pronoun.toLowerCase()];
  // Only `he` and `she` single out one person; `I`, `we`, `they` and `it` are left as they are.
  if (!features?.gender) return null;
  let best: { entity: Entity; score: number } | null = null;
  for (let i = mentions.length - 1, n = 0; i >= 0 && n < MAX_ANTECEDENTS; i--, n++) {
    const m = mentions[i];
    if (!m) break;
    const distance = Math.max(0, at - m.end);
    if (distance > ANTECEDENT_WINDOW_CHARS) break;
    const candidate: AntecedentCandidate = {
      mention: m,
      entity: m.entity,
      gender: genders.get(m.entity.id) ?? null,
      roles: mentionRoles(text, m),
      distance,
      earlierParagraph: text.slice(m.end, at).includes("\n"),
      isPreviousSpeaker: previousSpeakerId === m.entity.id,
      insideQuote: isQuoted(m.start),
      sinceLastQuote: !quoteBetween(m.end, quoteStart),
    };
    const score = antecedentScore(candidate, features.gender);
    if (!best || score > best.score) best = { entity: m.entity, score };
  }
  return best && best.score > -5 ? best.entity : null;
}
