// `/ask`: any question. A question for someone's words goes to their quotes; every other question is read by the
// learned reader (src/engine/reader/), which ranks the sentences, picks the answer phrase and decides whether the
// article answers at all.
import type { AnalyzedArticle } from "../parse/analyze.ts";
import { readQuestion } from "../question/question.ts";
import { DEFAULT_ANSWER_LIMIT } from "../request.ts";
import type { Answer, AskAnswer, AskItem, NoAnswer } from "../types.ts";
import { cite, makeAnswer } from "./common.ts";
import { findQuotes } from "./quote.ts";
import { type ReaderOptions, readAnswer } from "./read-answer.ts";
import { findEntity, profile } from "./who.ts";

const notSaid = (article: AnalyzedArticle, question: string, limit: number): NoAnswer =>
  makeAnswer(article, "ask", question, {
    kind: "none",
    found: false,
    text: "The article doesn't say.",
    limit,
  });

/** `Who is Ann Cole?` about someone the article names is answered by their profile. */
const ABOUT_SOMEONE = /^\s*who\s+(?:is|was)\s+(.+?)\s*\??\s*$/i;

export function ask(
  article: AnalyzedArticle,
  question: string,
  limit = DEFAULT_ANSWER_LIMIT,
  options: ReaderOptions = {},
): Answer {
  const asked = readQuestion(question);
  const { type } = asked;
  if (type.kind === "quote" && type.speaker) {
    const quotes = findQuotes(article, type.speaker, type.topic, limit);
    if (quotes.found) return { ...quotes, command: "ask", query: question };
  }
  const about = ABOUT_SOMEONE.exec(question)?.[1];
  const entity = about ? findEntity(article, about) : undefined;
  if (entity) return { ...profile(article, entity, question, limit), command: "ask", query: question };
  const found = readAnswer(article, asked, options);
  if (!found) return notSaid(article, question, limit);
  const items: AskItem[] = found.sentences.map(({ sentence, probability }, i) => ({
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    paragraph: sentence.paragraph,
    sentence: sentence.index,
    score: Math.round(probability * 1000) / 1000,
    asked: type.kind,
    ...(i === 0 && found.phrase ? { answer: found.phrase } : {}),
    closest: i === 0 && !found.phrase,
  }));
  const shown = items.slice(0, limit);
  const [first] = shown;
  if (!first) return notSaid(article, question, limit);
  const answer: AskAnswer = makeAnswer(article, "ask", question, {
    kind: "ask-answer",
    found: true,
    text: first.answer
      ? `${first.answer.text}, ¶${first.paragraph}.`
      : `The passage that answers is ¶${first.paragraph}; read it to judge.`,
    items: shown,
    limit,
    total: items.length,
    citations: shown.map((i) => cite(article, i.start, i.end)),
  });
  return answer;
}
