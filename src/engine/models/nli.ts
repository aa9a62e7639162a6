// The entailment classifier's model: gradient-boosted trees (multiclass) or a multinomial logistic regression,
// whichever validated better, with the stems' inverse document frequencies. scripts/train-nli.ts writes
// models/nli-weights.json.gz; it is read once, on first use.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { FEATURE_COUNT, FEATURE_NAMES, type Idf } from "../check/entailment-features.ts";
import { compileGbdt, type GbdtPredictor, validateGbdt } from "./gbdt.ts";
import { modelFile } from "./model-files.ts";

export const NLI_LABELS = ["entailment", "contradiction", "neutral"] as const;
export type NliLabel = (typeof NLI_LABELS)[number];

/** The committed file: gzipped JSON. */
const nliModelFileSchema = z.object({
  labels: z.array(z.string()).readonly(),
  features: z.array(z.string()).readonly(),
  /** Standardisation of each feature. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  /** weights[label][feature]. */
  weights: z.array(z.array(z.number())),
  /** Stems with their inverse document frequency over the training sentences, newline-joined, and the values. */
  idfStems: z.string(),
  idfValues: z.array(z.number()),
  idfMax: z.number(),
  /** When present, the classifier is these gradient-boosted trees over the raw features (weights unused). */
  gbdt: z.unknown().optional(),
});
export type NliModelFile = z.infer<typeof nliModelFileSchema>;

export interface NliModel {
  mean: Float64Array;
  scale: Float64Array;
  weights: Float64Array[];
  idf: Idf;
  trees: GbdtPredictor | null;
}

export function decodeNliModel(file: NliModelFile): NliModel {
  if (file.labels.join() !== NLI_LABELS.join())
    throw new Error("NLI model labels do not match the classifier");
  if (file.features.join() !== FEATURE_NAMES.join())
    throw new Error("NLI model features do not match the feature code: run `npm run train:nli`");
  const table = new Map<string, number>();
  file.idfStems.split("\n").forEach((stem, i) => {
    table.set(stem, file.idfValues[i] ?? 0);
  });
  return {
    mean: Float64Array.from(file.mean),
    scale: Float64Array.from(file.scale),
    weights: file.weights.map((w) => Float64Array.from(w)),
    idf: idfOf(table, file.idfMax),
    trees: file.gbdt === undefined ? null : compileGbdt(validateGbdt(file.gbdt)),
  };
}

export const idfOf = (table: ReadonlyMap<string, number>, max: number): Idf => ({
  get: (stem) => table.get(stem) ?? max,
  max,
});

/** Class probabilities from standardised features (softmax of the linear scores). */
export function predictProbabilities(
  model: Pick<NliModel, "mean" | "scale" | "weights">,
  x: ArrayLike<number>,
): number[] {
  const scores = model.weights.map((w) => {
    let s = 0;
    for (let k = 0; k < FEATURE_COUNT; k++)
      s += (w[k] ?? 0) * (((x[k] ?? 0) - (model.mean[k] ?? 0)) / (model.scale[k] ?? 1));
    return s;
  });
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

export const NLI_MODEL_URL = modelFile("nli-weights.json.gz");

let loaded: NliModel | undefined;
export function nliModel(): NliModel {
  loaded ??= decodeNliModel(
    nliModelFileSchema.parse(JSON.parse(gunzipSync(readFileSync(NLI_MODEL_URL)).toString("utf8"))),
  );
  return loaded;
}
