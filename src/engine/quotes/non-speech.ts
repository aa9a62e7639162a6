// Words in quotation marks that are not anyone's speech: titles of shows and books, stage directions,
// single-quoted apostrophe pairs and scare quotes. Each is a named rule; the first that holds drops the quote.
import { regex, TITLE_CUE_WORDS, TITLE_SMALL_WORDS } from "../lexicon/index.ts";
import type { CueRuleId } from "../quotes.ts";
import type { QuoteSpan } from "./spans.ts";

export interface NonSpeechContext {
  /** The quotation, marks included. */
  quoted: string;
  /** Up to 40 characters before it, in its paragraph. */
  before: string;
  style: QuoteSpan["style"] | "block";
  /** The cue rule that found a speaker phrase for it, or null. */
  cue: CueRuleId | null;
}

export interface NonSpeechRule {
  id: string;
  pattern: RegExp;
  /** What the pattern is tested on. */
  on: "quoted" | "before";
  /** The rule holds only where this also does. */
  when?: (context: NonSpeechContext) => boolean;
  action: "drop";
  reason: string;
}

/** One to six capitalised words or numbers, with their punctuation: `“Harbour Talk Tonight,”`. */
const TITLE_CASE = regex(
  "u",
)`^[\s"“\x60'‘]*(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.:&-]*[\s,.!?"”'’]*(?:${TITLE_SMALL_WORDS}\s+)?){1,6}$`;

export const NON_SPEECH_RULES = [
  {
    id: "stage-direction",
    on: "quoted",
    pattern: /^[^\p{Ll}]*$/u,
    action: "drop",
    reason: '`"(CROSSTALK.)` has no lower-case word: a stage direction or a heading, not speech.',
  },
  {
    id: "title-after-preposition",
    on: "before",
    pattern: regex("iu")`(?:\b${TITLE_CUE_WORDS}|['’]s)\s*$`,
    when: (c) => c.cue !== "transcript-label" && TITLE_CASE.test(c.quoted.slice(1)),
    action: "drop",
    reason:
      "`on “Harbour Hour,”`, `the station's “Weekend Desk”`: a capitalised title after a preposition is a name.",
  },
  {
    id: "unattributed-title",
    on: "quoted",
    pattern: TITLE_CASE,
    when: (c) => c.cue === null,
    action: "drop",
    reason: "A few capitalised words with no speaker: a title (`“The Glass Harbour”`), not speech.",
  },
  {
    id: "unattributed-single-quotes",
    on: "quoted",
    pattern: /^./su,
    when: (c) => c.style === "single" && c.cue === null,
    action: "drop",
    reason:
      "Single marks without a speaker are mostly scare quotes or apostrophes (`the students' union`); " +
      "a headline quote keeps its speaker through a cue (`Park: 'lies'`).",
  },
] as const satisfies readonly NonSpeechRule[];

export type NonSpeechRuleId = (typeof NON_SPEECH_RULES)[number]["id"];

/** The id of the first rule that says a quotation is not speech, or null when it is speech. */
export function nonSpeechRule(context: NonSpeechContext): NonSpeechRuleId | null {
  for (const rule of NON_SPEECH_RULES) {
    const target = rule.on === "quoted" ? context.quoted : context.before;
    if (rule.pattern.test(target) && (!("when" in rule) || rule.when(context))) return rule.id;
  }
  return null;
}
