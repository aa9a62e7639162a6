// The README stays true and short: its two commands first, its configuration table the one the schema makes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_HELP, configTable } from "../../src/config-table.ts";
import { ROOT } from "../helpers.ts";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("the README", () => {
  it("starts with the command that installs and runs, then the one that tests", () => {
    const block = /```sh\n([^`]*)```/.exec(readme)?.[1] ?? "";
    expect(block.split("\n")[0]).toMatch(/^npm ci && npm start\s+#/);
    expect(block.split("\n")[1]).toMatch(/^npm test\s+#/);
  });

  it("shows the configuration table generated from the zod schema", () => {
    const table = /<!-- config:start -->\n([\s\S]*?)\n<!-- config:end -->/.exec(readme)?.[1];
    expect(table, "run npx tsx scripts/write-readme-config.ts").toBe(configTable());
    // One row a variable, each named once.
    expect(table?.split("\n")).toHaveLength(Object.keys(CONFIG_HELP).length + 2);
  });

  it("is about 250 lines: the details live under docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(260);
    for (const link of ["docs/reference.md", "docs/quality.md", "docs/performance.md", "CONTRIBUTING.md"])
      expect(readme).toContain(`(${link}`);
  });
});
