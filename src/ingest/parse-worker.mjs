// The parse worker's entry: TypeScript through tsx (as bin/citebot.mjs), then one job per message.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runParseJob } = await import("./parse-job.ts");

parentPort.on("message", async ({ id, job }) => {
  parentPort.postMessage({ id, outcome: await runParseJob(job) });
});
parentPort.postMessage({ ready: true });
