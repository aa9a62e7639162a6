// From a speaker phrase (`Ms. Ferreira`, `he`, `the spokesperson`) to the entity it names.

import { type Gender, ROLE_HEAD_ENDINGS, regex, SPEAKER_PRONOUNS } from "../../lexicon/index.ts";
import type { Entity, Span } from "../../types.ts";
import { isTitleWord, ROLE_NOUNS } from "../entities.ts";
import { personGenders } from "./gender.ts";
import { type MentionOfEntity, resolvePronoun } from "./pronouns.ts";

export interface ResolvedSpeaker {
  name: string;
  id: string | null;
  role: string | null;
}

export interface ResolveContext {
  /** The entity that spoke the quote before this one, for a pronoun's ranking. */
  previousSpeakerId?: string | null;
  /** Whether a position lies inside quotation marks. */
  isQuoted?: (at: number) => boolean;
  /** Whether a quotation starts within [from, to). */
  quoteBetween?: (from: number, to: number) => boolean;
}

export interface SpeakerResolver {
  /** The entity a speaker phrase names; for a pronoun, the person it refers to before `at`. */
  resolve(span: Span, at: number, context?: ResolveContext): ResolvedSpeaker;
  /** Every mention of a person or organisation, sorted by start. */
  readonly mentions: readonly MentionOfEntity[];
}

const ROLE_HEAD_END = regex()`\s+${ROLE_HEAD_ENDINGS}\s+`;

/** The noun a role is about: `the commander of the Kenyan forces` → `commander`. */
export const roleHead = (role: string) =>
  (role.toLowerCase().split(ROLE_HEAD_END)[0] ?? "").split(/\s+/).pop() ?? "";

/** Longer than any name a mention holds. */
const MAX_MENTION_CHARS = 200;

/** Index of the first item whose start is at or after `at` (items sorted by start). */
export function firstStartingAtOrAfter(items: readonly Span[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? at) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const fromEntity = (e: Entity): ResolvedSpeaker => ({ name: e.name, id: e.id, role: e.role });

export function speakerResolver(text: string, entities: Entity[]): SpeakerResolver {
  const mentions: MentionOfEntity[] = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ ...m, entity })))
    .filter((m) => !isTitleWord(m.text))
    .sort((a, z) => a.start - z.start);
  const people = entities.filter((e) => e.type === "person" && !isTitleWord(e.name));
  const personMentions = mentions.filter((m) => m.entity.type === "person");
  // Each surname that one person alone has.
  const surnames = new Map<string, Entity | null>();
  for (const p of people) {
    const surname = p.name.split(/\s+/).pop() ?? "";
    surnames.set(surname, surnames.has(surname) ? null : p);
  }
  let genders: Map<string, Gender | null> | null = null;

  function latestPerson(at: number): ResolvedSpeaker | null {
    const before = firstStartingAtOrAfter(personMentions, at) - 1;
    const lastPerson = personMentions[before];
    return lastPerson ? fromEntity(lastPerson.entity) : null;
  }

  function pronounSpeaker(
    phrase: string,
    span: Span,
    at: number,
    context: ResolveContext,
  ): ResolvedSpeaker | null {
    genders ??= personGenders(text, entities);
    const upTo = firstStartingAtOrAfter(personMentions, span.start);
    const window = personMentions.slice(Math.max(0, upTo - 40), upTo);
    const entity = resolvePronoun(
      text,
      phrase,
      span.start,
      window,
      genders,
      context.previousSpeakerId ?? null,
      context.isQuoted ?? (() => false),
      context.quoteBetween ?? (() => false),
      at,
    );
    return entity ? fromEntity(entity) : null;
  }

  return {
    mentions,
    resolve(span, at, context = {}) {
      const phrase = text.slice(span.start, span.end);
      // Mentions are sorted by start, and a mention is short: binary search keeps long articles linear.
      const inside: MentionOfEntity[] = [];
      for (
        let i = firstStartingAtOrAfter(mentions, span.start - MAX_MENTION_CHARS);
        i < mentions.length;
        i++
      ) {
        const m = mentions[i];
        if (!m || m.start >= span.end) break;
        if (m.end > span.start && m.entity.type !== "place") inside.push(m);
      }
      if (phrase.toLowerCase() in SPEAKER_PRONOUNS) {
        const pronounFeatures = SPEAKER_PRONOUNS[phrase.toLowerCase()];
        if (pronounFeatures?.gender)
          return pronounSpeaker(phrase, span, at, context) ?? { name: phrase, id: null, role: null };
        return latestPerson(at) ?? { name: phrase, id: null, role: null };
      }
      // A description that names no one here (`the retired fire chief`): the person with that role, or
      // the latest person.
      const description =
        /^the\s+\p{Ll}/u.test(phrase) && ROLE_NOUNS.test(roleHead(phrase)) && inside.length === 0;
      if (description && !people.some((p) => p.role && roleHead(p.role) === roleHead(phrase))) {
        return latestPerson(at) ?? { name: phrase, id: null, role: null };
      }
      // `Ms. Ferreira`: the person mention holding the phrase's last word, before any other.
      const lastWord = phrase.split(/\s+/).pop() ?? "";
      const best =
        inside.find((m) => m.entity.type === "person" && m.text.includes(lastWord)) ??
        inside.find((m) => m.entity.type === "person") ??
        inside[0];
      if (best) return fromEntity(best.entity);
      // `Park` where the name-finder missed it: the one person whose name ends so.
      if (/^\p{Lu}/u.test(phrase) && !phrase.includes(" ")) {
        const bySurname = surnames.get(phrase);
        if (bySurname) return fromEntity(bySurname);
      }
      // `the spokesperson` → the person whose role says so.
      const head = lastWord.toLowerCase();
      const byRole = head.length > 3 ? people.find((p) => p.role && roleHead(p.role) === head) : undefined;
      if (byRole) return fromEntity(byRole);
      return { name: phrase, id: null, role: null };
    },
  };
}
