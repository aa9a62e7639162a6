// Reported speech, in sentences without quotation marks: a named table of sentence shapes in the one rule
// language, each with an action that says where its content and its speaker are.
import {
  BARE_SAYING_VERBS,
  REPORTED_SUBJECT_OPENERS,
  regex,
  SPEECH_VERB_ALTERNATION,
} from "../../lexicon/index.ts";
import { group } from "../../match.ts";
import { fired, type Rule, type RuleId } from "../../rules/rule.ts";
import type { Quote, Sentence, Span } from "../../types.ts";
import { type Attribution, spanOf, subjectWithRole } from "./attribution.ts";
import type { SpeakerResolver } from "./speakers.ts";

const SUBJECT_START = regex("iu")`^(?:[\p{Lu}]|${REPORTED_SUBJECT_OPENERS}\b)`;

/** Where a reported-speech rule finds the content and the speaker in its match. */
type ReportedAction =
  | "subject-then-that"
  | "known-person-then-content"
  | "content-then-subject"
  | "content-then-name"
  | "content-then-source"
  | "source-then-content";

/** The sentence shapes of reported speech, tried in order; the first whose speaker holds up is kept. */
export const REPORTED_SPEECH_RULES = [
  {
    id: "said-that",
    match: new RegExp(`^(.{2,160}?)\\s(?:${SPEECH_VERB_ALTERNATION})\\b([^.;]{0,60}?)\\sthat\\s`, "iu"),
    action: "subject-then-that",
    example: "The harbour master said in a statement that the pier would reopen in May.",
    reason: "`X said (…) that CONTENT`: the subject before the verb, the content after `that`.",
  },
  {
    id: "said-bare",
    match: regex("iu")`^(.{2,160}?)\s${BARE_SAYING_VERBS}\s(?!in\s|on\s|at\s|to\s|of\s)(.{12,})$`,
    action: "known-person-then-content",
    example: "Marta Quill said the new ferry timetable starts next week.",
    reason: "`X said CONTENT` with no `that`: only when the subject is a known person, else too loose.",
  },
  {
    id: "subject-said-after",
    match: new RegExp(
      `,\\s([^,]{2,80}(?:,\\s[^,]{2,120},)?)\\s(?:${SPEECH_VERB_ALTERNATION})\\b([^,;]{0,40})[.!?]?$`,
      "iu",
    ),
    action: "content-then-subject",
    example: "The bridge will close for repairs, the council's engineer said on Friday.",
    reason: "`CONTENT, X(, ROLE,) said (…).`: the subject and its role after the content.",
  },
  {
    id: "said-name-after",
    match: new RegExp(
      `,\\s(?:${SPEECH_VERB_ALTERNATION})\\s((?:the\\s)?[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:\\s[\\p{Lu}][\\p{L}\\p{M}'’.-]*)*)[^,;]{0,40}[.!?]?$`,
      "u",
    ),
    action: "content-then-name",
    example: "The orchard lost half its trees in the storm, said Ivo Brandt.",
    reason: "`CONTENT, said X.`: a capitalised name right after the fronted verb.",
  },
  {
    id: "according-to-after",
    match: /^(.{12,}?),\s+according to\s+([^,.;]{2,80})[.!?]?$/u,
    action: "content-then-source",
    example: "Fares will rise by a tenth, according to the transit authority.",
    reason: "`CONTENT, according to X.`: the source closes the sentence.",
  },
  {
    id: "according-to-before",
    match: /^According to\s+([^,]{2,80}),\s+(.{12,})$/u,
    action: "source-then-content",
    example: "According to the lighthouse keeper, the fog lifted before dawn.",
    reason: "`According to X, CONTENT`: the source opens the sentence.",
  },
] as const satisfies readonly Rule<string, ReportedAction>[];

export type ReportedSpeechRuleId = RuleId<typeof REPORTED_SPEECH_RULES>;

export interface Report {
  content: Span;
  speaker: Span;
  role: Span | null;
}

/** Where each action finds the content and the speaker, or null when the speaker does not hold up. */
const READ: Record<
  ReportedAction,
  (m: RegExpExecArray, sentence: Sentence, resolver: SpeakerResolver) => Report | null
> = {
  "subject-then-that": (m, sentence) => {
    const subject = subjectWithRole(sentence.start, group(m, 1), sentence.text, 0);
    if (!subject || !SUBJECT_START.test(group(m, 1))) return null;
    return report({ start: sentence.start + m[0].length, end: sentence.end }, subject);
  },
  // `Tomás Ferreira, …, said the new room …`: no `that`, so only when the subject is a known person.
  "known-person-then-content": (m, sentence, resolver) => {
    const subject = subjectWithRole(sentence.start, group(m, 1), sentence.text, 0);
    const resolved = subject ? resolver.resolve(subject.speaker, subject.speaker.start) : null;
    if (!subject || !resolved?.id?.startsWith("person:")) return null;
    return report({ start: sentence.end - group(m, 2).length, end: sentence.end }, subject);
  },
  "content-then-subject": (m, sentence) => {
    const subject = subjectWithRole(sentence.start, group(m, 1), sentence.text, m.index);
    if (!subject || !SUBJECT_START.test(group(m, 1).trim())) return null;
    return report({ start: sentence.start, end: sentence.start + m.index }, subject);
  },
  "content-then-name": (m, sentence) => ({
    content: { start: sentence.start, end: sentence.start + m.index },
    speaker: spanOf(sentence.start, group(m, 1), sentence.text, m.index),
    role: null,
  }),
  "content-then-source": (m, sentence) => ({
    content: { start: sentence.start, end: sentence.start + group(m, 1).length },
    speaker: spanOf(sentence.start, group(m, 2), sentence.text, group(m, 1).length),
    role: null,
  }),
  "source-then-content": (m, sentence) => ({
    content: { start: sentence.start + sentence.text.length - group(m, 2).length, end: sentence.end },
    speaker: spanOf(sentence.start, group(m, 1), sentence.text),
    role: null,
  }),
};

const report = (content: Span, subject: Attribution): Report => ({
  content,
  speaker: subject.speaker,
  role: subject.role,
});

/**
 * Reported speech in sentences without quotation marks: `X said (…) that CONTENT`,
 * `CONTENT, X(, ROLE,) said (…).`, `CONTENT, said X.` and `according to X`. The engine's one reader of reported
 * speech: its statements join the direct quotes in `article.quotes`, which the answers read.
 */
export function extractReportedSpeech(
  text: string,
  sentences: Sentence[],
  resolver: SpeakerResolver,
): Quote[] {
  const found: Quote[] = [];
  for (const sentence of sentences) {
    if (/["“”„]/u.test(sentence.text)) continue;
    const reported = reportIn(sentence, resolver);
    const quote = reported && reportedQuote(text, sentence, reported, resolver);
    if (quote) found.push(quote);
  }
  return found;
}

/** The first reported-speech rule whose speaker holds up in a sentence, and where it puts content and speaker. */
export function reportIn(
  sentence: Sentence,
  resolver: SpeakerResolver,
): (Report & { rule: ReportedSpeechRuleId }) | null {
  for (const hit of fired(REPORTED_SPEECH_RULES, sentence.text)) {
    const reported = READ[hit.action](hit.match, sentence, resolver);
    if (reported) return { ...reported, rule: hit.id };
  }
  return null;
}

/** The statement of a report, trimmed, with its speaker resolved; null when under 12 characters. */
function reportedQuote(
  text: string,
  sentence: Sentence,
  { content, speaker, role }: Report,
  resolver: SpeakerResolver,
): Quote | null {
  let { start, end } = content;
  while (end > start && /[\s,.;:]/.test(text.charAt(end - 1))) end--;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  if (end - start < 12) return null;
  const resolved = resolver.resolve(speaker, speaker.start);
  return {
    start,
    end,
    text: text.slice(start, end),
    speaker: resolved.name,
    speakerId: resolved.id,
    role: role ? text.slice(role.start, role.end) : resolved.role,
    direct: false,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
  };
}
