// Trains the reader's three models from ../shared/train and writes models/reader.json.gz. Deterministic.
//   npx tsx scripts/train-reader.ts [--data DIR] [--out FILE] [--report FILE]
// 1. Sentence ranker (group softmax over an article's sentences; the right ones hold a gold answer).
// 2. Answer-phrase extractor (group softmax over the answer sentence's candidate phrases; target: token F1).
// 3. Answerability (binary), trained on the first two models' outputs for questions they were not trained on
//    (two folds by article), with SQuAD 2.0's unanswerable questions and made negatives: a question put to
//    another article, and a question whose key word is swapped for a word from another article.
// The threshold is chosen on one fold and reported on the other, both ways.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { compileGbdt, type GbdtModel } from "../src/engine/models/gbdt.ts";
import type { ReaderModelFile, ReaderModels } from "../src/engine/models/reader.ts";
import type { AnalyzedArticle } from "../src/engine/parse/analyze.ts";
import { ANSWERABILITY_FEATURES } from "../src/engine/reader/answerability-features.ts";
import { PHRASE_FEATURE_COUNT, PHRASE_FEATURES } from "../src/engine/reader/phrases.ts";
import { read } from "../src/engine/reader/read.ts";
import { SENTENCE_FEATURE_COUNT, SENTENCE_FEATURES } from "../src/engine/reader/sentence-features.ts";
import { auc, crossValidationFolds, seededRandom, trainGbdt } from "./lib/gbdt-train.ts";
import {
  addPhraseRows,
  addSentenceRows,
  analyseChunk,
  articleOf,
  goldSentences,
  Matrix,
  type QaChunk,
  type QuestionExample,
  readJsonl,
} from "./reader/data.ts";

const { values: args } = parseArgs({
  options: {
    data: { type: "string", default: resolve(import.meta.dirname, "..", "..", "shared", "train") },
    out: { type: "string", default: resolve(import.meta.dirname, "..", "models", "reader.json.gz") },
    report: { type: "string" },
    quick: { type: "boolean", default: false },
  },
});
const SEED = 20261207;
const log = (line: string) => console.log(`[${(performance.now() / 1000).toFixed(0)}s] ${line}`);

const RANKER = {
  trees: 150,
  depth: 5,
  learningRate: 0.08,
  minChildWeight: 1,
  lambda: 2,
  minLeafRows: 20,
  bins: 64,
  rowSubsample: 0.8,
  colSubsample: 0.8,
};
const EXTRACTOR = {
  trees: 200,
  depth: 6,
  learningRate: 0.08,
  minChildWeight: 1,
  lambda: 2,
  minLeafRows: 20,
  bins: 64,
  rowSubsample: 0.8,
  colSubsample: 0.8,
};
const ANSWERABILITY = {
  trees: 200,
  depth: 4,
  learningRate: 0.05,
  minChildWeight: 1,
  lambda: 2,
  minLeafRows: 20,
  bins: 64,
  rowSubsample: 0.8,
  colSubsample: 0.8,
};

// ---- data ----------------------------------------------------------------------------------------------------
const files = ["qa-train.jsonl", "qa-train-squad11.jsonl", "qa-train-paragraphs.jsonl"];
const chunks = files.flatMap((f) => readJsonl<QaChunk>(join(args.data, f)));
const used = args.quick ? chunks.filter((_, i) => i % 5 === 0) : chunks;
log(`${used.length} chunks`);
const articles = new Map<QaChunk, AnalyzedArticle>();
for (const c of used) articles.set(c, analyseChunk(c));
log("analysed");
const examples: QuestionExample[] = [];
for (const chunk of used) {
  const article = articles.get(chunk) as AnalyzedArticle;
  for (const question of chunk.questions)
    examples.push({ chunk, article, question, goldSentences: goldSentences(article, question) });
}
const folds = crossValidationFolds(
  examples.map((e) => articleOf(e.chunk)),
  2,
  SEED,
);
log(`${examples.length} questions, ${examples.filter((e) => e.question.impossible).length} unanswerable`);

const answerable = (e: QuestionExample) => !e.question.impossible && e.goldSentences.size > 0;

// Every question's sentence rows and answer-sentence phrase rows, built once; each fit takes the rows of its folds.
// Phrases that answer nothing are many: a fixed share of them is kept (every other one), which halves training.
const sentenceRows = new Matrix(SENTENCE_FEATURE_COUNT);
const phraseRows = new Matrix(PHRASE_FEATURE_COUNT);
examples.forEach((e, g) => {
  if (!answerable(e)) return;
  const offsets = addSentenceRows(sentenceRows, e, g, e.question.id);
  const first = e.question.answers[0];
  const sentence = e.article.sentences.find((s) => first && first.start >= s.start && first.start < s.end);
  if (sentence) addPhraseRows(phraseRows, e, sentence.index, offsets[sentence.index] ?? [], g, e.question.id);
});
log(`sentence rows ${sentenceRows.count}, phrase rows ${phraseRows.count}`);

function subset(m: Matrix, keep: (group: number, row: number) => boolean) {
  const picked: number[] = [];
  for (let r = 0; r < m.count; r++) if (keep(m.groups[r] as number, r)) picked.push(r);
  const rows = new Float32Array(picked.length * m.cols);
  picked.forEach((r, i) => {
    for (let c = 0; c < m.cols; c++) rows[i * m.cols + c] = m.rows[r * m.cols + c] as number;
  });
  return {
    rows,
    cols: m.cols,
    labels: picked.map((r) => m.labels[r] as number),
    groups: picked.map((r) => m.groups[r] as number),
  };
}

function fitReader(inFold: (example: number) => boolean): { ranker: GbdtModel; extractor: GbdtModel } {
  const ranker = trainGbdt(
    subset(sentenceRows, (g) => inFold(g)),
    { objective: "group-softmax", ...RANKER, seed: SEED, featureNames: [...SENTENCE_FEATURES] },
  );
  log("ranker trained");
  const extractor = trainGbdt(
    subset(phraseRows, (g, r) => inFold(g) && ((phraseRows.labels[r] as number) > 0 || r % 2 === 0)),
    { objective: "group-softmax", ...EXTRACTOR, seed: SEED, featureNames: [...PHRASE_FEATURES] },
  );
  log("extractor trained");
  return { ranker, extractor };
}

const untrained: GbdtModel = {
  format: "gbdt/1",
  objective: "binary",
  classes: 1,
  featureNames: [...ANSWERABILITY_FEATURES],
  base: [0],
  trees: [],
};

function compiled(
  ranker: GbdtModel,
  extractor: GbdtModel,
  answerability = untrained,
  threshold = 0.5,
): ReaderModels {
  return {
    ranker: compileGbdt(ranker),
    extractor: compileGbdt(extractor),
    answerability: compileGbdt(answerability),
    threshold,
  };
}

// Made negatives: the question put to another article, and the question with its rarest word swapped.
const random = seededRandom(SEED);
function madeNegatives(
  e: QuestionExample,
  pool: QuestionExample[],
): { article: AnalyzedArticle; question: string }[] {
  const out: { article: AnalyzedArticle; question: string }[] = [];
  const other = pool[Math.floor(random() * pool.length)];
  if (other && articleOf(other.chunk) !== articleOf(e.chunk))
    out.push({ article: other.article, question: e.question.question });
  const words = e.question.question.match(/\p{L}{4,}/gu) ?? [];
  const rarest = words
    .filter((w) => (e.article.termFrequency.get(w.toLowerCase()) ?? 0) >= 0)
    .sort((a, z) => z.length - a.length)[0];
  const donor = other?.article.text.match(/\b\p{Ll}{6,}\b/gu) ?? [];
  const swap = donor[Math.floor(random() * donor.length)];
  if (rarest && swap && !e.article.text.toLowerCase().includes(swap))
    out.push({ article: e.article, question: e.question.question.replace(rarest, swap) });
  return out;
}

interface Row {
  features: Float64Array;
  label: number;
  fold: number;
  kind: "answerable" | "unanswerable" | "made";
}

const rows: Row[] = [];
for (const fold of [0, 1]) {
  const held = examples.filter((_, i) => folds[i] === fold);
  const { ranker, extractor } = fitReader((g) => folds[g] !== fold);
  const models = compiled(ranker, extractor);
  held.forEach((e, i) => {
    const reading = read(e.article, e.question.question, models);
    const kind = e.question.impossible ? "unanswerable" : "answerable";
    if (kind === "answerable" && !answerable(e)) return;
    rows.push({ features: reading.features, label: kind === "answerable" ? 1 : 0, fold, kind });
    // One made negative per third question keeps the made ones from outweighing SQuAD's own.
    if (kind === "answerable" && i % 3 === 0)
      for (const n of madeNegatives(e, held))
        rows.push({ features: read(n.article, n.question, models).features, label: 0, fold, kind: "made" });
  });
  log(`fold ${fold}: ${rows.length} answerability rows`);
}

function fitAnswerability(train: Row[]): GbdtModel {
  const m = new Matrix(ANSWERABILITY_FEATURES.length);
  train.forEach((r, i) => {
    m.add(r.features, r.label, i, "");
  });
  return trainGbdt(
    { rows: Float32Array.from(m.rows), cols: m.cols, labels: m.labels },
    { objective: "binary", ...ANSWERABILITY, seed: SEED, featureNames: [...ANSWERABILITY_FEATURES] },
  );
}

/** The threshold at which at most this share of answerable questions is refused. */
const MAX_REFUSED = 0.05;
function thresholdFor(probabilities: number[]): number {
  const sorted = [...probabilities].sort((a, z) => a - z);
  return sorted[Math.floor(MAX_REFUSED * sorted.length)] ?? 0.5;
}

const report: { folds: unknown[] } = { folds: [] };
const thresholds: number[] = [];
for (const fold of [0, 1]) {
  const model = compileGbdt(fitAnswerability(rows.filter((r) => r.fold !== fold)));
  const tuneRows = rows.filter((r) => r.fold !== fold);
  const threshold = thresholdFor(
    tuneRows.filter((r) => r.kind === "answerable").map((r) => model.probability(r.features)),
  );
  thresholds.push(threshold);
  const held = rows.filter((r) => r.fold === fold);
  const p = held.map((r) => model.probability(r.features));
  const share = (kind: Row["kind"], refused: boolean) => {
    const of = held.map((r, i) => ({ r, p: p[i] as number })).filter((x) => x.r.kind === kind);
    return of.filter((x) => x.p < threshold === refused).length / Math.max(1, of.length);
  };
  const result = {
    fold,
    threshold,
    auc: auc(
      p,
      held.map((r) => r.label),
    ),
    unanswerableRefused: share("unanswerable", true),
    madeRefused: share("made", true),
    answerableRefused: share("answerable", true),
  };
  report.folds.push(result);
  log(`held-out fold ${fold}: ${JSON.stringify(result)}`);
}

const { ranker, extractor } = fitReader(() => true);
const answerability = fitAnswerability(rows);
const threshold = Math.round(((thresholds[0] ?? 0.5) + (thresholds[1] ?? 0.5)) * 500) / 1000;
const file: ReaderModelFile = { format: "reader/1", ranker, extractor, answerability, threshold };
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(args.out, gz);
log(`wrote ${args.out} (${(gz.length / 1024).toFixed(0)} KB), threshold ${threshold}`);
if (args.report) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
