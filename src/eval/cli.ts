// `npm run eval [-- --data DIR] [--out FILE] [--limit N]`: every evaluation, citebot beside its baselines.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, dataAvailable } from "./datasets.ts";
import { runEvaluation } from "./run.ts";
import { TARGETS, table } from "./table.ts";

async function main() {
  const { values } = parseArgs({
    options: { data: { type: "string" }, out: { type: "string" }, limit: { type: "string" } },
  });
  const dir = values.data ?? DEFAULT_DATA_DIR;
  if (!dataAvailable(dir)) {
    process.stderr.write(
      `citebot eval: no evaluation data in ${dir} (expected quotes, timex, qa, summaries, ner .jsonl)\n`,
    );
    process.exitCode = 2;
    return;
  }
  const result = runEvaluation(dir, values.limit ? { limit: Number(values.limit) } : {});
  process.stdout.write(
    `${table(result)}\n\nRun on ${new Date().toISOString().slice(0, 10)} from ${dir}; timings (ms): ${JSON.stringify(result.timings)}\n`,
  );
  if (values.out)
    writeFileSync(
      values.out,
      `${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, ...result }, null, 2)}\n`,
    );
}

await main();
