// Words the learned reader reads as features: small closed classes of function words, never content words.
// The reader's models learn what each class means for an answer; these lists only name the classes.

import { wordSet } from "./words.ts";

/** Prepositions that open a place or a time (`in Lisbon`, `on Monday`). */
export const LOCATIVE_PREPOSITIONS = wordSet("in at on near from to into across inside outside throughout");
/** Words that open a reason (`because the road flooded`, `due to rain`). */
export const REASON_OPENERS = wordSet("because since due owing so thanks as");
/** Copulas and their forms: what follows often defines (`The new mayor is Ann Cole`). */
export const COPULAS = wordSet("is was are were be been being become became becomes remains remained");
/** Words that introduce a name (`a dog named Rex`, `known as the Old Mill`). */
export const NAMING_WORDS = wordSet("called named known titled dubbed nicknamed");
/** Determiners that open a noun phrase. */
export const DETERMINERS = wordSet("the a an this that these those its his her their our");
/** Pronouns that point back to an earlier mention (their sentence carries that mention's words). */
export const ANAPHORIC_PRONOUNS = wordSet("he she it they him her his its their them this these those");
/** Words that negate a question's premise (`Which team did not win?`). */
export const NEGATIONS = wordSet("not never no n't none neither nor without");
/** Currency and percent signs written before or after a number. */
export const AMOUNT_SIGNS = wordSet("$ £ € ¥ % percent per cent");
