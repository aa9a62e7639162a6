// Where a quote's speaker phrase is: the cue rules, each a named rule that reads the text around a quote and
// returns the speaker phrase's span (and an appositive role) or null.
import {
  ADVERBIAL_OPENERS,
  APPOSITIVE_OPENERS,
  ARTICLES,
  anyOf,
  CONNECTORS,
  capitalised,
  DESCRIBED_SPEAKER_OPENERS,
  INVERTED_SUBJECT_PRONOUNS,
  LEAD_IN_OPENERS,
  MONTH_ABBREVIATIONS,
  NOT_SPEAKER_WORDS,
  NOUN_DETERMINERS,
  RELATIVE_PRONOUNS,
  ROLE_OPENERS,
  regex,
  SPEAKER_PHRASE_OPENERS,
  SPEECH_VERB,
  SPEECH_VERB_ALTERNATION,
  TITLE_ABBREVIATIONS,
} from "../../lexicon/index.ts";
import { group } from "../../match.ts";
import { holds, type Rule, type RuleId } from "../../rules/rule.ts";
import type { Span } from "../../types.ts";

export interface Attribution {
  /** Where the speaker phrase is in the text. */
  speaker: Span;
  role: Span | null;
}

export const MAX_SPEAKER_WORDS = 14;
const NOT_A_SPEAKER = regex("i")`["“”]|\b(${NOT_SPEAKER_WORDS})\b`;
const SPEECH_VERB_GLOBAL = new RegExp(`\\b(${SPEECH_VERB_ALTERNATION})\\b`, "giu");
const NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*`;
/** After a fronted verb, the speaker and their role: `said Jack Ombaka, the spokesperson`. */
const INVERTED_SUBJECT = regex(
  "u",
)`^\s+((?:${NAME_WORD}|${INVERTED_SUBJECT_PRONOUNS})(?:\s+(?:${NAME_WORD}|${CONNECTORS}))*)(?:,\s+(${APPOSITIVE_OPENERS}\s[^,.;]{2,110}))?`;
/** After a fronted verb, a described speaker: `said one resident`. */
const INVERTED_DESCRIPTION = regex("u")`^\s+(${DESCRIBED_SPEAKER_OPENERS}\s+[^,.;:"“”\n]{2,60})`;
/** A determiner right before a word makes it a noun: `the claims`, `her tweets`. */
const DETERMINER_BEFORE = regex("i")`\b${NOUN_DETERMINERS}\s+$`;
/** The stop of an abbreviation (`Mr.`, `U.S.`, `Jan.`), which does not end a sentence. */
const ABBREVIATION_STOP = regex(
  "g",
)`\b(${capitalised([...TITLE_ABBREVIATIONS, ...MONTH_ABBREVIATIONS])}|[A-Z])\.`;

export function spanOf(base: number, inner: string, within: string, from = 0): Span {
  const at = within.indexOf(inner, from);
  return { start: base + at, end: base + at + inner.length };
}

/** What a comma part of a subject phrase is, by the word it opens with. */
type CommaPart = "lead-in" | "role" | "adverbial" | "description";

/**
 * The comma parts of a speaker phrase that are not its name (`In a radio interview, Jack Ombaka, the mission's
 * spokesperson, at a briefing`): a part can be more than one, and where it stands says which one counts.
 */
export const COMMA_PART_RULES = [
  {
    id: "scene-lead-in",
    match: regex("i")`^${LEAD_IN_OPENERS}\b`,
    action: "lead-in",
    example: "In a letter to the mayor",
    reason:
      "A part before the subject that sets the scene (`In a statement`, `Asked about it`) is not the speaker.",
  },
  {
    id: "role-appositive",
    match: regex("i")`^(${ROLE_OPENERS})\s`,
    action: "role",
    example: "the ferry company's director",
    reason: "A part after the name that opens with a determiner or a relative pronoun is the speaker's role.",
  },
  {
    id: "adverbial-part",
    match: regex("i")`^${ADVERBIAL_OPENERS}\b`,
    action: "adverbial",
    example: "at a briefing on Tuesday",
    reason:
      "A part that opens with a preposition or `speaking` is an adverbial, neither the name nor its role.",
  },
  {
    id: "relative-clause",
    match: regex("i")`^(${RELATIVE_PRONOUNS})\b`,
    action: "description",
    example: "who has kept bees since 2009",
    reason: "`X, who has worked here for years,` describes the speaker but is not a role to cite.",
  },
] as const satisfies readonly Rule<string, CommaPart>[];

export type CommaPartRuleId = RuleId<typeof COMMA_PART_RULES>;

const isPart = (part: string | undefined, kind: CommaPart) => holds(COMMA_PART_RULES, kind, part ?? "");

/** Lower-case words that can open a speaker phrase. */
const DESCRIPTION_START = regex("iu")`^${SPEAKER_PHRASE_OPENERS}\b`;
/** At most this many lower-case modifiers before a name: `retired navy admiral Peter Vance`. */
const MAX_MODIFIERS_BEFORE_NAME = 3;

/** A subject phrase, possibly with an appositive: `Jack Ombaka, the mission's spokesperson`. */
export function subjectWithRole(
  base: number,
  phrase: string,
  within: string,
  at: number,
): Attribution | null {
  const trimmed = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/gu, "");
  if (trimmed === "") return null;
  const offset = within.indexOf(trimmed, at);
  const parts = trimmed.split(/,\s+/);
  // From the verb backwards: parts that open with a determiner are the role (`the mission's spokesperson`),
  // parts that open with a preposition are adverbials (`at a briefing`); the first other part is the subject.
  // Parts before it are lead-ins (`In a radio interview`, `Asked about the plan`).
  // Lead-ins first: `In a 2019 letter, the council`, `As the crowd cheered, the captain`.
  let first = 0;
  while (first < parts.length - 1 && isPart(parts[first], "lead-in")) first++;
  let subject = parts.length - 1;
  while (subject > first && (isPart(parts[subject], "role") || isPart(parts[subject], "adverbial")))
    subject--;
  let name = parts[subject] ?? "";
  const roleParts: string[] = [];
  for (const part of parts.slice(subject + 1)) {
    if (isPart(part, "adverbial")) break;
    roleParts.push(part);
  }
  // `X, who has worked here since 2009,` describes, but is not a role.
  const role = isPart(roleParts[0], "description") ? "" : roleParts.join(", ");
  const nameAt = parts.slice(0, subject).reduce((n, p) => n + p.length, 0);
  let nameOffset = trimmed.indexOf(name, nameAt);
  // Two tests: under the `i` flag \p{Lu} would match any letter.
  if (!/^\p{Lu}/u.test(name) && !DESCRIPTION_START.test(name)) {
    // `retired navy admiral Peter Vance`: the name starts at the first capital.
    const capital = /(?:^|\s)\p{Lu}/u.exec(name);
    if (!capital || name.slice(0, capital.index).split(/\s+/).length > MAX_MODIFIERS_BEFORE_NAME) return null;
    const skip = capital.index + (capital[0].length - 1);
    nameOffset += skip;
    name = name.slice(skip);
  }
  if (NOT_A_SPEAKER.test(name) || name.split(/\s+/).length > MAX_SPEAKER_WORDS) return null;
  const speaker = { start: base + offset + nameOffset, end: base + offset + nameOffset + name.length };
  const roleSpan = role ? spanOf(base, role, within, offset + nameOffset + name.length) : null;
  return { speaker, role: roleSpan };
}

/** `, Jack Ombaka, the mission's spokesperson, said …` or `, said Ombaka in a statement.` */
export function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const after = text.slice(from, to);
  const verb = SPEECH_VERB.exec(after);
  if (!verb) return null;
  const head = after.slice(0, verb.index);
  if (head.trim().replace(/^,/, "").trim() === "") {
    // Verb first: `said Ombaka in a statement`, `said Jack Ombaka, the spokesperson.`
    const rest = after.slice(verb.index + verb[0].length);
    const np = INVERTED_SUBJECT.exec(rest) ?? INVERTED_DESCRIPTION.exec(rest);
    if (!np) return null;
    const base = from + verb.index + verb[0].length;
    const name = group(np, 1);
    const speaker = spanOf(base, name, rest);
    const role = np[2] ? spanOf(base, np[2], rest, speaker.end - base) : null;
    return { speaker, role };
  }
  if (head.split(/\s+/).length > MAX_SPEAKER_WORDS + 8) return null;
  return subjectWithRole(from, head, after, 0);
}

/** `Ombaka said: "…"`, `He told reporters, "…"`, `Hale told Reyes that the choice "…"` */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const before = text.slice(from, to);
  // `the claims`, `his notes`: a noun, not the verb.
  const matches = [...before.matchAll(SPEECH_VERB_GLOBAL)].filter(
    (m) => !DETERMINER_BEFORE.test(before.slice(Math.max(0, m.index - 12), m.index)),
  );
  const verb = matches[matches.length - 1];
  if (!verb) return null;
  // `Mr.` and `U.S.` in the tail are not the end of a sentence.
  const tail = before.slice(verb.index + verb[0].length).replace(ABBREVIATION_STOP, "$1_");
  // Only an adverbial (`in a statement`, `on Sunday`, `reporters`) and `that`/`:`/`,` may follow the verb.
  // …or a that-clause the quote sits in (`X reports that the team wanted to “keep …”`).
  if (
    !/^[^.;!?"“”]{0,60}?(that\s*)?[:,]?\s*$/u.test(tail) &&
    !/^[^.;!?"“”]{0,40}?\sthat\s[^;!?"“”]{0,240}$/u.test(tail)
  ) {
    return null;
  }
  const clauseStart =
    Math.max(before.lastIndexOf(". ", verb.index), before.lastIndexOf("; ", verb.index)) + 1;
  const head = before.slice(clauseStart, verb.index);
  if (/ing$/i.test(verb[0]) && head.trim() !== "") {
    // `Dean poked at the sniffing, tweeting, "…"`: the participle's subject is the clause's subject.
    const clause = head.replace(/^\s+/, "");
    const parts = clause.split(/,\s+/);
    let first = 0;
    while (first < parts.length - 1 && isPart(parts[first], "lead-in")) first++;
    const subject = regex("u")`^(?:${ARTICLES}\s+)?${NAME_WORD}(?:\s+${NAME_WORD}){0,5}`.exec(
      parts[first] ?? "",
    );
    if (!subject) return null;
    const at =
      clauseStart +
      (head.length - clause.length) +
      parts.slice(0, first).reduce((n, p) => n + p.length + 2, 0);
    return { speaker: spanOf(from, subject[0], before, at), role: null };
  }
  if (head.trim() === "") {
    // Verb first: `Said Ellis: "…"`.
    const name = new RegExp(String.raw`^\s+(${NAME_WORD}(?:\s+${NAME_WORD}){0,4})\s*[:,]\s*$`, "u").exec(
      tail,
    );
    return name ? { speaker: spanOf(from, group(name, 1), before, verb.index), role: null } : null;
  }
  // `Kenyan President William Ruto said` — the subject is the whole head of the clause.
  return subjectWithRole(from, head, before, clauseStart);
}

/** `according to X` next to the quote. */
export function accordingTo(text: string, from: number, to: number): Attribution | null {
  const window = text.slice(from, to);
  const match = new RegExp(
    String.raw`according to\s+((?:the\s+)?${NAME_WORD}(?:\s+${NAME_WORD})*)`,
    "u",
  ).exec(window);
  if (!match) return null;
  return { speaker: spanOf(from, group(match, 1), window, match.index), role: null };
}

/** A signature after the quote, ending its line: `“…” ― Ann Park`, `“…” —Ann Park, Ohio`. */
const SIGNATURE = new RegExp(
  String.raw`^[^\S\n]*[―—–][^\S\n]*(${NAME_WORD}(?:[^\S\n]+(?:${NAME_WORD}|${anyOf(CONNECTORS)})){0,5})[^\S\n]*(?:,[^"“”\n]{0,60})?(?:\n|$)`,
  "u",
);

export function signatureAfter(text: string, from: number, to: number): Attribution | null {
  const after = text.slice(from, to);
  const match = SIGNATURE.exec(after);
  if (!match) return null;
  const name = group(match, 1).replace(/\.$/, "");
  return { speaker: spanOf(from, name, after), role: null };
}

/** A transcript's speaker label at the quote's start: `"MORGAN: Good evening …`. */
export function transcriptLabel(text: string, quote: Span): Attribution | null {
  const quoted = text.slice(quote.start + 1, quote.end);
  const label = /^\s*([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}):\s/u.exec(quoted);
  if (!label) return null;
  const at = quote.start + 1 + quoted.indexOf(group(label, 1));
  return { speaker: { start: at, end: at + group(label, 1).length }, role: null };
}

/** A headline's speaker before a colon: `Park: Rival's figures are 'lies'`. */
const HEADLINE_SPEAKER = new RegExp(String.raw`^\s*(${NAME_WORD}(?:\s+${NAME_WORD}){0,3}):\s`, "u");

export function headlineSpeaker(text: string, from: number, to: number): Attribution | null {
  const before = text.slice(from, to);
  const match = HEADLINE_SPEAKER.exec(before);
  if (!match) return null;
  return { speaker: spanOf(from, group(match, 1), before), role: null };
}
