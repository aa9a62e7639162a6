// Where the project's articles and test fixtures are, and temporary libraries built from them: shared by the tests
// and the benchmarks.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MONTH_NAMES } from "../src/engine/lexicon/index.ts";
import { tempDir } from "./temp-dirs.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const SEEDS = join(ROOT, "seeds");
export const SEED_ID = "kenyan-officer-killed-in-haiti";
export const FIXTURES = join(ROOT, "test", "fixtures");
export const RIVERSIDE = join(FIXTURES, "riverside-library-reopens.md");

/** A temporary folder holding the given files (name → content), removed when the test file is done. */
export function tempLibrary(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir("citebot-test-");
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** An invented article with 40 dates, one a paragraph, two a year: the timeline picture's worst ordinary case. */
export function fortyDateArticle(): string {
  const text = Array.from(
    { length: 40 },
    (_, i) =>
      `The council met on ${(i % 27) + 1} ${MONTH_NAMES[i % 10]} ${2000 + Math.floor(i / 2)} to vote.`,
  ).join("\n\n");
  return `date 2024-05-01 ${text}`;
}
