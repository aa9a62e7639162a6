// Tags one sentence's names with the learned model: spans typed PER, ORG, LOC or MISC.
import { readFileSync } from "node:fs";
import type { Token } from "../text";
import { nerTokens, sentenceFeatures } from "./features";
import { emissionScores, LABELS, type NerModel, readModelFile, viterbi } from "./model";

export type NerType = "PER" | "ORG" | "LOC" | "MISC";

export interface TaggedSpan {
  type: NerType;
  start: number;
  end: number;
  /** Indices into the sentence's tokens, end exclusive. */
  first: number;
  last: number;
}

export const MODEL_URL = new URL("../../../models/ner-weights.json.gz", import.meta.url);

let loaded: NerModel | null = null;

/** The committed model, read once on first use. */
export function nerModel(): NerModel {
  loaded ??= readModelFile(readFileSync(MODEL_URL));
  return loaded;
}

/** BIO labels to spans over the tokens. */
export function labelsToSpans(tokens: Token[], labels: readonly string[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  labels.forEach((label, i) => {
    const token = tokens[i] as Token;
    if (label.startsWith("I-") && open && open.type === label.slice(2)) {
      open.end = token.end;
      open.last = i + 1;
      return;
    }
    if (open) spans.push(open);
    open =
      label === "O"
        ? null
        : { type: label.slice(2) as NerType, start: token.start, end: token.end, first: i, last: i + 1 };
  });
  if (open) spans.push(open);
  return spans;
}

/** The sentence's tokens and the names the model finds among them. */
export function tagSentence(text: string, base: number, model: NerModel = nerModel()) {
  const tokens = nerTokens(text, base);
  const features = sentenceFeatures(text, base, tokens);
  const emissions = emissionScores(features, (f) => model.index.get(f), model.weights);
  const path = viterbi(emissions, tokens.length, model.transitions, model.start);
  return {
    tokens,
    spans: labelsToSpans(
      tokens,
      path.map((l) => LABELS[l] as string),
    ),
  };
}
