// The configuration as a markdown table, made from the one zod schema: the README's table is this text, and a
// test holds them equal (`npx tsx scripts/write-readme-config.ts` rewrites it).
import { relative } from "node:path";
import { type Config, configSchema, PROJECT_ROOT } from "./config.ts";

/** What each variable does, in a line; the keys are exactly the schema's (a missing or extra one fails to compile). */
export const CONFIG_HELP = {
  DISCORD_TOKEN: "The bot's token (Developer Portal → Bot → Reset Token). Never commit it.",
  DISCORD_APPLICATION_ID: "The application id; read from the token when unset.",
  DISCORD_GUILD_ID: "`npm run deploy` registers to this server only, at once (development); unset: globally.",
  DISCORD_API_BASE: "Discord's REST root (a REST proxy; the tests' local stand-in); unset: discord.com.",
  ARTICLES_DIR: "The built-in articles: a folder of `.txt`/`.md` files.",
  CITEBOT_DATA_DIR: "Where the SQLite file of added articles lives (when `DATABASE_URL` is unset).",
  FETCH_ALLOW_LOOPBACK: "Tests only: lets fetches reach 127.0.0.0/8. Never in production.",
  FETCH_MAX_BYTES: "The most a fetched page or feed may weigh, after decompression.",
  FETCH_TIMEOUT_MS: "One deadline over a whole fetch, redirects included.",
  PARSE_TIMEOUT_MS: "How long the worker may take to extract one page.",
  LIBRARY_MAX_ARTICLES: "Articles one server's (or user's) library may hold.",
  ARTICLE_MAX_BYTES: "UTF-8 bytes of one article's text.",
  FEEDS_MAX_PER_SERVER: "Feeds one server may follow.",
  FEED_MAX_ARTICLES_PER_DAY: "Articles feeds may add to one server per UTC day.",
  LOG_LEVEL: "pino's level: fatal, error, warn, info, debug, trace or silent.",
  DATABASE_URL: "PostgreSQL for the articles and feeds (several processes); unset: SQLite.",
  DATABASE_SCHEMA: "The PostgreSQL schema for citebot's tables; unset: the search_path.",
  REDIS_URL: "Redis for cooldowns, current articles and feed leases (several processes); unset: memory.",
  REDIS_KEY_PREFIX: "The prefix of every Redis key citebot writes.",
  INTERACTIONS_MODE: "`gateway` (a discord.js client) or `http` (Discord POSTs interactions here).",
  PORT: "The HTTP endpoint's port (`http` mode).",
  HOST: "The address the HTTP endpoint listens on.",
  DISCORD_PUBLIC_KEY: "The application's public key (64 hex digits); required in `http` mode.",
  HTTP_BODY_MAX_BYTES: "The largest interaction body read; larger gets 413.",
  BUTTON_SECRET:
    "Signs buttons so any process answers a click (16+ characters); unset: derived from the token.",
  CITEBOT_SHARDS: "`auto` or a number: that many gateway shards, each its own process; unset: one process.",
  COMMAND_COOLDOWN_MS: "A user's pause between commands (0: none).",
} as const satisfies Record<keyof Config, string>;

/** A variable's default as the README shows it: the parsed default, a path relative to the project. */
function defaultOf(name: keyof Config): string {
  const parsed = configSchema.safeParse({});
  const value = parsed.success ? parsed.data[name] : undefined;
  if (value === undefined) return "unset";
  if (typeof value === "string" && value.startsWith(PROJECT_ROOT))
    return `\`${relative(PROJECT_ROOT, value) || "."}/\``;
  return `\`${String(value)}\``;
}

export function configTable(): string {
  const names = Object.keys(CONFIG_HELP).filter((name): name is keyof Config =>
    Object.hasOwn(CONFIG_HELP, name),
  );
  const rows = names.map((name) => `| \`${name}\` | ${defaultOf(name)} | ${CONFIG_HELP[name]} |`);
  return ["| variable | default | what it does |", "| --- | --- | --- |", ...rows].join("\n");
}
