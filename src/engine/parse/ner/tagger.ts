// Tags one sentence's names with the learned model: spans typed PER, ORG, LOC or MISC.
import { LABEL_COUNT, LABELS, type Label, type NerModel, nerModel, viterbi } from "../../models/ner.ts";
import type { Token } from "../../text.ts";
import {
  contextFeatures,
  type NeighbourSlot,
  neighbourFeatures,
  neighbours,
  nerTokens,
  sentenceParts,
  wordFeatures,
} from "./features.ts";

export type NerType = "PER" | "ORG" | "LOC" | "MISC";

export interface TaggedSpan {
  type: NerType;
  start: number;
  end: number;
  /** Indices into the sentence's tokens, end exclusive. */
  first: number;
  last: number;
}

/** The name type a label begins or continues. */
const TYPE_OF_LABEL = {
  O: null,
  "B-PER": "PER",
  "I-PER": "PER",
  "B-ORG": "ORG",
  "I-ORG": "ORG",
  "B-LOC": "LOC",
  "I-LOC": "LOC",
  "B-MISC": "MISC",
  "I-MISC": "MISC",
} as const satisfies Record<Label, NerType | null>;

/** BIO labels to spans over the tokens (one label per token). */
export function labelsToSpans(tokens: Token[], labels: readonly Label[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  tokens.forEach((token, i) => {
    const label = labels[i] ?? "O";
    const type = TYPE_OF_LABEL[label];
    if (label.startsWith("I-") && open && open.type === type) {
      open.end = token.end;
      open.last = i + 1;
      return;
    }
    if (open) spans.push(open);
    open = type === null ? null : { type, start: token.start, end: token.end, first: i, last: i + 1 };
  });
  if (open) spans.push(open);
  return spans;
}

// A module-local copy: imported bindings are read through accessors in some loaders, too slow in inner loops.
const L = LABEL_COUNT;

/** Per-word score sums, by feature group; cleared when large so that hostile input cannot grow them forever. */
class GroupScores {
  private cache = new Map<string, Float64Array>();
  constructor(
    private readonly model: NerModel,
    private readonly features: (key: string) => string[],
  ) {}
  get(key: string): Float64Array {
    let scores = this.cache.get(key);
    if (scores) return scores;
    if (this.cache.size > 50_000) this.cache.clear();
    scores = sumFeatures(this.model, this.features(key), new Float64Array(L), 0);
    this.cache.set(key, scores);
    return scores;
  }
}

/** Adds the weights of `features` into `into` at `offset`. */
function sumFeatures(model: NerModel, features: string[], into: Float64Array, offset: number): Float64Array {
  const { index, weights } = model;
  for (const feature of features) {
    const at = index.get(feature);
    if (at === undefined) continue;
    for (let l = 0; l < L; l++) into[offset + l] = (into[offset + l] ?? 0) + (weights[at + l] ?? 0);
  }
  return into;
}

interface Scorers {
  /** Word features, without and with the all-capitals flag. */
  word: [GroupScores, GroupScores];
  slots: Record<NeighbourSlot, GroupScores>;
}

const scorers = new WeakMap<NerModel, Scorers>();

function scorersFor(model: NerModel): Scorers {
  let found = scorers.get(model);
  if (!found) {
    found = {
      word: [
        new GroupScores(model, (w) => wordFeatures(w, false)),
        new GroupScores(model, (w) => wordFeatures(w, true)),
      ],
      slots: {
        "-1": new GroupScores(model, (w) => neighbourFeatures(w, "-1")),
        "+1": new GroupScores(model, (w) => neighbourFeatures(w, "+1")),
        "-2": new GroupScores(model, (w) => neighbourFeatures(w, "-2")),
        "+2": new GroupScores(model, (w) => neighbourFeatures(w, "+2")),
      },
    };
    scorers.set(model, found);
  }
  return found;
}

function addInto(emissions: Float64Array, row: number, scores: Float64Array): void {
  for (let l = 0; l < L; l++) emissions[row + l] = (emissions[row + l] ?? 0) + (scores[l] ?? 0);
}

/** The sentence's tokens and the names the model finds among them. */
export function tagSentence(text: string, base: number, model: NerModel = nerModel()) {
  return tagTokens(text, base, nerTokens(text, base), model);
}

/** The names among a sentence's tokens (`nerTokens` of the same text and base). */
export function tagTokens(text: string, base: number, tokens: Token[], model: NerModel = nerModel()) {
  const parts = sentenceParts(text, base, tokens);
  const { word, slots } = scorersFor(model);
  const wordScores = word[parts.caps ? 1 : 0];
  const emissions = new Float64Array(tokens.length * L);
  for (let i = 0; i < tokens.length; i++) {
    const row = i * L;
    addInto(emissions, row, wordScores.get(parts.tokens[i]?.text ?? ""));
    for (const [word, slot] of neighbours(parts, i)) addInto(emissions, row, slots[slot].get(word));
    sumFeatures(model, contextFeatures(parts, i), emissions, row);
  }
  const path = viterbi(emissions, tokens.length, model.transitions, model.start);
  return {
    tokens,
    spans: labelsToSpans(
      tokens,
      path.map((l) => LABELS[l] ?? "O"),
    ),
  };
}
