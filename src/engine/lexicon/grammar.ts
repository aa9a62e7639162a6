// Closed classes of function words, each written once: articles, determiners, relative pronouns, auxiliaries.
import { wordSet, words } from "./words.ts";

export const ARTICLES = words("the a an");

/** Determiners before a noun: `the claims`, `her tweets`, `these notes`. */
export const NOUN_DETERMINERS = words("the a an his her their its our my your these those this that");

/** Pronouns that open a relative clause: `Ombaka, who …`. */
export const RELATIVE_PRONOUNS = words("who whose which whom");

/** The forms of `be` a question or a definition turns on: `Who is …`, `What was the cost …`. */
export const BE_FORMS = words("is was are were");

/** The forms of `do` that carry a question whose question word is the object: `What did the council approve?`. */
export const DO_FORMS = wordSet("do does did");

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

/**
 * PostgreSQL's `english` stop words (Snowball's list): library search leaves out exactly these on both stores, so
 * SQLite's FTS5 and PostgreSQL's tsvector find the same articles.
 */
export const SEARCH_STOP_WORDS: ReadonlySet<string> =
  wordSet(`i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves what which who whom this that these those am is are was were be
  been being have has had having do does did doing a an the and but if or because as until while of at by for with
  about against between into through during before after above below to from up down in out on off over under again
  further then once here there when where why how all any both each few more most other some such no nor not only
  own same so than too very s t can will just don should now`);
