// The name tagger's model: an averaged structured perceptron over BIO labels, decoded with Viterbi under the
// BIO constraint (an I- label only continues its own type). Weights are trained by scripts/train-ner.ts.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { modelFile } from "./model-files.ts";

export const LABELS = [
  "O",
  "B-PER",
  "I-PER",
  "B-ORG",
  "I-ORG",
  "B-LOC",
  "I-LOC",
  "B-MISC",
  "I-MISC",
] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;

/** Whether label `to` may follow label `from` (`from` is -1 at the sentence start). */
export function allowed(from: number, to: number): boolean {
  return ALLOWED[(from + 1) * LABEL_COUNT + to] === 1;
}

function allowedSlow(from: number, to: number): boolean {
  const label = LABELS[to] ?? "O";
  if (!label.startsWith("I-")) return true;
  return from >= 0 && LABELS[from]?.slice(2) === label.slice(2);
}

/** allowed(from, to) for every pair, row 0 being the sentence start. */
const ALLOWED = Uint8Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, k) =>
  allowedSlow(Math.floor(k / LABEL_COUNT) - 1, k % LABEL_COUNT) ? 1 : 0,
);

export interface NerModel {
  /** Feature → offset of its LABEL_COUNT weights in `weights`. */
  index: Map<string, number>;
  weights: Float32Array;
  /** transitions[from * LABEL_COUNT + to]; the start row is `start`. */
  transitions: Float32Array;
  start: Float32Array;
}

/** The committed file: feature keys, newline-joined, and their weights quantised to Int16, gzipped JSON. */
const nerModelFileSchema = z.object({
  labels: z.array(z.string()).readonly(),
  scale: z.number().positive(),
  keys: z.string(),
  weights: z.string(),
  transitions: z.array(z.number()),
  start: z.array(z.number()),
});
export type NerModelFile = z.infer<typeof nerModelFileSchema>;

export function decodeModel(file: NerModelFile): NerModel {
  if (file.labels.join() !== LABELS.join()) throw new Error("NER model labels do not match the tagger");
  const keys = file.keys.split("\n");
  const raw = Buffer.from(file.weights, "base64");
  const ints = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const weights = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = (ints[i] ?? 0) / file.scale;
  const index = new Map<string, number>();
  for (const [k, key] of keys.entries()) index.set(key, k * LABEL_COUNT);
  return {
    index,
    weights,
    transitions: Float32Array.from(file.transitions),
    start: Float32Array.from(file.start),
  };
}

export function readModelFile(gz: Uint8Array): NerModel {
  return decodeModel(nerModelFileSchema.parse(JSON.parse(gunzipSync(gz).toString("utf8"))));
}

/** The committed model file, found from the project root so that it holds from src/ and from dist/. */
export const NER_MODEL_URL = modelFile("ner-weights.json.gz");

let loaded: NerModel | null = null;

/** The committed model, read once on first use. */
export function nerModel(): NerModel {
  loaded ??= readModelFile(readFileSync(NER_MODEL_URL));
  return loaded;
}

/** Per token, the score of each label from its features. */
export function emissionScores(
  features: string[][],
  lookup: (feature: string) => number | undefined,
  weights: ArrayLike<number>,
): Float64Array {
  const scores = new Float64Array(features.length * LABEL_COUNT);
  for (const [i, tokenFeatures] of features.entries()) {
    const row = i * LABEL_COUNT;
    for (const feature of tokenFeatures) {
      const at = lookup(feature);
      if (at === undefined) continue;
      for (let l = 0; l < LABEL_COUNT; l++) scores[row + l] = (scores[row + l] ?? 0) + (weights[at + l] ?? 0);
    }
  }
  return scores;
}

/** The best label sequence under the BIO constraint. */
export function viterbi(
  emissions: Float64Array,
  n: number,
  transitions: ArrayLike<number>,
  start: ArrayLike<number>,
): number[] {
  if (n === 0) return [];
  const L = LABEL_COUNT;
  const score = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++) {
    if (ALLOWED[l] === 1) score[l] = (start[l] ?? 0) + (emissions[l] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < L; l++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (ALLOWED[(p + 1) * L + l] !== 1) continue;
        const s = (score[(i - 1) * L + p] ?? 0) + (transitions[p * L + l] ?? 0);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + l] = best + (emissions[i * L + l] ?? 0);
      back[i * L + l] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < L; l++) if ((score[(n - 1) * L + l] ?? 0) > (score[(n - 1) * L + last] ?? 0)) last = l;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + (path[i] ?? 0)] ?? 0;
  return path;
}
