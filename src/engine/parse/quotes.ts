// Direct quotes (between quotation marks) and reported speech, each attributed to a speaker.
// extractDirectQuotes is a pipeline of named passes (QUOTE_PASSES): find the quoted spans in every quotation
// style, add the bare quote paragraphs after `He said:`, find each quote's cue, drop titles and scare quotes,
// then resolve each speaker (continuing the previous speaker where no cue is found). Reported speech is read by
// the rule table in quotes/reported.ts.
import { SPEECH_VERB } from "../lexicon/index.ts";
import { defined } from "../match.ts";
import { type FactRule, firedOnFacts } from "../rules/rule.ts";
import type { Entity, Paragraph, Quote, Sentence, Span } from "../types.ts";
import {
  type Attribution,
  accordingTo,
  attributionAfter,
  attributionBefore,
  headlineSpeaker,
  signatureAfter,
  subjectWithRole,
  transcriptLabel,
} from "./quotes/attribution.ts";
import { type NonSpeechContext, nonSpeechRule } from "./quotes/non-speech.ts";
import {
  type RankerWeights,
  rankSpeakers,
  type SpeakerCandidate,
  speakerCandidates,
} from "./quotes/ranker.ts";
import { type QuoteSpan, quoteSpans } from "./quotes/spans.ts";
import { SPEAKER_WEIGHTS } from "./quotes/speaker-weights.ts";
import { type ResolvedSpeaker, type SpeakerResolver, speakerResolver } from "./quotes/speakers.ts";
import { sentenceAt } from "./segment.ts";

export { extractReportedSpeech } from "./quotes/reported.ts";
export { type SpeakerResolver, speakerResolver };

interface QuoteDraft {
  span: QuoteSpan | (Span & { style: "block"; openEnded: false });
  paragraph: Paragraph;
  sentence: Sentence;
  /** The rule that found the speaker phrase, and the phrase. */
  /** The speaker phrase, the rule (or pass) that found it, and whether it came from the quote before. */
  cue: { rule: CueRuleId; attribution: Attribution; continued: boolean; labelled: boolean } | null;
  speaker: ResolvedSpeaker | null;
  role: string | null;
}

export interface DirectQuoteOptions {
  /** The mention ranker's weights; null keeps the cue rules' speaker (the rules-only baseline). */
  weights?: RankerWeights | null;
  /** Sees every quote's candidates, for training the ranker. */
  onCandidates?: (quote: Span, candidates: SpeakerCandidate[]) => void;
}

interface PipelineState {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  resolver: SpeakerResolver;
  drafts: QuoteDraft[];
  options: DirectQuoteOptions;
  /** Entities by id, built on first use. */
  entities?: Map<string, Entity>;
}

export interface QuotePass {
  id: string;
  reason: string;
  run: (state: PipelineState) => void;
}

/** Where the text a cue rule reads around a quote begins and ends. */
interface CueWindow {
  /** From the previous quote's end (or the sentence's start) to this quote's start. */
  before: Span;
  /** From this quote's end to the next quote's start or the sentence's end. */
  after: Span;
  /** Nothing but a stop between the quote and its sentence's end. */
  endsSentence: boolean;
  /** From this quote's end to the next quote's start or the paragraph's end. */
  toNextQuote: Span;
}

/** What the cue rules read off a quote's window. */
type CueFact = "ends-sentence";

/** Where a cue rule looks for the speaker phrase, and how. */
type CueAction =
  | "transcript-label"
  | "signature-after"
  | "attribution-after"
  | "attribution-before"
  | "headline-speaker"
  | "according-to";

const FIND_CUE: {
  readonly [A in CueAction]: (text: string, quote: Span, window: CueWindow) => Attribution | null;
} = {
  "transcript-label": (text, quote) => transcriptLabel(text, quote),
  "signature-after": (text, _quote, w) => signatureAfter(text, w.toNextQuote.start, w.toNextQuote.end),
  "attribution-after": (text, _quote, w) => attributionAfter(text, w.after.start, w.after.end),
  "attribution-before": (text, _quote, w) => attributionBefore(text, w.before.start, w.before.end),
  "headline-speaker": (text, _quote, w) => headlineSpeaker(text, w.before.start, w.before.end),
  "according-to": (text, _quote, w) => accordingTo(text, w.before.start, w.after.end),
};

/** Tried in order; the first that finds a speaker phrase is the quote's cue. */
export const CUE_RULES = [
  {
    id: "transcript-label",
    match: { all: [] },
    action: "transcript-label",
    reason: 'A transcript line names its speaker before a colon: `"PARK: We will…`.',
    example: '"PARK: We will rebuild the pier by spring."',
  },
  {
    id: "signature-after",
    match: { all: [] },
    action: "signature-after",
    reason: "A quote signed with a dash and a name, ending its line: `“…” ― Ann Park`.",
    example: "“The sea keeps what it takes.” ― Ann Park",
  },
  {
    id: "speech-verb-after",
    match: { all: [], none: ["ends-sentence"] },
    action: "attribution-after",
    reason: '`"…," Hale said`, `"…," said Hale`: the commonest attribution, right after the quote.',
    example: '"We will rebuild," Hale said.',
  },
  {
    id: "speech-verb-before",
    match: { all: [] },
    action: "attribution-before",
    reason: '`Hale said: "…"`, `Hale told Reyes that the choice "…"`: the subject of the verb before.',
    example: 'Hale said: "We will rebuild."',
  },
  {
    id: "headline-speaker",
    match: { all: [] },
    action: "headline-speaker",
    reason: "A headline names its speaker before a colon: `Park: Rival's figures are 'lies'`.",
    example: "Park: Rival's figures are 'lies'",
  },
  {
    id: "according-to",
    match: { all: [] },
    action: "according-to",
    reason: "`according to Hale` in the quote's sentence.",
    example: 'The pier will reopen "within weeks", according to Hale.',
  },
] as const satisfies readonly FactRule<string, CueAction, CueFact>[];

/** A cue rule's id, or how a quote got its cue without one: from a `He said:` paragraph, the quote before, the sentence before. */
export type CueRuleId =
  | (typeof CUE_RULES)[number]["id"]
  | "colon-paragraph"
  | "continues"
  | "preceding-sentence";

/** Quotes of fewer words than this without a speaker are scare quotes or titles, not speech. */
const MIN_UNATTRIBUTED_WORDS = 4;

/** Only a short tail may follow a speech verb in the sentence before an unattributed quote: `X said.` */
const MAX_TAIL_AFTER_VERB = 60;
const MAX_TAIL_AFTER_VERB_ACROSS_PARAGRAPHS = 200;

/**
 * The subject of a speech verb in the sentence right before `at` (`X told reporters.`): in the same paragraph,
 * or, for a quote that opens its paragraph, the last sentence of the one before.
 */
function precedingSpeaker(
  paragraphStart: number,
  at: number,
  sentences: Sentence[],
  acrossParagraphs: boolean,
): { attribution: Attribution; colon: boolean } | null {
  const current = sentenceAt(sentences, at);
  if (!current || current.index === 0) return null;
  const previous = sentences[current.index - 1];
  if (!previous) return null;
  if ((previous.start < paragraphStart && !acrossParagraphs) || /["“”]/u.test(previous.text)) return null;
  const verb = SPEECH_VERB.exec(previous.text);
  if (!verb || verb.index === 0) return null;
  const tail = previous.text.length - verb.index - verb[0].length;
  if (tail > (acrossParagraphs ? MAX_TAIL_AFTER_VERB_ACROSS_PARAGRAPHS : MAX_TAIL_AFTER_VERB)) return null;
  const attribution = subjectWithRole(previous.start, previous.text.slice(0, verb.index), previous.text, 0);
  return attribution ? { attribution, colon: /:\s*$/u.test(previous.text) } : null;
}

/** The speaker of a colon-ended attribution sentence that closes a paragraph: `Okonkwo reports:`. */
function colonAttribution(text: string, paragraph: Paragraph, sentences: Sentence[]): Attribution | null {
  const last = sentenceAt(sentences, Math.max(paragraph.start, paragraph.end - 1));
  if (!last || !/:\s*$/u.test(last.text) || /["“”]/u.test(last.text)) return null;
  const verb = SPEECH_VERB.exec(last.text);
  if (!verb || verb.index === 0 || last.text.length - verb.index - verb[0].length > 40) return null;
  return subjectWithRole(last.start, text.slice(last.start, last.start + verb.index), last.text, 0);
}

function resolveCue(
  state: PipelineState,
  draft: QuoteDraft,
  attribution: Attribution,
  previousId: string | null,
) {
  const { text, resolver } = state;
  const resolved = resolver.resolve(attribution.speaker, draft.span.start, {
    previousSpeakerId: previousId,
    isQuoted: (at) => isQuoted(state.drafts, at),
    quoteBetween: (from, to) => quoteBetween(state.drafts, from, to),
  });
  draft.speaker = resolved;
  draft.role = attribution.role ? text.slice(attribution.role.start, attribution.role.end) : resolved.role;
}

/** The number of drafts (sorted by start) that start at or before `at`. */
function startingUpTo(drafts: readonly QuoteDraft[], at: number): number {
  let lo = 0;
  let hi = drafts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((drafts[mid]?.span.start ?? at + 1) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a position lies inside one of the drafts. */
function isQuoted(drafts: readonly QuoteDraft[], at: number): boolean {
  const d = drafts[startingUpTo(drafts, at) - 1];
  return d !== undefined && at < d.span.end;
}

/** Whether a draft starts within [from, to). */
function quoteBetween(drafts: readonly QuoteDraft[], from: number, to: number): boolean {
  const d = drafts[startingUpTo(drafts, from - 1)];
  return d !== undefined && d.span.start < to;
}

/** The mention ranker's choice among the people named around the quote, the cue rules' pick among them. */
function rankSpeaker(state: PipelineState, draft: QuoteDraft, previousSpeakerId: string | null) {
  const { weights = SPEAKER_WEIGHTS, onCandidates } = state.options;
  if (!weights && !onCandidates) return;
  const { text, sentences, resolver } = state;
  state.entities ??= new Map(resolver.mentions.map((m) => [m.entity.id, m.entity]));
  const entities = state.entities;
  const candidates = speakerCandidates({
    text,
    quote: draft.span,
    sentences,
    sentence: draft.sentence,
    endSentence: sentenceAt(sentences, Math.max(draft.span.start, draft.span.end - 1)) ?? draft.sentence,
    mentions: resolver.mentions,
    entities,
    rulePick: draft.speaker,
    continued: draft.cue?.continued ?? false,
    previousSpeakerId,
    cueSpan: draft.cue && !draft.cue.continued ? draft.cue.attribution.speaker : null,
    isQuoted: (at) => isQuoted(state.drafts, at),
  });
  onCandidates?.(draft.span, candidates);
  if (!weights) return;
  const ranked = rankSpeakers(candidates, weights);
  if (ranked && ranked.id !== draft.speaker?.id) {
    draft.speaker = ranked;
    draft.role = ranked.role;
  }
}

export const QUOTE_PASSES = [
  {
    id: "find-spans",
    reason: "Every quotation in every style, paragraph by paragraph.",
    run(state) {
      const spans = state.paragraphs.flatMap((paragraph) =>
        quoteSpans(state.text, paragraph).map((span) => ({ span, paragraph })),
      );
      const singles = spans.filter((s) => s.span.style === "single").length;
      // House style: where an article quotes with double marks, its single marks are nested quotes, headline
      // echoes of a quote in the body, or apostrophes; only a single-mark article quotes with them.
      const singleMarkStyle = singles > spans.length - singles;
      for (const { span, paragraph } of spans) {
        if (span.style === "single" && !singleMarkStyle) continue;
        const sentence = defined(sentenceAt(state.sentences, span.start), "sentence");
        state.drafts.push({ span, paragraph, sentence, cue: null, speaker: null, role: null });
      }
    },
  },
  {
    id: "bare-quote-paragraphs",
    reason: "A paragraph after one that ends in `He said:` is his quote even without quotation marks.",
    run(state) {
      const { text, paragraphs, sentences } = state;
      const quoted = new Set(state.drafts.map((d) => d.paragraph.number));
      const added: QuoteDraft[] = [];
      for (let i = 0; i + 1 < paragraphs.length; i++) {
        const [here, next] = paragraphs.slice(i, i + 2);
        if (!here || !next || quoted.has(next.number)) continue;
        const attribution = colonAttribution(text, here, sentences);
        if (!attribution) continue;
        const sentence = defined(sentenceAt(sentences, next.start), "sentence");
        added.push({
          span: { start: next.start, end: next.end, style: "block", openEnded: false },
          paragraph: next,
          sentence,
          cue: { rule: "colon-paragraph", attribution, continued: false, labelled: false },
          speaker: null,
          role: null,
        });
      }
      state.drafts = [...state.drafts, ...added].sort((a, z) => a.span.start - z.span.start);
    },
  },
  {
    id: "find-cues",
    reason: "The speaker phrase of each quote, by the first cue rule that finds one.",
    run(state) {
      const { text, sentences, drafts } = state;
      drafts.forEach((draft, i) => {
        if (draft.cue) return;
        const { span, paragraph, sentence } = draft;
        const endSentence = defined(sentenceAt(sentences, Math.max(span.start, span.end - 1)), "sentence");
        const previous = drafts[i - 1];
        const next = drafts[i + 1];
        const nextStart = next && next.paragraph === paragraph ? next.span.start : paragraph.end;
        const previousEnd =
          previous && previous.paragraph === paragraph ? previous.span.end : paragraph.start;
        const afterLimit = Math.min(nextStart, endSentence.end);
        const window: CueWindow = {
          before: { start: Math.max(previousEnd, sentence.start), end: span.start },
          after: { start: span.end, end: Math.max(span.end, afterLimit) },
          endsSentence: afterLimit - span.end <= 1,
          toNextQuote: { start: span.end, end: Math.max(span.end, nextStart) },
        };
        const facts = new Set<CueFact>(window.endsSentence ? ["ends-sentence"] : []);
        for (const rule of firedOnFacts(CUE_RULES, facts)) {
          const attribution = FIND_CUE[rule.action](text, span, window);
          if (attribution) {
            draft.cue = {
              rule: rule.id,
              attribution,
              continued: false,
              labelled: rule.action === "transcript-label",
            };
            break;
          }
        }
      });
    },
  },
  {
    id: "drop-non-speech",
    reason: "Titles, stage directions and scare quotes in quotation marks are not speech.",
    run(state) {
      const { text } = state;
      state.drafts = state.drafts.filter((draft) => {
        const context: NonSpeechContext = {
          quoted: text.slice(draft.span.start, draft.span.end),
          before: text.slice(Math.max(draft.paragraph.start, draft.span.start - 40), draft.span.start),
          style: draft.span.style,
          cue: draft.cue === null ? "none" : draft.cue.labelled ? "label" : "attribution",
        };
        return nonSpeechRule(context) === null;
      });
    },
  },
  {
    id: "resolve-speakers",
    reason:
      "Each cue's phrase to the entity it names; without a cue, the quote continues the speaker before it " +
      "(in its paragraph, or across a paragraph break) or the subject of a speech verb in the sentence before.",
    run(state) {
      const { text, sentences } = state;
      let lastInParagraph: QuoteDraft | null = null;
      let previousParagraphSpeaker: QuoteDraft | null = null;
      let previousSpeakerId: string | null = null;
      let paragraphNumber = -1;
      const kept: QuoteDraft[] = [];
      for (const draft of state.drafts) {
        if (draft.paragraph.number !== paragraphNumber) {
          // A speaker carries over only into the very next paragraph.
          previousParagraphSpeaker = draft.paragraph.number === paragraphNumber + 1 ? lastInParagraph : null;
          lastInParagraph = null;
          paragraphNumber = draft.paragraph.number;
        }
        const { span, paragraph } = draft;
        const opensParagraph = span.start === paragraph.start;
        if (draft.cue) {
          resolveCue(state, draft, draft.cue.attribution, previousSpeakerId);
        } else {
          const continues = lastInParagraph ?? (opensParagraph ? previousParagraphSpeaker : null);
          if (continues) {
            draft.speaker = continues.speaker;
            draft.role = continues.role;
            draft.cue = continues.cue
              ? {
                  rule: "continues",
                  attribution: continues.cue.attribution,
                  continued: true,
                  labelled: false,
                }
              : null;
          } else {
            // `Lena Ortiz told reporters. “As you know, …”`: the speaker of the sentence just before.
            const before = precedingSpeaker(paragraph.start, span.start, sentences, opensParagraph);
            // Across a paragraph break only a named person, or a colon-ended attribution, carries over.
            if (before) {
              const resolved = state.resolver.resolve(before.attribution.speaker, span.start);
              if (!opensParagraph || before.colon || resolved.id?.startsWith("person:")) {
                draft.cue = {
                  rule: "preceding-sentence",
                  attribution: before.attribution,
                  continued: false,
                  labelled: false,
                };
                resolveCue(state, draft, before.attribution, previousSpeakerId);
              }
            }
          }
          if (!draft.speaker && text.slice(span.start, span.end).split(/\s+/).length < MIN_UNATTRIBUTED_WORDS)
            continue;
        }
        const previous = kept[kept.length - 1];
        const sharedCue =
          previous?.cue &&
          draft.cue &&
          previous.cue.attribution.speaker.start === draft.cue.attribution.speaker.start;
        // `"A," he said, "B."`: one cue, one speaker for both parts.
        if (sharedCue && previous) {
          draft.speaker = previous.speaker;
          draft.role = previous.role;
        } else rankSpeaker(state, draft, previousSpeakerId);
        kept.push(draft);
        if (draft.speaker) {
          lastInParagraph = draft;
          previousSpeakerId = draft.speaker.id ?? previousSpeakerId;
        }
      }
      state.drafts = kept;
    },
  },
] as const satisfies readonly QuotePass[];

export function extractDirectQuotes(
  text: string,
  paragraphs: Paragraph[],
  sentences: Sentence[],
  resolver: SpeakerResolver,
  options: DirectQuoteOptions = {},
): Quote[] {
  const state: PipelineState = { text, paragraphs, sentences, resolver, drafts: [], options };
  for (const pass of QUOTE_PASSES) pass.run(state);
  return state.drafts.map((d) => ({
    start: d.span.start,
    end: d.span.end,
    text: text.slice(d.span.start, d.span.end),
    speaker: d.speaker?.name ?? null,
    speakerId: d.speaker?.id ?? null,
    role: d.role,
    // A bare paragraph after `He said:` is his words, but not between quotation marks.
    direct: d.span.style !== "block",
    paragraph: d.paragraph.number,
    sentence: d.sentence.index,
  }));
}
