// Where the project's articles and test fixtures are, and temporary libraries built from them: shared by the tests
// and the benchmarks.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
