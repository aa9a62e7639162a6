// Localised command definitions, applied in one place to what the builders in commands/ produce: the names and
// descriptions of every command, subcommand and option in each catalogue's locale (English stays the default).
import { type CommandTexts, catalogue, LOCALES, type Locale } from "./catalogues.ts";

type Json = Record<string, unknown>;

/** Options as Discord defines them: a subcommand (1) or group (2) holds options of its own. */
const optionsOf = (node: Json): Json[] => (Array.isArray(node.options) ? (node.options as Json[]) : []);

/** The texts of a path in a locale: its own entry, else the shared `*.option` entry for a top-level option. */
function textsFor(locale: Locale, path: string[]): CommandTexts | undefined {
  const commands = catalogue(locale).commands ?? {};
  const own = commands[path.join(".")];
  if (own) return own;
  const last = path[path.length - 1];
  return path.length === 2 && last ? commands[`*.${last}`] : undefined;
}

/** Every path a command defines (`who`, `who.query`, `article.add`, `article.add.url`), in order. */
export function commandPaths(command: Json): string[][] {
  const paths: string[][] = [];
  const walk = (node: Json, path: string[]) => {
    paths.push(path);
    for (const option of optionsOf(node)) walk(option, [...path, String(option.name)]);
  };
  walk(command, [String(command.name)]);
  return paths;
}

function localiseNode(node: Json, path: string[]): Json {
  const names: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const locale of LOCALES) {
    if (locale === "en") continue;
    const texts = textsFor(locale, path);
    if (texts?.name) names[locale] = texts.name;
    if (texts?.description && typeof node.description === "string" && node.description !== "")
      descriptions[locale] = texts.description;
  }
  const out: Json = { ...node };
  if (Object.keys(names).length) out.name_localizations = names;
  if (Object.keys(descriptions).length) out.description_localizations = descriptions;
  const options = optionsOf(node);
  if (options.length)
    out.options = options.map((option) => localiseNode(option, [...path, String(option.name)]));
  return out;
}

/** A command definition with `name_localizations` and `description_localizations` from the catalogues. */
export function localiseCommand(command: Json): Json {
  return localiseNode(command, [String(command.name)]);
}
