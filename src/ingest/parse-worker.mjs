// The parse worker's entry, then one job per message. Built (`npm run build` copies this file into dist/), the
// job module is compiled JavaScript beside it and plain node runs it; from source it is TypeScript, loaded through
// tsx (a dev dependency, so it is imported only here).
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";

const compiled = new URL("./parse-job.js", import.meta.url);
async function loadJobModule() {
  if (existsSync(compiled)) return import(compiled.href);
  const { register } = await import("tsx/esm/api");
  register();
  return import("./parse-job.ts");
}
const { runParseJob } = await loadJobModule();

parentPort.on("message", async ({ id, job }) => {
  parentPort.postMessage({ id, outcome: await runParseJob(job) });
});
parentPort.postMessage({ ready: true });
