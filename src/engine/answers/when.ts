// When: the article's timeline, or the date that answers a when-question.
import type { AnalyzedArticle } from "../analyze";
import { valueStart } from "../dates";
import type { Answer, RankedAnswerItem, Timex, WhenItem } from "../types";
import { cite, citeSentence, distanceToMatches, makeAnswer, plural, rankSentences } from "./common";

const whenItem = (article: AnalyzedArticle, t: Timex): WhenItem => ({
  text: t.text,
  value: t.value,
  display: t.display,
  type: t.type,
  start: t.start,
  end: t.end,
  paragraph: t.paragraph,
  event: article.sentences[t.sentence]?.text ?? "",
});

/** Dated expressions in calendar order (ties in text order), then durations and vague references. */
export function timeline(article: AnalyzedArticle): Timex[] {
  const dated = article.timexes.filter((t) => valueStart(t.value) !== null);
  const undated = article.timexes.filter((t) => valueStart(t.value) === null);
  dated.sort(
    (a, z) =>
      (valueStart(a.value) as string).localeCompare(valueStart(z.value) as string) || a.start - z.start,
  );
  return [...dated, ...undated];
}

function listTimeline(article: AnalyzedArticle): Answer {
  const ordered = timeline(article);
  if (ordered.length === 0) {
    const why = article.meta.date
      ? ""
      : " (it has no date, so relative dates such as “Sunday” cannot be resolved)";
    return makeAnswer(article, "when", null, {
      kind: "none",
      found: false,
      text: `The article gives no dates${why}.`,
    });
  }
  const dated = ordered.filter((t) => valueStart(t.value) !== null);
  return makeAnswer(article, "when", null, {
    kind: "timeline",
    found: true,
    text: `${plural(ordered.length, "time expression")}, ${dated.length} dated${dated.length ? `, from ${dated[0]?.display} to ${dated[dated.length - 1]?.display}` : ""}.`,
    items: ordered.map((t) => whenItem(article, t)),
    citations: ordered.map((t) =>
      citeSentence(article, article.sentences[t.sentence] as NonNullable<(typeof article.sentences)[number]>),
    ),
  });
}

function answerQuestion(article: AnalyzedArticle, question: string): Answer {
  const items: RankedAnswerItem[] = [];
  for (const ranked of rankSentences(article, question)) {
    const { sentence } = ranked;
    // A when-answer is a date in the sentence; a duration answers only `how long`.
    const howLong = /\bhow long\b/i.test(question);
    const dates = article.timexes
      .filter((t) => t.sentence === sentence.index)
      .filter((t) => (howLong ? t.type === "DURATION" : t.type !== "DURATION" && t.type !== "SET"));
    if (dates.length === 0) continue;
    dates.sort(
      (a, z) =>
        distanceToMatches(a.start, a.end, ranked.matchOffsets) -
        distanceToMatches(z.start, z.end, ranked.matchOffsets),
    );
    const t = dates[0] as Timex;
    items.push({
      text: sentence.text,
      answer: t.text,
      answerStart: t.start,
      answerEnd: t.end,
      start: sentence.start,
      end: sentence.end,
      paragraph: sentence.paragraph,
      score: Math.round(ranked.score * ranked.coverage * 1000) / 1000,
      value: t.value,
      display: t.display,
    });
    if (items.length === 3) break;
  }
  if (items.length === 0) {
    return makeAnswer(article, "when", question, {
      kind: "none",
      found: false,
      text: "The article does not say when. Try /when with no question for its timeline.",
    });
  }
  const best = items[0] as RankedAnswerItem;
  return makeAnswer(article, "when", question, {
    kind: "when-answer",
    found: true,
    text: `${best.display} (“${best.answer}”), ¶${best.paragraph}.`,
    items,
    citations: items.map((i) => cite(article, i.start, i.end)),
  });
}

export function when(article: AnalyzedArticle, query?: string): Answer {
  return query ? answerQuestion(article, query) : listTimeline(article);
}
