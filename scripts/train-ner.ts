// Trains the name tagger (averaged structured perceptron, Viterbi decoding) on CoNLL-2003 train and writes
// models/ner-weights.json.gz. Deterministic: fixed epochs, a seeded shuffle, no clock or randomness otherwise.
//   npm run train [-- --data FILE --epochs 6 --out models/ner-weights.json.gz]
// The data defaults to ../shared/train/ner-train.jsonl beside the project (CITEBOT_TRAIN_DATA overrides it).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../src/config.ts";
import {
  allowed,
  emissionScores,
  LABEL_COUNT,
  LABELS,
  type NerModelFile,
  viterbi,
} from "../src/engine/models/ner.ts";
import { nerTokens, sentenceFeatures } from "../src/engine/parse/ner/features.ts";

const { values } = parseArgs({
  options: {
    data: {
      type: "string",
      default:
        process.env.CITEBOT_TRAIN_DATA ?? resolve(PROJECT_ROOT, "..", "shared", "train", "ner-train.jsonl"),
    },
    epochs: { type: "string", default: "6" },
    out: { type: "string", default: resolve(PROJECT_ROOT, "models", "ner-weights.json.gz") },
    "min-count": { type: "string", default: "2" },
  },
});

interface NerRecord {
  text: string;
  entities: { type: string; start: number; end: number }[];
}

const L = LABEL_COUNT;
const labelIndex = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const started = performance.now();

// 1. Sentences → tokens, gold labels and feature strings.
const records = readFileSync(values.data, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as NerRecord);
const sentences = records.map((r) => {
  const tokens = nerTokens(r.text, 0);
  const gold = tokens.map((t, i) => {
    const e = r.entities.find((x) => t.start >= x.start && t.start < x.end);
    if (!e) return 0;
    const previous = tokens[i - 1];
    const inside = previous && previous.start >= e.start;
    return labelIndex.get(`${inside ? "I" : "B"}-${e.type}`) ?? 0;
  });
  return { gold, features: sentenceFeatures(r.text, 0, tokens) };
});

// 2. Features seen at least min-count times get an index.
const counts = new Map<string, number>();
for (const s of sentences)
  for (const fs of s.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
const minCount = Number(values["min-count"]);
const keys = [...counts.entries()]
  .filter(([, c]) => c >= minCount)
  .map(([f]) => f)
  .sort();
const index = new Map(keys.map((k, i) => [k, i * L]));
const encoded = sentences.map((s) => ({
  gold: s.gold,
  features: s.features.map((fs) => fs.map((f) => index.get(f)).filter((x): x is number => x !== undefined)),
}));
console.log(
  `${records.length} sentences, ${keys.length} features (of ${counts.size}), ${Math.round(performance.now() - started)} ms`,
);

// 3. Averaged structured perceptron: w is the current weight, u the time-weighted sum of updates.
const w = new Float64Array(keys.length * L);
const u = new Float64Array(keys.length * L);
const tw = new Float64Array(L * L);
const tu = new Float64Array(L * L);
const sw = new Float64Array(L);
const su = new Float64Array(L);
let time = 1;
const bump = (weights: Float64Array, sums: Float64Array, at: number, delta: number) => {
  weights[at] = (weights[at] as number) + delta;
  sums[at] = (sums[at] as number) + time * delta;
};

let seed = 20260;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const order = encoded.map((_, i) => i);
for (let epoch = 0; epoch < Number(values.epochs); epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  let errors = 0;
  let total = 0;
  for (const k of order) {
    const s = encoded[k]!;
    const n = s.gold.length;
    if (n > 0) {
      const emissions = emissionScores(s.features as unknown as string[][], (f) => f as unknown as number, w);
      const pred = viterbi(emissions, n, tw, sw);
      for (let i = 0; i < n; i++) {
        const g = s.gold[i]!;
        const p = pred[i]!;
        total++;
        if (g !== p) {
          errors++;
          for (const f of s.features[i]!) {
            bump(w, u, f + g, 1);
            bump(w, u, f + p, -1);
          }
        }
        const gPrev = i > 0 ? s.gold[i - 1]! : -1;
        const pPrev = i > 0 ? pred[i - 1]! : -1;
        if (g !== p || gPrev !== pPrev) {
          if (gPrev < 0) bump(sw, su, g, 1);
          else if (allowed(gPrev, g)) bump(tw, tu, gPrev * L + g, 1);
          if (pPrev < 0) bump(sw, su, p, -1);
          else bump(tw, tu, pPrev * L + p, -1);
        }
      }
    }
    time++;
  }
  console.log(
    `epoch ${epoch + 1}: token errors ${errors}/${total}, ${Math.round(performance.now() - started)} ms`,
  );
}

// 4. Average, prune features whose weights are all small, quantise to Int16.
const average = (weights: Float64Array, sums: Float64Array) =>
  weights.map((x, i) => x - (sums[i] as number) / time);
const avg = average(w, u);
let maxAbs = 0;
for (const x of avg) maxAbs = Math.max(maxAbs, Math.abs(x));
const scale = Math.floor(32000 / maxAbs);
const keptKeys: string[] = [];
const kept: number[] = [];
keys.forEach((key, k) => {
  const row = Array.from(avg.subarray(k * L, k * L + L), (x) => Math.round(x * scale));
  if (row.every((x) => Math.abs(x) < scale * 0.05)) return;
  keptKeys.push(key);
  kept.push(...row);
});
const file: NerModelFile = {
  labels: LABELS,
  scale,
  keys: keptKeys.join("\n"),
  weights: Buffer.from(Int16Array.from(kept).buffer).toString("base64"),
  transitions: Array.from(average(tw, tu), (x) => Math.round(x * 1000) / 1000),
  start: Array.from(average(sw, su), (x) => Math.round(x * 1000) / 1000),
};
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(values.out, gz);
console.log(
  `wrote ${values.out}: ${keptKeys.length} features, ${(gz.length / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - started)} ms`,
);
