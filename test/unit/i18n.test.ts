// The catalogues: every key in every locale, every command and option localised, every localised name within
// Discord's naming rules; and the fixed strings follow the user's locale with English as the fallback.
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/discord/deploy.ts";
import { catalogue, LOCALES, localeOf } from "../../src/i18n/catalogues.ts";
import { commandPaths } from "../../src/i18n/commands.ts";
import { t } from "../../src/i18n/messages.ts";
import { loadCommands } from "../../src/interactions/command.ts";
import { DISCORD_LIMITS as L } from "../../src/render/limits.ts";

type Json = Record<string, unknown>;

/** Discord's rule for slash command and option names (lowercase where a letter has a lowercase form). */
const CHAT_INPUT_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const TRANSLATED = LOCALES.filter((l) => l !== "en");

describe("the message catalogues", () => {
  it("hold the same message keys in every locale, none empty", () => {
    const keys = Object.keys(catalogue("en").messages).sort();
    expect(keys.length).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const messages = catalogue(locale).messages;
      expect(Object.keys(messages).sort(), locale).toEqual(keys);
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        // The same placeholders as English, so no value goes missing in a translation.
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(text), `${locale} ${key}`).toEqual(names(catalogue("en").messages[key] as string));
      }
    }
  });

  it("localise every command, subcommand and option, and nothing else", async () => {
    const commands = [...(await loadCommands()).values()].map((c) => c.data.toJSON() as unknown as Json);
    const paths = commands.flatMap(commandPaths).map((p) => p.join("."));
    for (const locale of TRANSLATED) {
      const entries = catalogue(locale).commands ?? {};
      const covered = (path: string) => {
        const parts = path.split(".");
        return entries[path] !== undefined || (parts.length === 2 && entries[`*.${parts[1]}`] !== undefined);
      };
      expect(
        paths.filter((p) => !covered(p)),
        locale,
      ).toEqual([]);
      const used = (key: string) =>
        key.startsWith("*.")
          ? paths.some((p) => p.split(".").length === 2 && p.endsWith(key.slice(1)))
          : paths.includes(key);
      expect(
        Object.keys(entries).filter((k) => !used(k)),
        locale,
      ).toEqual([]);
    }
  });

  it("give names and descriptions that meet Discord's rules, unique among their siblings", async () => {
    const definitions = await commandDefinitions();
    const problems: string[] = [];
    const check = (node: Json, where: string, chatInput: boolean) => {
      const names = (node.name_localizations ?? {}) as Record<string, string>;
      const descriptions = (node.description_localizations ?? {}) as Record<string, string>;
      expect(Object.keys(names).sort(), where).toEqual([...TRANSLATED].sort());
      for (const [locale, name] of Object.entries(names)) {
        if (chatInput && !(CHAT_INPUT_NAME.test(name) && name === name.toLowerCase()))
          problems.push(`${where} ${locale}: name "${name}"`);
        if (!chatInput && (name.length < 1 || name.length > L.commandName))
          problems.push(`${where} ${locale}: menu name "${name}"`);
      }
      if (chatInput) expect(Object.keys(descriptions).sort(), where).toEqual([...TRANSLATED].sort());
      for (const [locale, text] of Object.entries(descriptions))
        if (text.length < 1 || text.length > L.commandDescription)
          problems.push(`${where} ${locale}: description of ${text.length} characters`);
      const options = (node.options ?? []) as Json[];
      for (const locale of TRANSLATED) {
        const siblings = options.map((o) => (o.name_localizations as Record<string, string>)[locale]);
        if (new Set(siblings).size !== siblings.length)
          problems.push(`${where} ${locale}: two options share a name`);
      }
      for (const option of options) check(option, `${where}.${option.name}`, true);
    };
    for (const command of definitions) check(command, String(command.name), (command.type ?? 1) === 1);
    expect(problems).toEqual([]);
    for (const locale of TRANSLATED) {
      const top = definitions.map(
        (c) => `${c.type}:${(c.name_localizations as Record<string, string>)[locale]}`,
      );
      expect(new Set(top).size, locale).toBe(top.length);
    }
  });
});

describe("fixed strings", () => {
  it("follow the interaction's locale, with English as the fallback", () => {
    expect(t("de", "answer.notFound")).toBe("Das steht nicht im Artikel.");
    expect(t("fr", "button.showContext")).toBe("Voir le contexte");
    expect(t("pt-BR", "notice.cooldown", { seconds: "1.0" })).toBe(
      "Um momento: você pode perguntar de novo em 1.0 s.",
    );
    expect(t("es-419", "button.source")).toBe("Fuente");
    expect(t("en-GB", "answer.notFound")).toBe("The article doesn't say.");
    expect(t("ja", "answer.notFound")).toBe("The article doesn't say.");
    expect(t(undefined, "notice.wentWrong", { ref: "42" })).toBe(
      "Something went wrong on our side (ref 42). Please try again.",
    );
    expect(t("de", "no.such.key")).toBe("no.such.key");
  });

  it("map Discord's locales to the catalogues'", () => {
    expect(
      ["de", "fr", "es-ES", "pt-BR", "en-US", "en-GB", "es-419", "pt", "ko", undefined].map(localeOf),
    ).toEqual(["de", "fr", "es-ES", "pt-BR", "en", "en", "es-ES", "pt-BR", "en", "en"]);
  });
});
