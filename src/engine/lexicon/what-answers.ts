// Words that say which of a sentence's phrases answers a `what`/`which` question.

/** Nouns after `what`/`which` that ask for an organisation: `What company …?`, `Which team …?`. */
export const ORGANISATION_FOCUS_NOUNS: ReadonlySet<string> = new Set(
  (
    "company companies firm firms team teams organization organisation organizations organisations group " +
    "groups party parties club clubs agency agencies university universities college school network " +
    "networks newspaper band bank banks union unions corporation business airline broadcaster church " +
    "institution institutions league"
  ).split(" "),
);

/** Nouns after `what`/`which` that ask for a person: `What player …?`, `Which official …?`. */
export const PERSON_FOCUS_NOUNS: ReadonlySet<string> = new Set(
  (
    "person people man woman player players official officials leader leaders president minister " +
    "coach quarterback author writer artist singer scientist king queen emperor pope general officer"
  ).split(" "),
);

/** Nouns after `what`/`which` that ask for a year or a date as a number: `What year …?`. */
export const YEAR_FOCUS_NOUNS: ReadonlySet<string> = new Set("year years decade century".split(" "));

/** Auxiliaries after `what` that leave the asked thing as the object: `What did the council approve?`. */
export const OBJECT_AUXILIARIES: ReadonlySet<string> = new Set(
  "did does do will would can could has have had should must might may".split(" "),
);

/** Question openings that ask for the other member of a pair: `Along with the mayor, who …?`. */
export const ADDITIVE_QUESTION =
  /\b(?:along\s+with|other\s+than|besides|in\s+addition\s+to|as\s+well\s+as|apart\s+from|aside\s+from|together\s+with|except(?:\s+for)?)\b/i;

/** Words that ask for an example: `What is an example of …?`, `Name one of …`. */
export const EXAMPLE_QUESTION = /\b(?:example|examples|instance|such\s+as|one\s+of)\b/i;

/** Words in a sentence before an example (the lower-cased words just before it). */
export const EXAMPLE_MARKERS: readonly (readonly string[])[] = [
  ["such", "as"],
  ["including"],
  ["like"],
  ["for", "example"],
  ["for", "instance"],
  ["e.g"],
  ["notably"],
  ["especially"],
];

/** Prepositions the tagger's word list gives as adjectives (`over`, `near`): they end a noun chunk too. */
export const CHUNK_PREPOSITIONS: ReadonlySet<string> = new Set(
  "over under beside near above below behind beyond amid among against along around toward towards upon within via".split(
    " ",
  ),
);

/** Words that open a noun phrase: a chunk breaks before them (`rebuilt | the stone bridge`). */
export const PHRASE_OPENERS: ReadonlySet<string> = new Set("the a an".split(" "));

/** Nouns too general to answer a what-question on their own: `part`, `way`, `number`, `one`. */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set(
  (
    "one ones part parts way ways number numbers type types kind kinds sort form forms time times thing things " +
    "example examples people lot lots something anything everything nothing instance instances case cases " +
    "fact facts matter area areas level levels amount amounts group groups member members use result results " +
    "order side sides point points term terms aspect aspects manner variety range series set"
  ).split(" "),
);

/** Prepositions before a name that make it a place's (`who work in Harwick`), not a vessel's or a building's (`on`). */
export const PLACE_NAMING_PREPOSITIONS: ReadonlySet<string> = new Set("in at from near".split(" "));
