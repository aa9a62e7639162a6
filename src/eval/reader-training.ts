// The reader's training validation, which `npm run train:reader` writes and `npm run eval` shows: how often each
// kind of question is refused on the fold of ../shared/train articles the models never saw. One schema for both.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config.ts";

export const READER_TRAINING_FILE = resolve(PROJECT_ROOT, "models", "reader-training.json");

const refusedSchema = z.object({ refused: z.number(), of: z.number(), share: z.number().nullable() });
const trainingSchema = z.object({
  answerability: z.array(
    z.object({
      fold: z.number(),
      threshold: z.number(),
      auc: z.number(),
      aucSquadUnanswerable: z.number(),
      unanswerable: refusedSchema,
      noRightSentence: refusedSchema,
      made: refusedSchema,
      answerable: refusedSchema,
      rightSentence: refusedSchema,
    }),
  ),
});
export type ReaderTraining = z.infer<typeof trainingSchema>;
export type RefusedCount = z.infer<typeof refusedSchema>;

export function loadReaderTraining(file = READER_TRAINING_FILE): ReaderTraining {
  return trainingSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
