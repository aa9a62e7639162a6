// The dev QA split's two folds by article, for training the reader on it by cross-validation: `npm run
// train:reader` trains one model per fold on ../shared/train and the other fold's questions, and the evaluation
// answers each question with the model that never saw its article, so every QA figure is out of fold.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { PROJECT_ROOT } from "../config.ts";
import { compileReader, type ReaderModelFile, type ReaderModels } from "../engine/index.ts";

export const DEV_FOLDS = 2;

export const DEV_FOLDS_FILE = resolve(PROJECT_ROOT, "models", "reader-dev-folds.json.gz");

/** A QA record's article: its id up to `#` (`Some_Title#3` → `Some_Title`). */
export const articleOfId = (id: string) => {
  const hash = id.indexOf("#");
  return hash < 0 ? id : id.slice(0, hash);
};

/**
 * Each article's fold, balanced by question count: articles by question count, most first (ties by name), each
 * to the fold with fewer questions so far (ties to the first). Deterministic: the same records, the same folds.
 */
export function devFolds(
  records: readonly { id: string; questions: readonly unknown[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) {
    const article = articleOfId(r.id);
    counts.set(article, (counts.get(article) ?? 0) + r.questions.length);
  }
  const order = [...counts].sort(([a, m], [z, n]) => n - m || (a < z ? -1 : a > z ? 1 : 0));
  const load = new Array<number>(DEV_FOLDS).fill(0);
  const folds = new Map<string, number>();
  for (const [article, n] of order) {
    const fold = load.indexOf(Math.min(...load));
    folds.set(article, fold);
    load[fold] = (load[fold] ?? 0) + n;
  }
  return folds;
}

/** An article's name as the fold file keeps it: a short hash, so the file holds no text of the data. */
export const articleKey = (article: string) =>
  createHash("sha256").update(article).digest("hex").slice(0, 16);

export interface DevFoldsFile {
  format: "reader-dev-folds/1";
  folds: {
    /** The articles this fold's model never saw (`articleKey`); it answers their questions. */
    heldOut: string[];
    questions: number;
    reader: ReaderModelFile;
  }[];
}

const fileSchema = z.object({
  format: z.literal("reader-dev-folds/1"),
  folds: z.array(z.object({ heldOut: z.array(z.string()), questions: z.number(), reader: z.unknown() })),
});

export interface DevFoldReaders {
  /** The fold models, each with the articles it never saw. */
  folds: { heldOut: Set<string>; reader: ReaderModels }[];
  /** The fold of a record's article; none for an article of no fold. */
  foldOf(id: string): number | undefined;
  /** The model that never saw a record's article: its fold's; none (the committed model's) for an article of no fold. */
  readerFor(id: string): ReaderModels | undefined;
}

export function loadDevFolds(path = DEV_FOLDS_FILE): DevFoldReaders {
  const file = fileSchema.parse(JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")));
  const folds = file.folds.map((f) => ({ heldOut: new Set(f.heldOut), reader: compileReader(f.reader) }));
  const foldOf = (id: string) => {
    const key = articleKey(articleOfId(id));
    const fold = folds.findIndex((f) => f.heldOut.has(key));
    return fold < 0 ? undefined : fold;
  };
  return { folds, foldOf, readerFor: (id) => folds[foldOf(id) ?? -1]?.reader };
}
