// The module hooks of load-recorder.mjs: they run in node's loader thread and record each resolved package.
import { appendFileSync } from "node:fs";

let file;

/** The npm package a resolved path or file URL belongs to (`@scope/name` or `name`), else undefined. */
export function packageOf(location) {
  const at = location.lastIndexOf("/node_modules/");
  if (at < 0) return undefined;
  const [first = "", second = ""] = location.slice(at + "/node_modules/".length).split("/");
  return first.startsWith("@") ? `${first}/${second}` : first;
}

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const name = packageOf(result.url);
  if (name && file) appendFileSync(file, `${name}\n`);
  return result;
}
