// The engine's public face: parse a request, answer it from an article. Pure and deterministic.
import type { AnalyzedArticle } from "./analyze";
import { findQuotes } from "./answers/quote";
import { summarize } from "./answers/summary";
import { when } from "./answers/when";
import { who } from "./answers/who";
import type { ParsedRequest } from "./request";
import type { Answer } from "./types";

export function answer(article: AnalyzedArticle, request: ParsedRequest): Answer {
  switch (request.command) {
    case "summary":
      return summarize(article, request.sentences);
    case "quote":
      return findQuotes(article, request.speaker, request.topic);
    case "who":
      return who(article, request.query);
    case "when":
      return when(article, request.query);
  }
}

export type { AnalyzedArticle } from "./analyze";
export { analyzeArticle, articleData } from "./analyze";
export type { ArticleLibrary, LoadProblem } from "./library";
export { loadLibrary, MemoryLibrary, NoArticlesError, readArticleFile, sourceFromText } from "./library";
export type { AnswerRequest, ParsedRequest } from "./request";
export { answerRequestSchema, requestProblem } from "./request";
export type * from "./types";
