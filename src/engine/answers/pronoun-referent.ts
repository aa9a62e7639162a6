// Whom a sentence's pronoun stands for, for matching a question's names: `Hale won the seat in May. After the count,
// she thanked the volunteers` is about Hale though it never names her. The one named last before the pronoun, of a
// kind the pronoun can stand for, within reach. Named rules, tested in test/rules/pronoun-referent.test.ts.
import type { AnalyzedArticle } from "../analyze.ts";
import type { Entity, EntityType, Sentence } from "../types.ts";

export interface PronounRule {
  id: string;
  pattern: RegExp;
  /** The kinds of entity the pronoun can stand for. */
  refersTo: readonly EntityType[];
  reason: string;
}

export const PRONOUN_RULES: readonly PronounRule[] = [
  {
    id: "personal-pronoun",
    pattern: /^(?:he|she|him|his|her|hers|himself|herself)$/i,
    refersTo: ["person"],
    reason: "`he`, `she`, `his`, `her` stand for a person",
  },
  {
    id: "neuter-pronoun",
    pattern: /^(?:it|its|itself)$/i,
    refersTo: ["organization"],
    reason: "`it`, `its` stand for an organisation (never a person)",
  },
  {
    id: "plural-pronoun",
    pattern: /^(?:they|them|their|theirs|themselves)$/i,
    refersTo: ["organization", "person"],
    reason: "`they`, `their` stand for an organisation or people",
  },
];

/** How far back the name a pronoun stands for may be. */
export const REFERENT_WINDOW_CHARS = 600;

interface PlacedMention {
  start: number;
  end: number;
  entity: Entity;
}

const mentionIndex = new WeakMap<AnalyzedArticle, PlacedMention[]>();

/** Person and organisation mentions in text order (once per article). */
function mentionsInOrder(article: AnalyzedArticle): PlacedMention[] {
  let placed = mentionIndex.get(article);
  if (!placed) {
    placed = article.entities
      .filter((e) => e.type !== "place")
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
      .sort((a, z) => a.start - z.start);
    mentionIndex.set(article, placed);
  }
  return placed;
}

const WORD = /[\p{L}]+/gu;

/**
 * The entity the sentence's first pronoun outside a quotation stands for: the latest entity of a kind the
 * pronoun can stand for, named before it and within reach; null when the sentence has no such pronoun.
 */
export function pronounReferent(article: AnalyzedArticle, sentence: Sentence): Entity | null {
  const quoted = (at: number) => article.quotes.some((q) => q.direct && q.start <= at && at < q.end);
  for (const word of sentence.text.matchAll(WORD)) {
    const rule = PRONOUN_RULES.find((r) => r.pattern.test(word[0]));
    const at = sentence.start + word.index;
    if (!rule || quoted(at)) continue;
    const mentions = mentionsInOrder(article);
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as PlacedMention;
      if (m.end > at) continue;
      if (at - m.end > REFERENT_WINDOW_CHARS) break;
      if (rule.refersTo.includes(m.entity.type)) return m.entity;
    }
    return null;
  }
  return null;
}
