// `npm run eval [-- --data DIR] [--out FILE] [--limit N] [--markdown [FILE]]`: every evaluation, citebot beside its
// baselines. `--markdown` also writes the table, with its split and date, to docs/quality.md (or FILE).
import { writeFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, dataAvailable } from "./datasets.ts";
import { runEvaluation } from "./run.ts";
import { TARGETS, table } from "./table.ts";

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      out: { type: "string" },
      limit: { type: "string" },
      markdown: { type: "boolean" },
      "markdown-file": { type: "string", default: "docs/quality.md" },
    },
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
  if (values.markdown) {
    const day = new Date().toISOString().slice(0, 16).replace("T", " ");
    writeFileSync(
      values["markdown-file"],
      `# Answer quality\n\nMeasured ${day} UTC by \`npm run eval -- --markdown\` on the **dev split** (\`${relative(process.cwd(), dir)}\`)${values.limit ? `, first ${values.limit} records of each file` : ""}. ` +
        "The name and quote-speaker models were trained on `../shared/train` only. The reader was trained on " +
        "`../shared/train` and this split's QA by cross-validation over articles (2 folds by title): every QA and " +
        "ask figure is **out of fold**, each question answered by the fold model that never saw its article " +
        "(`ask fold A`: fold A's questions, answered by the model trained on fold B's articles; `ask fold B` the " +
        "other way round). Every other dev figure is out of sample. The `answerability` rows are not dev figures: " +
        "`npm run train:reader` measures them on `../shared/train`, two folds by article (SQuAD 2.0's unanswerable " +
        "questions come from two articles, one in each fold), each fold read by models that never saw it, with the " +
        "refusal threshold chosen on the other fold.\n\n" +
        `${table(result)}\n`,
    );
  }
  if (values.out)
    writeFileSync(
      values.out,
      `${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, ...result }, null, 2)}\n`,
    );
}

await main();
