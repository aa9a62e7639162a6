// Temporary folders that tests and benchmarks make, removed after each test file (test/remove-temp-dirs.ts) or at
// process exit.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const created = new Set<string>();
let removedAtExit = false;

/** A fresh folder under the system's temporary folder, removed when the test file is done. */
export function tempDir(prefix = "citebot-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.add(dir);
  if (!removedAtExit) {
    removedAtExit = true;
    process.once("exit", removeTempDirs);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}
