// The message catalogues, one JSON file a locale under locales/ (beside models/ and seeds/): the fixed strings of
// replies, and the names and descriptions of commands and options in each locale Discord offers them in.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../runtime-entry.ts";

/** English first: it is the fallback, and the builders in commands/ hold the English command texts. */
export const LOCALES = ["en", "de", "fr", "es-ES", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];

export interface CommandTexts {
  name: string;
  description?: string;
}

export interface Catalogue {
  /** Keyed by path: `who`, `who.query`, `article.add.url`; `*.article` for an option every command shares. */
  commands?: Record<string, CommandTexts>;
  messages: Record<string, string>;
}

export const LOCALES_DIR = join(PROJECT_ROOT, "locales");

const loaded = new Map<Locale, Catalogue>();

export function catalogue(locale: Locale): Catalogue {
  let found = loaded.get(locale);
  if (!found) {
    found = JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), "utf8")) as Catalogue;
    loaded.set(locale, found);
  }
  return found;
}

/**
 * The catalogue's locale for one Discord sends (`de`, `pt-BR`, `en-GB`, `es-419`): the same locale, else the
 * same language, else English.
 */
export function localeOf(discordLocale: string | undefined): Locale {
  if (!discordLocale) return "en";
  const exact = LOCALES.find((l) => l.toLowerCase() === discordLocale.toLowerCase());
  if (exact) return exact;
  const language = discordLocale.split("-")[0]?.toLowerCase();
  return LOCALES.find((l) => l.split("-")[0]?.toLowerCase() === language) ?? "en";
}
