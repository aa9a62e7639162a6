// What a library search sends to a store's full-text index: plain lower-case words, stop words left out.
// Both stores get the same terms and each stems them its own way (SQLite FTS5's porter tokenizer,
// PostgreSQL's `english` configuration), so the same query finds the same articles on either.
import { SEARCH_STOP_WORDS } from "../engine/index.ts";

/** A query is cut to this many terms: a question needs far fewer, and each term costs a posting-list read. */
export const MAX_SEARCH_TERMS = 16;

export interface LibraryQuery {
  /** Lower-case words of letters and digits, no stop words, each at most once. */
  terms: string[];
  /** `any`: an article holding any term matches (ranked by how well); `all`: only those holding every term. */
  mode: "any" | "all";
}

export function searchTerms(text: string, max = MAX_SEARCH_TERMS): string[] {
  const terms: string[] = [];
  for (const match of text
    .normalize("NFKC")
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (SEARCH_STOP_WORDS.has(word) || word.length > 40 || terms.includes(word)) continue;
    terms.push(word);
    if (terms.length === max) break;
  }
  return terms;
}

export function libraryQuery(text: string, mode: LibraryQuery["mode"] = "any"): LibraryQuery {
  return { terms: searchTerms(text), mode };
}

/** The FTS5 MATCH expression: each term a quoted string (no operator can be smuggled in). */
export function fts5Match(query: LibraryQuery): string {
  return query.terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(query.mode === "all" ? " AND " : " OR ");
}

/** The text for PostgreSQL's `to_tsquery`: terms are letters and digits only, joined by `|` or `&`. */
export function tsqueryText(query: LibraryQuery): string {
  return query.terms.join(query.mode === "all" ? " & " : " | ");
}

export interface SearchHit {
  /** The article's id in its server's library. */
  id: string;
  /** The store's own relevance (higher is better); comparable only within one search. */
  score: number;
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
  offset?: number;
}
