// Questions across a whole library: the store's own full-text index picks the candidate articles, the engine
// answers each one as it would alone (`answer(article, request)`), and the answers are merged here: grouped by
// article, newest first, every citation naming its article. A profile, a timeline and a claim check across
// articles are merged from the per-article answers of the same kind.
import { createRequire } from "node:module";
import type * as Stemmer from "stemmer";
import {
  type AnalyzedArticle,
  type Answer,
  type ArticleLibrary,
  type ArticleMeta,
  answer,
  answerRequestSchema,
  type Citation,
  type ClaimItem,
  type CommandName,
  type EntityType,
  newestFirst,
  type ParsedRequest,
  type QuoteItem,
  requestProblem,
  type TimexType,
} from "../engine/index.ts";
import type { ArticleStore } from "../store/article-store.ts";
import { type LibraryQuery, libraryQuery, searchTerms } from "../store/search-terms.ts";
import { SqliteArticleStore } from "../store/sqlite-store.ts";
import { type AskInput, RequestError } from "./ask.ts";

/** The articles a library question reads at most: the index's best, then answered one by one. */
export const MAX_LIBRARY_CANDIDATES = 10;
/** A timeline with no query reads the library's newest articles, at most this many. */
export const MAX_TIMELINE_ARTICLES = 20;
/** The server id the built-in articles are indexed under in their own in-memory index. */
const BUILT_IN = "built-in";

export interface ArticleRef {
  id: string;
  title: string;
  date: string | null;
  source?: string;
  url?: string;
}

/** A citation that names its article. */
export interface LibraryCitation extends Citation {
  article: ArticleRef;
}

export interface LibraryGroup {
  article: ArticleRef;
  /** The engine's answer from this article alone. */
  answer: Answer;
}

export interface LibraryProfile {
  name: string;
  type: EntityType;
  /** The role each article gives, newest article first. */
  roles: { article: ArticleRef; role: string }[];
  /** Quotes by article, newest article first. */
  quotes: { article: ArticleRef; quotes: QuoteItem[] }[];
  /** Mentions in all the articles. */
  mentions: number;
  /** The first mention in the oldest article, and the last in the newest. */
  first: LibraryCitation;
  last: LibraryCitation;
}

export interface TimelineMention {
  article: ArticleRef;
  /** The words that date it in this article. */
  text: string;
  /** The sentence it dates. */
  event: string;
  citation: LibraryCitation;
}

/** One date on the story's timeline; the same event from several articles is one entry with each mention. */
export interface LibraryTimelineItem {
  value: string;
  display: string;
  type: TimexType;
  mentions: TimelineMention[];
}

export interface ClaimEvidence {
  article: ArticleRef;
  label: ClaimItem["label"];
  mismatch?: ClaimItem["mismatch"];
  citation: LibraryCitation;
}

export interface LibraryClaim {
  claim: string;
  /** Supported if any article supports it; contradicted if one contradicts and none supports. */
  label: "supported" | "contradicted" | "not in the library";
  /** True when some articles support the claim and others contradict it: both sides are in `evidence`. */
  disputed: boolean;
  evidence: ClaimEvidence[];
}

export interface LibraryAnswer {
  scope: "library";
  command: CommandName;
  query: string | null;
  /** `articles`: grouped answers; the others add a merged view over the groups. */
  kind: "articles" | "profile" | "timeline" | "claims";
  found: boolean;
  text: string;
  /** The articles whose own answer found something, newest first. */
  groups: LibraryGroup[];
  profile?: LibraryProfile;
  timeline?: LibraryTimelineItem[];
  claims?: LibraryClaim[];
  /** Every citation, in the order shown, each naming its article. */
  citations: LibraryCitation[];
  /** How many articles were read to answer (the index's candidates). */
  searched: number;
}

export interface LibrarySearchHit {
  article: ArticleRef;
  /** The sentence of the article that best matches the query. */
  citation: LibraryCitation | null;
}

export interface LibrarySearchPage {
  query: string;
  page: number;
  pageSize: number;
  /** Whether another page follows. */
  more: boolean;
  hits: LibrarySearchHit[];
}

export function articleRef(meta: ArticleMeta): ArticleRef {
  return {
    id: meta.id,
    title: meta.title,
    date: meta.date,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
  };
}

/**
 * The candidates for a library question: the server's stored articles through its store's full-text index,
 * and the built-in articles through an in-memory SQLite index of their own (built on first use, rebuilt when
 * the built-in library changes).
 */
export class LibrarySearch {
  private builtIn: { list: readonly ArticleMeta[]; index: Promise<SqliteArticleStore> } | undefined;

  constructor(
    private readonly store: ArticleStore | undefined,
    private readonly seeds: ArticleLibrary,
  ) {}

  private builtInIndex(): Promise<SqliteArticleStore> {
    const list = this.seeds.list();
    if (this.builtIn?.list === list) return this.builtIn.index;
    const previous = this.builtIn?.index;
    const index = (async () => {
      await previous?.then((old) => old.close());
      const memory = SqliteArticleStore.memory({
        maxArticles: Number.MAX_SAFE_INTEGER,
        maxTextBytes: 2 ** 31,
      });
      for (const meta of list) {
        const article = this.seeds.get(meta.id);
        if (!article) continue;
        await memory.add(BUILT_IN, {
          source: { meta: article.meta, text: article.text },
          origin: "file",
          addedBy: "built-in",
        });
      }
      return memory;
    })();
    this.builtIn = { list, index };
    return index;
  }

  /**
   * Article ids, best first, the two indexes' hits interleaved without repeats. An `any` query first asks for
   * the articles holding every term: when some do, they are the candidates (fewer rows to rank, and the better
   * ones); otherwise any term will do.
   */
  async candidates(serverId: string, query: LibraryQuery, limit: number, offset = 0): Promise<string[]> {
    if (query.terms.length === 0) return [];
    if (query.mode === "any" && query.terms.length > 1) {
      const every = await this.hits(serverId, { ...query, mode: "all" }, limit, offset);
      if (every.length > 0) return every;
    }
    return this.hits(serverId, query, limit, offset);
  }

  private async hits(
    serverId: string,
    query: LibraryQuery,
    limit: number,
    offset: number,
  ): Promise<string[]> {
    const window = { limit: limit + offset };
    const [seeded, stored] = await Promise.all([
      this.builtInIndex().then((index) => index.search(BUILT_IN, query, window)),
      this.store ? this.store.search(serverId, query, window) : Promise.resolve([]),
    ]);
    // Seed ids win over stored ones (as in the server's library); scores of two indexes do not compare, so the
    // two lists are interleaved by rank.
    const ids: string[] = [];
    for (let i = 0; i < Math.max(seeded.length, stored.length); i++) {
      for (const hit of [seeded[i], stored[i]]) if (hit && !ids.includes(hit.id)) ids.push(hit.id);
    }
    return ids.slice(offset, offset + limit);
  }

  async close(): Promise<void> {
    await this.builtIn?.index.then((index) => index.close());
  }
}

function parseRequest(input: AskInput): ParsedRequest {
  const command = input.command.replace(/^\//, "").toLowerCase();
  if (command === "summary") throw new RequestError("summary answers one article; it has no library scope");
  const raw =
    command === "quote"
      ? { command, speaker: input.speaker, topic: input.topic ?? input.query, limit: input.limit }
      : { command, query: input.query, limit: input.limit };
  const parsed = answerRequestSchema.safeParse(raw);
  if (!parsed.success) throw new RequestError(requestProblem(parsed.error));
  return parsed.data;
}

function requestText(request: ParsedRequest): string {
  switch (request.command) {
    case "quote":
      return [request.speaker, request.topic].filter(Boolean).join(" ");
    case "summary":
      return "";
    default:
      return request.query ?? "";
  }
}

function queryOf(request: ParsedRequest): string | null {
  if (request.command === "quote") {
    const parts = [
      request.speaker && `speaker:${request.speaker}`,
      request.topic && `topic:${request.topic}`,
    ];
    return parts.filter(Boolean).join(" ") || null;
  }
  return request.command === "summary" ? null : (request.query ?? null);
}

function cite(article: ArticleRef, citation: Citation): LibraryCitation {
  return { ...citation, article };
}

/** The citation of `answer` whose excerpt holds `offset`. */
function citationAt(answer: Answer, offset: number): Citation | undefined {
  return answer.citations.find((c) => c.start <= offset && offset < c.end);
}

/** The whole sentence of the article that holds `offset`, cited. */
function sentenceCitation(article: AnalyzedArticle, offset: number): Citation | undefined {
  const sentence = article.sentences.find((s) => s.start <= offset && offset < s.end);
  if (!sentence) return undefined;
  return {
    articleId: article.meta.id,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    excerpt: article.text.slice(sentence.start, sentence.end),
    start: sentence.start,
    end: sentence.end,
  };
}

let stemmer: ((word: string) => string) | undefined;
/** Porter stems, loaded on the first library question (not at start). */
function stem(word: string): string {
  // require() returns any: the cast names the package's own types (the type-only import above).
  stemmer ??= (createRequire(import.meta.url)("stemmer") as typeof Stemmer).stemmer;
  return stemmer(word);
}

/** How many of the question's terms (by stem) the answer's first cited sentence holds. */
function coverage(terms: string[], answer: Answer): number {
  const first = answer.citations[0];
  if (!first) return 0;
  const words = new Set(searchTerms(first.excerpt, Number.POSITIVE_INFINITY).map(stem));
  return terms.filter((t) => words.has(stem(t))).length;
}

/** Two sentences tell the same event when most of the shorter one's words are in the other. */
export function sentencesAgree(a: string, z: string): boolean {
  const words = (s: string) => new Set(searchTerms(s.replace(/\d+/g, " "), Number.POSITIVE_INFINITY));
  const [wordsA, wordsZ] = [words(a), words(z)];
  const [small, large] = wordsZ.size < wordsA.size ? [wordsZ, wordsA] : [wordsA, wordsZ];
  if (small.size === 0) return false;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size >= 0.5;
}

function profileOf(groups: LibraryGroup[], library: ArticleLibrary): LibraryProfile | undefined {
  const profiles = groups.flatMap((g) =>
    g.answer.kind === "profile" && g.answer.items[0] ? [{ group: g, item: g.answer.items[0] }] : [],
  );
  const newest = profiles[0];
  const oldest = profiles.at(-1);
  if (!newest || !oldest || profiles.length !== groups.length) return undefined;
  const name = profiles.map((p) => p.item.name).sort((a, z) => z.length - a.length || a.localeCompare(z))[0];
  const firstMention = oldest.item.mentions[0];
  const lastMention = newest.item.mentions[newest.item.mentions.length - 1];
  const oldArticle = library.get(oldest.group.article.id);
  const newArticle = library.get(newest.group.article.id);
  const first = firstMention && oldArticle && sentenceCitation(oldArticle, firstMention.start);
  const last = lastMention && newArticle && sentenceCitation(newArticle, lastMention.start);
  if (!first || !last) return undefined;
  return {
    name: name ?? newest.item.name,
    type: newest.item.type,
    roles: profiles.flatMap((p) => (p.item.role ? [{ article: p.group.article, role: p.item.role }] : [])),
    quotes: profiles
      .filter((p) => p.item.quotes.length > 0)
      .map((p) => ({ article: p.group.article, quotes: p.item.quotes })),
    mentions: profiles.reduce((n, p) => n + p.item.mentions.length, 0),
    first: cite(oldest.group.article, first),
    last: cite(newest.group.article, last),
  };
}

/** Dated entries in calendar order (undated and durations last); the same date and event merged. */
function timelineOf(groups: LibraryGroup[]): LibraryTimelineItem[] {
  const items: LibraryTimelineItem[] = [];
  for (const group of [...groups].reverse()) {
    if (group.answer.kind !== "timeline") continue;
    for (const item of group.answer.items) {
      const citation = citationAt(group.answer, item.start);
      if (!citation) continue;
      const mention: TimelineMention = {
        article: group.article,
        text: item.text,
        event: item.event,
        citation: cite(group.article, citation),
      };
      const dated = /^\d{4}/.test(item.value);
      const same = dated
        ? items.find(
            (entry) =>
              entry.value === item.value &&
              entry.mentions.some(
                (m) => m.article.id !== group.article.id && sentencesAgree(m.event, item.event),
              ),
          )
        : undefined;
      if (same) same.mentions.push(mention);
      else items.push({ value: item.value, display: item.display, type: item.type, mentions: [mention] });
    }
  }
  const key = (entry: LibraryTimelineItem) => (/^\d{4}/.test(entry.value) ? entry.value : "~");
  return items
    .map((entry, i) => ({ entry, i }))
    .sort((a, z) => (key(a.entry) < key(z.entry) ? -1 : key(a.entry) > key(z.entry) ? 1 : a.i - z.i))
    .map((x) => x.entry);
}

function claimsOf(groups: LibraryGroup[]): LibraryClaim[] {
  const claims: LibraryClaim[] = [];
  for (const group of groups) {
    if (group.answer.kind !== "claims") continue;
    for (const [i, item] of group.answer.items.entries()) {
      const claim = claims[i] ?? {
        claim: item.claim,
        label: "not in the library",
        disputed: false,
        evidence: [],
      };
      claims[i] = claim;
      if (item.label === "not in the article" || item.start === null) continue;
      const citation = citationAt(group.answer, item.start);
      if (!citation) continue;
      claim.evidence.push({
        article: group.article,
        label: item.label,
        ...(item.mismatch ? { mismatch: item.mismatch } : {}),
        citation: cite(group.article, citation),
      });
    }
  }
  for (const claim of claims) {
    const supported = claim.evidence.some((e) => e.label === "supported");
    const contradicted = claim.evidence.some((e) => e.label === "contradicted");
    claim.label = supported ? "supported" : contradicted ? "contradicted" : "not in the library";
    claim.disputed = supported && contradicted;
  }
  return claims;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function describe(refs: ArticleRef[]): string {
  return refs.map((a) => `${a.title}${a.date ? ` (${a.date})` : ""}`).join("; ");
}

function summaryText(kind: LibraryAnswer["kind"], groups: LibraryGroup[], claims?: LibraryClaim[]): string {
  if (kind === "claims" && claims) {
    const count = (label: LibraryClaim["label"]) => claims.filter((c) => c.label === label).length;
    const disputed = claims.filter((c) => c.disputed).length;
    return (
      `${plural(claims.length, "claim")}: ${count("supported")} supported, ${count("contradicted")} contradicted, ` +
      `${count("not in the library")} not in the library` +
      (disputed > 0 ? `; the articles disagree on ${disputed}.` : ".")
    );
  }
  if (groups.length === 0) return "No article in the library answers this.";
  return `From ${plural(groups.length, "article")}: ${describe(groups.map((g) => g.article))}.`;
}

export interface LibraryQuestion {
  library: ArticleLibrary;
  search: LibrarySearch;
  serverId: string;
}

/**
 * Answers a question from the whole library. Throws RequestError for a bad request (as `ask` does); an empty
 * library or a query no article matches gives `found: false`.
 */
export async function askLibrary(scope: LibraryQuestion, input: AskInput): Promise<LibraryAnswer> {
  const request = parseRequest(input);
  const text = requestText(request);
  const timeline = request.command === "when" && !text;
  let ids: string[];
  if (timeline) {
    ids = scope.library
      .list()
      .slice(0, MAX_TIMELINE_ARTICLES)
      .map((m) => m.id);
  } else {
    if (!text) throw new RequestError(`${request.command} across the library needs a query`);
    const query = libraryQuery(text, "any");
    if (query.terms.length === 0) throw new RequestError("the query has no word to search the library for");
    ids = await scope.search.candidates(scope.serverId, query, MAX_LIBRARY_CANDIDATES);
  }
  const groups: LibraryGroup[] = [];
  for (const id of ids) {
    const article = scope.library.get(id);
    if (!article) continue;
    const result = answer(article, request);
    if (result.found) groups.push({ article: articleRef(article.meta), answer: result });
  }
  // A question (not a name, a claim or a timeline) is answered by the articles whose answering sentence holds
  // the most of its words: each article's engine answers alone, and one that only shares the story's words
  // (`When did the pier reopen?` → the day it closed) is not the answer.
  if (
    request.command === "ask" ||
    ((request.command === "who" || request.command === "when") && /\s/.test(text))
  ) {
    const terms = searchTerms(text);
    const ranked = (g: LibraryGroup) => ["ask-answer", "who-answer", "when-answer"].includes(g.answer.kind);
    const scored = groups.map((g) => ({ g, n: ranked(g) ? coverage(terms, g.answer) : -1 }));
    const best = Math.max(0, ...scored.map((x) => x.n));
    groups.splice(0, groups.length, ...scored.filter((x) => x.n === best || x.n < 0).map((x) => x.g));
  }
  groups.sort((a, z) => newestFirst(a.article, z.article));
  const kind: LibraryAnswer["kind"] =
    request.command === "check"
      ? "claims"
      : timeline
        ? "timeline"
        : groups.length > 0 && groups.every((g) => g.answer.kind === "profile")
          ? "profile"
          : "articles";
  const profile = kind === "profile" ? profileOf(groups, scope.library) : undefined;
  const merged = kind === "timeline" ? timelineOf(groups) : undefined;
  const claims = kind === "claims" ? claimsOf(groups) : undefined;
  const citations =
    merged?.flatMap((entry) => entry.mentions.map((m) => m.citation)) ??
    claims?.flatMap((c) => c.evidence.map((e) => e.citation)) ??
    groups.flatMap((g) => g.answer.citations.map((c) => cite(g.article, c)));
  return {
    scope: "library",
    command: request.command,
    query: queryOf(request),
    kind,
    found: claims ? claims.some((c) => c.label !== "not in the library") : groups.length > 0,
    text: summaryText(kind, groups, claims),
    groups,
    ...(profile ? { profile } : {}),
    ...(merged ? { timeline: merged } : {}),
    ...(claims ? { claims } : {}),
    citations,
    searched: ids.length,
  };
}

/** `/library search`: the articles that mention every word of the query, best first, with their best sentence. */
export async function searchLibrary(
  scope: LibraryQuestion,
  text: string,
  page = 0,
  pageSize = 5,
): Promise<LibrarySearchPage> {
  const query = libraryQuery(text, "all");
  if (query.terms.length === 0) throw new RequestError("the query has no word to search the library for");
  if (!Number.isInteger(page) || page < 0) throw new RequestError("page must be a whole number from 1");
  const ids = await scope.search.candidates(scope.serverId, query, pageSize + 1, page * pageSize);
  const hits: LibrarySearchHit[] = [];
  for (const id of ids.slice(0, pageSize)) {
    const article = scope.library.get(id);
    if (!article) continue;
    const ref = articleRef(article.meta);
    const best = article.index.query(query.terms.join(" "), 1)[0];
    const sentence = best === undefined ? undefined : article.sentences[best.id];
    hits.push({
      article: ref,
      citation: sentence
        ? cite(ref, {
            articleId: ref.id,
            paragraph: sentence.paragraph,
            sentence: sentence.index,
            excerpt: article.text.slice(sentence.start, sentence.end),
            start: sentence.start,
            end: sentence.end,
          })
        : null,
    });
  }
  return { query: text, page, pageSize, more: ids.length > pageSize, hits };
}
