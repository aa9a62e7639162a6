// Who: the article's people and organisations, one person's profile, or the answer to a who-question.

import { ARTICLES, BE_FORMS, HONORIFICS, PERSON_QUESTION_WORDS, PRONOUNS, regex } from "../lexicon/index.ts";
import { defined } from "../match.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { sentenceAt } from "../parse/segment.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import { foldName } from "../text.ts";
import type {
  Citation,
  EntitiesAnswer,
  Entity,
  NoAnswer,
  ProfileAnswer,
  ProfileItem,
  Sentence,
  WhoEntityItem,
  WhoQuestionAnswer,
} from "../types.ts";
import { isNationality } from "../wordnet/noun-class.ts";
import { cite, citeSentence, firstOf, listNames, makeAnswer, plural } from "./common.ts";
import { quoteItem, quotesBy } from "./quote.ts";
import { askedWith, entityAt, type ReaderOptions, rankedItems, readAnswer } from "./read-answer.ts";

/** Answers and profiles cite at most this many mentions beyond the role and quotes. */
const MAX_PROFILE_MENTIONS = 4;

function prominence(article: AnalyzedArticle, entity: Entity): number {
  return entity.mentions.length + 2 * quotesBy(article, entity).length + (entity.role ? 1 : 0);
}

const ranked = new WeakMap<AnalyzedArticle, Entity[]>();

/** People and organisations, most prominent first, then places (computed once per article). */
export function rankedEntities(article: AnalyzedArticle): Entity[] {
  const cached = ranked.get(article);
  if (cached) return cached;
  const order = (e: Entity) => (e.type === "place" ? 1 : 0);
  const score = new Map(article.entities.map((e) => [e, prominence(article, e)]));
  const result = [...article.entities].sort(
    (a, z) =>
      order(a) - order(z) ||
      (score.get(z) ?? 0) - (score.get(a) ?? 0) ||
      (a.mentions[0]?.start ?? 0) - (z.mentions[0]?.start ?? 0),
  );
  ranked.set(article, result);
  return result;
}

/** The entity a name-like query means: `Ombaka`, `Godfrey Otunge`, `moise`, `Gran Grif`. */
const QUESTION_OPENING = regex("i")`^(who|what)\s+(${BE_FORMS})\s+`;
const ARTICLE = regex("i")`^(${ARTICLES})$`;
/** A title before a name in a query (`the`, `Dr`, `president`): the profile is the name's. */
const TITLE_BEFORE_NAME = regex()`^(?:the|president|${HONORIFICS})\s+`;
const ASKS_WHO = regex("i")`\?$|^(${PERSON_QUESTION_WORDS}|which|what)\b`;

/** `Who is Godfrey Otunge?` → `Godfrey Otunge`. */
const nameIn = (query: string) =>
  query
    .trim()
    .replace(QUESTION_OPENING, "")
    .replace(/[?.!]+$/, "");

/** A name that is no one to profile: a nationality adjective alone (`the Cypriot`), a pronoun. */
function cannotAnswer(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => !ARTICLE.test(w));
  return (
    words.length === 0 ||
    !/\p{L}/u.test(text) ||
    words.every(isNationality) ||
    PRONOUNS.has(text.toLowerCase())
  );
}

export function findEntity(article: AnalyzedArticle, query: string): Entity | undefined {
  const q = foldName(nameIn(query)).replace(TITLE_BEFORE_NAME, "");
  if (q.length < 2) return undefined;
  // A nationality the tagger took for a name (`Cypriot`) is no one to profile.
  const entities = rankedEntities(article).filter((e) => !cannotAnswer(e.name));
  const names = (e: Entity) => [e.name, ...e.mentions.map((m) => m.text)].map(foldName);
  return (
    entities.find((e) => names(e).includes(q)) ??
    entities.find((e) => names(e).some((n) => n.split(/[\s-]+/).includes(q))) ??
    entities.find(
      (e) => q.length >= 3 && names(e).some((n) => n.split(/\s+/).some((w) => w.startsWith(q))),
    ) ??
    entities.find((e) => foldName(e.name).includes(q) && q.length >= 4)
  );
}

const entityItem = (article: AnalyzedArticle, e: Entity, limit: number): WhoEntityItem => ({
  name: e.name,
  type: e.type,
  role: e.role,
  mentions: firstOf(e.mentions, limit),
  quotes: quotesBy(article, e).length,
});

function sentenceOf(article: AnalyzedArticle, at: number): Sentence {
  return defined(sentenceAt(article.sentences, at), "sentence");
}

function listEntities(article: AnalyzedArticle, limit: number): EntitiesAnswer | NoAnswer {
  const entities = rankedEntities(article);
  const actors = entities.filter((e) => e.type !== "place");
  if (entities.length === 0) {
    return makeAnswer(article, "who", null, {
      kind: "none",
      found: false,
      text: "The article names no people or organisations.",
      limit,
    });
  }
  const describe = (e: Entity) => (e.role ? `${e.name} (${e.role})` : e.name);
  const shown = firstOf(entities, limit);
  return makeAnswer(article, "who", null, {
    kind: "entities",
    found: true,
    text: `${actors.length} ${actors.length === 1 ? "person or organisation" : "people and organisations"} named${actors.length ? `: ${listNames(actors.map(describe), limit, "; ", "others")}` : ""}.`,
    items: shown.map((e) => entityItem(article, e, limit)),
    limit,
    total: entities.length,
    citations: shown
      .filter((e) => e.type !== "place")
      .map((e) => {
        const at = e.roleSpan?.start ?? e.mentions[0]?.start ?? 0;
        return citeSentence(article, sentenceOf(article, at));
      }),
  });
}

export function profile(
  article: AnalyzedArticle,
  entity: Entity,
  query: string,
  limit = DEFAULT_ANSWER_LIMIT,
): ProfileAnswer {
  const quotes = quotesBy(article, entity);
  const shownQuotes = firstOf(quotes, limit);
  // Each sentence is cited once: the role's sentence whole, then quotes, then other mentions.
  const citations: Citation[] = [];
  const cited = new Set<number>();
  const add = (c: Citation) => {
    const last = sentenceOf(article, Math.max(c.start, c.end - 1)).index;
    for (let i = c.sentence; i <= last; i++) if (cited.has(i)) return;
    for (let i = c.sentence; i <= last; i++) cited.add(i);
    citations.push(c);
  };
  if (entity.roleSpan) add(citeSentence(article, sentenceOf(article, entity.roleSpan.start)));
  for (const q of shownQuotes) add(cite(article, q.start, q.end));
  const mentionBudget = MAX_PROFILE_MENTIONS + citations.length;
  for (const m of entity.mentions) {
    if (citations.length >= mentionBudget) break;
    add(citeSentence(article, sentenceOf(article, m.start)));
  }
  const item: ProfileItem = {
    name: entity.name,
    type: entity.type,
    role: entity.role,
    mentions: firstOf(entity.mentions, limit),
    quotes: shownQuotes.map(quoteItem),
  };
  const direct = quotes.filter((q) => q.direct).length;
  const said = [
    direct && plural(direct, "direct quote"),
    quotes.length - direct && plural(quotes.length - direct, "reported statement"),
  ]
    .filter(Boolean)
    .join(" and ");
  const kind = { person: "person", organization: "organisation", place: "place" }[entity.type];
  const text =
    `${entity.name}: ${entity.role ?? `a ${kind} in the article`}. ` +
    `Mentioned ${plural(entity.mentions.length, "time")}${said ? `; ${said}` : ""}.`;
  return makeAnswer(article, "who", query, {
    kind: "profile",
    found: true,
    text,
    items: [item],
    limit,
    citations,
  });
}

/** A who-question, read by the one question path: the phrase it picks names the answer (and its entity, if any). */
function answerQuestion(
  article: AnalyzedArticle,
  question: string,
  limit: number,
  options: ReaderOptions,
): WhoQuestionAnswer | NoAnswer {
  const found = readAnswer(article, askedWith("Who", question), options);
  const items = found
    ? rankedItems(found, (phrase) => {
        const entity = entityAt(article, phrase);
        return entity ? { entity: entity.name } : {};
      })
    : [];
  const best = items[0];
  if (!best) {
    const named = rankedEntities(article)
      .filter((e) => e.type !== "place")
      .slice(0, 5)
      .map((e) => e.name);
    return makeAnswer(article, "who", question, {
      kind: "none",
      found: false,
      text: `The article does not say.${named.length ? ` It names: ${named.join(", ")}.` : ""}`,
      limit,
    });
  }
  const shown = firstOf(items, limit);
  const name = best.entity ?? best.answer;
  return makeAnswer(article, "who", question, {
    kind: "who-answer",
    found: true,
    text: `${name}${name !== best.answer ? ` (“${best.answer}”)` : ""}, ¶${best.paragraph}.`,
    items: shown,
    limit,
    total: items.length,
    citations: shown.map((i) => cite(article, i.start, i.end)),
  });
}

export function who(
  article: AnalyzedArticle,
  query?: string,
  limit = DEFAULT_ANSWER_LIMIT,
  options: ReaderOptions = {},
): EntitiesAnswer | ProfileAnswer | WhoQuestionAnswer | NoAnswer {
  if (!query) return listEntities(article, limit);
  const isQuestion =
    ASKS_WHO.test(query.trim()) && !/^[Ww](?:ho|hat)\s+(?:is|was)\s+\p{Lu}/u.test(query.trim());
  const entity = isQuestion ? undefined : findEntity(article, query);
  if (entity) return profile(article, entity, query, limit);
  const answer = answerQuestion(article, query, limit, options);
  if (answer.found || isQuestion) return answer;
  return makeAnswer(article, "who", query, {
    kind: "none",
    found: false,
    text: `The article does not mention ${nameIn(query)}. ${answer.text.replace("The article does not say. ", "")}`.trim(),
    limit,
  });
}
