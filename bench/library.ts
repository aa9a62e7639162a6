// The library index at scale: a generated library of invented articles (10,000, or 1,000 with --quick) added to
// each store, then library questions through the full-text index. Reports the question p99 (index retrieval
// alone, and the whole library answer with the engine), add throughput, and index size per article.
// `npm run bench` runs it as its section 10; `npm run bench:library [-- --quick] [--out FILE]` runs it alone.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { askLibrary, LibrarySearch } from "../src/app/library-answers.ts";
import { ServerLibrary } from "../src/app/server-library.ts";
import { MemoryLibrary } from "../src/engine/index.ts";
import type { ArticleStore } from "../src/store/article-store.ts";
import { PgArticleStore } from "../src/store/pg-store.ts";
import { libraryQuery } from "../src/store/search-terms.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";

export interface LibraryBench {
  articles: number;
  store: string;
  addPerSecond: number;
  addP99Ms: number;
  indexBytesPerArticle: number;
  retrieval: { medianMs: number; p99Ms: number; runs: number };
  answer: { medianMs: number; p99Ms: number; runs: number };
}

/** A small seeded generator, so every run builds the same library. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "tel",
  "mar",
  "ost",
  "bri",
  "van",
  "kel",
  "dor",
  "un",
  "sa",
  "lem",
  "rik",
  "po",
  "thal",
  "ver",
  "ny",
  "gar",
];
const NOUNS = [
  "pier",
  "ferry",
  "school",
  "bridge",
  "council",
  "market",
  "harbour",
  "library",
  "clinic",
  "road",
  "tunnel",
  "festival",
  "budget",
  "station",
  "mill",
  "quay",
  "farm",
  "orchard",
  "museum",
  "theatre",
];
const VERBS = [
  "closed",
  "reopened",
  "repaired",
  "approved",
  "delayed",
  "opened",
  "sold",
  "rebuilt",
  "inspected",
  "funded",
];
const ROLES = [
  "mayor",
  "harbour master",
  "head teacher",
  "engineer",
  "council leader",
  "skipper",
  "director",
  "spokesperson",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function name(rand: () => number, parts: number): string {
  let word = "";
  for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One invented article of about 250 words. */
export function generatedArticle(i: number): { id: string; title: string; date: string; text: string } {
  const rand = generator(i + 1);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const town = name(rand, 3);
  const person = `${name(rand, 2)} ${name(rand, 3)}`;
  const noun = pick(NOUNS);
  const verb = pick(VERBS);
  const paragraphs: string[] = [];
  paragraphs.push(`The ${noun} in ${town} was ${verb} on ${pick(DAYS)}, the ${town} council said.`);
  for (let p = 0; p < 6; p++) {
    const other = pick(NOUNS);
    paragraphs.push(
      `${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} ${person} said the ${other} would be ${pick(VERBS)} ` +
        `within ${2 + Math.floor(rand() * 20)} weeks. "We want the ${noun} back for everyone in ${town}," ` +
        `${person.split(" ")[1]} said. About ${100 + Math.floor(rand() * 900)} people use the ${other} ` +
        `each ${pick(DAYS)}, and the work will cost ${1 + Math.floor(rand() * 90)} thousand pounds.`,
    );
  }
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + (i % 28)).padStart(2, "0");
  return {
    id: `generated-${i}`,
    title: `${town} ${noun} ${verb}`,
    date: `${2020 + (i % 6)}-${month}-${day}`,
    text: paragraphs.join("\n\n"),
  };
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, z) => a - z);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function indexBytes(store: ArticleStore): Promise<number> {
  if (store instanceof SqliteArticleStore) {
    const row = store.db
      .prepare(
        "SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'articles_fts%' OR name = 'article_docs'",
      )
      .get() as { bytes: number };
    return row.bytes;
  }
  const pg = store as PgArticleStore;
  const { rows } = await pg.pool.query<{ bytes: string }>(
    "SELECT pg_relation_size('articles_search') + (SELECT COALESCE(SUM(pg_column_size(search)), 0) FROM articles) AS bytes",
  );
  return Number(rows[0]?.bytes ?? 0);
}

export async function benchLibraryStore(
  label: string,
  store: ArticleStore,
  count: number,
): Promise<LibraryBench> {
  const seeds = new MemoryLibrary();
  const library = new ServerLibrary("bench", seeds);
  const addTimes: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const a = generatedArticle(i);
    const t = performance.now();
    const result = await store.add("bench", {
      source: { meta: { id: a.id, title: a.title, date: a.date }, text: a.text },
      origin: "text",
      addedBy: "bench",
    });
    addTimes.push(performance.now() - t);
    library.addStored(result.article.source, result.article);
  }
  const addSeconds = (performance.now() - started) / 1000;
  const search = new LibrarySearch(store, seeds);
  const rand = generator(7);
  const questions = Array.from({ length: 300 }, () => {
    const a = generatedArticle(Math.floor(rand() * count));
    const town = a.title.split(" ")[0];
    return `When was the ${a.title.split(" ")[1]} in ${town} ${a.title.split(" ")[2]}?`;
  });
  const retrieval: number[] = [];
  for (const [i, q] of questions.entries()) {
    const t = performance.now();
    await search.candidates("bench", libraryQuery(q), 10);
    if (i >= 20) retrieval.push(performance.now() - t);
  }
  // The whole answer: retrieval, then the engine on each candidate (parsed on first use, then cached).
  const answers: number[] = [];
  for (const [i, q] of questions.slice(0, 120).entries()) {
    const t = performance.now();
    await askLibrary({ library, search, serverId: "bench" }, { command: "ask", query: q });
    if (i >= 20) answers.push(performance.now() - t);
  }
  await search.close();
  return {
    articles: count,
    store: label,
    addPerSecond: count / addSeconds,
    addP99Ms: percentile(addTimes, 0.99),
    indexBytesPerArticle: (await indexBytes(store)) / count,
    retrieval: {
      medianMs: percentile(retrieval, 0.5),
      p99Ms: percentile(retrieval, 0.99),
      runs: retrieval.length,
    },
    answer: { medianMs: percentile(answers, 0.5), p99Ms: percentile(answers, 0.99), runs: answers.length },
  };
}

export async function benchLibrary(count: number, log: (line: string) => void): Promise<LibraryBench[]> {
  const results: LibraryBench[] = [];
  const dir = mkdtempSync(join(tmpdir(), "citebot-bench-library-"));
  const limits = { maxArticles: count + 10, maxTextBytes: 1 << 20 };
  try {
    const sqlite = SqliteArticleStore.open(dir, limits);
    try {
      results.push(await benchLibraryStore("SQLite FTS5", sqlite, count));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
  const schema = `citebot_bench_library_${process.pid}`;
  const pg = await PgArticleStore.open({ connectionString: url, schema, limits }).catch(
    (e: unknown) => e as Error,
  );
  if (pg instanceof Error) log(`PostgreSQL at ${url} does not answer (${pg.message}): left out`);
  else {
    try {
      results.push(await benchLibraryStore("PostgreSQL tsvector + GIN", pg, count));
    } finally {
      await pg.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pg.close();
    }
  }
  for (const r of results) {
    log(
      `${r.store}, ${r.articles.toLocaleString("en-US")} articles: question retrieval p99 ${r.retrieval.p99Ms.toFixed(2)} ms ` +
        `(median ${r.retrieval.medianMs.toFixed(2)}), whole answer p99 ${r.answer.p99Ms.toFixed(1)} ms ` +
        `(median ${r.answer.medianMs.toFixed(1)}), add ${r.addPerSecond.toFixed(0)}/s (p99 ${r.addP99Ms.toFixed(2)} ms), ` +
        `index ${(r.indexBytesPerArticle / 1024).toFixed(1)} KiB an article`,
    );
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: "string" }, quick: { type: "boolean" } } });
  const results = await benchLibrary(values.quick ? 1_000 : 10_000, (line) => console.log(line));
  const json = { date: new Date().toISOString(), node: process.version, results };
  if (values.out) writeFileSync(values.out, `${JSON.stringify(json, null, 2)}\n`);
}
