// The phrase of a sentence that answers a question of a given type: a number with its unit, a place, a reason
// clause, a means, a name given, quoted words (what.ts chooses among them for `what`).
// Named rules, tested in test/rules/ask-phrases.test.ts.
import { COUNT_QUANTIFIERS, COUNT_WORDS, PLACE_PREPOSITIONS, UNIT_WORDS } from "../../lexicon/index.ts";
import type { Sentence, Span } from "../../types.ts";

export interface PhraseRule {
  id: string;
  pattern: RegExp;
  /** The span of the match that answers (offsets relative to the sentence text). */
  action: (m: RegExpExecArray) => Span;
  reason: string;
}

export interface Phrase extends Span {
  text: string;
  rule: string;
}

const alternatives = (words: Iterable<string>) =>
  [...words]
    .sort((a, z) => z.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\%]/g, "\\$&"))
    .join("|");

/** A unit after a number, after a space or a hyphen (`12 km`, `a 30-second advert`), or a per cent sign. */
const UNIT = `(?:[\\s-]+(?:${alternatives(UNIT_WORDS)})\\b|\\s*%)`;
const NUMBER_WORD = `(?:${alternatives(COUNT_WORDS)})`;
const whole = (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length });
/** The span of capture group 1 (the `d` flag gives its indices). */
const group = (m: RegExpExecArray): Span => {
  const at = m.indices?.[1] ?? [m.index, m.index + m[0].length];
  return { start: at[0], end: at[1] };
};

/** A number in digits, with a currency sign before and a scale after (`$4.5`, `£2.4bn`, `5K`); not an ordinal. */
const DIGITS =
  "(?:[$£€¥]\\s?|\\b(?:US|A|C)\\$\\s?)?(?<![\\d.,])\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?:[–-]\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?)?(?:bn|mn|[KMBkmb])?\\b(?!st\\b|nd\\b|rd\\b|th\\b)";
/** A number in words: `three`, `forty-two`, `two million`, `two-thirds`. */
const WORDS = `\\b(?:a\\s+|an\\s+)?${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*\\b`;
const QUANTITY = `(?:${DIGITS}|${WORDS})${UNIT}{0,2}`;

/** Numbers with their units: `$4.5 million`, `40 per cent`, `three officers` (the count), `12 km`. */
export const NUMBER_RULES: readonly PhraseRule[] = [
  {
    id: "number-range",
    pattern: new RegExp(`(?:\\b(?:between|from)\\s+)?${QUANTITY}\\s+(?:to|and|or)\\s+${QUANTITY}`, "gi"),
    action: whole,
    reason:
      "a range or a sum of two numbers (`1,200 to 1,500`, `between 2 and 6 hours`, `3 years and 20 days`)",
  },
  {
    id: "digits-with-unit",
    pattern: new RegExp(`${DIGITS}${UNIT}{0,2}`, "gi"),
    action: whole,
    reason: "digits, with a currency sign before and units after (`$4.5 million`, `40 %`, `12 km`)",
  },
  {
    id: "number-words-with-unit",
    pattern: new RegExp(`${WORDS}${UNIT}{0,2}`, "gi"),
    action: whole,
    reason: "a number in words (`three`, `forty-two`, `two million`), with its unit",
  },
];

/**
 * A count in words that are no number (`none of the treaties`, `several lakes`): read only for how many, and only
 * where the noun after it is the one asked about (answer.ts checks that).
 */
export const QUANTIFIER_RULES: readonly PhraseRule[] = [
  {
    id: "quantifier-count",
    pattern: new RegExp(`\\b(?:${alternatives(COUNT_QUANTIFIERS)})\\b`, "gi"),
    action: whole,
    reason: "`None of the original treaties …` answers `How many treaties …?`",
  },
];

/** A place named after a preposition of place: `in Lower Ashby`, `at the Corran Bridge`. */
export const PLACE_RULES: readonly PhraseRule[] = [
  {
    id: "preposition-capitalised",
    pattern: new RegExp(
      `\\b(?:${alternatives(PLACE_PREPOSITIONS)})\\s+((?:the\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:of\\s+|de\\s+|on\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*)*)`,
      "gud",
    ),
    action: group,
    reason: "`in/at/near <Capitalised words>` names a place",
  },
];

/**
 * A reason clause, strongest marker first; the clause runs to the next clause break. An infinitive or a `by`
 * phrase also ends at a finite verb (`sent to help the police | was shot`), which a full clause may hold.
 */
export const REASON_RULES: readonly PhraseRule[] = [
  {
    id: "because-clause",
    pattern:
      /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+(?:result|consequence)\s+of|on\s+account\s+of)\s+([^,;:.()—]+)/dgi,
    action: group,
    reason: "`because …`, `due to …`, `as a result of …` state a cause",
  },
  {
    id: "purpose-clause",
    pattern:
      /\b(?:in\s+order\s+to|so\s+that|so\s+as\s+to|in\s+response\s+to|in\s+protest\s+(?:at|against|over)|for\s+fear\s+of|in\s+an?\s+(?:bid|effort|attempt)\s+to|(?:trying|seeking|hoping|aiming|attempting|striving)\s+to)\s+([^,;:.()—]+)/dgi,
    action: group,
    reason:
      "`in order to …`, `in response to …`, `in a bid to …`, `, hoping to …` state a purpose or a trigger",
  },
  {
    id: "since-clause",
    pattern: /,\s*(?:since|as)\s+([^,;:.()—]+)/dgi,
    action: group,
    reason: "`…, since the road was shut` (after a comma) states a cause, not a time",
  },
  {
    id: "caused-by",
    pattern:
      /\b(?:caused|driven|prompted|triggered|motivated|fuell?ed|spurred|hampered|hindered|delayed|held\s+back)\s+(?:(?:largely|mainly|mostly|partly|in\s+part)\s+)?by\s+([^,;:.()—]+)/dgi,
    action: group,
    reason:
      "`delayed by the storm`, `hampered by a lack of staff`: a passive verb of causing names the cause after `by`",
  },
  {
    id: "for-gerund",
    pattern: /\bfor\s+((?:not\s+)?[a-z]+ing\b[^,;:.()—]*)/dgi,
    action: group,
    reason:
      "`fined for dumping waste`, `sent back for not having a permit`: what it was done for (answer.ts checks the verb)",
  },
  {
    id: "after-clause",
    pattern: /\b(?:after|following)\s+([^,;:.()—]+)/dgi,
    action: group,
    reason: "`after …`, `following …` name the event that led to it",
  },
  {
    id: "to-infinitive",
    pattern:
      /\b(?:to)\s+((?:help|protect|avoid|prevent|keep|make|allow|ensure|stop|reduce|improve|save|support|meet|pay|fund|raise|build|create|increase|provide|replace|prepare|attract)\b(?:(?!\b(?:was|were|is|are|has|have|had|will|would|said|says)\b)[^,;:.()—])*)/dgi,
    action: group,
    reason: "`to protect the harbour`: a purpose stated by an infinitive of aim",
  },
  {
    id: "any-infinitive",
    pattern:
      /\bto\s+(?!be\b|have\b)([a-z]+\b(?:(?!\b(?:was|were|is|are|has|have|had|will|would|said|says)\b)[^,;:.()—])*)/dgi,
    action: group,
    reason:
      "`closed the road to clear the wreck`: any other infinitive may state the aim (a verb must follow `to`; `to be sold` is passive, not an aim, and the search goes on past it)",
  },
];

/** A name given to something: `known as the Old Quay`, `renamed Harbour Day`, `called "the Spur"`. */
export const NAMING_RULES: readonly PhraseRule[] = [
  {
    id: "named-as",
    pattern:
      /\b(?:called|named|renamed|known\s+as|referred\s+to\s+as|dubbed|nicknamed|titled|entitled|re-?branded\s+as|termed)\s+((?:the\s+)?["“]?[^,;:.()—"”]+["”]?)/dgi,
    action: group,
    reason: "`known as …`, `called …`, `renamed …` give the name the question asks for",
  },
];

/** Words in quotation marks: often the very term asked about. */
export const QUOTED_RULES: readonly PhraseRule[] = [
  {
    id: "quoted-words",
    pattern: /["“]((?:[^\s"“”]+\s){0,4}[^\s"“”]+)["”]/dg,
    action: group,
    reason:
      "a few words in quotation marks (a name, a term; not a quoted sentence) are often the term asked about",
  },
];

/** What someone said, in reported speech: `The board said *the pier would stay closed*`. */
export const REPORTED_SPEECH_RULES: readonly PhraseRule[] = [
  {
    id: "said-that",
    pattern:
      /\b(?:said|says|told\s+[\p{L}]+|announced|added|warned|stated|confirmed|insisted|argued|claimed)\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?(?:that\s+)?((?!(?:in|on|at|by|with|to)\b)[\p{L}\p{N}"“][^;:—]*?)(?=[.;:—]\s*$|[.;:—]\s+\p{Lu}|,\s+[^,]{1,40}?\b(?:said|says|told)\b|$)/dgu,
    action: group,
    reason: "`X said (that) …`: the clause after a verb of saying is what was said",
  },
];

/** A means or manner: `by hiring …`, `through a loan`, `using drones`. */
export const MEANS_RULES: readonly PhraseRule[] = [
  {
    id: "by-means",
    pattern:
      /\b(?:by|through|via|using|with\s+the\s+help\s+of)\s+((?:(?!\b(?:was|were|is|are|has|have|had|will|would|said|says)\b)[^,;:.()—])+)/dgi,
    action: group,
    reason: "`by …`, `through …`, `using …` state how it was done",
  },
];

/** Each sentence's phrases by rule list: they depend on the sentence alone, and the patterns are long. */
const foundIn = new WeakMap<Sentence, Map<readonly PhraseRule[], readonly Phrase[]>>();

/** Phrases a rule list finds in a sentence, with article offsets (worked out once per sentence and list). */
export function phrasesBy(rules: readonly PhraseRule[], sentence: Sentence): readonly Phrase[] {
  let bySentence = foundIn.get(sentence);
  if (!bySentence) {
    bySentence = new Map();
    foundIn.set(sentence, bySentence);
  }
  let found = bySentence.get(rules);
  if (!found) {
    found = findPhrases(rules, sentence);
    bySentence.set(rules, found);
  }
  return found;
}

function findPhrases(rules: readonly PhraseRule[], sentence: Sentence): Phrase[] {
  const found: Phrase[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (const m of sentence.text.matchAll(rule.pattern)) {
      const span = rule.action(m as RegExpExecArray);
      // A sentence's full stop is not part of the phrase that ends it (`based in Aldwick.`).
      const text = sentence.text
        .slice(span.start, span.end)
        .replace(/\s+$/u, "")
        .replace(/(?<=\p{L}{2})\.$/u, (dot, at: number) =>
          span.start + at + 1 === sentence.text.trimEnd().length ? "" : dot,
        );
      if (
        !text.trim() ||
        found.some((f) => f.start < sentence.start + span.end && f.end > sentence.start + span.start)
      )
        continue;
      found.push({
        start: sentence.start + span.start,
        end: sentence.start + span.start + text.length,
        text,
        rule: rule.id,
      });
    }
  }
  return found;
}
