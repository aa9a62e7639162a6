// One rule language: the engine's rule tables use the one Rule type and runners of src/engine/rules/rule.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.ts";

const engineFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return engineFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

const sources = engineFiles("src/engine").map((file) => ({
  file,
  text: readFileSync(join(ROOT, file), "utf8"),
}));

describe("one rule language", () => {
  it("declares no new rule interface outside src/engine/rules/rule.ts", () => {
    const declared = sources.flatMap(({ file, text }) =>
      file === "src/engine/rules/rule.ts"
        ? []
        : [...text.matchAll(/^\s*(?:export\s+)?(?:interface|type)\s+(\w*Rule)\b/gm)].map(
            (m) => `${file}: ${m[1]}`,
          ),
    );
    expect(declared).toEqual([]);
  });

  it("decides nothing by comparing a rule's id", () => {
    const compared = sources
      .filter(({ text }) => /\brule\.id\s*[!=]==?\s*["'`]/.test(text))
      .map((s) => s.file);
    expect(compared).toEqual([]);
  });
});
