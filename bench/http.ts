// The HTTP interactions endpoint under load: signed `/who` requests at 16 concurrent keep-alive connections
// against `citebot start` (INTERACTIONS_MODE=http), beside a bare node:http server that verifies the same
// signature and returns a fixed reply. Each server runs in its own process; the load loop runs here.
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
export const CONNECTIONS = 16;

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function started(child: ChildProcess, pattern: RegExp): Promise<number> {
  let output = "";
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const port = pattern.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", () => reject(new Error(`server exited:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** `CONNECTIONS` loops, each posting one signed body after another for `seconds`. */
async function load(port: number, body: string, headers: Record<string, string>, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let failures = 0;
  const post = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = request(
        { host: "127.0.0.1", port, path: "/interactions", method: "POST", agent, headers },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - t);
            else failures++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        failures++;
        resolve();
      });
      req.end(body);
    });
  // Warm up (JIT, the article's first parse), then measure.
  for (let i = 0; i < 200; i++) await post();
  latencies.length = 0;
  const began = performance.now();
  const until = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) await post();
    }),
  );
  const elapsed = performance.now() - began;
  agent.destroy();
  const sorted = latencies.sort((a, z) => a - z);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    requests: sorted.length,
    perSecond: (sorted.length / elapsed) * 1000,
    p50: at(0.5),
    p99: at(0.99),
    failures,
  } satisfies LoadResult;
}

export async function benchHttp(seconds: number): Promise<{ bare: LoadResult; citebot: LoadResult }> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicHex = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  const body = JSON.stringify({
    id: "700000000000000001",
    application_id: "700000000000000002",
    type: 2,
    token: "bench-token",
    version: 1,
    guild_id: "700000000000000003",
    channel_id: "700000000000000004",
    member: { user: { id: "700000000000000005", username: "bench" }, permissions: "0" },
    data: { id: "700000000000000006", name: "who", type: 1 },
  });
  // Signed once: the timestamp stays within five minutes for the whole run.
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "x-signature-timestamp": timestamp,
    "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), privateKey).toString("hex"),
  };
  const env = { PATH: process.env.PATH, DISCORD_PUBLIC_KEY: publicHex };

  const bareServer = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench", "bare-http-server.ts")],
    {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const bare = await load(await started(bareServer, /listening (\d+)/), body, headers, seconds);
  await stop(bareServer);

  const dataDir = mkdtempSync(join(tmpdir(), "citebot-bench-http-"));
  const citebotServer = spawn(process.execPath, [join(ROOT, "bin", "citebot.mjs"), "start"], {
    cwd: ROOT,
    env: {
      ...env,
      INTERACTIONS_MODE: "http",
      PORT: "0",
      HOST: "127.0.0.1",
      COMMAND_COOLDOWN_MS: "0",
      CITEBOT_DATA_DIR: dataDir,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const citebot = await load(
    await started(citebotServer, /"port":(\d+)[^\n]*"msg":"ready"/),
    body,
    headers,
    seconds,
  );
  await stop(citebotServer);
  rmSync(dataDir, { recursive: true, force: true });
  return { bare, citebot };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchHttp(Number(process.argv[2] ?? 10));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
