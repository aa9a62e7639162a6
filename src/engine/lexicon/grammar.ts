// Closed classes of function words, each written once: articles, determiners, relative pronouns, auxiliaries.
import { words } from "./words.ts";

export const ARTICLES = words("the a an");

/** Determiners before a noun: `the claims`, `her tweets`, `these notes`. */
export const NOUN_DETERMINERS = words("the a an his her their its our my your these those this that");

/** Pronouns that open a relative clause: `Ombaka, who …`. */
export const RELATIVE_PRONOUNS = words("who whose which whom");

/** The forms of `be` a question or a definition turns on: `Who is …`, `What was the cost …`. */
export const BE_FORMS = words("is was are were");

/** Auxiliary and modal verbs: a question they open asks whether (`Did the bridge reopen?`). */
export const AUXILIARIES = words(
  "is are was were do does did has have had can could will would should shall may might must",
);

/** Auxiliaries with their negation: `Didn't the council vote?`. */
export const NEGATED_AUXILIARIES = words("isn't aren't wasn't weren't didn't doesn't don't hasn't haven't");

/** Question words that ask for a person: `who`, `whom`, `whose`. */
export const PERSON_QUESTION_WORDS = words("who whom whose");

/** Question words: `who` … `how`. */
export const QUESTION_WORDS = [...PERSON_QUESTION_WORDS, ...words("what which when where why how")];

/** Pronouns that stand for something named elsewhere: `it`, `they`, `these`. */
export const REFERRING_PRONOUNS = words("it he she they this that these those");
