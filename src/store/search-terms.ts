// What a library search sends to a store's full-text index: plain lower-case words, stop words left out.
// Both stores get the same terms and each stems them its own way (SQLite FTS5's porter tokenizer,
// PostgreSQL's `english` configuration), so the same query finds the same articles on either.

/** PostgreSQL's `english` stop words (Snowball's list): the SQLite side must leave out exactly these too. */
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves what which who whom this that these those am is are was were be
  been being have has had having do does did doing a an the and but if or because as until while of at by for with
  about against between into through during before after above below to from up down in out on off over under again
  further then once here there when where why how all any both each few more most other some such no nor not only
  own same so than too very s t can will just don should now`.split(/\s+/),
);

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
    if (STOP_WORDS.has(word) || word.length > 40 || terms.includes(word)) continue;
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
