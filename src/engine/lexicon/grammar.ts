// Closed classes of function words, each written once: articles, determiners, relative pronouns, auxiliaries.
import { words } from "./words.ts";

export const ARTICLES = words("the a an");

/** Determiners before a noun: `the claims`, `her tweets`, `these notes`. */
export const NOUN_DETERMINERS = words("the a an his her their its our my your these those this that");

/** Pronouns that open a relative clause: `Ombaka, who …`. */
export const RELATIVE_PRONOUNS = words("who whose which whom");
