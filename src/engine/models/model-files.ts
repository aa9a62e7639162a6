// Where the committed weights are: models/ in the project folder, found from this file whether it runs as
// TypeScript (src/engine/models/) or compiled by `npm run build` (dist/src/engine/models/), so that the engine
// needs nothing outside itself to find its own data.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const COMPILED = !import.meta.url.endsWith(".ts");
const PROJECT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  ...(COMPILED ? [".."] : []),
);

/** The URL of a weights file under models/. */
export const modelFile = (name: string): URL => pathToFileURL(join(PROJECT, "models", name));
