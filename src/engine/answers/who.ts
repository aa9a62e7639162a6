// Who: the article's people and organisations, one person's profile, or the answer to a who-question.
import type { AnalyzedArticle } from "../analyze";
import { isCommonWord, isDemonym, isTimeWord } from "../lexicon";
import { sentenceAt } from "../segment";
import { foldName } from "../text";
import type {
  Answer,
  Citation,
  Entity,
  ProfileItem,
  RankedAnswerItem,
  Sentence,
  Span,
  WhoEntityItem,
} from "../types";
import { cite, citeSentence, distanceToMatches, makeAnswer, plural, rankSentences } from "./common";
import { quoteItem, quotesBy } from "./quote";

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
      (score.get(z) as number) - (score.get(a) as number) ||
      (a.mentions[0]?.start ?? 0) - (z.mentions[0]?.start ?? 0),
  );
  ranked.set(article, result);
  return result;
}

/** The entity a name-like query means: `Ombaka`, `Godfrey Otunge`, `moise`, `Gran Grif`. */
/** `Who is Godfrey Otunge?` → `Godfrey Otunge`. */
const nameIn = (query: string) =>
  query
    .trim()
    .replace(/^(who|what)\s+(is|was|are|were)\s+/i, "")
    .replace(/[?.!]+$/, "");

export function findEntity(article: AnalyzedArticle, query: string): Entity | undefined {
  const q = foldName(nameIn(query)).replace(/^(the|mr|mrs|ms|dr|president)\s+/, "");
  if (q.length < 2) return undefined;
  const entities = rankedEntities(article);
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

const entityItem = (article: AnalyzedArticle, e: Entity): WhoEntityItem => ({
  name: e.name,
  type: e.type,
  role: e.role,
  mentions: e.mentions,
  quotes: quotesBy(article, e).length,
});

function sentenceOf(article: AnalyzedArticle, at: number): Sentence {
  return sentenceAt(article.sentences, at) as Sentence;
}

function listEntities(article: AnalyzedArticle): Answer {
  const entities = rankedEntities(article);
  const actors = entities.filter((e) => e.type !== "place");
  if (entities.length === 0) {
    return makeAnswer(article, "who", null, {
      kind: "none",
      found: false,
      text: "The article names no people or organisations.",
    });
  }
  const describe = (e: Entity) => (e.role ? `${e.name} (${e.role})` : e.name);
  return makeAnswer(article, "who", null, {
    kind: "entities",
    found: true,
    text: `${actors.length} ${actors.length === 1 ? "person or organisation" : "people and organisations"} named${actors.length ? `: ${actors.map(describe).join("; ")}` : ""}.`,
    items: entities.map((e) => entityItem(article, e)),
    citations: actors.map((e) => {
      const at = e.roleSpan?.start ?? (e.mentions[0]?.start as number);
      return citeSentence(article, sentenceOf(article, at));
    }),
  });
}

export function profile(article: AnalyzedArticle, entity: Entity, query: string): Answer {
  const quotes = quotesBy(article, entity);
  const citations: Citation[] = [];
  if (entity.roleSpan) citations.push(citeSentence(article, sentenceOf(article, entity.roleSpan.start)));
  for (const q of quotes) citations.push(cite(article, q.start, q.end));
  const quotedSentences = new Set(quotes.map((q) => q.sentence));
  for (const m of entity.mentions) {
    if (citations.length >= MAX_PROFILE_MENTIONS + quotes.length + 1) break;
    const s = sentenceOf(article, m.start);
    if (!quotedSentences.has(s.index)) citations.push(citeSentence(article, s));
  }
  const item: ProfileItem = {
    name: entity.name,
    type: entity.type,
    role: entity.role,
    mentions: entity.mentions,
    quotes: quotes.map(quoteItem),
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
  return makeAnswer(article, "who", query, { kind: "profile", found: true, text, items: [item], citations });
}

const actorMentions = new WeakMap<
  AnalyzedArticle,
  Map<number, { name: string; m: Span & { text: string } }[]>
>();

/** Person and organisation mentions grouped by sentence (once per article). */
function actorsBySentence(article: AnalyzedArticle) {
  let grouped = actorMentions.get(article);
  if (!grouped) {
    grouped = new Map();
    for (const e of article.entities) {
      if (e.type === "place") continue;
      for (const m of e.mentions) {
        const s = sentenceAt(article.sentences, m.start);
        if (!s || m.end > s.end) continue;
        grouped.set(s.index, [...(grouped.get(s.index) ?? []), { name: e.name, m }]);
      }
    }
    actorMentions.set(article, grouped);
  }
  return grouped;
}

/** Capitalised names in a sentence that are not places, dates or ordinary words, and not in the question. */
function untypedNames(
  article: AnalyzedArticle,
  sentence: Sentence,
  asked: string,
): { name: string; m: Span & { text: string } }[] {
  const places = article.entities.filter((e) => e.type === "place").flatMap((e) => e.mentions);
  const out: { name: string; m: Span & { text: string } }[] = [];
  for (const match of sentence.text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)*/gu)) {
    const start = sentence.start + match.index;
    const text = match[0];
    const words = text.split(/\s+/);
    if (words.every((w) => isCommonWord(w) || isTimeWord(w) || isDemonym(w))) continue;
    if (asked.includes(foldName(text)) || places.some((p) => p.start < start + text.length && p.end > start))
      continue;
    out.push({ name: text, m: { start, end: start + text.length, text } });
  }
  return out;
}

function answerQuestion(article: AnalyzedArticle, question: string): Answer {
  const asked = foldName(question);
  const items: RankedAnswerItem[] = [];
  for (const ranked of rankSentences(article, question)) {
    const { sentence } = ranked;
    // A who-answer is a person or organisation named in the sentence but not in the question itself;
    // failing that, a name the extractor could not type (`Newton was limited by Denver's defense`).
    const named = (actorsBySentence(article).get(sentence.index) ?? []).filter(
      ({ m }) => !asked.includes(foldName(m.text)),
    );
    const candidates = named.length > 0 ? named : untypedNames(article, sentence, asked);
    if (candidates.length === 0) continue;
    candidates.sort(
      (a, z) =>
        distanceToMatches(a.m.start, a.m.end, ranked.matchOffsets) -
        distanceToMatches(z.m.start, z.m.end, ranked.matchOffsets),
    );
    const { name, m } = candidates[0] as (typeof candidates)[number];
    items.push({
      text: sentence.text,
      answer: m.text,
      answerStart: m.start,
      answerEnd: m.end,
      start: sentence.start,
      end: sentence.end,
      paragraph: sentence.paragraph,
      score: Math.round(ranked.score * ranked.coverage * 1000) / 1000,
      entity: name,
    });
    if (items.length === 3) break;
  }
  if (items.length === 0) {
    const named = rankedEntities(article)
      .filter((e) => e.type !== "place")
      .slice(0, 5)
      .map((e) => e.name);
    return makeAnswer(article, "who", question, {
      kind: "none",
      found: false,
      text: `The article does not say.${named.length ? ` It names: ${named.join(", ")}.` : ""}`,
    });
  }
  const best = items[0] as RankedAnswerItem;
  return makeAnswer(article, "who", question, {
    kind: "who-answer",
    found: true,
    text: `${best.entity}${best.entity !== best.answer ? ` (“${best.answer}”)` : ""}, ¶${best.paragraph}.`,
    items,
    citations: items.map((i) => cite(article, i.start, i.end)),
  });
}

export function who(article: AnalyzedArticle, query?: string): Answer {
  if (!query) return listEntities(article);
  const isQuestion =
    /\?$|^(who|whom|whose|which|what)\b/i.test(query.trim()) &&
    !/^[Ww](?:ho|hat)\s+(?:is|was)\s+\p{Lu}/u.test(query.trim());
  const entity = isQuestion ? undefined : findEntity(article, query);
  if (entity) return profile(article, entity, query);
  const answer = answerQuestion(article, query);
  if (answer.found || isQuestion) return answer;
  return makeAnswer(article, "who", query, {
    kind: "none",
    found: false,
    text: `The article does not mention ${nameIn(query)}. ${answer.text.replace("The article does not say. ", "")}`.trim(),
  });
}
