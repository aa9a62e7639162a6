// The engine's public face: parse a request, answer it from an article. Pure and deterministic.

import { ask } from "./answers/ask.ts";
import { findQuotes } from "./answers/quote.ts";
import type { ReaderOptions } from "./answers/read-answer.ts";
import { summarize } from "./answers/summary.ts";
import { when } from "./answers/when.ts";
import { who } from "./answers/who.ts";
import { checkAnswer } from "./check/answer.ts";
import type { AnalyzedArticle } from "./parse/analyze.ts";
import type { ParsedRequest } from "./request.ts";
import type { Answer, AnswerKind, AnswerOf } from "./types.ts";

/** What a caller may choose besides the request: the reader's models (the committed ones by default). */
export type AnswerOptions = ReaderOptions;

export function answer(
  article: AnalyzedArticle,
  request: ParsedRequest,
  options: AnswerOptions = {},
): Answer {
  switch (request.command) {
    case "summary":
      return summarize(article, request.sentences, request.limit);
    case "quote":
      return findQuotes(article, request.speaker, request.topic, request.limit);
    case "who":
      return who(article, request.query, request.limit, options);
    case "when":
      return when(article, request.query, request.limit, options);
    case "ask":
      return ask(article, request.query, request.limit, options);
    case "check":
      return checkAnswer(article, request.query, request.limit);
  }
}

/** Narrows an answer to one of `kinds`, so its items have that kind's shape. */
export function isAnswerOf<K extends AnswerKind>(answer: Answer, ...kinds: K[]): answer is AnswerOf<K> {
  return kinds.some((kind) => kind === answer.kind);
}

// The evaluation harness (src/eval) measures the stages one by one: what it reads, exported here so that it, like
// every adapter, imports the engine only through this file.
export { rankSentencesFor as rankSentences } from "./answers/match.ts";
export { quotedSpeakers } from "./answers/quote.ts";
export { summarize } from "./answers/summary.ts";
export { rankedEntities } from "./answers/who.ts";
export { mismatchText } from "./check/answer.ts";
export type { CheckThresholds, ClaimCheck, ClaimLabel, Mismatch, ScoredClaim } from "./check/check.ts";
export { checkClaims, decideClaim, scoreClaim } from "./check/check.ts";
export {
  ARTICLES,
  NOT_NAME_WORDS,
  QUESTION_WORDS,
  regex,
  SEARCH_STOP_WORDS,
  SOURCE_PRONOUNS,
  SPEECH_VERB,
} from "./lexicon/index.ts";
export type { ArticleLibrary, LoadProblem } from "./library.ts";
export { MemoryLibrary, newestFirst, sourceFromText } from "./library.ts";
export type { ReaderModelFile, ReaderModels } from "./models/reader.ts";
export { compileReader } from "./models/reader.ts";
export type { AnalyzedArticle } from "./parse/analyze.ts";
export { analyzeArticle, articleData, deriveTitle } from "./parse/analyze.ts";
export {
  ArticleError,
  decodeArticleBytes,
  isRealDate,
  MAX_ARTICLE_BYTES,
  parseArticleText,
} from "./parse/article-file.ts";
export type { BoilerplateScope } from "./parse/boilerplate.ts";
export { BOILERPLATE_RULES, FURNITURE_SELECTORS, matchBoilerplate } from "./parse/boilerplate.ts";
export { extractEntities, taggerSpans } from "./parse/entities.ts";
export { extractDirectQuotes, speakerResolver } from "./parse/quotes.ts";
export { splitAllSentences, splitBlocks } from "./parse/segment.ts";
export type { QuestionKind, QuestionType } from "./question/classify.ts";
export { classifyQuestion } from "./question/classify.ts";
export type { AnswerRequest, ParsedRequest } from "./request.ts";
export {
  answerRequestSchema,
  COMMANDS,
  DEFAULT_ANSWER_LIMIT,
  MAX_ANSWER_LIMIT,
  MAX_QUERY_CHARS,
  MAX_SUMMARY_SENTENCES,
  requestProblem,
} from "./request.ts";
export { contentTerms, foldName, shorten } from "./text.ts";
export type * from "./types.ts";
