// Words in quotation marks that are not anyone's speech: titles of shows and books, stage directions,
// single-quoted apostrophe pairs and scare quotes. Each is a named rule; the first that holds drops the quote.
import { regex, TITLE_CUE_WORDS, TITLE_SMALL_WORDS } from "../../lexicon/index.ts";
import { fired, type Rule, type RuleId } from "../../rules/rule.ts";
import type { QuoteSpan } from "./spans.ts";

export interface NonSpeechContext {
  /** The quotation, marks included. */
  quoted: string;
  /** Up to 40 characters before it, in its paragraph. */
  before: string;
  style: QuoteSpan["style"] | "block";
  /**
   * How the quotation got a speaker phrase: none; a transcript label that opens it (`"PARK: …`), so its capitals
   * are the speaker's name; or an attribution around it (`," Hale said`).
   */
  cue: "none" | "label" | "attribution";
}

/** Every action drops the quote; each says what the pattern is tested on and where else the rule must hold. */
type NonSpeechAction =
  | "drop"
  | "drop-title-after-cue-word"
  | "drop-unattributed"
  | "drop-unattributed-single";

const ACTIONS: Record<
  NonSpeechAction,
  { on: "quoted" | "before"; when: (context: NonSpeechContext) => boolean }
> = {
  drop: { on: "quoted", when: () => true },
  "drop-title-after-cue-word": {
    on: "before",
    when: (c) => c.cue !== "label" && TITLE_CASE.test(c.quoted.slice(1)),
  },
  "drop-unattributed": { on: "quoted", when: (c) => c.cue === "none" },
  "drop-unattributed-single": { on: "quoted", when: (c) => c.style === "single" && c.cue === "none" },
};

/** One to six capitalised words or numbers, with their punctuation: `“Harbour Talk Tonight,”`. */
const TITLE_CASE = regex(
  "u",
)`^[\s"“\x60'‘]*(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.:&-]*[\s,.!?"”'’]*(?:${TITLE_SMALL_WORDS}\s+)?){1,6}$`;

export const NON_SPEECH_RULES = [
  {
    id: "stage-direction",
    match: /^[^\p{Ll}]*$/u,
    action: "drop",
    example: '"(LAUGHTER.)',
    reason: '`"(CROSSTALK.)` has no lower-case word: a stage direction or a heading, not speech.',
  },
  {
    id: "title-after-preposition",
    match: regex("iu")`(?:\b${TITLE_CUE_WORDS}|['’]s)\s*$`,
    action: "drop-title-after-cue-word",
    example: "she told the network’s ",
    reason:
      "`on “Harbour Hour,”`, `the station's “Weekend Desk”`: a capitalised title after a preposition is a name.",
  },
  {
    id: "unattributed-title",
    match: TITLE_CASE,
    action: "drop-unattributed",
    example: "“Lanterns Over Stone”",
    reason: "A few capitalised words with no speaker: a title (`“The Glass Harbour”`), not speech.",
  },
  {
    id: "unattributed-single-quotes",
    match: /^./su,
    action: "drop-unattributed-single",
    example: "'fair'",
    reason:
      "Single marks without a speaker are mostly scare quotes or apostrophes (`the students' union`); " +
      "a headline quote keeps its speaker through a cue (`Park: 'lies'`).",
  },
] as const satisfies readonly Rule<string, NonSpeechAction>[];

export type NonSpeechRuleId = RuleId<typeof NON_SPEECH_RULES>;

/** The id of the first rule that says a quotation is not speech, or null when it is speech. */
export function nonSpeechRule(context: NonSpeechContext): NonSpeechRuleId | null {
  const on = (rule: (typeof NON_SPEECH_RULES)[number]) =>
    ACTIONS[rule.action].on === "quoted" ? context.quoted : context.before;
  for (const hit of fired(NON_SPEECH_RULES, on)) if (ACTIONS[hit.action].when(context)) return hit.id;
  return null;
}
