// Runs every evaluation on a data folder and returns the figures (the table and the guard test read them).

import { evaluateClaims } from "./claims.ts";
import {
  type NerRecord,
  type QaRecord,
  type QuoteRecord,
  readJsonl,
  type SummaryRecord,
  type TimexRecord,
} from "./datasets.ts";
import { loadDevFolds } from "./folds.ts";
import { loadReaderTraining } from "./reader-training.ts";
import {
  evaluateAsk,
  evaluateDates,
  evaluateEntities,
  evaluateQa,
  evaluateQuotes,
  evaluateSummaries,
} from "./tasks.ts";

export interface EvalOptions {
  /** Use only the first N records of each dataset (quick runs). */
  limit?: number;
}

export function runEvaluation(dir: string, options: EvalOptions = {}) {
  const take = <T>(xs: T[]) => (options.limit ? xs.slice(0, options.limit) : xs);
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, fn: () => T): T => {
    const start = performance.now();
    const result = fn();
    timings[name] = Math.round(performance.now() - start);
    return result;
  };
  return {
    quotes: timed("quotes", () => evaluateQuotes(take(readJsonl<QuoteRecord>(dir, "quotes")))),
    dates: timed("dates", () => evaluateDates(take(readJsonl<TimexRecord>(dir, "timex")))),
    ...timed("qa", () => {
      const records = take(readJsonl<QaRecord>(dir, "qa"));
      // The reader was trained on these questions too, by cross-validation over articles: each question is
      // answered by the fold model that never saw its article.
      const { readerFor, foldOf } = loadDevFolds();
      return { qa: evaluateQa(records, readerFor), ask: evaluateAsk(records, readerFor, foldOf) };
    }),
    summaries: timed("summaries", () => evaluateSummaries(take(readJsonl<SummaryRecord>(dir, "summaries")))),
    entities: timed("entities", () => evaluateEntities(take(readJsonl<NerRecord>(dir, "ner")))),
    claims: timed("claims", () => evaluateClaims()),
    /** Answerability on ../shared/train's held-out fold, as `npm run train:reader` measured it. */
    answerability: loadReaderTraining().answerability,
    timings,
  };
}

export type EvalResult = ReturnType<typeof runEvaluation>;
