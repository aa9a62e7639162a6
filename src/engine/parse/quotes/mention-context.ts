// What the words around a mention say about its part in the sentence: the one acting (subject, speaker), the one
// acted upon (`praised Maria Ortiz`) or the one spoken to (`told Reyes`). Each test is a named rule.
import {
  anyOf,
  COMPLEMENT_WORDS,
  capitalised,
  LISTENER_VERBS,
  OBJECT_TAKING_VERBS,
  regex,
  SPEECH_VERB_ALTERNATION,
  TITLE_ABBREVIATIONS,
} from "../../lexicon/index.ts";
import { fired, type Rule, type RuleId } from "../../rules/rule.ts";
import type { Span } from "../../types.ts";

/** Each rule marks the mention with its id; its action says which side of the mention its pattern reads. */
type MentionAction = "mark-from-before" | "mark-from-after";

/** How much text around a mention the rules look at. */
export const MENTION_CONTEXT_CHARS = 120;

/** Up to three capitalised words between the verb and the mention's start: titles (`praised Sen. Ortiz`). */
const TITLE_RUN = String.raw`(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}`;

export const MENTION_RULES = [
  {
    id: "subject-position",
    action: "mark-from-before",
    example: "The ferry sank. Captain ",
    match: regex(
      "u",
    )`(?:^|(?<!\b(?:${capitalised(TITLE_ABBREVIATIONS)}|[A-Z]))[.!?]["”’]?\s+|\n)\s*(?:[^,."“”\n]{1,40},\s+)?(?:(?:[\p{Lu}][\p{L}.'’-]*|the)\s+){0,4}$`,
    reason: "A name that opens its sentence (after titles or a short lead-in) is the one acting.",
  },
  {
    id: "object-of-verb",
    action: "mark-from-before",
    example: "The council praised ",
    match: new RegExp(
      String.raw`\b(?:${anyOf(OBJECT_TAKING_VERBS)}|${anyOf(COMPLEMENT_WORDS)})\s+${TITLE_RUN}$`,
      "iu",
    ),
    reason:
      "`praised Maria Ortiz`, `criticised by Ortiz`: the name is acted upon or a complement, not the subject.",
  },
  {
    id: "listener",
    action: "mark-from-before",
    example: "The mayor told ",
    match: new RegExp(String.raw`\b(?:${anyOf(LISTENER_VERBS)}|to)\s+${TITLE_RUN}$`, "iu"),
    reason: "`told Reyes`, `said to Reyes`: the one spoken to is not the speaker.",
  },
  {
    id: "speaks-after",
    action: "mark-from-after",
    example: ", the harbour master, said the pier was safe.",
    match: new RegExp(
      String.raw`^(?:,[^,"“”.]{1,90},)?\s+(?:\p{Ll}+\s+)?(?:${SPEECH_VERB_ALTERNATION})\b`,
      "u",
    ),
    reason: "`Hale said`, `Hale, the senator, told`: the subject of a speech verb.",
  },
  {
    id: "speaks-before",
    action: "mark-from-before",
    example: `"The pier is safe," said `,
    match: new RegExp(String.raw`\b(?:${SPEECH_VERB_ALTERNATION})\s+${TITLE_RUN}$`, "u"),
    reason: "`said Hale`: the inverted subject of a speech verb.",
  },
] as const satisfies readonly Rule<string, MentionAction>[];

export type MentionRuleId = RuleId<typeof MENTION_RULES>;

/** Roles already read in the current text: a name is ranked for many quotes, its roles are read once. */
let cachedText: string | null = null;
const cache = new Map<number, Set<MentionRuleId>>();

/** The ids of the rules that hold for the mention at `span`. */
export function mentionRoles(text: string, span: Span): Set<MentionRuleId> {
  if (text !== cachedText) {
    cache.clear();
    cachedText = text;
  }
  const key = span.start * 4096 + Math.min(4095, span.end - span.start);
  const cached = cache.get(key);
  if (cached) return cached;
  const roles = readRoles(text, span);
  cache.set(key, roles);
  return roles;
}

function readRoles(text: string, span: Span): Set<MentionRuleId> {
  // A window cut mid-sentence must not read as the sentence's start: mark the cut.
  const cut = span.start > MENTION_CONTEXT_CHARS ? "\u0000" : "";
  const before = cut + text.slice(Math.max(0, span.start - MENTION_CONTEXT_CHARS), span.start);
  const after = text.slice(span.end, span.end + MENTION_CONTEXT_CHARS);
  const found = new Set<MentionRuleId>();
  for (const hit of fired(MENTION_RULES, (rule) => (rule.action === "mark-from-before" ? before : after)))
    found.add(hit.id);
  // `said Hale` reads as a speech verb right before the name, never as an object.
  if (found.has("listener")) found.delete("speaks-before");
  else if (found.has("speaks-before")) found.delete("object-of-verb");
  return found;
}
