// Direct quotes (between quotation marks) and reported speech, each attributed to a speaker.
// Attribution looks for a speech verb right after the quote (`," Ombaka said`, `," said Ombaka`) or right
// before it (`Ombaka said: "…"`); an unattributed quote continues the previous speaker's.
import { ROLE_NOUNS } from "./entities";
import { sentenceAt } from "./segment";
import type { Entity, Paragraph, Quote, Sentence, Span } from "./types";

const OPEN = new Set(['"', "“", "„", "‟", "«"]);
const CLOSE = new Set(['"', "”", "‟", "»"]);

const VERBS =
  "said|says|say|saying|told|tells|added|adds|asked|asks|stated|states|explained|explains|wrote|writes|noted|notes|" +
  "warned|warns|argued|argues|insisted|insists|declared|declares|announced|announces|replied|replies|tweeted|tweets|" +
  "posted|claimed|claims|acknowledged|acknowledges|admitted|admits|recalled|recalls|continued|continues|stressed|" +
  "stresses|urged|urges|added|remarked|observed|emphasized|emphasised|conceded|concluded|contended|asserted|" +
  "suggested|suggests|predicted|responded|responds|complained|complains|vowed|pledged|promised|joked|" +
  "testified|wondered|agreed|agrees|countered|counters|cautioned|confirmed|confirms|reported|reports|believes|thinks|" +
  "called|calls|described|describes|dubbed|termed|labeled|labelled|sang|sings|chanted|shouted|yelled|read|reads";
const VERB = new RegExp(`\\b(${VERBS})\\b`, "iu");
const VERB_GLOBAL = new RegExp(`\\b(${VERBS})\\b`, "giu");

const PRONOUN = /^(he|she|they|i|we|it)$/i;

/** The quoted spans of one paragraph, marks included. A quote left open runs to the paragraph's end. */
function quoteSpans(text: string, paragraph: Paragraph): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i] as string;
    if (open < 0) {
      // A straight quote that follows a letter is a closing mark or an inch sign, not an opening.
      if (OPEN.has(ch) && !(ch === '"' && /[\p{L}\p{N}.,!?]/u.test(text[i - 1] ?? " "))) open = i;
    } else if (CLOSE.has(ch) || (ch === "“" && i > open + 1 && /\s/.test(text[i - 1] ?? ""))) {
      // An opening curly mark after a space while a quote is open: the writer forgot to close it.
      if (ch === "“") {
        spans.push({ start: open, end: trimEnd(text, open, i) });
        open = i;
      } else {
        spans.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0 && paragraph.end - open > 1) spans.push({ start: open, end: paragraph.end });
  return spans.filter((s) => /\p{L}/u.test(text.slice(s.start, s.end)));
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] as string)) e--;
  return e;
}

interface Attribution {
  /** Where the speaker phrase is in the text. */
  speaker: Span;
  role: Span | null;
}

const MAX_SPEAKER_WORDS = 14;
const ROLE_START = /^(the|a|an|his|her|its|their|our|former|then|who|whose|which)\s/i;
const NOT_A_SPEAKER = /["“”]|\b(that|because|but|and then|if)\b/i;

function spanOf(base: number, inner: string, within: string, from = 0): Span {
  const at = within.indexOf(inner, from);
  return { start: base + at, end: base + at + inner.length };
}

/** A subject phrase, possibly with an appositive: `Jack Ombaka, the mission's spokesperson`. */
function subjectWithRole(base: number, phrase: string, within: string, at: number): Attribution | null {
  const trimmed = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/gu, "");
  if (trimmed === "" || NOT_A_SPEAKER.test(trimmed) || trimmed.split(/\s+/).length > MAX_SPEAKER_WORDS)
    return null;
  const offset = within.indexOf(trimmed, at);
  const parts = trimmed.split(/,\s+/);
  // From the verb backwards: parts that open with a determiner are the role (`the mission's spokesperson`);
  // the first part that does not is the subject. Parts before it are lead-ins (`In one tweet`).
  let subject = parts.length - 1;
  while (subject > 0 && ROLE_START.test(parts[subject] as string)) subject--;
  const name = parts[subject] as string;
  const after = parts.slice(subject + 1);
  // `X, who has worked here since 2009,` describes, but is not a role.
  const role = /^(who|whose|which|whom)\b/i.test(after[0] ?? "") ? "" : after.join(", ");
  const nameAt = parts.slice(0, subject).reduce((n, p) => n + p.length, 0);
  const nameOffset = trimmed.indexOf(name, nameAt);
  if (
    // Two tests: under the `i` flag \p{Lu} would match any letter.
    !/^\p{Lu}/u.test(name) &&
    !/^(he|she|they|i|we|the|a|an|one|two|three|several|many|some|officials|police)\b/iu.test(name)
  ) {
    return null;
  }
  const speaker = { start: base + offset + nameOffset, end: base + offset + nameOffset + name.length };
  const roleSpan = role ? spanOf(base, role, within, offset + nameOffset + name.length) : null;
  return { speaker, role: roleSpan };
}

/** `, Jack Ombaka, the mission's spokesperson, said …` or `, said Ombaka in a statement.` */
function attributionAfter(text: string, from: number, to: number): Attribution | null {
  const after = text.slice(from, to);
  const verb = VERB.exec(after);
  if (!verb) return null;
  const head = after.slice(0, verb.index);
  if (head.trim().replace(/^,/, "").trim() === "") {
    // Verb first: `said Ombaka in a statement`, `said Jack Ombaka, the spokesperson.`
    const rest = after.slice(verb.index + verb[0].length);
    const np =
      /^\s+((?:[\p{Lu}][\p{L}\p{M}'’.-]*|he|she|they|I|we)(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’.-]*|of|de|al|bin|van|von|da))*)(?:,\s+((?:the|a|an|his|her|its|their)\s[^,.;]{2,110}))?/u.exec(
        rest,
      );
    if (!np) return null;
    const base = from + verb.index + verb[0].length;
    const name = np[1] as string;
    const speaker = spanOf(base, name, rest);
    const role = np[2] ? spanOf(base, np[2], rest, speaker.end - base) : null;
    return { speaker, role };
  }
  if (head.split(/\s+/).length > MAX_SPEAKER_WORDS + 8) return null;
  return subjectWithRole(from, head, after, 0);
}

/** `Ombaka said: "…"`, `He told reporters, "…"` */
function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const before = text.slice(from, to);
  const matches = [...before.matchAll(VERB_GLOBAL)];
  const verb = matches[matches.length - 1];
  if (!verb) return null;
  const tail = before.slice(verb.index + verb[0].length);
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
  // `Kenyan President William Ruto said` — the subject is the whole head of the clause.
  return subjectWithRole(from, head, before, clauseStart);
}

/** `according to X` next to the quote. */
function accordingTo(text: string, from: number, to: number): Attribution | null {
  const window = text.slice(from, to);
  const match =
    /according to\s+((?:the\s+)?[\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*)*)/u.exec(window);
  if (!match) return null;
  return { speaker: spanOf(from, match[1] as string, window, match.index), role: null };
}

/** The noun a role is about: `the commander of the Kenyan forces` → `commander`. */
const roleHead = (role: string) =>
  (role.toLowerCase().split(/\s+(?:of|for|at|in|on|with)\s+/)[0] as string).split(/\s+/).pop() ?? "";

/** Longer than any name a mention holds. */
const MAX_MENTION_CHARS = 200;

/** Index of the first item whose start is at or after `at` (items sorted by start). */
function firstStartingAtOrAfter(items: readonly Span[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as Span).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SpeakerResolver {
  /** The entity a speaker phrase names, or the latest person before `at` for a pronoun. */
  resolve(span: Span, at: number): { name: string; id: string | null; role: string | null };
}

export function speakerResolver(text: string, entities: Entity[]): SpeakerResolver {
  const mentions = entities
    .flatMap((entity) => entity.mentions.map((m) => ({ ...m, entity })))
    .sort((a, z) => a.start - z.start);
  const people = entities.filter((e) => e.type === "person");
  const personMentions = mentions.filter((m) => m.entity.type === "person");
  return {
    resolve(span, at) {
      const phrase = text.slice(span.start, span.end);
      // Mentions are sorted by start, and a mention is short: binary search keeps long articles linear.
      const inside: typeof mentions = [];
      for (
        let i = firstStartingAtOrAfter(mentions, span.start - MAX_MENTION_CHARS);
        i < mentions.length;
        i++
      ) {
        const m = mentions[i] as (typeof mentions)[number];
        if (m.start >= span.end) break;
        if (m.end > span.start && m.entity.type !== "place") inside.push(m);
      }
      // A pronoun, or a description that names no one here (`the former secretary of state`): the latest person.
      const description =
        /^the\s+\p{Ll}/u.test(phrase) && ROLE_NOUNS.test(roleHead(phrase)) && inside.length === 0;
      if (
        PRONOUN.test(phrase) ||
        (description && !people.some((p) => p.role && roleHead(p.role) === roleHead(phrase)))
      ) {
        const before = firstStartingAtOrAfter(personMentions, at) - 1;
        const lastPerson = personMentions[before];
        if (lastPerson)
          return { name: lastPerson.entity.name, id: lastPerson.entity.id, role: lastPerson.entity.role };
        return { name: phrase, id: null, role: null };
      }
      const best = inside.find((m) => m.entity.type === "person") ?? inside[0];
      if (best) return { name: best.entity.name, id: best.entity.id, role: best.entity.role };
      // `the spokesperson` → the person whose role says so.
      const head = phrase.split(/\s+/).pop()?.toLowerCase() ?? "";
      const byRole = head.length > 3 ? people.find((p) => p.role && roleHead(p.role) === head) : undefined;
      if (byRole) return { name: byRole.name, id: byRole.id, role: byRole.role };
      return { name: phrase, id: null, role: null };
    },
  };
}

/**
 * The subject of a speech verb in the sentence right before `at` (`X told reporters.`): in the same paragraph,
 * or, for a quote that opens its paragraph, the last sentence of the one before.
 */
function precedingSpeaker(
  paragraphStart: number,
  at: number,
  sentences: Sentence[],
  acrossParagraphs: boolean,
): Attribution | null {
  const current = sentenceAt(sentences, at);
  if (!current || current.index === 0) return null;
  const previous = sentences[current.index - 1] as Sentence;
  if ((previous.start < paragraphStart && !acrossParagraphs) || /["“”]/u.test(previous.text)) return null;
  const verb = VERB.exec(previous.text);
  if (!verb || verb.index === 0) return null;
  // Only a short tail after the verb: `X said.`, `X told Breitbart News.`, `X said in a statement:`.
  if (previous.text.length - verb.index - verb[0].length > (acrossParagraphs ? 200 : 60)) return null;
  return subjectWithRole(previous.start, previous.text.slice(0, verb.index), previous.text, 0);
}

/** Quotes of fewer words than this without an attribution are scare quotes or titles, not speech. */
const MIN_UNATTRIBUTED_WORDS = 4;

export function extractDirectQuotes(
  text: string,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  resolver: SpeakerResolver,
): Quote[] {
  const quotes: Quote[] = [];
  let previousParagraphSpeaker: Quote | null = null;
  for (const paragraph of paragraphs) {
    const spans = quoteSpans(text, paragraph);
    let lastInParagraph: Quote | null = null;
    spans.forEach((span, i) => {
      const sentence = sentenceAt(sentences, span.start) as Sentence;
      const endSentence = sentenceAt(sentences, Math.max(span.start, span.end - 1)) as Sentence;
      const nextStart = spans[i + 1]?.start ?? paragraph.end;
      const previousEnd = spans[i - 1]?.end ?? paragraph.start;
      const afterLimit = Math.min(nextStart, endSentence.end);
      const endsSentence = afterLimit - span.end <= 1;
      const attribution =
        (!endsSentence ? attributionAfter(text, span.end, afterLimit) : null) ??
        attributionBefore(text, Math.max(previousEnd, sentence.start), span.start) ??
        accordingTo(text, Math.max(previousEnd, sentence.start), afterLimit);
      let speaker: Quote["speaker"] = null;
      let speakerId: string | null = null;
      let role: string | null = null;
      const quoted = text.slice(span.start + 1, span.end);
      // A transcript: `"WALLACE: Let's start …`.
      const label = /^\s*([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}):\s/u.exec(quoted);
      // A title in quotation marks (`“Fox News Sunday,”`), not speech.
      if (
        !label &&
        /^[\s"“]*(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*[\s,.!?"”]*){1,5}$/u.test(quoted) &&
        !attribution
      )
        return;
      // `"(CROSSTALK.)`: a stage direction.
      if (!/\p{Ll}/u.test(quoted)) return;
      if (label) {
        const at = span.start + 1 + quoted.indexOf(label[1] as string);
        const resolved = resolver.resolve({ start: at, end: at + (label[1] as string).length }, span.start);
        speaker = resolved.name;
        speakerId = resolved.id;
        role = resolved.role;
      } else if (attribution) {
        const resolved = resolver.resolve(attribution.speaker, span.start);
        speaker = resolved.name;
        speakerId = resolved.id;
        role = attribution.role ? text.slice(attribution.role.start, attribution.role.end) : resolved.role;
      } else {
        const words = text.slice(span.start, span.end).split(/\s+/).length;
        const continues =
          lastInParagraph ?? (span.start === paragraph.start ? previousParagraphSpeaker : null);
        // `Pat Caddell told reporters. “As you know, …”`: the speaker of the sentence just before.
        const opensParagraph = span.start === paragraph.start;
        let before = continues
          ? null
          : precedingSpeaker(paragraph.start, span.start, sentences, opensParagraph);
        // Across a paragraph break only a named person carries over (`Sen. Lindsey Graham told The Post.` ¶ “…”).
        if (
          before &&
          opensParagraph &&
          !resolver.resolve(before.speaker, span.start).id?.startsWith("person:")
        ) {
          before = null;
        }
        if (continues) {
          speaker = continues.speaker;
          speakerId = continues.speakerId;
          role = continues.role;
        } else if (before) {
          const resolved = resolver.resolve(before.speaker, span.start);
          speaker = resolved.name;
          speakerId = resolved.id;
          role = before.role ? text.slice(before.role.start, before.role.end) : resolved.role;
        } else if (words < MIN_UNATTRIBUTED_WORDS) {
          return;
        }
      }
      const quote: Quote = {
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        speaker,
        speakerId,
        role,
        direct: true,
        paragraph: paragraph.number,
        sentence: sentence.index,
      };
      quotes.push(quote);
      if (speaker) lastInParagraph = quote;
    });
    previousParagraphSpeaker = lastInParagraph;
  }
  return quotes;
}

const SUBJECT_START = /^(?:[\p{Lu}]|(?:he|she|they|we|i|the|a|an|officials|police|authorities|experts)\b)/iu;

/**
 * Reported speech in sentences without quotation marks: `X said (…) that CONTENT`,
 * `CONTENT, X(, ROLE,) said (…).`, `CONTENT, said X.` and `according to X`.
 */
export function extractReportedSpeech(
  text: string,
  sentences: Sentence[],
  resolver: SpeakerResolver,
): Quote[] {
  const found: Quote[] = [];
  for (const sentence of sentences) {
    const s = sentence.text;
    if (/["“”„]/u.test(s)) continue;
    const push = (content: Span, speakerSpan: Span, roleSpan: Span | null) => {
      let { start, end } = content;
      while (end > start && /[\s,.;:]/.test(text[end - 1] as string)) end--;
      while (start < end && /\s/.test(text[start] as string)) start++;
      if (end - start < 12) return;
      const resolved = resolver.resolve(speakerSpan, speakerSpan.start);
      found.push({
        start,
        end,
        text: text.slice(start, end),
        speaker: resolved.name,
        speakerId: resolved.id,
        role: roleSpan ? text.slice(roleSpan.start, roleSpan.end) : resolved.role,
        direct: false,
        paragraph: sentence.paragraph,
        sentence: sentence.index,
      });
    };
    // `X said (in a statement) that CONTENT`
    const thatClause = new RegExp(`^(.{2,160}?)\\s(?:${VERBS})\\b([^.;]{0,60}?)\\sthat\\s`, "iu").exec(s);
    if (thatClause) {
      const subject = subjectWithRole(sentence.start, thatClause[1] as string, s, 0);
      if (subject && SUBJECT_START.test(thatClause[1] as string)) {
        push(
          { start: sentence.start + thatClause[0].length, end: sentence.end },
          subject.speaker,
          subject.role,
        );
        continue;
      }
    }
    // `Tomás Ferreira, …, said the new room …`: no `that`, so only when the subject is a known person.
    const bare =
      /^(.{2,160}?)\s(?:said|says|added|argued|warned)\s(?!in\s|on\s|at\s|to\s|of\s)(.{12,})$/iu.exec(s);
    if (bare) {
      const subject = subjectWithRole(sentence.start, bare[1] as string, s, 0);
      const resolved = subject ? resolver.resolve(subject.speaker, subject.speaker.start) : null;
      if (subject && resolved?.id?.startsWith("person:")) {
        push(
          { start: sentence.end - (bare[2] as string).length, end: sentence.end },
          subject.speaker,
          subject.role,
        );
        continue;
      }
    }
    // `CONTENT, X(, ROLE,) said (in a statement).`
    const tail = new RegExp(
      `,\\s([^,]{2,80}(?:,\\s[^,]{2,120},)?)\\s(?:${VERBS})\\b([^,;]{0,40})[.!?]?$`,
      "iu",
    ).exec(s);
    if (tail) {
      const subject = subjectWithRole(sentence.start, tail[1] as string, s, tail.index);
      if (subject && SUBJECT_START.test((tail[1] as string).trim())) {
        push({ start: sentence.start, end: sentence.start + tail.index }, subject.speaker, subject.role);
        continue;
      }
    }
    // `CONTENT, said X.`
    const inverted = new RegExp(
      `,\\s(?:${VERBS})\\s((?:the\\s)?[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:\\s[\\p{Lu}][\\p{L}\\p{M}'’.-]*)*)[^,;]{0,40}[.!?]?$`,
      "u",
    ).exec(s);
    if (inverted) {
      const speaker = spanOf(sentence.start, inverted[1] as string, s, inverted.index);
      push({ start: sentence.start, end: sentence.start + inverted.index }, speaker, null);
      continue;
    }
    const according =
      /^(.{12,}?),\s+according to\s+([^,.;]{2,80})[.!?]?$|^According to\s+([^,]{2,80}),\s+(.{12,})$/u.exec(s);
    if (according) {
      if (according[1]) {
        const speaker = spanOf(sentence.start, according[2] as string, s, (according[1] as string).length);
        push({ start: sentence.start, end: sentence.start + (according[1] as string).length }, speaker, null);
      } else {
        const speaker = spanOf(sentence.start, according[3] as string, s);
        const contentStart = s.length - (according[4] as string).length;
        push({ start: sentence.start + contentStart, end: sentence.end }, speaker, null);
      }
    }
  }
  return found;
}
