// Autocomplete choices: ranked by exact, prefix, word-prefix, substring, then in-order-letters match.
import { resolveArticleId } from "../app/ask.ts";
import type { ArticleLibrary, ArticleMeta } from "../engine/index.ts";
import { foldName, quotedSpeakers, rankedEntities, shorten } from "../engine/index.ts";
import { DISCORD_LIMITS as L } from "../render/limits.ts";
import type { Choice } from "../render/reply.ts";

export interface Candidate {
  name: string;
  value: string;
  /** Texts a query may match (the name, an id, a role). */
  keys: string[];
  /** The keys folded for matching, and their words, when computed ahead (large lists). */
  folded?: { key: string; words: string[] }[];
}

const prepare = (keys: string[]) => keys.map(foldName).map((key) => ({ key, words: key.split(WORD_BREAK) }));

const WORD_BREAK = /[\s\-_'’]+/;

function matchRank(query: string, key: string, words: string[] = key.split(WORD_BREAK)): number {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (words.some((w) => w.startsWith(query))) return 2;
  if (key.includes(query)) return 3;
  // Letters in order: `jomb` finds `jack ombaka`.
  let at = 0;
  for (let i = 0; i < key.length && at < query.length; i++) if (key[i] === query[at]) at++;
  return at === query.length ? 4 : Number.POSITIVE_INFINITY;
}

/** At most 25 choices, best match first, names and values within Discord's 100 characters. */
export function rankChoices(query: string, candidates: Candidate[]): Choice[] {
  const q = foldName(query);
  const scored = candidates
    .filter((c) => c.value.length <= L.choiceValue && c.value.length > 0)
    .map((c, order) => ({
      c,
      order,
      rank: q ? Math.min(...c.keys.map((k) => matchRank(q, foldName(k)))) : 0,
    }))
    .filter((s) => Number.isFinite(s.rank))
    .sort((a, z) => a.rank - z.rank || a.order - z.order);
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const { c } of scored) {
    if (seen.has(c.value)) continue;
    seen.add(c.value);
    choices.push({ name: shorten(c.name, L.choiceName) || c.value, value: c.value });
    if (choices.length === L.autocompleteChoices) break;
  }
  return choices;
}

// Article candidates are made once per library listing: a library of thousands is searched on every keystroke.
const articleCandidates = new WeakMap<readonly ArticleMeta[], Candidate[]>();

export function articleChoices(library: ArticleLibrary, query: string): Choice[] {
  const list = library.list();
  let candidates = articleCandidates.get(list);
  if (!candidates) {
    candidates = list.map((a) => ({
      name: a.date ? `${shorten(a.title, L.choiceName - 13)} (${a.date})` : a.title,
      value: a.id,
      keys: [a.title, a.id],
      folded: prepare([a.title, a.id]),
    }));
    articleCandidates.set(list, candidates);
  }
  return rankChoices(query, candidates);
}

/** The article an autocomplete is about: the one chosen in the same command, else the default. */
function articleFor(library: ArticleLibrary, articleOption: unknown) {
  try {
    const meta = resolveArticleId(library, typeof articleOption === "string" ? articleOption : undefined);
    return library.get(meta.id);
  } catch {
    return undefined;
  }
}

export function speakerChoices(library: ArticleLibrary, articleOption: unknown, query: string): Choice[] {
  const article = articleFor(library, articleOption);
  if (!article) return [];
  return rankChoices(
    query,
    quotedSpeakers(article).map((s) => ({
      name: `${s.name} (${s.count} quote${s.count === 1 ? "" : "s"})`,
      value: s.name,
      keys: [s.name],
    })),
  );
}

export function entityChoices(library: ArticleLibrary, articleOption: unknown, query: string): Choice[] {
  const article = articleFor(library, articleOption);
  if (!article) return [];
  return rankChoices(
    query,
    rankedEntities(article).map((e) => ({
      name: e.role
        ? `${e.name} — ${e.role}`
        : `${e.name} (${e.type === "organization" ? "organisation" : e.type})`,
      value: e.name,
      keys: [e.name, ...e.mentions.map((m) => m.text), e.role ?? ""].filter(Boolean),
    })),
  );
}
