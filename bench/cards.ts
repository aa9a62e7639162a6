// Cards and the timeline picture: what a card adds to an answer, and how long a 40-date timeline takes to draw.
// Run by `npm run bench` (bench/run.ts imports it last) or alone: `node --import tsx bench/cards.ts`.
// Writes its figures to docs/bench-cards.md.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { ask } from "../src/app/ask.ts";
import type { AnswerOf } from "../src/engine/index.ts";
import { MemoryLibrary, sourceFromText } from "../src/engine/library.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { translator } from "../src/i18n/messages.ts";
import { renderCard } from "../src/render/cards.ts";
import { renderAnswerPage, withButtons } from "../src/render/render.ts";
import { renderTimeline } from "../src/render/timeline.ts";
import { fortyDateArticle } from "../support/fixtures.ts";

const ROOT = join(import.meta.dirname, "..");
const QUICK = process.argv.includes("--quick");

function timed(fn: () => unknown, runs: number, warmup = 50) {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, z) => a - z);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { median: at(0.5), p99: at(0.99), runs };
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const t = translator("en");
const buttonId = (action: string, arg: number) => `b1|0123456789ab|${action}|${arg}|x|e|who|seed`;
const library = loadLibrary(join(ROOT, "seeds"));
const rows: string[][] = [];

for (const request of [
  { command: "who", query: "Ombaka" },
  { command: "summary", sentences: 3 },
  { command: "when" },
]) {
  const label = `/${request.command}${"query" in request ? ` ${request.query}` : ""}`;
  const answer = ask(library, request);
  const runs = QUICK ? 2000 : 20000;
  const card = timed(() => renderCard(answer, { t, buttonId }), runs);
  const embed = timed(() => withButtons(renderAnswerPage(answer), { buttonId }), runs);
  rows.push([
    `card render, ${label}`,
    us(card.median),
    us(card.p99),
    `adds ≤ 0.1 ms to the embed's ${us(embed.median)}: +${us(Math.max(0, card.median - embed.median))} ${card.median - embed.median <= 0.1 ? "✓" : "✗"}`,
  ]);
}

// A 40-date article: a date a paragraph, two a year.
const forty = new MemoryLibrary();
forty.add(sourceFromText("forty", "forty", fortyDateArticle()));
const timeline = ask(forty, { command: "when", limit: 40 }) as AnswerOf<"timeline">;
const drawn = renderTimeline(timeline, t);
const picture = timed(() => renderTimeline(timeline, t), QUICK ? 30 : 200, 5);
rows.push([
  `timeline picture, 40 dates (${drawn?.width}×${drawn?.height} px, ${((drawn?.png.length ?? 0) / 1024).toFixed(0)} KB)`,
  `${picture.median.toFixed(1)} ms`,
  `${picture.p99.toFixed(1)} ms`,
  `p99 ≤ 50 ms ${picture.p99 <= 50 ? "✓" : "✗"}`,
]);

const date = new Date().toISOString().slice(0, 16).replace("T", " ");
const load = loadavg()[0]?.toFixed(1);
const table = [
  "| what | median | p99 | target |",
  "| --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
].join("\n");
const md = `# Cards and timeline figures

Written by \`npm run bench\` (bench/cards.ts) on ${date} UTC: Node ${process.version}, ${cpus().length} cores, load average ${load}${QUICK ? ", --quick" : ""}. Each figure is from individually timed runs after a warm-up. A card is drawn for every answer; the handler keeps a drawn timeline per article and locale, so the picture is drawn once per article.

${table}
`;
writeFileSync(join(ROOT, "docs", "bench-cards.md"), md);
process.stdout.write(`\n## cards and timeline\n${table}\n`);
