// Preloaded with `node --import`: appends the name of every npm package the process loads (ESM imports through a
// resolve hook, CommonJS requires through the resolver) to the file LOAD_RECORD_FILE names, one a line. Tests read
// it to check which libraries a command pulls in, whether the process runs from source or from dist/.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
import { packageOf } from "./load-recorder-hooks.mjs";

const file = process.env.LOAD_RECORD_FILE;
if (file) {
  register("./load-recorder-hooks.mjs", import.meta.url, { data: { file } });
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function recordingResolve(...args) {
    const resolved = resolveFilename.apply(this, args);
    const name = packageOf(resolved);
    if (name) appendFileSync(file, `${name}\n`);
    return resolved;
  };
}
