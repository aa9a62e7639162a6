// `npm run bench [-- --out FILE] [--quick]`: answer latency, article load, library scale, end to end and
// start-up, each beside the bare library it stands on. Medians and p99 from individually timed runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { Client, Events, GatewayIntentBits } from "discord.js";
import MiniSearch from "minisearch";
import { answer } from "../src/engine/index.ts";
import { NER_MODEL_URL, readModelFile } from "../src/engine/models/ner.ts";
import { compileReader, READER_MODEL_URL } from "../src/engine/models/reader.ts";
import { decodeWordVectors, WORD_VECTORS_URL } from "../src/engine/models/word-vectors.ts";
import { analyzeArticle } from "../src/engine/parse/analyze.ts";
import { tagSentence } from "../src/engine/parse/ner/tagger.ts";
import { answerRequestSchema } from "../src/engine/request.ts";
import { markdownTable } from "../src/eval/table.ts";
import { loadLibrary, readArticleFile } from "../src/files/folder-library.ts";
import { articleChoices } from "../src/interactions/autocomplete.ts";
import { startBot, startInProcessBot, stopBot } from "../support/bot-process.ts";
import { DiscordStandIn, FAKE_TOKEN, GUILD_ID, OTHER_GUILD_ID } from "../support/discord-stand-in.ts";
import { makeArticle } from "./articles.ts";
import { benchLibrary, type LibraryBench } from "./library.ts";

const { values } = parseArgs({
  options: { out: { type: "string" }, quick: { type: "boolean" }, markdown: { type: "boolean" } },
});
const QUICK = Boolean(values.quick);
const ROOT = join(import.meta.dirname, "..");
const SEED = join(ROOT, "seeds", "kenyan-officer-killed-in-haiti.txt");

interface Stat {
  median: number;
  p99: number;
  mean: number;
  runs: number;
}

/** Times `fn` `runs` times after `warmup` calls; milliseconds. */
function measure(fn: () => unknown, runs: number, warmup = Math.min(200, runs)): Stat {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  return stats(samples);
}

function stats(samples: ArrayLike<number>): Stat {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  let sum = 0;
  for (const x of sorted) sum += x;
  return { median: at(0.5), p99: at(0.99), mean: sum / sorted.length, runs: sorted.length };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: (await import("node:os")).cpus().length,
    platform: process.platform,
  },
};
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (x: number) =>
  x < 0.01 ? `${(x * 1000).toFixed(2)} µs` : x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(2)} ms`;

// ---- 1. answer latency on the seed ------------------------------------------------------------------------
{
  const article = analyzeArticle(readArticleFile(SEED));
  const bare = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  bare.addAll(article.sentences.map((s) => ({ id: s.index, text: s.text })));
  const runs = QUICK ? 2000 : 20_000;
  const bareStat = measure(() => bare.search("When did the mission arrive?"), runs);
  const requests: [string, object][] = [
    ["summary", { command: "summary" }],
    ["quote (all)", { command: "quote" }],
    ["quote speaker:Ombaka", { command: "quote", speaker: "Ombaka" }],
    ["who (list)", { command: "who" }],
    ["who Ombaka (profile)", { command: "who", query: "Ombaka" }],
    ["who question", { command: "who", query: "Who controls the region?" }],
    ["when (timeline)", { command: "when" }],
    ["when question", { command: "when", query: "When did the mission arrive?" }],
    [
      "check (3 claims)",
      {
        command: "check",
        query:
          "An officer from Kenya was killed in Haiti. The officer died on Saturday. In February, 600 more police officers joined.",
      },
    ],
    ["ask how many", { command: "ask", query: "How many Kenyan officers were already in Haiti?" }],
    ["ask where", { command: "ask", query: "Where was the officer killed?" }],
    ["ask what", { command: "ask", query: "What did the officers pursue?" }],
  ];
  out("1. Answer latency on the seed (in process, article loaded)");
  out(
    `   bare minisearch search over the same ${article.sentences.length} sentences: median ${ms(bareStat.median)}, p99 ${ms(bareStat.p99)}`,
  );
  const rows: Record<string, Stat & { ratioToBareP99: number }> = {};
  for (const [name, request] of requests) {
    const parsed = answerRequestSchema.parse(request);
    const s = measure(() => answer(article, parsed), runs);
    rows[name] = { ...s, ratioToBareP99: s.p99 / bareStat.p99 };
    out(
      `   ${name.padEnd(24)} median ${ms(s.median).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  (${(s.p99 / bareStat.p99).toFixed(1)}× bare p99)`,
    );
  }
  results.answers = { bareMinisearch: bareStat, commands: rows };
}

// ---- 2. article load ------------------------------------------------------------------------------------
{
  const seedSource = readArticleFile(SEED);
  const long = makeArticle(5000, 7);
  const dir = mkdtempSync(join(tmpdir(), "citebot-bench-"));
  writeFileSync(join(dir, "long.txt"), long);
  const longSource = readArticleFile(join(dir, "long.txt"));
  const runs = QUICK ? 50 : 300;
  const seedLoad = measure(() => analyzeArticle(readArticleFile(SEED)), runs, 20);
  const seedParse = measure(() => analyzeArticle(seedSource), runs, 20);
  const longLoad = measure(() => analyzeArticle(longSource), QUICK ? 10 : 40, 5);
  out("\n2. Article load (read + parse + index)");
  out(
    `   seed (${seedSource.text.split(/\s+/).length} words): read+parse+index median ${ms(seedLoad.median)}, p99 ${ms(seedLoad.p99)}; parse+index alone median ${ms(seedParse.median)}`,
  );
  out(
    `   5,000-word article (${longSource.text.split(/\s+/).length} words): median ${ms(longLoad.median)}, p99 ${ms(longLoad.p99)}`,
  );
  // A 1,000-word article, tagging included; the name tagger's load and its speed alone.
  writeFileSync(join(dir, "thousand.txt"), makeArticle(1000, 11));
  const thousandSource = readArticleFile(join(dir, "thousand.txt"));
  const thousand = measure(() => analyzeArticle(thousandSource), QUICK ? 20 : 100, 5);
  const modelLoad = measure(() => readModelFile(readFileSync(NER_MODEL_URL)), QUICK ? 3 : 10, 1);
  // The reader's weights and its word vectors, as the first question reads them.
  const readerLoad = measure(
    () => {
      compileReader(JSON.parse(gunzipSync(readFileSync(READER_MODEL_URL)).toString("utf8")));
      decodeWordVectors(gunzipSync(readFileSync(WORD_VECTORS_URL)));
    },
    QUICK ? 3 : 10,
    1,
  );
  const thousandSentences = analyzeArticle(thousandSource).sentences;
  let tokens = 0;
  const tagging = measure(
    () => {
      tokens = 0;
      for (const s of thousandSentences) tokens += tagSentence(s.text, s.start).tokens.length;
    },
    QUICK ? 20 : 100,
    5,
  );
  const tokensPerSecond = Math.round(tokens / (tagging.median / 1000));
  out(
    `   1,000-word article (${thousandSource.text.split(/\s+/).length} words): parse+index incl. tagging median ${ms(thousand.median)}, p99 ${ms(thousand.p99)}`,
  );
  out(
    `   name tagger: model load median ${ms(modelLoad.median)}; tagging ${tokensPerSecond.toLocaleString("en")} tokens/s`,
  );
  out(`   reader: models and word vectors load median ${ms(readerLoad.median)}`);
  results.load = {
    seed: seedLoad,
    seedParseOnly: seedParse,
    article5000: longLoad,
    article1000: thousand,
    nerModelLoad: modelLoad,
    nerTokensPerSecond: tokensPerSecond,
    readerLoad,
  };
  rmSync(dir, { recursive: true, force: true });
}

// ---- 3. library scale -----------------------------------------------------------------------------------
{
  out("\n3. Library scale (files written, then loaded; articles are parsed on first use)");
  const sizes = QUICK ? [100, 1000] : [100, 1000, 10_000];
  const rows: Record<string, unknown> = {};
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `citebot-lib-${size}-`));
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < size; i++)
      writeFileSync(join(dir, `article-${i}.txt`), makeArticle(300 + (i % 7) * 100, i + 1));
    if (global.gc) global.gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const t = performance.now();
    const library = loadLibrary(dir);
    const loadMs = performance.now() - t;
    if (global.gc) global.gc();
    const rssAfter = process.memoryUsage().rss;
    const heapGrowthMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const ids = library.list().map((a) => a.id);
    const autocomplete = measure(() => articleChoices(library, "gang police"), QUICK ? 50 : 200, 10);
    // Articles never asked for yet, spread over the library: each is parsed on this first use.
    let next = 0;
    const firstUse = measure(() => library.get(ids[(next++ * 7919) % ids.length] as string), 50, 0);
    const article = library.get(ids[0] as string);
    const cachedAnswer = article
      ? measure(() => answer(article, answerRequestSchema.parse({ command: "who" })), 2000)
      : null;
    rows[size] = {
      loadMs,
      perArticleMs: loadMs / size,
      rssMB: rssAfter / 1e6,
      heapGrowthMB,
      autocomplete,
      firstUse,
      cachedAnswer,
    };
    out(
      `   ${String(size).padStart(6)} articles: load ${ms(loadMs)} (${ms(loadMs / size)}/article), RSS ${(rssAfter / 1e6).toFixed(0)} MB ` +
        `(heap +${heapGrowthMB.toFixed(1)} MB); autocomplete over all titles p99 ${ms(autocomplete.p99)}; ` +
        `first use of an article p99 ${ms(firstUse.p99)}; cached /who p99 ${ms(cachedAnswer?.p99 ?? 0)}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  results.scale = rows;
}

// ---- 4. end to end through discord.js and the stand-in ------------------------------------------------
async function endToEnd(kind: "citebot" | "bare", count: number) {
  const standIn = new DiscordStandIn();
  await standIn.start();
  let client: Client;
  let stop: () => Promise<void>;
  if (kind === "citebot") {
    const { bot } = await startInProcessBot(standIn, { logLevel: "silent" });
    client = bot.client;
    stop = () => bot.stop(100);
  } else {
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standIn.apiBase } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand())
        void interaction.reply({ content: "fixed reply", allowedMentions: { parse: [] } }).catch(() => {});
    });
    await client.login(FAKE_TOKEN);
    stop = async () => {
      await client.destroy();
    };
  }
  if (!client.isReady()) await new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
  const latencies: number[] = [];
  const commands = [
    ["who", [{ name: "query", type: 3, value: "Ombaka" }]],
    ["when", []],
    ["quote", [{ name: "speaker", type: 3, value: "Ombaka" }]],
    ["summary", []],
  ] as const;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const [name, options] = commands[i % commands.length] as (typeof commands)[number];
    const t = performance.now();
    const id = standIn.command(name, [...options], String(100000000000000000n + BigInt(i)));
    await standIn.callbackFor(id);
    latencies.push(performance.now() - t);
  }
  const totalMs = performance.now() - started;
  await stop();
  await standIn.stop();
  return {
    ...stats(latencies.slice(Math.min(50, count / 10))),
    throughputPerSecond: (count / totalMs) * 1000,
  };
}

{
  const count = QUICK ? 200 : 1000;
  const bare = await endToEnd("bare", count);
  const ours = await endToEnd("citebot", count);
  out(
    `\n4. End to end: interaction in → callback out, ${count} interactions one after another, real discord.js client + local stand-in`,
  );
  out(
    `   bare discord.js, fixed reply: median ${ms(bare.median)}, p99 ${ms(bare.p99)}, ${bare.throughputPerSecond.toFixed(0)}/s`,
  );
  out(
    `   citebot:                      median ${ms(ours.median)}, p99 ${ms(ours.p99)}, ${ours.throughputPerSecond.toFixed(0)}/s  (p99 +${ms(ours.p99 - bare.p99)})`,
  );
  results.endToEnd = { bare, citebot: ours };
}

// ---- 5. start-up ------------------------------------------------------------------------------------------
// Process start to ready, from the build (plain node, as `npm start` runs it) and from the source through tsx
// (development), beside a bare `node` start. The gateway is ready when the bot has connected to the stand-in and
// logged "ready"; its first answer is a /who sent as soon as that line appears.
interface StartUpRun {
  /** Milliseconds from spawn to the ready text, and to the first answer when one is asked for. */
  readyMs: number;
  firstAnswerMs?: number;
}
type StartUpFigures = Record<"help" | "console" | "gateway", { ready: Stat; firstAnswer?: Stat }>;

function startUp(
  args: string[],
  env: Record<string, string>,
  readyText: string,
  firstAnswer?: () => Promise<unknown>,
): Promise<StartUpRun> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(ROOT, "bin", "citebot.mjs"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let seen = "";
    let readyMs: number | undefined;
    const finish = (run: StartUpRun) => {
      child.kill("SIGTERM");
      if (child.exitCode !== null) resolve(run);
      else child.once("exit", () => resolve(run));
    };
    const onData = (chunk: Buffer) => {
      seen += chunk;
      if (readyMs !== undefined || !seen.includes(readyText)) return;
      const ready = performance.now() - t;
      readyMs = ready;
      if (!firstAnswer) return finish({ readyMs: ready });
      firstAnswer().then(
        () => finish({ readyMs: ready, firstAnswerMs: performance.now() - t }),
        (error: unknown) => {
          child.kill("SIGKILL");
          reject(error);
        },
      );
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.stdin.end();
    setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "${readyText}" within 30 s: ${seen}`));
    }, 30_000).unref();
  });
}

async function timedRuns(runs: number, run: () => Promise<StartUpRun>) {
  const all: StartUpRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await run());
  const firstAnswers = all.flatMap((r) => (r.firstAnswerMs === undefined ? [] : [r.firstAnswerMs]));
  return {
    ready: stats(all.map((r) => r.readyMs)),
    ...(firstAnswers.length ? { firstAnswer: stats(firstAnswers) } : {}),
  };
}

{
  const runs = QUICK ? 3 : 7;
  // The dist figures are of the current source: build it first, as `npm ci` does through `prepare`.
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`);
  const bareNode = await timedRuns(runs, () => {
    const t = performance.now();
    return new Promise((resolve) =>
      spawn(process.execPath, ["-e", ""]).once("exit", () => resolve({ readyMs: performance.now() - t })),
    );
  });
  const standIn = new DiscordStandIn();
  await standIn.start();
  const who = () =>
    standIn.callbackFor(standIn.command("who", [{ name: "query", type: 3, value: "Ombaka" }]), 30_000);
  const figures = async (mode: "dist" | "source"): Promise<StartUpFigures> => {
    const env = { CITEBOT_RUN_FROM: mode };
    const gatewayEnv = {
      ...env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      LOG_LEVEL: "info",
    };
    return {
      help: await timedRuns(runs, () => startUp(["--help"], env, "Usage:")),
      console: await timedRuns(runs, () => startUp(["console"], env, "Type /help")),
      gateway: await timedRuns(runs, () => startUp(["start"], gatewayEnv, '"msg":"ready"', who)),
    };
  };
  const dist = await figures("dist");
  const source = await figures("source");
  await standIn.stop();
  out(
    `\n5. Start-up, process start to ready (median of ${runs} runs; bare \`node -e ""\` ${ms(bareNode.ready.median)})`,
  );
  for (const [label, f] of [
    ["from dist/ with plain node (npm start)", dist],
    ["from src/ through tsx (development)   ", source],
  ] as const) {
    out(
      `   ${label}: --help ${ms(f.help.ready.median)}, console ${ms(f.console.ready.median)}, gateway ready ${ms(f.gateway.ready.median)}, first /who answered ${ms(f.gateway.firstAnswer?.median ?? Number.NaN)}`,
    );
  }
  results.startUp = { bareNode: bareNode.ready, dist, source };
}

// ---- 6. adding articles: fetch + extract from a local server, and 20 concurrent adds ------------------------
{
  const { ArticleService } = await import("../src/app/article-service.ts");
  const { MemoryLibrary } = await import("../src/engine/library.ts");
  const { closeDispatchers, DEFAULT_FETCH_LIMITS } = await import("../src/ingest/fetch.ts");
  const { ingestUrl } = await import("../src/ingest/ingest.ts");
  const { ParserPool } = await import("../src/ingest/parser-pool.ts");
  const { SqliteArticleStore } = await import("../src/store/sqlite-store.ts");
  const { graphPage, longArticle } = await import("../support/ingest-pages.ts");
  const { html, startPageServer } = await import("../support/ingest-server.ts");
  const page100k = graphPage(longArticle(100_000));
  const page2m = graphPage(longArticle(2_000_000));
  const routes: Record<string, ReturnType<typeof html>> = { "/100k": html(page100k), "/2m": html(page2m) };
  for (let i = 0; i < 20; i++) {
    const article = longArticle(100_000);
    // Each its own URL and text, so none is a duplicate of another.
    const own = {
      ...article,
      title: `${article.title} ${i}`,
      paragraphs: [`Copy ${i}.`, ...article.paragraphs],
    };
    routes[`/add/${i}`] = html(graphPage(own).replace("ferry-fares", `ferry-fares-${i}`));
  }
  const server = await startPageServer(routes);
  const parser = new ParserPool({ timeoutMs: 60_000, size: 1, maxHeapMb: 512 });
  const context = { fetch: { ...DEFAULT_FETCH_LIMITS, allowLoopback: true }, parser };
  const timeFetch = async (path: string, runs: number) => {
    await ingestUrl(`${server.base}${path}`, context);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await ingestUrl(`${server.base}${path}`, context);
      samples.push(performance.now() - t);
    }
    return stats(samples);
  };
  const small = await timeFetch("/100k", QUICK ? 5 : 30);
  const large = await timeFetch("/2m", QUICK ? 2 : 8);
  const dir = mkdtempSync(join(tmpdir(), "citebot-bench-store-"));
  const store = SqliteArticleStore.open(dir);
  const service = new ArticleService(store, new MemoryLibrary(), context);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const adds = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      service.add("bench", { kind: "url", url: `${server.base}/add/${i}` }, "bench"),
    ),
  );
  const concurrentMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await parser.close();
  await store.close();
  await closeDispatchers();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  out("\n6. Adding articles (local server, guarded fetch, parse in one worker thread)");
  out(`   fetch+extract 100 KB page: median ${ms(small.median)}, p99 ${ms(small.p99)} (${small.runs} runs)`);
  out(`   fetch+extract 2 MB page: median ${ms(large.median)}, p99 ${ms(large.p99)} (${large.runs} runs)`);
  out(
    `   20 concurrent adds of 100 KB pages: ${ms(concurrentMs)} in all, ${adds.filter((a) => a.status === "added").length} stored, peak RSS ${(peak / 1e6).toFixed(0)} MB (+${((peak - baseline) / 1e6).toFixed(0)} MB)`,
  );
  results.adding = {
    fetchExtract100k: small,
    fetchExtract2m: large,
    concurrentAdds: {
      count: 20,
      totalMs: concurrentMs,
      peakRssMB: peak / 1e6,
      growthMB: (peak - baseline) / 1e6,
    },
  };
}

// ---- 7. shared stores: the PostgreSQL article store and Redis state, beside SQLite and memory ---------------
{
  const { userInfo } = await import("node:os");
  const { ArticleService } = await import("../src/app/article-service.ts");
  const { ask } = await import("../src/app/ask.ts");
  const { MemoryLibrary, sourceFromText } = await import("../src/engine/library.ts");
  const { DEFAULT_FETCH_LIMITS } = await import("../src/ingest/fetch.ts");
  const { ParserPool } = await import("../src/ingest/parser-pool.ts");
  const { PgArticleStore } = await import("../src/store/pg-store.ts");
  const { RedisSharedState } = await import("../src/store/redis-state.ts");
  const { MemorySharedState } = await import("../src/store/shared-state.ts");
  const { SqliteArticleStore } = await import("../src/store/sqlite-store.ts");
  type Store = import("../src/store/article-store.ts").ArticleStore;
  type State = import("../src/store/shared-state.ts").SharedState;
  const pgUrl = process.env.BENCH_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
  const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
  const run = `citebot_bench_${process.pid}`;
  const count = QUICK ? 30 : 100;
  const sources = Array.from({ length: count }, (_, i) =>
    sourceFromText(`bench-${i}`, `bench-${i}.txt`, makeArticle(1000, 7000 + i)),
  );
  // The tagger's first use loads its lexicon: pay for it before timing anything.
  analyzeArticle(sources[count - 1] as (typeof sources)[number]);
  const parser = new ParserPool({ timeoutMs: 10_000, size: 1, maxHeapMb: 256 });
  const context = { fetch: { ...DEFAULT_FETCH_LIMITS, allowLoopback: false }, parser };
  const timeAsync = async (runs: number, fn: (i: number) => Promise<unknown>, warmup = 0) => {
    for (let i = 0; i < warmup; i++) await fn(runs + i);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn(i);
      samples.push(performance.now() - t);
    }
    return stats(samples);
  };
  const benchStore = async (store: Store) => {
    const limitsOk = store.limits.maxArticles >= count;
    if (!limitsOk) throw new Error("bench store limit too small");
    const add = await timeAsync(count, (i) =>
      store.add("bench", {
        source: sources[i] as (typeof sources)[number],
        origin: "text",
        addedBy: "bench",
      }),
    );
    const get = await timeAsync(QUICK ? 200 : 2000, (i) => store.get("bench", `bench-${(i * 7) % count}`));
    // A process that has not seen the server yet: the library is read from the store, the article analysed.
    const coldAnswer = await timeAsync(
      QUICK ? 5 : 20,
      async (i) => {
        const service = new ArticleService(store, new MemoryLibrary(), context);
        ask(await service.library("bench"), { command: "who", article: `bench-${(i * 13) % count}` });
      },
      1,
    );
    return { add, get, coldAnswer };
  };
  const benchState = async (state: State) => ({
    cooldown: await timeAsync(QUICK ? 500 : 5000, (i) => state.tryCooldown(`user-${i % 50}`, 1000)),
    current: await timeAsync(QUICK ? 500 : 5000, (i) => state.getCurrent("bench", `chan-${i % 50}`)),
  });
  const row = (name: string, x: Stat) =>
    out(`   ${name.padEnd(46)} median ${ms(x.median).padStart(9)}  p99 ${ms(x.p99).padStart(9)}`);
  out(`\n7. Shared stores (${count} articles of 1,000 words on one server; loopback servers)`);
  const stores: Record<string, unknown> = {};
  const dir = mkdtempSync(join(tmpdir(), "citebot-bench-sqlite-"));
  const sqlite = SqliteArticleStore.open(dir, { maxArticles: count, maxTextBytes: 1 << 20 });
  stores.sqlite = await benchStore(sqlite);
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  const pg = await PgArticleStore.open({
    connectionString: pgUrl,
    schema: run,
    limits: { maxArticles: count, maxTextBytes: 1 << 20 },
  }).catch((error: unknown) => error as Error);
  if (pg instanceof Error) out(`   PostgreSQL at ${pgUrl} does not answer (${pg.message}): left out`);
  else {
    try {
      stores.postgres = await benchStore(pg);
    } finally {
      await pg.pool.query(`DROP SCHEMA IF EXISTS "${run}" CASCADE`);
      await pg.close();
    }
  }
  stores.memoryState = await benchState(new MemorySharedState());
  const redis = await RedisSharedState.open({ url: redisUrl, keyPrefix: `${run}:`, reconnect: false }).catch(
    (error: unknown) => error as Error,
  );
  if (redis instanceof Error) out(`   Redis at ${redisUrl} does not answer (${redis.message}): left out`);
  else {
    try {
      stores.redisState = await benchState(redis);
    } finally {
      await redis.clear();
      await redis.close();
    }
  }
  await parser.close();
  type StoreStats = { add: Stat; get: Stat; coldAnswer: Stat };
  type StateStats = { cooldown: Stat; current: Stat };
  for (const [name, key] of [
    ["SQLite", "sqlite"],
    ["PostgreSQL", "postgres"],
  ] as const) {
    const x = stores[key] as StoreStats | undefined;
    if (!x) continue;
    row(`${name} add (one transaction)`, x.add);
    row(`${name} get`, x.get);
    row(`${name} /who, cold cache (load + analyse)`, x.coldAnswer);
  }
  for (const [name, key] of [
    ["memory", "memoryState"],
    ["Redis", "redisState"],
  ] as const) {
    const x = stores[key] as StateStats | undefined;
    if (!x) continue;
    row(`${name} cooldown`, x.cooldown);
    row(`${name} current article get`, x.current);
  }
  results.stores = stores;
}

// ---- 8. HTTP interactions endpoint ------------------------------------------------------------------------
{
  const { benchHttp, CONNECTIONS } = await import("./http.ts");
  const seconds = QUICK ? 3 : 10;
  const { bare, citebot } = await benchHttp(seconds);
  const ratio = citebot.perSecond / bare.perSecond;
  out(
    `\n8. HTTP endpoint: signed /who requests, ${CONNECTIONS} keep-alive connections, ${seconds} s each, server in its own process`,
  );
  out(
    `   bare node:http, same signature check, fixed reply: ${bare.perSecond.toFixed(0)}/s, p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}`,
  );
  out(
    `   citebot (INTERACTIONS_MODE=http):                 ${citebot.perSecond.toFixed(0)}/s, p50 ${ms(citebot.p50)}, p99 ${ms(citebot.p99)}  (${(ratio * 100).toFixed(0)} % of bare)`,
  );
  results.http = { connections: CONNECTIONS, seconds, bare, citebot, ratio };
}

// ---- 9. two shards against the stand-in ---------------------------------------------------------------------
/** `npm start` as real processes (one, or a shard manager and its shards) against its own stand-in. */
async function startSharded(shards: 1 | 2) {
  const standIn = new DiscordStandIn({ shards, maxConcurrency: 2, guilds: [GUILD_ID, OTHER_GUILD_ID] });
  await standIn.start();
  const bot = await startBot(
    standIn,
    { LOG_LEVEL: "info", ...(shards === 2 ? { CITEBOT_SHARDS: "auto" } : {}) },
    { readyLines: shards, timeoutMs: 120_000 },
  );
  const latencies: number[] = [];
  return {
    latencies,
    /** One /who in a server, timed from the interaction sent to the callback received. */
    async who(guildId: string, userId: string): Promise<void> {
      const t = performance.now();
      const id = standIn.command("who", [{ name: "query", type: 3, value: "Ombaka" }], userId, guildId);
      await standIn.callbackFor(id, 30_000);
      latencies.push(performance.now() - t);
    },
    async stop(): Promise<void> {
      await stopBot(bot.child);
      await standIn.stop();
    },
  };
}

{
  const count = QUICK ? 200 : 1000;
  // Both run at once and take turns, one interaction at a time, so a busy machine weighs on both alike.
  const one = await startSharded(1);
  const two = await startSharded(2);
  for (let i = 0; i < count; i++) {
    const guild = i % 2 === 0 ? GUILD_ID : OTHER_GUILD_ID;
    const user = String(100000000000000000n + BigInt(i));
    await one.who(guild, user);
    await two.who(guild, user);
  }
  await one.stop();
  await two.stop();
  const warm = (latencies: number[]) => stats(latencies.slice(Math.min(50, count / 10)));
  const [oneStat, twoStat] = [warm(one.latencies), warm(two.latencies)];
  out(
    `\n9. Shards: /who end to end through the stand-in, ${count} interactions each, in turn in two servers, taking turns`,
  );
  out(`   one process (no CITEBOT_SHARDS):      median ${ms(oneStat.median)}, p99 ${ms(oneStat.p99)}`);
  out(
    `   two shards (CITEBOT_SHARDS=auto, 2):  median ${ms(twoStat.median)}, p99 ${ms(twoStat.p99)}  (p99 ${twoStat.p99 >= oneStat.p99 ? "+" : "−"}${ms(Math.abs(twoStat.p99 - oneStat.p99))})`,
  );
  results.shards = { count, one: oneStat, two: twoStat };
}

// ---- 10. the library index at scale ----------------------------------------------------------------------
{
  const count = QUICK ? 1_000 : 10_000;
  out(`\n10. Library questions over ${count.toLocaleString("en-US")} generated articles, on each store`);
  results.library = await benchLibrary(count, (line) => out(`   ${line}`));
}

// ---- the table ------------------------------------------------------------------------------------------
{
  type Row = [string, string, string, string];
  const rows: Row[] = [["measure", "median", "p99", "target"]];
  const answers = results.answers as {
    bareMinisearch: Stat;
    commands: Record<string, Stat & { ratioToBareP99: number }>;
  };
  rows.push([
    "bare minisearch search (seed)",
    ms(answers.bareMinisearch.median),
    ms(answers.bareMinisearch.p99),
    "",
  ]);
  for (const [name, stat] of Object.entries(answers.commands)) {
    const ok = stat.p99 <= 1 && stat.ratioToBareP99 <= 5;
    rows.push([
      `answer: ${name}`,
      ms(stat.median),
      `${ms(stat.p99)} (${stat.ratioToBareP99.toFixed(1)}× bare)`,
      `≤ 1 ms, ≤ 5× bare ${ok ? "✓" : "✗"}`,
    ]);
  }
  const load = results.load as { seed: Stat; article5000: Stat };
  rows.push([
    "load: seed",
    ms(load.seed.median),
    ms(load.seed.p99),
    `≤ 20 ms ${load.seed.p99 <= 20 ? "✓" : "✗"}`,
  ]);
  rows.push(["load: 5,000-word article", ms(load.article5000.median), ms(load.article5000.p99), ""]);
  const ner = results.load as {
    article1000: Stat;
    nerModelLoad: Stat;
    nerTokensPerSecond: number;
    readerLoad: Stat;
  };
  rows.push([
    "load: 1,000-word article (incl. tagging)",
    ms(ner.article1000.median),
    ms(ner.article1000.p99),
    `≤ 30 ms (median) ${ner.article1000.median <= 30 ? "✓" : "✗"}`,
  ]);
  rows.push([
    "name tagger: model load",
    ms(ner.nerModelLoad.median),
    ms(ner.nerModelLoad.p99),
    `≤ 300 ms ${ner.nerModelLoad.p99 <= 300 ? "✓" : "✗"}`,
  ]);
  rows.push([
    "reader: models and word vectors load",
    ms(ner.readerLoad.median),
    ms(ner.readerLoad.p99),
    `≤ 300 ms ${ner.readerLoad.p99 <= 300 ? "✓" : "✗"}`,
  ]);
  rows.push([
    "name tagger: tokens/s",
    ner.nerTokensPerSecond.toLocaleString("en"),
    "",
    `≥ 50,000 ${ner.nerTokensPerSecond >= 50_000 ? "✓" : "✗"}`,
  ]);
  for (const [size, row] of Object.entries(
    results.scale as Record<
      string,
      { loadMs: number; heapGrowthMB: number; rssMB: number; autocomplete: Stat; cachedAnswer: Stat | null }
    >,
  )) {
    const target =
      size === "10000" ? `≤ 30 s, ≤ 1.5 GB ${row.loadMs <= 30_000 && row.rssMB <= 1500 ? "✓" : "✗"}` : "";
    rows.push([
      `library ${size}: load (heap +${row.heapGrowthMB.toFixed(0)} MB, RSS ${row.rssMB.toFixed(0)} MB)`,
      ms(row.loadMs),
      "",
      target,
    ]);
    rows.push([
      `library ${size}: article autocomplete`,
      ms(row.autocomplete.median),
      ms(row.autocomplete.p99),
      "",
    ]);
    if (row.cachedAnswer)
      rows.push([`library ${size}: cached /who`, ms(row.cachedAnswer.median), ms(row.cachedAnswer.p99), ""]);
  }
  const e2e = results.endToEnd as { bare: Stat; citebot: Stat };
  const gap = e2e.citebot.p99 - e2e.bare.p99;
  rows.push(["end to end: bare discord.js", ms(e2e.bare.median), ms(e2e.bare.p99), ""]);
  rows.push([
    "end to end: citebot",
    ms(e2e.citebot.median),
    ms(e2e.citebot.p99),
    `p99 within 2 ms of bare: +${ms(gap)} ${gap <= 2 ? "✓" : "✗"}`,
  ]);
  const startUp = results.startUp as { dist: StartUpFigures; source: StartUpFigures };
  const both = (pick: (f: StartUpFigures) => Stat | undefined) =>
    `${ms(pick(startUp.dist)?.median ?? Number.NaN)} / ${ms(pick(startUp.source)?.median ?? Number.NaN)}`;
  const consoleReady = startUp.dist.console.ready.median;
  const gatewayReady = startUp.dist.gateway.ready.median;
  rows.push(["start-up: --help (dist / tsx)", both((f) => f.help.ready), "", ""]);
  rows.push([
    "start-up: console ready (dist / tsx)",
    both((f) => f.console.ready),
    "",
    `≤ 700 ms (dist) ${consoleReady <= 700 ? "✓" : "✗"}`,
  ]);
  rows.push([
    "start-up: gateway ready, stand-in (dist / tsx)",
    both((f) => f.gateway.ready),
    "",
    `≤ 1.2 s (dist) ${gatewayReady <= 1200 ? "✓" : "✗"}`,
  ]);
  rows.push(["start-up: first /who answered (dist / tsx)", both((f) => f.gateway.firstAnswer), "", ""]);
  const adding = results.adding as {
    fetchExtract100k: Stat;
    fetchExtract2m: Stat;
    concurrentAdds: { totalMs: number; peakRssMB: number; growthMB: number };
  };
  rows.push([
    "add: fetch+extract 100 KB page",
    ms(adding.fetchExtract100k.median),
    ms(adding.fetchExtract100k.p99),
    "",
  ]);
  rows.push([
    "add: fetch+extract 2 MB page",
    ms(adding.fetchExtract2m.median),
    ms(adding.fetchExtract2m.p99),
    "",
  ]);
  rows.push([
    `add: 20 concurrent (peak RSS ${adding.concurrentAdds.peakRssMB.toFixed(0)} MB, +${adding.concurrentAdds.growthMB.toFixed(0)} MB)`,
    ms(adding.concurrentAdds.totalMs),
    "",
    "",
  ]);
  const stores = results.stores as Record<string, Record<string, Stat> | undefined>;
  for (const [label, key] of [
    ["SQLite", "sqlite"],
    ["PostgreSQL", "postgres"],
  ] as const) {
    const x = stores[key];
    if (!x?.add || !x.get || !x.coldAnswer) continue;
    rows.push([`store: ${label} add`, ms(x.add.median), ms(x.add.p99), ""]);
    rows.push([`store: ${label} get`, ms(x.get.median), ms(x.get.p99), ""]);
    rows.push([`store: ${label} /who, cold cache`, ms(x.coldAnswer.median), ms(x.coldAnswer.p99), ""]);
  }
  const redisState = stores.redisState;
  if (redisState?.cooldown)
    rows.push(["state: Redis cooldown", ms(redisState.cooldown.median), ms(redisState.cooldown.p99), ""]);
  const http = results.http as {
    bare: { perSecond: number; p50: number; p99: number };
    citebot: typeof http.bare;
    ratio: number;
  };
  rows.push([
    `http /who: bare node:http (${http.bare.perSecond.toFixed(0)}/s)`,
    ms(http.bare.p50),
    ms(http.bare.p99),
    "",
  ]);
  rows.push([
    `http /who: citebot (${http.citebot.perSecond.toFixed(0)}/s)`,
    ms(http.citebot.p50),
    ms(http.citebot.p99),
    `≥ 50 % of bare: ${(http.ratio * 100).toFixed(0)} % ${http.ratio >= 0.5 ? "✓" : "✗"}`,
  ]);
  const shards = results.shards as { one: Stat; two: Stat };
  const shardGap = shards.two.p99 - shards.one.p99;
  rows.push(["shards: one process, /who end to end", ms(shards.one.median), ms(shards.one.p99), ""]);
  rows.push([
    "shards: two shards, /who end to end",
    ms(shards.two.median),
    ms(shards.two.p99),
    `p99 within 2 ms of one: ${shardGap >= 0 ? "+" : "−"}${ms(Math.abs(shardGap))} ${shardGap <= 2 ? "✓" : "✗"}`,
  ]);
  const LIBRARY_TARGET_MS: Record<string, number> = { "SQLite FTS5": 50, "PostgreSQL tsvector + GIN": 80 };
  for (const lib of results.library as LibraryBench[]) {
    const target = LIBRARY_TARGET_MS[lib.store] ?? Number.NaN;
    const n = lib.articles.toLocaleString("en-US");
    rows.push([
      `library ${n}: ${lib.store} question, index`,
      ms(lib.retrieval.medianMs),
      ms(lib.retrieval.p99Ms),
      `≤ ${target} ms ${lib.retrieval.p99Ms <= target ? "✓" : "✗"}`,
    ]);
    rows.push([`library ${n}: ${lib.store} whole answer`, ms(lib.answer.medianMs), ms(lib.answer.p99Ms), ""]);
    rows.push([
      `library ${n}: ${lib.store} add (${lib.addPerSecond.toFixed(0)}/s; index ${(lib.indexBytesPerArticle / 1024).toFixed(1)} KiB an article)`,
      "",
      ms(lib.addP99Ms),
      "",
    ]);
  }
  const table = markdownTable(rows);
  out(`\n${table}`);
  if (values.markdown) writePerformance(table);
}

/** docs/performance.md: the table with the date and the machine it was measured on. */
function writePerformance(table: string): void {
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");
  const md = `# Performance

Written by \`npm run bench -- --markdown\` on ${date} UTC: Node ${process.version}, ${cpus().length} cores, load
average ${load} when it ended${QUICK ? ", --quick (fewer runs, a 1,000-article library)" : ""}. A load average
above the number of cores means other jobs shared the machine: the p99 column then shows their pauses as much as
citebot's. Medians and p99 come from individually timed runs after a warm-up; "bare" rows time the library each step
stands on, in the same run. The library rows add a generated library of invented articles (bench/library.ts, about
250 words each, not the eval data) to each store, one transaction an article, then time 300 questions through the
full-text index (the first 20 not timed) and 120 whole answers (index, then the engine on each candidate). Card and
timeline figures are in [bench-cards.md](bench-cards.md).

${table}
`;
  writeFileSync(join(ROOT, "docs", "performance.md"), md);
}

if (values.out) writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
await import("./cards.ts");
