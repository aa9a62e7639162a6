// Scores a reader model file on QA records directly (no answer formatting): hit@1/@3 of the ranked sentences,
// the answer phrase's token F1, and how often it refuses. For fast iteration while training.
//   npx tsx scripts/reader/evaluate.ts [--model FILE] [--data FILE]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { compileReader } from "../../src/engine/models/reader.ts";
import { read } from "../../src/engine/reader/read.ts";
import { tokenF1 } from "../../src/eval/metrics.ts";
import { analyseChunk, type QaChunk, readJsonl } from "./data.ts";

const { values: args } = parseArgs({
  options: {
    model: { type: "string", default: resolve(import.meta.dirname, "..", "..", "models", "reader.json.gz") },
    data: {
      type: "string",
      default: resolve(import.meta.dirname, "..", "..", "..", "shared", "eval", "qa.jsonl"),
    },
    every: { type: "string", default: "1" },
    "cite-share": { type: "string", default: "0.1" },
  },
});
const share = Number(args["cite-share"]);
const models = compileReader(JSON.parse(gunzipSync(readFileSync(args.model)).toString("utf8")));
const chunks = readJsonl<QaChunk & { questions: { type?: string }[] }>(args.data).filter(
  (_, i) => i % Number(args.every) === 0,
);
const groups = new Map<string, { n: number; hit1: number; hit3: number; f1: number; refused: number }>();
const add = (g: string, hit1: boolean, hit3: boolean, f1: number, refused: boolean) => {
  const s = groups.get(g) ?? { n: 0, hit1: 0, hit3: 0, f1: 0, refused: 0 };
  s.n++;
  s.hit1 += hit1 ? 1 : 0;
  s.hit3 += hit3 ? 1 : 0;
  s.f1 += f1;
  s.refused += refused ? 1 : 0;
  groups.set(g, s);
};
let micros = 0;
let count = 0;
for (const chunk of chunks) {
  const article = analyseChunk(chunk);
  for (const q of chunk.questions) {
    const t = performance.now();
    const r = read(article, q.question, models);
    micros += (performance.now() - t) * 1000;
    count++;
    const holds = (i: number) => {
      const s = article.sentences[i];
      return !!s && q.answers.some((a) => a.start >= s.start && a.start + a.text.length <= s.end);
    };
    const best = r.ranked[0]?.probability ?? 0;
    const top = r.ranked
      .slice(0, 3)
      .filter((x, i) => i === 0 || x.probability >= share * best)
      .map((x) => x.sentence);
    const text = r.answer ? article.text.slice(r.answer.start, r.answer.end) : "";
    const f1 = q.answers.length ? Math.max(...q.answers.map((a) => tokenF1(text, a.text))) : 0;
    const type = (q as { type?: string }).type ?? "all";
    // Two halves by article, for choosing a threshold on one and reporting the other.
    const half =
      [...chunk.title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1000, 7) % 2 ? "half B" : "half A";
    for (const g of ["all", type, half])
      add(g, holds(top[0] ?? -1), top.some(holds), r.answers ? f1 : 0, !r.answers);
    if (r.answers && holds(top[0] ?? -1)) add("answered, right sentence", true, true, f1, false);
    add("phrase if never refused", holds(top[0] ?? -1), top.some(holds), f1, false);
  }
}
for (const [g, s] of groups)
  console.log(
    `${g.padEnd(6)} n=${s.n} hit1=${(s.hit1 / s.n).toFixed(3)} hit3=${(s.hit3 / s.n).toFixed(3)} f1=${(s.f1 / s.n).toFixed(3)} refused=${(s.refused / s.n).toFixed(3)}`,
  );
console.log(`mean read ${(micros / count).toFixed(0)} µs (cold caches)`);
