// Fixed reply strings in the user's language (`interaction.locale`), English when a locale or key is missing.
// Answers themselves stay in the article's own words: only the bot's own sentences are translated.
import { catalogue, localeOf } from "./catalogues.ts";

export type Vars = Readonly<Record<string, string | number>>;

/** The message `key` in the user's locale with `{name}` filled in; English, then the key, when missing. */
export function t(discordLocale: string | undefined, key: string, vars: Vars = {}): string {
  const template = catalogue(localeOf(discordLocale)).messages[key] ?? catalogue("en").messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] === undefined ? whole : String(vars[name]),
  );
}

/** A translator bound to one interaction's locale. */
export const translator =
  (discordLocale: string | undefined) =>
  (key: string, vars?: Vars): string =>
    t(discordLocale, key, vars);

export type Translate = ReturnType<typeof translator>;
