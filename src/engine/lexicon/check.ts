// Words the claim checker reads: negation, amounts, and how a people's name leads back to its country.

/** Words that deny what their clause says: `was not killed`, `never arrived`, `denied the report`. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "none",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "cannot",
  "deny",
  "denies",
  "denied",
  "denying",
]);

/** The negation words a claim drops to state the opposite: `was not killed` → `was killed`. */
export const NEGATION_CUE_WORDS = ["not", "never", "no"] as const;

/** Words between a number and what it counts that do not name the thing counted: `200 more police officers`. */
export const QUANTITY_MODIFIERS: ReadonlySet<string> = new Set([
  "more",
  "other",
  "additional",
  "extra",
  "new",
  "further",
  "fewer",
  "less",
  "than",
  "of",
  "the",
  "about",
  "some",
  "nearly",
  "almost",
  "around",
  "roughly",
  "at",
  "least",
  "its",
  "their",
  "his",
  "her",
  "our",
  "your",
  "my",
  "these",
  "those",
]);

/** Amounts nobody counted: `hundreds of officers` neither confirms nor denies `200 officers`. */
export const VAGUE_QUANTITIES: ReadonlySet<string> = new Set([
  "hundreds",
  "thousands",
  "millions",
  "dozens",
  "scores",
  "several",
  "many",
  "few",
]);

/** Demonyms whose country is not the word minus a suffix. */
export const IRREGULAR_DEMONYMS: Readonly<Record<string, string>> = {
  french: "france",
  british: "britain",
  english: "england",
  dutch: "netherlands",
  swiss: "switzerland",
  spanish: "spain",
  welsh: "wales",
  irish: "ireland",
  scottish: "scotland",
  danish: "denmark",
  swedish: "sweden",
  finnish: "finland",
  polish: "poland",
  turkish: "turkey",
  greek: "greece",
  chinese: "china",
  japanese: "japan",
  salvadoran: "el salvador",
  filipino: "philippines",
  peruvian: "peru",
  thai: "thailand",
  american: "america",
};

/** The role a place plays, by the preposition before it: `killed in Haiti` (location), `officers from Kenya` (origin). */
export const PLACE_FRAMES: Readonly<Record<string, "location" | "origin" | "goal">> = {
  in: "location",
  at: "location",
  near: "location",
  inside: "location",
  outside: "location",
  within: "location",
  across: "location",
  throughout: "location",
  from: "origin",
  to: "goal",
  into: "goal",
  toward: "goal",
  towards: "goal",
};

/** Nouns after a place adjective that describe the place already named: `the Caribbean country` is Haiti again. */
export const DESCRIPTIVE_PLACE_NOUNS: ReadonlySet<string> = new Set([
  "country",
  "nation",
  "state",
  "kingdom",
  "republic",
  "island",
  "archipelago",
]);

/** Words that open a sentence about something named before it: `She said …`, `The officer …`, `This came …`. */
export const ANAPHORIC_OPENERS: ReadonlySet<string> = new Set([
  "he",
  "she",
  "they",
  "it",
  "his",
  "her",
  "its",
  "their",
  "the",
  "this",
  "that",
  "these",
  "those",
  "there",
]);

/** Words that join one clause to another: a negation before them does not reach past them. */
export const CLAUSE_JOINERS: ReadonlySet<string> = new Set([
  "and",
  "but",
  "or",
  "while",
  "whereas",
  "because",
]);

/** Verbs too general to align on: in WordNet `went` is a synonym of `died` and `got` of `understood`. */
export const MOTION_LIGHT_VERBS: ReadonlySet<string> = new Set([
  "go",
  "goes",
  "going",
  "went",
  "gone",
  "get",
  "gets",
  "getting",
  "got",
  "gotten",
]);
