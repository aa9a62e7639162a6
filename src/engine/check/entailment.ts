// The entailment classifier: does a premise sentence entail, contradict, or not address a claim? Gradient-boosted
// trees (multiclass) or a multinomial logistic regression, whichever validated better, over the dense pair
// features of entailment-features.ts, trained by scripts/train-nli.ts on sentence-pair data (SICK and
// counterfactual SNLI). Loaded once, on first use, from models/nli-weights.json.gz.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../../runtime-entry.ts";
import { compileGbdt, type GbdtPredictor, validateGbdt } from "../models/gbdt.ts";
import {
  analyzePair,
  FEATURE_COUNT,
  FEATURE_NAMES,
  type Idf,
  type PairAnalysis,
} from "./entailment-features.ts";

export const NLI_LABELS = ["entailment", "contradiction", "neutral"] as const;
export type NliLabel = (typeof NLI_LABELS)[number];

/** The committed file: gzipped JSON. */
export interface NliModelFile {
  labels: readonly string[];
  features: readonly string[];
  /** Standardisation of each feature. */
  mean: number[];
  scale: number[];
  /** weights[label][feature]. */
  weights: number[][];
  /** Stems with their inverse document frequency over the training sentences, newline-joined, and the values. */
  idfStems: string;
  idfValues: number[];
  idfMax: number;
  /** When present, the classifier is these gradient-boosted trees over the raw features (weights unused). */
  gbdt?: unknown;
}

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
    table.set(stem, file.idfValues[i] as number);
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
      s += (w[k] as number) * (((x[k] as number) - (model.mean[k] as number)) / (model.scale[k] as number));
    return s;
  });
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

export const NLI_MODEL_URL = pathToFileURL(join(PROJECT_ROOT, "models", "nli-weights.json.gz"));

let loaded: NliModel | undefined;
export function nliModel(): NliModel {
  loaded ??= decodeNliModel(
    JSON.parse(gunzipSync(readFileSync(NLI_MODEL_URL)).toString("utf8")) as NliModelFile,
  );
  return loaded;
}

export interface Entailment extends PairAnalysis {
  entailment: number;
  contradiction: number;
  neutral: number;
}

/** How a premise stands to a hypothesis: the three probabilities, the word alignment and any slot mismatch. */
export function entailment(
  premise: string,
  hypothesis: string,
  articleDate: string | null = null,
): Entailment {
  const model = nliModel();
  const analysis = analyzePair(premise, hypothesis, model.idf, articleDate);
  const [e, c, n] = model.trees
    ? model.trees.classProbabilities(analysis.features)
    : predictProbabilities(model, analysis.features);
  return { ...analysis, entailment: e as number, contradiction: c as number, neutral: n as number };
}
