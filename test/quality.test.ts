// Quality floors on the annotated evaluation data (../shared/eval), set just under the figures reached on
// 2026-11-28 (/ask: 2026-11-29) (README, "Answer quality"). A user's clone without the data skips with one printed line; CI never skips.
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, dataAvailable } from "../src/eval/datasets.ts";
import { type EvalResult, runEvaluation } from "../src/eval/run.ts";

const dir = process.env.CITEBOT_EVAL_DATA ?? DEFAULT_DATA_DIR;
const available = dataAvailable(dir);
const inCi = Boolean(process.env.CI);

if (!available && !inCi) console.log(`quality floors skipped: no evaluation data in ${dir}`);

describe("evaluation data", () => {
  it.runIf(inCi)("is present in CI", () => {
    expect(available, `no evaluation data in ${dir}`).toBe(true);
  });
});

describe.runIf(available)("answer quality floors", () => {
  let r: EvalResult;
  // One run of every evaluation (about a minute idle); the bound leaves room for a loaded machine.
  beforeAll(() => {
    r = runEvaluation(dir);
  }, 900_000);
  const result = () => r;

  it("quotes: direct F1 and speaker accuracy, above the compromise baseline", () => {
    const { citebot, baseline } = result().quotes;
    expect(citebot.direct.f1).toBeGreaterThanOrEqual(0.87);
    expect(citebot.direct.speakerAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(citebot.all.f1).toBeGreaterThanOrEqual(0.49);
    expect(citebot.direct.f1).toBeGreaterThan(baseline.direct.f1);
    expect(citebot.direct.speakerAccuracy).toBeGreaterThan(baseline.direct.speakerAccuracy);
  });

  it("dates: TIMEX3 span and value F1, above raw chrono-node", () => {
    const { citebot, baseline } = result().dates;
    expect(citebot.span.f1).toBeGreaterThanOrEqual(0.93);
    expect(citebot.value.f1).toBeGreaterThanOrEqual(0.8);
    expect(citebot.value.f1).toBeGreaterThan(baseline.value.f1);
  });

  it("who/when QA: hit@1, and right more often than BM25 when it answers", () => {
    const { citebot, baseline } = result().qa;
    expect(citebot.who.hit1).toBeGreaterThanOrEqual(0.745);
    expect(citebot.who.hit1).toBeGreaterThanOrEqual(baseline.who.hit1);
    expect(citebot.when.hit1).toBeGreaterThanOrEqual(0.775);
    expect(citebot.who.hit1Answered).toBeGreaterThanOrEqual(0.85);
    expect(citebot.when.hit1Answered).toBeGreaterThanOrEqual(0.87);
    expect(citebot.who.hit1Answered).toBeGreaterThan(baseline.who.hit1);
    expect(citebot.when.hit1Answered).toBeGreaterThan(baseline.when.hit1);
    expect(citebot.when.hit1).toBeGreaterThanOrEqual(baseline.when.hit1);
    expect(citebot.who.tokenF1).toBeGreaterThan(baseline.who.tokenF1);
  });

  it("/ask over every QA question: hit@1 at or above BM25 by annotated type and by asked kind, hit@3, answer F1", () => {
    const { citebot, baseline } = result().ask;
    // Every group: all, the annotated types (who, when, other) and the kinds the classifier gives (`other: where` …).
    for (const group of Object.keys(citebot))
      expect(citebot[group]?.hit1, group).toBeGreaterThanOrEqual(baseline[group]?.hit1 ?? 1);
    expect(citebot.all?.hit1).toBeGreaterThanOrEqual(0.805);
    expect(citebot.all?.hit3).toBeGreaterThanOrEqual(0.923);
    expect(citebot.other?.tokenF1).toBeGreaterThanOrEqual(0.445);
  });

  it("summaries: ROUGE-1 above the first-3-sentences baseline", () => {
    const { citebot, baseline } = result().summaries;
    expect(citebot.rouge1).toBeGreaterThanOrEqual(0.57);
    expect(citebot.rouge1).toBeGreaterThan(baseline.rouge1);
  });

  it("entities: PER/ORG/LOC F1 above the compromise baseline", () => {
    const { citebot, baseline } = result().entities;
    expect(citebot.PER.f1).toBeGreaterThanOrEqual(0.9);
    expect(citebot.ORG.f1).toBeGreaterThanOrEqual(0.81);
    expect(citebot.LOC.f1).toBeGreaterThanOrEqual(0.93);
    for (const type of ["PER", "ORG", "LOC"] as const)
      expect(citebot[type].f1).toBeGreaterThan(baseline[type].f1);
  });
});
