// Where the running code lives: compiled JavaScript under dist/ (`npm start`, the container) or the TypeScript
// source through tsx (development, tests). Paths to data and to entry files for new processes are resolved here,
// so that they hold from both.
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** `dist` when this file was compiled by `npm run build`, `source` when it runs as TypeScript. */
export const RUNNING_FROM: "dist" | "source" = import.meta.url.endsWith(".ts") ? "source" : "dist";

/** The folder holding the running `src/` and `commands/`: the project itself, or its `dist/` when built. */
export const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The project folder (package.json, models/, seeds/); dist/ sits directly inside it (tsconfig.build.json). */
export const PROJECT_ROOT = RUNNING_FROM === "dist" ? resolve(CODE_ROOT, "..") : CODE_ROOT;

/**
 * An entry module named by its source path from the project root (`src/discord/shard.ts`), as the running build
 * has it: that file from source, `dist/src/discord/shard.js` when built. For a process or worker to start.
 */
export function entryModule(sourcePath: string): string {
  const path =
    RUNNING_FROM === "dist" ? sourcePath.replace(/\.ts$/, ".js").replace(/\.mts$/, ".mjs") : sourcePath;
  return join(CODE_ROOT, path);
}

/**
 * The node options a child process needs to run an `entryModule()`: none from dist; from source, tsx's loader,
 * named by its absolute URL so that the child's working folder does not matter.
 */
export function entryExecArgv(): string[] {
  if (RUNNING_FROM === "dist") return [];
  const loader = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(loader).href];
}
