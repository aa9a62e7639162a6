// Rewrites the README's configuration table from the zod schema (src/config-table.ts). `npx tsx scripts/write-readme-config.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { configTable } from "../src/config-table.ts";

export const CONFIG_START = "<!-- config:start -->";
export const CONFIG_END = "<!-- config:end -->";

const file = join(PROJECT_ROOT, "README.md");
const readme = readFileSync(file, "utf8");
const start = readme.indexOf(CONFIG_START);
const end = readme.indexOf(CONFIG_END);
if (start === -1 || end < start) throw new Error(`README.md has no ${CONFIG_START} … ${CONFIG_END} block`);
const next = `${readme.slice(0, start + CONFIG_START.length)}\n${configTable()}\n${readme.slice(end)}`;
writeFileSync(file, next);
process.stdout.write(
  next === readme ? "README.md: the table was up to date\n" : "README.md: table rewritten\n",
);
