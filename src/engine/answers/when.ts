// When: the article's timeline, or the date that answers a when-question.
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { valueStart } from "../parse/dates.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import type { NoAnswer, TimelineAnswer, Timex, WhenItem, WhenQuestionAnswer } from "../types.ts";
import { cite, citeSentence, firstOf, makeAnswer, plural, sentenceNumber } from "./common.ts";
import { askedWith, type ReaderOptions, rankedItems, readAnswer, timexAt } from "./read-answer.ts";

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
  const dated = article.timexes.flatMap((timex) => {
    const start = valueStart(timex.value);
    return start === null ? [] : [{ timex, start }];
  });
  const undated = article.timexes.filter((t) => valueStart(t.value) === null);
  dated.sort((a, z) => a.start.localeCompare(z.start) || a.timex.start - z.timex.start);
  return [...dated.map((d) => d.timex), ...undated];
}

function listTimeline(article: AnalyzedArticle, limit: number): TimelineAnswer | NoAnswer {
  const ordered = timeline(article);
  if (ordered.length === 0) {
    const why = article.meta.date
      ? ""
      : " (it has no date, so relative dates such as “Sunday” cannot be resolved)";
    return makeAnswer(article, "when", null, {
      kind: "none",
      found: false,
      text: `The article gives no dates${why}.`,
      limit,
    });
  }
  const dated = ordered.filter((t) => valueStart(t.value) !== null);
  const shown = firstOf(ordered, limit);
  return makeAnswer(article, "when", null, {
    kind: "timeline",
    found: true,
    text: `${plural(ordered.length, "time expression")}, ${dated.length} dated${dated.length ? `, from ${dated[0]?.display} to ${dated[dated.length - 1]?.display}` : ""}.`,
    items: shown.map((t) => whenItem(article, t)),
    limit,
    total: ordered.length,
    citations: shown.map((t) => citeSentence(article, sentenceNumber(article, t.sentence))),
  });
}

/** A when-question, read by the one question path; the date expression the picked phrase lies in gives its value. */
function answerQuestion(
  article: AnalyzedArticle,
  question: string,
  limit: number,
  options: ReaderOptions,
): WhenQuestionAnswer | NoAnswer {
  const found = readAnswer(article, askedWith("When", question), options);
  const items = found
    ? rankedItems(found, (phrase) => {
        const timex = timexAt(article, phrase);
        return timex ? { value: timex.value, display: timex.display } : {};
      })
    : [];
  const best = items[0];
  if (!best) {
    return makeAnswer(article, "when", question, {
      kind: "none",
      found: false,
      text: "The article does not say when. Try /when with no question for its timeline.",
      limit,
    });
  }
  const shown = firstOf(items, limit);
  return makeAnswer(article, "when", question, {
    kind: "when-answer",
    found: true,
    text: best.display
      ? `${best.display} (“${best.answer}”), ¶${best.paragraph}.`
      : `“${best.answer}”, ¶${best.paragraph}.`,
    items: shown,
    limit,
    total: items.length,
    citations: shown.map((i) => cite(article, i.start, i.end)),
  });
}

export function when(
  article: AnalyzedArticle,
  query?: string,
  limit = DEFAULT_ANSWER_LIMIT,
  options: ReaderOptions = {},
): TimelineAnswer | WhenQuestionAnswer | NoAnswer {
  return query ? answerQuestion(article, query, limit, options) : listTimeline(article, limit);
}
