// Mention ranking: for each quote, every person or organisation named around it is a candidate speaker, scored
// by a linear model over the features below (weights learned on the training split by scripts/train-speakers.ts).
// The cue rules' pick is one feature among others, so the model learns when to trust it.
import type { Entity, Sentence, Span } from "../../types.ts";
import { mentionRoles } from "./mention-context.ts";
import type { MentionOfEntity } from "./pronouns.ts";
import { firstStartingAtOrAfter, type ResolvedSpeaker } from "./speakers.ts";

export const RANKER_FEATURES = [
  "cue-pick",
  "cue-pick-continues",
  "cue-pick-phrase",
  "same-sentence",
  "previous-sentence",
  "before-quote",
  "after-quote",
  "distance",
  "subject-position",
  "object-of-verb",
  "listener",
  "speaks-after",
  "speaks-before",
  "person",
  "organization",
  "previous-speaker",
  "paragraph-opening",
  "salience",
] as const;

export type RankerFeature = (typeof RANKER_FEATURES)[number];
export type RankerWeights = Readonly<Record<RankerFeature, number>>;
export type FeatureVector = Partial<Record<RankerFeature, number>>;

export interface SpeakerCandidate {
  speaker: ResolvedSpeaker;
  features: FeatureVector;
}

export interface RankingInput {
  text: string;
  quote: Span;
  sentences: readonly Sentence[];
  /** The quote's first and last sentence. */
  sentence: Sentence;
  endSentence: Sentence;
  mentions: readonly MentionOfEntity[];
  entities: ReadonlyMap<string, Entity>;
  /** What the cue rules found, and whether it came by continuing the previous quote. */
  rulePick: ResolvedSpeaker | null;
  continued: boolean;
  previousSpeakerId: string | null;
  /** Where the cue rules found the speaker phrase (`he` in `," he said`), or null. */
  cueSpan: Span | null;
  /** Whether a position lies inside any quotation: a name there is talked about, not talking. */
  isQuoted: (at: number) => boolean;
}

/** Distance in characters is measured in these units, and capped. */
const DISTANCE_UNIT = 100;
const MAX_DISTANCE_UNITS = 6;

/** The candidates for one quote: people and organisations named from the sentence before to the quote's end. */
export function speakerCandidates(input: RankingInput): SpeakerCandidate[] {
  const { sentences, sentence, endSentence, mentions } = input;
  const previous = sentences[sentence.index - 1] ?? sentence;
  const from = previous.paragraph === sentence.paragraph ? previous.start : sentence.start;
  const to = endSentence.end;
  const byEntity = new Map<string, SpeakerCandidate>();
  for (let i = firstStartingAtOrAfter(mentions, from); i < mentions.length; i++) {
    const m = mentions[i];
    if (!m || m.start >= to) break;
    if (m.entity.type === "place" || input.isQuoted(m.start)) continue;
    const features = positionFeatures(input, m, previous);
    features.person = m.entity.type === "person" ? 1 : 0;
    features.organization = m.entity.type === "organization" ? 1 : 0;
    features["previous-speaker"] = input.previousSpeakerId === m.entity.id ? 1 : 0;
    features.salience = Math.log1p(m.entity.mentions.length);
    const known = byEntity.get(m.entity.id);
    // One candidate a person: the mention nearest the quote speaks for them, with the best of each role.
    if (known) {
      mergePosition(known.features, features);
      continue;
    }
    byEntity.set(m.entity.id, {
      speaker: { name: m.entity.name, id: m.entity.id, role: m.entity.role },
      features,
    });
  }
  const pick = input.rulePick;
  if (pick) {
    const mark = input.continued ? "cue-pick-continues" : "cue-pick";
    const known = pick.id ? byEntity.get(pick.id) : undefined;
    // The cue's phrase (`he` in `," he said`) stands where the speaker is named for this quote.
    const atCue = input.cueSpan ? positionFeatures(input, input.cueSpan, previous) : {};
    if (known) {
      known.features[mark] = 1;
      mergePosition(known.features, atCue);
    } else {
      const entity = pick.id ? input.entities.get(pick.id) : undefined;
      byEntity.set(pick.id ?? `phrase:${pick.name}`, {
        speaker: pick,
        features: {
          [mark]: 1,
          "cue-pick-phrase": entity ? 0 : 1,
          person: entity?.type === "person" ? 1 : 0,
          organization: entity?.type === "organization" ? 1 : 0,
          "previous-speaker": pick.id !== null && input.previousSpeakerId === pick.id ? 1 : 0,
          salience: entity ? Math.log1p(entity.mentions.length) : 0,
          ...atCue,
        },
      });
    }
  }
  return [...byEntity.values()];
}

const POSITION_FLAGS = [
  "same-sentence",
  "previous-sentence",
  "before-quote",
  "after-quote",
  "subject-position",
  "object-of-verb",
  "listener",
  "speaks-after",
  "speaks-before",
  "paragraph-opening",
] as const satisfies readonly RankerFeature[];

/** Where a name stands relative to the quote, and what the words around it say it does. */
function positionFeatures(input: RankingInput, span: Span, previous: Sentence): FeatureVector {
  const { text, quote, sentence, endSentence } = input;
  const roles = mentionRoles(text, span);
  const inQuoteSentence = span.start >= sentence.start && span.start < endSentence.end;
  const distance = span.end <= quote.start ? quote.start - span.end : Math.max(0, span.start - quote.end);
  return {
    "same-sentence": inQuoteSentence ? 1 : 0,
    "previous-sentence": inQuoteSentence ? 0 : 1,
    "before-quote": span.end <= quote.start ? 1 : 0,
    "after-quote": span.start >= quote.end ? 1 : 0,
    distance: Math.min(MAX_DISTANCE_UNITS, distance / DISTANCE_UNIT),
    "subject-position": roles.has("subject-position") ? 1 : 0,
    "object-of-verb": roles.has("object-of-verb") ? 1 : 0,
    listener: roles.has("listener") ? 1 : 0,
    "speaks-after": roles.has("speaks-after") ? 1 : 0,
    "speaks-before": roles.has("speaks-before") ? 1 : 0,
    "paragraph-opening": span.start < sentence.start && previous.index === 0 ? 1 : 0,
  };
}

/** A second mention of the same candidate: the nearest distance, and each role any mention has. */
function mergePosition(into: FeatureVector, from: FeatureVector) {
  if (from.distance === undefined) return;
  if (into.distance === undefined || from.distance < into.distance) {
    for (const key of ["before-quote", "after-quote", "previous-sentence"] as const) into[key] = from[key];
    into.distance = from.distance;
  }
  for (const key of POSITION_FLAGS) {
    if (key === "before-quote" || key === "after-quote" || key === "previous-sentence") continue;
    into[key] = Math.max(into[key] ?? 0, from[key] ?? 0);
  }
}

export function candidateScore(features: FeatureVector, weights: RankerWeights): number {
  let score = 0;
  for (const feature of RANKER_FEATURES) score += (features[feature] ?? 0) * weights[feature];
  return score;
}

/** The best-scoring candidate, or null when there is none. Ties keep the earlier candidate. */
export function rankSpeakers(
  candidates: readonly SpeakerCandidate[],
  weights: RankerWeights,
): ResolvedSpeaker | null {
  let best: { candidate: SpeakerCandidate; score: number } | null = null;
  for (const candidate of candidates) {
    const score = candidateScore(candidate.features, weights);
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate.speaker ?? null;
}
