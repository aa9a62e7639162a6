#!/usr/bin/env node
// Runs citebot. A built checkout (`npm run build`, which `npm ci` runs through `prepare`) runs the compiled
// JavaScript in dist/ with plain node. A dev checkout whose dist/ is missing, or older than a source file, runs
// the TypeScript source through tsx (a dev dependency), so that an edit never runs stale code.
// CITEBOT_RUN_FROM=dist|source chooses explicitly (the bench measures both).
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const builtMain = join(root, "dist", "src", "cli", "main.js");

/** The newest modification time of the source files under `dir` (a few hundred files: about a millisecond). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function tsxInstalled() {
  try {
    createRequire(import.meta.url).resolve("tsx");
    return true;
  } catch {
    return false;
  }
}

function runFrom() {
  const chosen = process.env.CITEBOT_RUN_FROM;
  if (chosen === "dist" || chosen === "source") return chosen;
  if (!existsSync(builtMain)) return "source";
  const sources = ["src", "commands"].map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
  const builtAt = statSync(builtMain).mtimeMs;
  if (!sources.some((dir) => newestSource(dir) > builtAt)) return "dist";
  if (tsxInstalled()) return "source";
  process.stderr.write(
    "citebot: dist/ is older than the source; run `npm run build` to bring it up to date\n",
  );
  return "dist";
}

if (runFrom() === "dist") {
  if (!existsSync(builtMain)) {
    process.stderr.write("citebot: dist/ is not built; run `npm run build` first\n");
    process.exit(1);
  }
  const { runFromProcess } = await import("../dist/src/cli/main.js");
  await runFromProcess();
} else {
  if (!tsxInstalled()) {
    process.stderr.write("citebot: no build in dist/ and no tsx to run the source; run `npm run build`\n");
    process.exit(1);
  }
  const { register } = await import("tsx/esm/api");
  register();
  const { runFromProcess } = await import("../src/cli/main.ts");
  await runFromProcess();
}
