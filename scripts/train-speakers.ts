// Learns the quote speaker ranker's weights (src/engine/parse/quotes/speaker-weights.ts) on the training split:
// an averaged perceptron over each direct quote's candidates, deterministic (fixed order, fixed epochs).
// Usage: npm run train:speakers [-- <train dir>]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { extractEntities } from "../src/engine/parse/entities.ts";
import {
  candidateScore,
  type FeatureVector,
  RANKER_FEATURES,
  type RankerWeights,
} from "../src/engine/parse/quotes/ranker.ts";
import { extractDirectQuotes, speakerResolver } from "../src/engine/parse/quotes.ts";
import { splitAllSentences, splitBlocks } from "../src/engine/parse/segment.ts";
import type { QuoteRecord } from "../src/eval/datasets.ts";
import { coveredBy, type Span } from "../src/eval/metrics.ts";
import { QUOTE_OVERLAP, speakerNames } from "../src/eval/tasks.ts";

const EPOCHS = 12;
const PRONOUN_SOURCE = /^(he|she|they|i|we|it|you|him|her|them|his|its|their)$/i;

interface Example {
  candidates: FeatureVector[];
  /** Indices of the candidates that name the gold source. */
  right: Set<number>;
}

function examplesOf(record: QuoteRecord): Example[] {
  const { text } = record;
  const { paragraphs } = splitBlocks(text);
  const sentences = splitAllSentences(text, paragraphs);
  const resolver = speakerResolver(text, extractEntities(text, sentences));
  const gold = record.attributions
    .filter((a) => a.direct && a.content && a.source && !PRONOUN_SOURCE.test(a.source.text.trim()))
    .map((a) => ({
      spans: (a.content?.fragments ?? [a.content]) as Span[],
      source: a.source?.text as string,
    }));
  const examples: Example[] = [];
  extractDirectQuotes(text, paragraphs, sentences, resolver, {
    weights: null,
    onCandidates(quote, candidates) {
      const length = quote.end - quote.start;
      const match = gold.find((g) => {
        const goldLength = g.spans.reduce((n, s) => n + s.end - s.start, 0);
        return coveredBy(quote, g.spans) >= QUOTE_OVERLAP * Math.min(length, goldLength);
      });
      if (!match || candidates.length < 2) return;
      const right = new Set<number>();
      candidates.forEach((c, i) => {
        if (speakerNames(c.speaker.name, match.source)) right.add(i);
      });
      if (right.size > 0) examples.push({ candidates: candidates.map((c) => c.features), right });
    },
  });
  return examples;
}

function zeroWeights(): Record<(typeof RANKER_FEATURES)[number], number> {
  return Object.fromEntries(RANKER_FEATURES.map((f) => [f, 0])) as Record<
    (typeof RANKER_FEATURES)[number],
    number
  >;
}

function best(candidates: FeatureVector[], weights: RankerWeights, among?: Set<number>): number {
  let bestIndex = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((c, i) => {
    if (among && !among.has(i)) return;
    const score = candidateScore(c, weights);
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  return bestIndex;
}

function train(examples: Example[]): RankerWeights {
  const weights = zeroWeights();
  // The rules' pick starts trusted, so that ties fall to it.
  weights["cue-pick"] = 1;
  const total = zeroWeights();
  let steps = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const example of examples) {
      const guess = best(example.candidates, weights);
      if (!example.right.has(guess)) {
        const target = best(example.candidates, weights, example.right);
        for (const f of RANKER_FEATURES) {
          weights[f] +=
            ((example.candidates[target] as FeatureVector)[f] ?? 0) -
            ((example.candidates[guess] as FeatureVector)[f] ?? 0);
        }
      }
      for (const f of RANKER_FEATURES) total[f] += weights[f];
      steps++;
    }
  }
  return Object.fromEntries(
    RANKER_FEATURES.map((f) => [f, Math.round((total[f] / steps) * 1000) / 1000]),
  ) as RankerWeights;
}

function accuracy(examples: Example[], weights: RankerWeights): number {
  const right = examples.filter((e) => e.right.has(best(e.candidates, weights))).length;
  return examples.length ? right / examples.length : 0;
}

const dir = process.argv[2] ?? resolve(PROJECT_ROOT, "..", "shared", "train");
const records = readFileSync(join(dir, "quotes-train.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as QuoteRecord);
const examples = records.flatMap(examplesOf);
const rules = zeroWeights();
rules["cue-pick"] = 1;
rules["cue-pick-continues"] = 1;
rules["cue-pick-phrase"] = 1;
const weights = train(examples);
console.log(
  `${records.length} articles, ${examples.length} quotes with several candidates; training accuracy: ` +
    `rules ${accuracy(examples, rules).toFixed(3)}, ranker ${accuracy(examples, weights).toFixed(3)}`,
);
const file = resolve(PROJECT_ROOT, "src", "engine", "quotes", "speaker-weights.ts");
const lines = RANKER_FEATURES.map((f) => `  ${/^[a-z]+$/.test(f) ? f : JSON.stringify(f)}: ${weights[f]},`);
writeFileSync(
  file,
  `// Generated by \`npm run train:speakers\` (scripts/train-speakers.ts) from the training split; do not edit by hand.
// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: learned weights that only look like constants
import type { RankerWeights } from "./ranker";

/** The quote speaker ranker's weights, one a feature (see RANKER_FEATURES). */
export const SPEAKER_WEIGHTS: RankerWeights | null = {
${lines.join("\n")}
};
`,
);
console.log(`wrote ${file}`);
