// Who: the article's people and organisations, one person's profile, or the answer to a who-question.
import type { AnalyzedArticle } from "../analyze.ts";
import { isCommonWord, isDemonym, isTimeWord, PRONOUNS, PUBLICATION_WORDS } from "../lexicon/index.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import { sentenceAt } from "../segment.ts";
import { foldName, isStopword, type Token, termOf, tokenize } from "../text.ts";
import type {
  Citation,
  EntitiesAnswer,
  Entity,
  NoAnswer,
  ProfileAnswer,
  ProfileItem,
  RankedAnswerItem,
  Sentence,
  Span,
  WhoEntityItem,
  WhoQuestionAnswer,
} from "../types.ts";
import { isNationality, namesPeople } from "../wordnet/noun-class.ts";
import { nounPhrases, verbArguments } from "./arguments.ts";
import { cite, citeSentence, distanceToMatches, firstOf, listNames, makeAnswer, plural } from "./common.ts";
import {
  type Confidence,
  closeToBest,
  isConfident,
  questionTerms,
  rankSentences,
  type ScoredSentence,
} from "./match.ts";
import { pronounReferent } from "./pronoun-referent.ts";
import { quoteItem, quotesBy } from "./quote.ts";
import { namesNoOne } from "./who-phrase.ts";
import { type WhoAsks, whoAsks } from "./who-question.ts";

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
  return sentenceAt(article.sentences, at) as Sentence;
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
        const at = e.roleSpan?.start ?? (e.mentions[0]?.start as number);
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
  asked: AskedWords,
): { name: string; m: Span & { text: string } }[] {
  const places = article.entities.filter((e) => e.type === "place").flatMap((e) => e.mentions);
  const out: { name: string; m: Span & { text: string } }[] = [];
  for (const match of sentence.text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)*/gu)) {
    const start = sentence.start + match.index;
    const text = match[0];
    const words = text.split(/\s+/);
    if (words.every((w) => isCommonWord(w) || isTimeWord(w) || isDemonym(w))) continue;
    if (cannotAnswer(text)) continue;
    if (asked.repeats(text) || places.some((p) => p.start < start + text.length && p.end > start)) continue;
    out.push({ name: text, m: { start, end: start + text.length, text } });
  }
  return out;
}

type Candidate = { name: string; m: Span & { text: string } };

const isPublication = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => PUBLICATION_WORDS.has(w));

/** A phrase that cannot answer who: nationality adjectives alone (`the Cypriot`), a pronoun. */
function cannotAnswer(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => !/^(the|a|an)$/i.test(w));
  return (
    words.length === 0 ||
    !/\p{L}/u.test(text) ||
    words.every(isNationality) ||
    PRONOUNS.has(text.toLowerCase())
  );
}

/** What a question already says: an answer made of its words, or repeating one of its names, is the asker's own. */
interface AskedWords {
  /** The question folded (`Who is Ann Park?` → `who is ann park?`). */
  folded: string;
  /** The phrase repeats the question whole or one of its names word for word (`Harwick` in `Harwick Rovers`). */
  repeats(text: string): boolean;
  /**
   * Every content word of the phrase is one of the question's (`the castle` for `Who built a castle?`), or its
   * head noun is (`the old castle`).
   */
  holdsOnly(text: string): boolean;
}

function askedWords(question: string): AskedWords {
  const folded = foldName(question);
  const names = new Set(
    [...question.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)]
      .filter((m) => m.index > 0)
      .map((m) => foldName(m[0]))
      .filter((w) => w.length >= 3),
  );
  const terms = questionTerms(question);
  const inQuestion = (word: string) => terms.some((t) => t.forms.has(termOf(word)));
  return {
    folded,
    repeats: (text) =>
      folded.includes(foldName(text)) ||
      foldName(text)
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => names.has(w)),
    holdsOnly: (text) => {
      const content = tokenize(text)
        .map((t) => t.text)
        .filter((w) => !isStopword(w) && /\p{L}/u.test(w));
      // `the police officer` for `Who killed the officer?`: a description whose head noun the question holds is
      // the one asked about.
      const head = content[content.length - 1];
      return (
        content.length > 0 &&
        (content.every(inQuestion) || (head !== undefined && /^\p{Ll}/u.test(head) && inQuestion(head)))
      );
    },
  };
}

/** The speakers of the quotes and statements that hold an offset: they spoke about it, they did not do it. */
function speakersAround(article: AnalyzedArticle, at: number): Set<string> {
  const out = new Set<string>();
  for (const q of article.quotes) if (q.start <= at && at < q.end && q.speaker) out.add(foldName(q.speaker));
  return out;
}

/** The phrase inside a span that answers: a person or organisation named there (its head, last), else the phrase. */
function answerInSpan(
  article: AnalyzedArticle,
  sentence: Sentence,
  span: Span,
  asked: AskedWords,
  patient: boolean,
): Candidate | null {
  const text = article.text.slice(span.start, span.end);
  if (cannotAnswer(text) || asked.holdsOnly(text)) return null;
  // `friends of the mayor` for `Who met the mayor?`: a name the question gives is not the answer, the phrase is.
  const inside = (actorsBySentence(article).get(sentence.index) ?? []).filter(
    ({ m }) => m.start >= span.start && m.end <= span.end && !cannotAnswer(m.text) && !asked.repeats(m.text),
  );
  const people = inside.filter(
    ({ name }) => article.entities.find((e) => e.name === name)?.type === "person",
  );
  const best = (people.length ? people : inside).at(-1);
  if (best) return best;
  // No name in the slot: the phrase itself answers, if it can name anyone (not `the 1970s`, not `its glass`).
  if (namesNoOne(article, span, patient)) return null;
  return { name: text, m: { start: span.start, end: span.end, text } };
}

/** The argument of the question's verb in this sentence that the question asks for, when the verb is there. */
function argumentAnswer(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  asks: Extract<WhoAsks, { verb: string }>,
  question: string,
  asked: AskedWords,
): Candidate | "silent" | null {
  const terms = questionTerms(question);
  const verbTerm = terms.findIndex((t) => t.word === asks.verb);
  const match = ranked.matches.find((m) => m.term === verbTerm);
  if (verbTerm < 0 || !match) return null;
  const args = verbArguments(
    article.text,
    ranked.sentence,
    match.at,
    asks.particle,
    asks.kind === "patient" ? asks.preposition : undefined,
  );
  const slot =
    asks.kind === "agent"
      ? args.passive
        ? args.agent
        : args.subject
      : args.passive
        ? args.subject
        : args.object;
  // `he was killed`, `was killed while fighting`: the sentence has the verb but does not name who the question
  // asks for (a pronoun stands for a name given elsewhere).
  if (!slot || PRONOUNS.has(article.text.slice(slot.start, slot.end).toLowerCase())) return "silent";
  return answerInSpan(article, ranked.sentence, slot, asked, asks.kind === "patient");
}

function item(ranked: ScoredSentence, c: Candidate): RankedAnswerItem {
  const { sentence } = ranked;
  return {
    text: sentence.text,
    answer: c.m.text,
    answerStart: c.m.start,
    answerEnd: c.m.end,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    score: Math.round(ranked.score * 1000) / 1000,
    entity: c.name,
  };
}

/** The noun phrase a sentence without a name answers with: one not made of the question's words, people first. */
function phraseAnswer(
  article: AnalyzedArticle,
  ranked: ScoredSentence,
  asked: AskedWords,
  patient: boolean,
): (Candidate & { people: boolean }) | null {
  const options: { c: Candidate; people: boolean }[] = [];
  for (const span of nounPhrases(article.text, ranked.sentence)) {
    const text = article.text.slice(span.start, span.end);
    if (cannotAnswer(text) || asked.holdsOnly(text) || asked.repeats(text)) continue;
    const words = tokenize(text, span.start);
    const ofAt = words.findIndex((w, i) => i > 0 && w.text.toLowerCase() === "of");
    const head = (ofAt > 0 ? words[ofAt - 1] : words.at(-1)) as Token;
    const tail = words.at(-1) as Token;
    // `the charge of two retired engineers`: the people are after `of` when the head names none.
    if (ofAt > 0 && !namesPeople(head.text) && namesPeople(tail.text)) {
      const from = words[ofAt + 1] as Token;
      const inner = article.text.slice(from.start, span.end);
      options.push({
        c: { name: inner, m: { start: from.start, end: span.end, text: inner } },
        people: true,
      });
      continue;
    }
    // Not `the 1970s`, `its glass`, `part of the work`.
    if (namesNoOne(article, span, patient)) continue;
    options.push({ c: { name: text, m: { ...span, text } }, people: namesPeople(head.text) });
  }
  const people = options.filter((o) => o.people);
  const pool = people.length ? people : options;
  pool.sort(
    (a, z) =>
      distanceToMatches(a.c.m.start, a.c.m.end, ranked.matchOffsets) -
      distanceToMatches(z.c.m.start, z.c.m.end, ranked.matchOffsets),
  );
  const best = pool[0];
  return best ? { ...best.c, people: best.people } : null;
}

/** The question asks who did (or underwent) something, and the sentence lacks the verb: `Who repaired the wall?`. */
function verbMissing(asks: WhoAsks, ranked: ScoredSentence, question: string): boolean {
  if (asks.kind !== "agent" && asks.kind !== "patient") return false;
  const verbTerm = questionTerms(question).findIndex((t) => t.word === asks.verb);
  return verbTerm >= 0 && !ranked.matches.some((m) => m.term === verbTerm);
}

/** An answer found in a ranked sentence. */
interface Found {
  ranked: ScoredSentence;
  item: RankedAnswerItem;
  /** Found as the argument of the question's own verb (`Who was killed?` → the one `was shot`). */
  byArgument?: boolean;
  /** A capitalised phrase the extractor did not type as a person or organisation. */
  untyped?: boolean;
  /** A noun phrase of a sentence that names no one: `the town council`, `paid professionals`. */
  phrase?: "people" | "other";
}

/** `Who said …?`: the speaker of the best-matching quote or reported statement, never a publication. */
function speakerAnswers(article: AnalyzedArticle, ranking: ScoredSentence[]): Found[] {
  const found: Found[] = [];
  let first: ScoredSentence | undefined;
  for (const ranked of ranking) {
    const { sentence } = ranked;
    if (!closeToBest(first, ranked)) break;
    const quote = article.quotes.find(
      (q) => q.start < sentence.end && q.end > sentence.start && q.speaker && !isPublication(q.speaker),
    );
    if (!quote?.speaker) continue;
    const entity = article.entities.find((e) => e.id === quote.speakerId);
    const name = entity?.name ?? quote.speaker;
    const inSentence = (m: Span) => m.start >= sentence.start && m.end <= sentence.end;
    const outsideQuote = (m: Span) => m.end <= quote.start || m.start >= quote.end;
    const mention =
      entity?.mentions.find((m) => inSentence(m) && outsideQuote(m)) ??
      tokenize(sentence.text, sentence.start).find(
        (t) => PRONOUNS.has(t.text.toLowerCase()) && outsideQuote(t) && /^(he|she|they|we|i)$/i.test(t.text),
      ) ??
      ({ start: quote.start, end: quote.end } satisfies Span);
    const text = article.text.slice(mention.start, mention.end);
    first ??= ranked;
    found.push({ ranked, item: item(ranked, { name, m: { start: mention.start, end: mention.end, text } }) });
    if (found.length === 3) break;
  }
  return found;
}

/** When a who-answer is given (see `isConfident`; tuned on the dev split). */
export const WHO_CONFIDENCE: Confidence = { agreed: 0.25, min: 0.3, margin: 0.1, sure: 0.5, nearTop: 0.05 };
/**
 * The coverage a noun-phrase answer (from a sentence that names no one) needs: less for a phrase that names people
 * (`the town council`, `two nurses`: WordNet's person and group nouns) than for any other (`the member states`) or
 * for a sentence without the verb the question asks about.
 * Tuned on the dev split.
 */
export const PHRASE_COVERAGE = { people: 0.4, other: 0.7 } as const;
/** Question words a noun-phrase answer's sentence must hold: one word (`Who is Cypriot?`) is no evidence of a match. */
const PHRASE_MIN_TERMS = 2;
/** The margin an answer found as the argument of the question's own verb needs over the next answer. */
const ARGUMENT_MARGIN = 0.05;
/** A question led by who/whom/whose asks for a person or organisation (not `What did the clerk give to whoever…`). */
const ASKS_FOR_ACTOR = /^\s*(?:who|whom|whose)\b/i;

function answerQuestion(
  article: AnalyzedArticle,
  question: string,
  limit: number,
): WhoQuestionAnswer | NoAnswer {
  const asked = askedWords(question);
  const asks = whoAsks(question);
  // A sentence whose pronoun stands for one of the question's names is about that name.
  const ranking = rankSentences(article, question, Math.min(WHO_CONFIDENCE.min, WHO_CONFIDENCE.agreed)).map(
    (r) => {
      if (r.namesMatched) return r;
      const referent = pronounReferent(article, r.sentence);
      return referent && asked.repeats(referent.name) ? { ...r, namesMatched: true } : r;
    },
  );
  const found: Found[] = asks.kind === "speaker" ? speakerAnswers(article, ranking) : [];
  /** Sentences with the question's verb but not who it asks for: not the best match an answer must be near. */
  const silent = new Set<number>();
  if (asks.kind !== "speaker") {
    let first: ScoredSentence | undefined;
    for (const ranked of ranking) {
      const { sentence } = ranked;
      if (!closeToBest(first, ranked)) break;
      if (asks.kind === "agent" || asks.kind === "patient") {
        const answer = argumentAnswer(article, ranked, asks, question, asked);
        if (answer === "silent") silent.add(ranked.sentence.index);
        else if (answer && !asked.folded.includes(foldName(answer.m.text))) {
          first ??= ranked;
          found.push({ ranked, item: item(ranked, answer), byArgument: true });
          if (found.length === 3) break;
          continue;
        }
      }
      // A who-answer is a person or organisation named in the sentence but not in the question itself;
      // failing that, a name the extractor could not type (`Okafor was held back by Lowmoor's defence`). Whoever
      // only spoke about the matched words is not the one who did it.
      const spoke = new Set(ranked.matches.flatMap((m) => [...speakersAround(article, m.at)]));
      const named = (actorsBySentence(article).get(sentence.index) ?? []).filter(
        ({ name, m }) => !asked.repeats(m.text) && !cannotAnswer(m.text) && !spoke.has(foldName(name)),
      );
      const typed = actorsBySentence(article).get(sentence.index) ?? [];
      const candidates = (
        named.length > 0
          ? named
          : untypedNames(article, sentence, asked).filter(
              ({ m }) => !typed.some((t) => t.m.start < m.end && t.m.end > m.start),
            )
      ).filter(({ name }) => !spoke.has(foldName(name)));
      if (candidates.length === 0) {
        // A sentence that names no one answers with a noun phrase only when it is the best match, plain BM25
        // agrees, and it holds enough of the question: `The town council asked her to stay` for `Who asked …?`.
        const phrase =
          ranked === ranking[0] && ranked.bm25Best && ranked.namesMatched && !silent.has(sentence.index)
            ? phraseAnswer(article, ranked, asked, asks.kind === "patient")
            : null;
        if (
          phrase &&
          (ranked.coverage <
            PHRASE_COVERAGE[phrase.people && !verbMissing(asks, ranked, question) ? "people" : "other"] ||
            new Set(ranked.matches.map((m) => m.term)).size < PHRASE_MIN_TERMS)
        )
          continue;
        if (!phrase) continue;
        first ??= ranked;
        found.push({ ranked, item: item(ranked, phrase), phrase: phrase.people ? "people" : "other" });
        if (found.length === 3) break;
        continue;
      }
      candidates.sort(
        (a, z) =>
          distanceToMatches(a.m.start, a.m.end, ranked.matchOffsets) -
          distanceToMatches(z.m.start, z.m.end, ranked.matchOffsets),
      );
      first ??= ranked;
      found.push({ ranked, item: item(ranked, candidates[0] as Candidate), untyped: named.length === 0 });
      if (found.length === 3) break;
    }
  }
  // The question's verb with the argument it asks for is evidence enough without a margin over other sentences.
  const rule = found[0]?.byArgument ? { ...WHO_CONFIDENCE, margin: ARGUMENT_MARGIN } : WHO_CONFIDENCE;
  // Without BM25's agreement, only a typed name answering a who-question is trusted.
  const typed = !found[0]?.untyped && ASKS_FOR_ACTOR.test(question);
  const confident =
    (typed || found[0]?.ranked.bm25Best === true) &&
    isConfident(
      rule,
      found.map((f) => f.ranked),
      ranking.find((r) => !silent.has(r.sentence.index)),
    );
  const items = confident ? found.map((f) => f.item) : [];
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
  return makeAnswer(article, "who", question, {
    kind: "who-answer",
    found: true,
    text: `${best.entity}${best.entity !== best.answer ? ` (“${best.answer}”)` : ""}, ¶${best.paragraph}.`,
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
): EntitiesAnswer | ProfileAnswer | WhoQuestionAnswer | NoAnswer {
  if (!query) return listEntities(article, limit);
  const isQuestion =
    /\?$|^(who|whom|whose|which|what)\b/i.test(query.trim()) &&
    !/^[Ww](?:ho|hat)\s+(?:is|was)\s+\p{Lu}/u.test(query.trim());
  const entity = isQuestion ? undefined : findEntity(article, query);
  if (entity) return profile(article, entity, query, limit);
  const answer = answerQuestion(article, query, limit);
  if (answer.found || isQuestion) return answer;
  return makeAnswer(article, "who", query, {
    kind: "none",
    found: false,
    text: `The article does not mention ${nameIn(query)}. ${answer.text.replace("The article does not say. ", "")}`.trim(),
    limit,
  });
}
