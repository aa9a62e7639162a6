import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.ts";

// The layering, read statically from the files' import lines (static, `export … from` and dynamic `import()`).
const ADAPTERS = ["src/cli", "src/discord", "src/http", "src/app", "commands"];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^"']*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Each file's relative imports, as paths from the project root. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
      .filter((spec) => spec.startsWith("."))
      .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
    graph.set(file, targets);
  }
  return graph;
}

const files = ["src", "commands", "support", "bench"].flatMap(sourceFiles);
const graph = importGraph(files);
const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** Every file reachable from `start` through imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop() as string;
    for (const next of graph.get(file) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

describe("architecture", () => {
  it("reads the import lines it checks", () => {
    expect(graph.get("src/cli/main.ts")).toContain("src/app/ask.ts");
    expect(graph.get("src/cli/main.ts")).toContain("src/discord/run.ts");
    expect(graph.get("commands/who.ts")).toContain("src/discord/command.ts");
  });

  it("adapters use the engine only through src/engine/index.ts", () => {
    const outside = files
      .filter((file) => ADAPTERS.some((folder) => inFolder(file, folder)))
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((target) => inFolder(target, "src/engine") && target !== "src/engine/index.ts")
          .map((target) => `${file} → ${target}`),
      );
    expect(outside).toEqual([]);
  });

  it("src/discord and src/http never reach src/cli (no cycle with the CLI that starts them)", () => {
    const intoCli = files
      .filter((file) => inFolder(file, "src/discord") || inFolder(file, "src/http"))
      .flatMap((file) =>
        [...reachable(file)].filter((t) => inFolder(t, "src/cli")).map((t) => `${file} → ${t}`),
      );
    expect(intoCli).toEqual([]);
  });

  it("bench/ and support/ (what tests and benchmarks share) reach nothing in test/", () => {
    const intoTests = files
      .filter((file) => inFolder(file, "bench") || inFolder(file, "support"))
      .flatMap((file) =>
        [...reachable(file)].filter((t) => inFolder(t, "test")).map((t) => `${file} → ${t}`),
      );
    expect(graph.get("bench/run.ts")).toContain("support/discord-stand-in.ts");
    expect(intoTests).toEqual([]);
  });

  it("the engine and the application layer reach no adapter", () => {
    const upward = files
      .filter((file) => inFolder(file, "src/engine") || inFolder(file, "src/app"))
      .flatMap((file) =>
        [...reachable(file)]
          .filter((t) => ["src/cli", "src/discord", "src/http", "commands"].some((f) => inFolder(t, f)))
          .map((t) => `${file} → ${t}`),
      );
    expect(upward).toEqual([]);
  });
});
