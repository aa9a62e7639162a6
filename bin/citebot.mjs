#!/usr/bin/env node
// Runs citebot from its TypeScript source through tsx (no build step).
import { register } from "tsx/esm/api";

register();
const { runFromProcess } = await import("../src/cli/main.ts");
await runFromProcess();
