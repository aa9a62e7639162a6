// Trains the entailment classifier of /check (entailment / contradiction / neutral) on sentence pairs and writes
// models/nli-weights.json.gz. Two models over the dense features of src/engine/check/entailment-features.ts: a
// multinomial logistic regression (full-batch gradient descent with L2) and gradient-boosted trees (multiclass,
// scripts/lib/gbdt-train.ts, seeded); the file keeps whichever is more accurate on the held-out pairs (one pair in
// ten, chosen by a hash of its id), and both are reported per class. Deterministic: no shuffling, no clock.
//   npm run train:nli [-- --data FILE --out models/nli-weights.json.gz --iterations 600 --trees 200 --depth 4]
// The data defaults to ../shared/train/nli-train.jsonl beside the project (CITEBOT_NLI_DATA overrides it).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../src/config.ts";
import { analyzePair, FEATURE_COUNT, FEATURE_NAMES } from "../src/engine/check/entailment-features.ts";
import { compileGbdt } from "../src/engine/models/gbdt.ts";
import { idfOf, NLI_LABELS, type NliModelFile, predictProbabilities } from "../src/engine/models/nli.ts";
import { contentTerms } from "../src/engine/text.ts";
import { trainGbdt } from "./lib/gbdt-train.ts";

const { values } = parseArgs({
  options: {
    data: {
      type: "string",
      default:
        process.env.CITEBOT_NLI_DATA ?? resolve(PROJECT_ROOT, "..", "shared", "train", "nli-train.jsonl"),
    },
    out: { type: "string", default: resolve(PROJECT_ROOT, "models", "nli-weights.json.gz") },
    iterations: { type: "string", default: "600" },
    l2: { type: "string", default: "0.001" },
    "learning-rate": { type: "string", default: "0.5" },
    trees: { type: "string", default: "200" },
    depth: { type: "string", default: "4" },
  },
});

interface Pair {
  id: string;
  source: string;
  premise: string;
  hypothesis: string;
  label: string;
}

const started = performance.now();
const pairs = readFileSync(values.data, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Pair);

/** FNV-1a of the pair id: one pair in ten is held out, the same ones on every run. */
function heldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % 10 === 0;
}

// 1. Inverse document frequency of stems over the distinct training sentences (held-out pairs excluded).
const sentences = new Set<string>();
for (const p of pairs) {
  if (heldOut(p.id)) continue;
  sentences.add(p.premise);
  sentences.add(p.hypothesis);
}
const df = new Map<string, number>();
for (const s of sentences) for (const stem of new Set(contentTerms(s))) df.set(stem, (df.get(stem) ?? 0) + 1);
const N = sentences.size;
const idfMax = Math.log(N / 2);
const idfTable = new Map<string, number>();
for (const [stem, count] of [...df].sort((a, z) => (a[0] < z[0] ? -1 : 1)))
  if (count >= 2) idfTable.set(stem, Math.round(Math.log(N / (1 + count)) * 1000) / 1000);
const idf = idfOf(idfTable, idfMax);

// 2. Features of every pair.
const labelIndex = new Map<string, number>(NLI_LABELS.map((l, i) => [l, i]));
const rows = pairs.map((p, i) => {
  if (i % 2000 === 0)
    console.log(`features ${i}/${pairs.length} (${Math.round(performance.now() - started)} ms)`);
  return {
    x: analyzePair(p.premise, p.hypothesis, idf).features,
    y: labelIndex.get(p.label) as number,
    test: heldOut(p.id),
    source: p.source,
  };
});
const train = rows.filter((r) => !r.test);
const test = rows.filter((r) => r.test);
console.log(
  `${train.length} training pairs, ${test.length} held out; features in ${Math.round(performance.now() - started)} ms`,
);

// 3. Standardise on the training pairs (the bias stays 1).
const mean = new Array<number>(FEATURE_COUNT).fill(0);
const scale = new Array<number>(FEATURE_COUNT).fill(1);
for (let k = 1; k < FEATURE_COUNT; k++) {
  let m = 0;
  for (const r of train) m += r.x[k] as number;
  m /= train.length;
  let v = 0;
  for (const r of train) v += ((r.x[k] as number) - m) ** 2;
  mean[k] = m;
  scale[k] = Math.sqrt(v / train.length) || 1;
}
const standard = train.map((r) =>
  Float64Array.from(r.x, (v, k) => (v - (mean[k] as number)) / (scale[k] as number)),
);

// 4. Multinomial logistic regression, full-batch gradient descent with L2 (not on the bias), in flat arrays.
const L = NLI_LABELS.length;
const F = FEATURE_COUNT;
const X = new Float64Array(standard.length * F);
for (const [i, x] of standard.entries()) X.set(x, i * F);
const Y = Int32Array.from(train, (r) => r.y);
const W = new Float64Array(L * F);
const iterations = Number(values.iterations);
const l2 = Number(values.l2);
const rate = Number(values["learning-rate"]);
const grad = new Float64Array(L * F);
const score = new Float64Array(L);
for (let it = 0; it < iterations; it++) {
  grad.fill(0);
  let loss = 0;
  for (let i = 0; i < standard.length; i++) {
    const row = i * F;
    let top = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < L; c++) {
      let s = 0;
      for (let k = 0; k < F; k++) s += (W[c * F + k] as number) * (X[row + k] as number);
      score[c] = s;
      if (s > top) top = s;
    }
    let total = 0;
    for (let c = 0; c < L; c++) {
      score[c] = Math.exp((score[c] as number) - top);
      total += score[c] as number;
    }
    const y = Y[i] as number;
    loss -= Math.log(Math.max(1e-12, (score[y] as number) / total));
    for (let c = 0; c < L; c++) {
      const g = (score[c] as number) / total - (c === y ? 1 : 0);
      for (let k = 0; k < F; k++) grad[c * F + k] = (grad[c * F + k] as number) + g * (X[row + k] as number);
    }
  }
  for (let j = 0; j < L * F; j++) {
    const reg = j % F === 0 ? 0 : l2 * (W[j] as number);
    W[j] = (W[j] as number) - rate * ((grad[j] as number) / standard.length + reg);
  }
  if (it % 100 === 0 || it === iterations - 1)
    console.log(`iteration ${it}: loss ${(loss / standard.length).toFixed(4)}`);
}
const weights = Array.from({ length: L }, (_, c) => W.slice(c * F, (c + 1) * F));

// 5. Held-out figures per class.
const model = { mean: Float64Array.from(mean), scale: Float64Array.from(scale), weights };
type Predict = (x: ArrayLike<number>) => ArrayLike<number>;
function report(name: string, set: typeof rows, predict: Predict): number {
  const confusion = Array.from({ length: L }, () => new Array<number>(L).fill(0));
  for (const r of set) {
    const p = [...Array.from(predict(r.x))];
    const guess = p.indexOf(Math.max(...p));
    const row = confusion[r.y] as number[];
    row[guess] = (row[guess] as number) + 1;
  }
  const right = confusion.reduce((s, row, i) => s + (row[i] as number), 0);
  console.log(`${name}: accuracy ${(right / Math.max(1, set.length)).toFixed(3)} over ${set.length} pairs`);
  NLI_LABELS.forEach((label, c) => {
    const row = confusion[c] as number[];
    const predicted = confusion.reduce((s, r) => s + (r[c] as number), 0);
    const recall =
      (row[c] as number) /
      Math.max(
        1,
        row.reduce((a, b) => a + b, 0),
      );
    const precision = (row[c] as number) / Math.max(1, predicted);
    console.log(
      `  ${label.padEnd(13)} recall ${recall.toFixed(3)} precision ${precision.toFixed(3)}  [${row.join(", ")}]`,
    );
  });
  return right / Math.max(1, set.length);
}
const linear: Predict = (x) => predictProbabilities(model, x);
console.log("— logistic regression —");
const linearHeldOut = report("held out", test, linear);
report(
  "held out, SICK",
  test.filter((r) => r.source === "SICK"),
  linear,
);
report(
  "held out, CAD-SNLI",
  test.filter((r) => r.source !== "SICK"),
  linear,
);
report("training", train, linear);

// 5b. Gradient-boosted trees (multiclass) on the raw features; the held-out pairs only report.
const gbdtModel = trainGbdt(
  { rows: Float64Array.from(train.flatMap((r) => [...r.x])), cols: F, labels: train.map((r) => r.y) },
  {
    objective: "multiclass",
    classes: L,
    trees: Number(values.trees),
    depth: Number(values.depth),
    learningRate: 0.1,
    minChildWeight: 1,
    lambda: 1,
    minLeafRows: 20,
    bins: 64,
    seed: 20261207,
    featureNames: [...FEATURE_NAMES],
  },
);
const gbdt = compileGbdt(gbdtModel);
const boosted: Predict = (x) => gbdt.classProbabilities(x);
console.log("— gradient-boosted trees —");
const boostedHeldOut = report("held out", test, boosted);
report(
  "held out, SICK",
  test.filter((r) => r.source === "SICK"),
  boosted,
);
report(
  "held out, CAD-SNLI",
  test.filter((r) => r.source !== "SICK"),
  boosted,
);
report("training", train, boosted);
const useTrees = boostedHeldOut > linearHeldOut;
console.log(`keeping ${useTrees ? "the boosted trees" : "the logistic regression"} (held-out accuracy)`);

// 6. The weights file.
const round = (v: number) => Math.round(v * 1e5) / 1e5;
const file: NliModelFile = {
  labels: NLI_LABELS,
  features: FEATURE_NAMES,
  mean: mean.map(round),
  scale: scale.map(round),
  weights: weights.map((w) => [...w].map(round)),
  idfStems: [...idfTable.keys()].join("\n"),
  idfValues: [...idfTable.values()],
  idfMax: round(idfMax),
  ...(useTrees ? { gbdt: gbdtModel } : {}),
};
writeFileSync(values.out, gzipSync(JSON.stringify(file), { level: 9 }));
console.log(`wrote ${values.out} in ${Math.round(performance.now() - started)} ms`);
