import { PassThrough } from "node:stream";
import { main } from "../src/cli/main.ts";
import { type Answer, type AnswerKind, type AnswerOf, isAnswerOf } from "../src/engine/index.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { SEED_ID, SEEDS } from "../support/fixtures.ts";

export { FIXTURES, RIVERSIDE, ROOT, SEED_ID, SEEDS, tempLibrary } from "../support/fixtures.ts";
export { tempDir } from "../support/temp-dirs.ts";

export function seedArticle() {
  const library = loadLibrary(SEEDS);
  const article = library.get(SEED_ID);
  if (!article) throw new Error("seed article missing");
  return article;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with the given arguments and stdin. */
export async function runCli(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => {
    out += d;
  });
  stderr.on("data", (d) => {
    err += d;
  });
  stdin.end(options.stdin ?? "");
  const code = await main(args, { stdin, stdout, stderr, env: options.env ?? { ARTICLES_DIR: SEEDS } });
  return { code, stdout: out, stderr: err };
}

/** Fails, naming the kind it got, unless the answer is of one of `kinds`; after it, `answer.items` has their shape. */
export function expectKind<K extends AnswerKind>(
  answer: Answer,
  ...kinds: K[]
): asserts answer is AnswerOf<K> {
  if (!isAnswerOf(answer, ...kinds))
    throw new Error(`expected a ${kinds.join(" or ")} answer, got ${answer.kind}`);
}

/** The items of an answer that must be of the named kinds (the test fails otherwise), typed as theirs. */
export function rankedItems(a: Answer) {
  expectKind(a, "who-answer", "when-answer");
  return a.items;
}
export function quoteItems(a: Answer) {
  expectKind(a, "quotes", "statements");
  return a.items;
}
export function timelineItems(a: Answer) {
  expectKind(a, "timeline");
  return a.items;
}
export function entityItems(a: Answer) {
  expectKind(a, "entities");
  return a.items;
}
export function summaryItems(a: Answer) {
  expectKind(a, "summary");
  return a.items;
}
/** The one item of a profile answer. */
export function profileOf(a: Answer) {
  expectKind(a, "profile");
  const [profile] = a.items;
  if (!profile) throw new Error("a profile answer without its profile");
  return profile;
}
