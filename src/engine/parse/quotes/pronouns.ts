// A pronoun speaker (`he said`) resolved by ranking the people named before it: gender and number agreement,
// who was acting rather than acted upon or spoken to, who spoke last, and how recently each was named.
import { type Gender, SPEAKER_PRONOUNS } from "../../lexicon/index.ts";
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

export interface AntecedentRule {
  id: string;
  weight: number;
  applies: (candidate: AntecedentCandidate, pronounGender: Gender | null) => boolean;
  reason: string;
}

/** The ranking's terms. Weights set by hand on invented cases and checked on the training split's articles. */
export const ANTECEDENT_RULES = [
  {
    id: "gender-agrees",
    weight: 0.5,
    applies: (c, g) => g !== null && c.gender === g,
    reason: "`she` is most likely the woman named last.",
  },
  {
    id: "gender-clashes",
    weight: -10,
    applies: (c, g) => g !== null && c.gender !== null && c.gender !== g,
    reason: "`he` never refers to a person the article shows to be a woman, nor `she` to a man.",
  },
  {
    id: "subject-position",
    weight: 2,
    applies: (c) => c.roles.has("subject-position"),
    reason: "The subject of the sentence before stays the topic (`Hale praised Ortiz. … he said`).",
  },
  {
    id: "speaker",
    weight: 1.5,
    applies: (c) => c.roles.has("speaks-after") || c.roles.has("speaks-before"),
    reason: "Someone just reported as speaking goes on speaking.",
  },
  {
    id: "object-of-verb",
    weight: -2.5,
    applies: (c) => c.roles.has("object-of-verb") && !c.roles.has("subject-position"),
    reason: "A person acted upon (`praised Maria Ortiz`) is not the one who goes on to speak.",
  },
  {
    id: "listener",
    weight: -2.5,
    applies: (c) => c.roles.has("listener"),
    reason: "The one spoken to (`told Reyes`) is not the one speaking.",
  },
  {
    id: "new-subject",
    weight: 1,
    applies: (c) => c.sinceLastQuote && c.roles.has("subject-position"),
    reason: 'A subject named after the last quote has taken the floor (`Hale praised Ortiz. "…," he said`).',
  },
  {
    id: "earlier-paragraph",
    weight: -1,
    applies: (c) => c.earlierParagraph,
    reason: "A pronoun mostly refers to someone named in its own paragraph.",
  },
  {
    id: "previous-speaker",
    weight: 1,
    applies: (c) => c.isPreviousSpeaker,
    reason: "A pronoun after a quote usually continues with the same speaker.",
  },
  {
    id: "inside-quote",
    weight: -3,
    applies: (c) => c.insideQuote,
    reason: "A name inside someone's quoted words is talked about, not talking.",
  },
] as const satisfies readonly AntecedentRule[];

/** Score lost for each character between the mention and the pronoun: recency breaks ties. */
export const DISTANCE_PENALTY_PER_CHAR = 1 / 300;

export function antecedentScore(candidate: AntecedentCandidate, pronounGender: Gender | null): number {
  let score = -candidate.distance * DISTANCE_PENALTY_PER_CHAR;
  for (const rule of ANTECEDENT_RULES) if (rule.applies(candidate, pronounGender)) score += rule.weight;
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
