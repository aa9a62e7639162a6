// Quotes by speaker and/or topic, direct speech first.
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import { contentTerms, foldName } from "../text.ts";
import type { Entity, NoAnswer, Quote, QuoteItem, QuotesAnswer, StatementsAnswer } from "../types.ts";
import { cite, firstOf, listNames, makeAnswer, plural } from "./common.ts";

export const quoteItem = (q: Quote): QuoteItem => ({
  text: q.text,
  speaker: q.speaker,
  role: q.role,
  direct: q.direct,
  start: q.start,
  end: q.end,
  paragraph: q.paragraph,
});

/** True when `query` names this speaker in any form: `Ombaka`, `jack ombaka`, `Moise`, `spokesperson`. */
export function speakerMatches(query: string, quote: Pick<Quote, "speaker" | "role">): boolean {
  const q = foldName(query);
  if (!q) return false;
  const speaker = foldName(quote.speaker ?? "");
  if (speaker === q || speaker.split(" ").includes(q) || (q.length >= 3 && speaker.startsWith(q)))
    return true;
  if (
    q.split(" ").length > 1 &&
    speaker.endsWith(q.split(" ").at(-1) ?? q) &&
    speaker.includes(q.split(" ", 1)[0] ?? q)
  )
    return true;
  return (
    q.length >= 4 &&
    foldName(quote.role ?? "")
      .split(/\W+/)
      .includes(q)
  );
}

/** Who is quoted, most quoted first: `Jack Ombaka (4)`. */
export function quotedSpeakers(article: AnalyzedArticle): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const q of article.quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, z) => z.count - a.count);
}

function topicScore(topicTerms: string[], quote: Quote): number {
  if (topicTerms.length === 0) return 1;
  const terms = new Set(contentTerms(quote.text));
  return (
    topicTerms.filter((t) => terms.has(t) || [...terms].some((q) => t.length > 4 && q.startsWith(t))).length /
    topicTerms.length
  );
}

/** Speakers an answer line names before `and N more`. */
const MAX_SPEAKERS_NAMED = 10;

/** ` from Jack Ombaka`, or for several speakers `: 5 from Ann Park, 1 from Jo Reyes, 2 unattributed`. */
function whoSaid(items: Pick<QuoteItem, "speaker">[]): string {
  const counts = new Map<string | null, number>();
  for (const i of items) counts.set(i.speaker, (counts.get(i.speaker) ?? 0) + 1);
  const named = [...counts].filter((e): e is [string, number] => e[0] !== null);
  const unattributed = counts.get(null) ?? 0;
  if (named.length === 1 && !unattributed) return ` from ${named[0]?.[0]}`;
  if (named.length === 0) return " with no speaker named";
  const parts = named.slice(0, MAX_SPEAKERS_NAMED).map(([name, n]) => `${n} from ${name}`);
  const rest = named.slice(MAX_SPEAKERS_NAMED);
  if (rest.length)
    parts.push(`${rest.reduce((sum, [, n]) => sum + n, 0)} from ${plural(rest.length, "other speaker")}`);
  if (unattributed) parts.push(`${unattributed} unattributed`);
  return `: ${parts.join(", ")}`;
}

export function findQuotes(
  article: AnalyzedArticle,
  speaker?: string,
  topic?: string,
  limit = DEFAULT_ANSWER_LIMIT,
): QuotesAnswer | StatementsAnswer | NoAnswer {
  const query =
    [speaker && `speaker:${speaker}`, topic && `topic:${topic}`].filter(Boolean).join(" ") || null;
  const topicTerms = topic ? contentTerms(topic) : [];
  const matching = article.quotes
    .filter((q) => !speaker || speakerMatches(speaker, q))
    .map((q) => ({ q, score: topicScore(topicTerms, q) }))
    .filter(({ score }) => score > 0)
    .sort((a, z) => z.score - a.score || a.q.start - z.q.start);
  const direct = matching.filter(({ q }) => q.direct);
  const chosen = direct.length > 0 ? direct : matching;
  if (chosen.length === 0) {
    const who = quotedSpeakers(article);
    const named = speaker ? `from ${speaker}` : "";
    const about = topic ? `about "${topic}"` : "";
    const listing = who.length
      ? ` Quoted in it: ${listNames(
          who.map((w) => `${w.name} (${w.count})`),
          MAX_SPEAKERS_NAMED,
          ", ",
          "others",
        )}.`
      : " It quotes no one.";
    return makeAnswer(article, "quote", query, {
      kind: "none",
      found: false,
      text: `The article has no quote ${[named, about].filter(Boolean).join(" ")}.${listing}`.replace(
        / +\./,
        ".",
      ),
      limit,
    });
  }
  const shown = firstOf(chosen, limit);
  const kind = direct.length > 0 ? "quotes" : "statements";
  const what =
    kind === "quotes" ? plural(chosen.length, "quote") : plural(chosen.length, "reported statement");
  const note = kind === "statements" ? " (no direct quote)" : "";
  return makeAnswer(article, "quote", query, {
    kind,
    found: true,
    text: `${what}${whoSaid(chosen.map(({ q }) => q))}${note}.`,
    items: shown.map(({ q }) => quoteItem(q)),
    limit,
    total: chosen.length,
    citations: shown.map(({ q }) => cite(article, q.start, q.end)),
  });
}

export const quotesBy = (article: AnalyzedArticle, entity: Entity) =>
  article.quotes.filter((q) => q.speakerId === entity.id);
