// The reader's three trained models (sentence ranker, answer-phrase extractor, answerability), read once from the
// committed weights file on first use. `npm run train:reader` writes the file.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { ANSWERABILITY_FEATURES } from "../reader/answerability-features.ts";
import { PHRASE_FEATURES } from "../reader/phrases.ts";
import { SENTENCE_FEATURES } from "../reader/sentence-features.ts";
import { compileGbdt, type GbdtModel, type GbdtPredictor, validateGbdt } from "./gbdt.ts";
import { modelFile } from "./model-files.ts";

/** The features each model must have been trained on, in the order the code builds them. */
const FEATURES = {
  ranker: SENTENCE_FEATURES,
  extractor: PHRASE_FEATURES,
  answerability: ANSWERABILITY_FEATURES,
};

export const READER_MODEL_URL = modelFile("reader.json.gz");

export interface ReaderModelFile {
  format: "reader/1";
  ranker: GbdtModel;
  extractor: GbdtModel;
  answerability: GbdtModel;
  /** Below this probability of being answerable, the reader says the article doesn't say. */
  threshold: number;
  /**
   * How much the best answer phrase's extractor score adds to a leading sentence's ranker score when the reader
   * picks the sentence to answer from (0: the ranker's first sentence). Chosen in training on held-out questions.
   */
  phraseWeight?: number;
}

export interface ReaderModels {
  ranker: GbdtPredictor;
  extractor: GbdtPredictor;
  answerability: GbdtPredictor;
  threshold: number;
  phraseWeight: number;
}

const fileSchema = z.object({
  format: z.literal("reader/1"),
  ranker: z.unknown(),
  extractor: z.unknown(),
  answerability: z.unknown(),
  threshold: z.number().min(0).max(1),
  phraseWeight: z.number().min(0).max(10).default(0),
});

/** The models of a reader file; a malformed file throws, naming the part that is wrong. */
export function compileReader(json: unknown): ReaderModels {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`reader model: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
  }
  const file = parsed.data;
  const model = (part: "ranker" | "extractor" | "answerability") => {
    try {
      const model = validateGbdt(file[part]);
      if (model.featureNames.join() !== FEATURES[part].join())
        throw new Error("its features are not the ones the code computes; retrain with npm run train:reader");
      return compileGbdt(model);
    } catch (error) {
      throw new Error(`reader model: ${part}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    ranker: model("ranker"),
    extractor: model("extractor"),
    answerability: model("answerability"),
    threshold: file.threshold,
    phraseWeight: file.phraseWeight,
  };
}

let loaded: ReaderModels | null = null;

/** The committed models, read once on first use. */
export function readerModels(): ReaderModels {
  loaded ??= compileReader(JSON.parse(gunzipSync(readFileSync(READER_MODEL_URL)).toString("utf8")));
  return loaded;
}
