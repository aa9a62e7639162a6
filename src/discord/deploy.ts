// `citebot deploy`: register the slash commands, to one guild (DISCORD_GUILD_ID) or globally.
// It reads what is registered first and writes nothing when it is the same: Discord allows 200 creates a day.
import { REST, Routes } from "discord.js";
import { z } from "zod";
import type { Io } from "../app/io.ts";
import { type Config, requireBotConfig } from "../config.ts";
import { loadCommands } from "../interactions/command.ts";
import { registrationPayload } from "./registration.ts";

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The commands Discord has registered, as it sends them. */
const registeredCommands = z.array(z.record(z.string(), z.unknown()));

const OPTION_KEYS = [
  "type",
  "name",
  "description",
  "required",
  "autocomplete",
  "min_value",
  "max_value",
  "min_length",
  "max_length",
  "choices",
  "options",
  "channel_types",
  "name_localizations",
  "description_localizations",
];

/** The fields that decide whether a registered command equals ours (Discord adds ids, versions, defaults). */
function normaliseOption(option: Json): Json {
  const out: Json = {};
  for (const key of OPTION_KEYS) {
    const value = option[key];
    if (key === "required" || key === "autocomplete") {
      if (value) out[key] = true;
    } else if (key === "options" && Array.isArray(value)) {
      if (value.length) out.options = value.filter(isJson).map(normaliseOption);
    } else if (key === "description" && value === "") {
      // Discord gives context-menu commands an empty description; ours have none.
    } else if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

export function normaliseCommands(commands: Json[]): Json[] {
  return commands
    .map(
      (c): Json => ({
        ...normaliseOption({ ...c, type: c.type ?? 1 }),
        default_member_permissions: c.default_member_permissions ?? null,
        nsfw: Boolean(c.nsfw),
        // Discord leaves out what was never set: guild install only, every context.
        integration_types: Array.isArray(c.integration_types) ? [...c.integration_types].sort() : [0],
        contexts: Array.isArray(c.contexts) ? [...c.contexts].sort() : null,
      }),
    )
    .sort((a, z) => String(a.name).localeCompare(String(z.name)));
}

export const sameCommands = (a: Json[], b: Json[]) =>
  JSON.stringify(normaliseCommands(a)) === JSON.stringify(normaliseCommands(b));

/** How a command is named in deploy's messages: `/who`, or `"Ask about this link" (message menu)`. */
const shownName = (c: Json) => ((c.type ?? 1) === 1 ? `/${c.name}` : `"${c.name}" (message menu)`);

/** One line per command that deploy adds, removes or changes (with the fields that differ), in name order. */
export function commandChanges(current: Json[], wanted: Json[]): string[] {
  const before = new Map(normaliseCommands(current).map((c) => [`${c.type}:${c.name}`, c]));
  const after = new Map(normaliseCommands(wanted).map((c) => [`${c.type}:${c.name}`, c]));
  const lines: string[] = [];
  for (const [key, c] of after) {
    const old = before.get(key);
    if (!old) {
      lines.push(`+ ${shownName(c)}`);
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(c)])].filter(
      (f) => JSON.stringify(old[f]) !== JSON.stringify(c[f]),
    );
    if (fields.length) lines.push(`~ ${shownName(c)}: ${fields.sort().join(", ")}`);
  }
  for (const [key, c] of before) if (!after.has(key)) lines.push(`- ${shownName(c)}`);
  return lines;
}

export async function commandDefinitions(): Promise<Json[]> {
  const commands = await loadCommands();
  return [...commands.values()].map(registrationPayload);
}

export async function runDeploy(
  config: Config,
  flags: { dryRun: boolean; clear: boolean },
  io: Io,
): Promise<number> {
  const wanted = flags.clear ? [] : await commandDefinitions();
  if (flags.dryRun) {
    io.stdout.write(`${JSON.stringify(wanted, null, 2)}\n`);
    return 0;
  }
  const bot = requireBotConfig(config);
  const rest = new REST({ ...(bot.DISCORD_API_BASE ? { api: bot.DISCORD_API_BASE } : {}) }).setToken(
    bot.DISCORD_TOKEN,
  );
  const route = bot.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(bot.DISCORD_APPLICATION_ID, bot.DISCORD_GUILD_ID)
    : Routes.applicationCommands(bot.DISCORD_APPLICATION_ID);
  const where = bot.DISCORD_GUILD_ID ? `guild ${bot.DISCORD_GUILD_ID}` : "all servers (global)";
  try {
    // Discord sends the localisations back only when asked, and they are part of what is compared.
    const current = registeredCommands.parse(
      await rest.get(route, { query: new URLSearchParams({ with_localizations: "true" }) }),
    );
    if (sameCommands(current, wanted)) {
      io.stdout.write(
        `citebot: ${wanted.length} command(s) already registered for ${where}; nothing sent.\n`,
      );
      return 0;
    }
    for (const line of commandChanges(current, wanted)) io.stdout.write(`  ${line}\n`);
    await rest.put(route, { body: wanted });
  } catch (error) {
    const status =
      typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
    const why =
      status === 401
        ? "Discord refused the token (401): check DISCORD_TOKEN"
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr.write(`citebot: deploy failed: ${why}\n`);
    return 1;
  }
  // Slash commands are typed as /name; context-menu commands are found under a message's Apps menu.
  const names = wanted.map(shownName).join(", ");
  io.stdout.write(
    flags.clear
      ? `citebot: removed the commands from ${where}.\n`
      : `citebot: registered ${wanted.length} command(s) for ${where}: ${names}${bot.DISCORD_GUILD_ID ? "" : " (global commands can take up to an hour to appear)"}.\n`,
  );
  return 0;
}
