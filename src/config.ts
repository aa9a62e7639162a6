// The one place configuration is read and checked: environment (and .env) through one zod schema.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./runtime-entry.ts";

// The same folder whether the code runs from src/ through tsx or from the build in dist/.
export { PROJECT_ROOT };
export const DEFAULT_ARTICLES_DIR = resolve(PROJECT_ROOT, "seeds");

const snowflake = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be a Discord id (17–20 digits)`);

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** A whole number from the environment, named in its error. */
const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${name} must be a number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be ${min} or more`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  );

export const configSchema = z
  .object({
    DISCORD_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(
          /^[\w-]+\.[\w-]+\.[\w-]+$/,
          "DISCORD_TOKEN does not look like a bot token (three dot-separated parts)",
        )
        .optional(),
    ),
    DISCORD_APPLICATION_ID: z.preprocess(blankToUndefined, snowflake("DISCORD_APPLICATION_ID").optional()),
    DISCORD_GUILD_ID: z.preprocess(blankToUndefined, snowflake("DISCORD_GUILD_ID").optional()),
    DISCORD_API_BASE: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, error: "DISCORD_API_BASE must be an http(s) URL" }).optional(),
    ),
    ARTICLES_DIR: z.preprocess(blankToUndefined, z.string().default(DEFAULT_ARTICLES_DIR)),
    CITEBOT_DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
    /** Tests only: lets fetches reach 127.0.0.0/8 so pages can be served locally. Never on in production. */
    FETCH_ALLOW_LOOPBACK: z.preprocess(
      blankToUndefined,
      z
        .enum(["true", "false"], { error: "FETCH_ALLOW_LOOPBACK must be true or false" })
        .default("false")
        .transform((v) => v === "true"),
    ),
    FETCH_MAX_BYTES: wholeNumber("FETCH_MAX_BYTES", 1024, 100_000_000, 5_000_000),
    FETCH_TIMEOUT_MS: wholeNumber("FETCH_TIMEOUT_MS", 100, 120_000, 15_000),
    PARSE_TIMEOUT_MS: wholeNumber("PARSE_TIMEOUT_MS", 100, 120_000, 10_000),
    LIBRARY_MAX_ARTICLES: wholeNumber("LIBRARY_MAX_ARTICLES", 1, 100_000, 500),
    ARTICLE_MAX_BYTES: wholeNumber("ARTICLE_MAX_BYTES", 1024, 16 * 1024 * 1024, 1024 * 1024),
    /** Feeds one server may follow. */
    FEEDS_MAX_PER_SERVER: wholeNumber("FEEDS_MAX_PER_SERVER", 1, 10_000, 50),
    /** Articles feeds may add to one server's library per day (UTC). */
    FEED_MAX_ARTICLES_PER_DAY: wholeNumber("FEED_MAX_ARTICLES_PER_DAY", 1, 100_000, 500),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z
        .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
          error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
        })
        .default("info"),
    ),
    /** PostgreSQL for the articles (several processes or machines); unset: SQLite under CITEBOT_DATA_DIR. */
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .url({
          protocol: /^postgres(ql)?$/,
          error: "DATABASE_URL must be a postgres:// or postgresql:// URL",
        })
        .optional(),
    ),
    /** The PostgreSQL schema for citebot's tables (created if missing); unset: the server's search_path. */
    DATABASE_SCHEMA: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, "DATABASE_SCHEMA must be a plain lower-case name (a-z, 0-9, _)")
        .optional(),
    ),
    /** Redis for cooldowns and each channel's current article (several processes); unset: in memory. */
    REDIS_URL: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// or rediss:// URL" }).optional(),
    ),
    REDIS_KEY_PREFIX: z.preprocess(blankToUndefined, z.string().default("citebot:")),
    /** `gateway` (a discord.js client) or `http` (Discord POSTs interactions to this process). */
    INTERACTIONS_MODE: z.preprocess(
      blankToUndefined,
      z.enum(["gateway", "http"], { error: "INTERACTIONS_MODE must be gateway or http" }).default("gateway"),
    ),
    PORT: wholeNumber("PORT", 0, 65_535, 8080),
    /** The address the HTTP endpoint listens on. */
    HOST: z.preprocess(blankToUndefined, z.string().default("0.0.0.0")),
    /** The application's public key (Developer Portal, General Information): 64 hex digits. */
    DISCORD_PUBLIC_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{64}$/, "DISCORD_PUBLIC_KEY must be 64 hex digits (the application's public key)")
        .optional(),
    ),
    /** Largest interaction body the HTTP endpoint reads; a larger one gets 413. */
    HTTP_BODY_MAX_BYTES: wholeNumber("HTTP_BODY_MAX_BYTES", 1024, 10_000_000, 1_000_000),
    /** Signs buttons, so any process answers a click; every process of one bot must share it. */
    BUTTON_SECRET: z.preprocess(
      blankToUndefined,
      z.string().min(16, "BUTTON_SECRET must be at least 16 characters").optional(),
    ),
    /**
     * Gateway mode only: `auto` (Discord's recommended count) or a number of shards, each in its own process
     * under discord.js's ShardingManager; unset: one process, no manager. Not SHARDS or SHARD_COUNT: discord.js
     * reads those inside each shard process.
     */
    CITEBOT_SHARDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(auto|\d{1,5})$/, "CITEBOT_SHARDS must be auto or a number of shards")
        .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
        .refine((v) => v === "auto" || (v >= 1 && v <= 10_000), "CITEBOT_SHARDS must be between 1 and 10000")
        .optional(),
    ),
    COMMAND_COOLDOWN_MS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "COMMAND_COOLDOWN_MS must be a number of milliseconds" })
        .int()
        .min(0, "COMMAND_COOLDOWN_MS must be 0 or more")
        .max(600_000, "COMMAND_COOLDOWN_MS must be at most 600000")
        .default(1000),
    ),
  })
  .superRefine((config, context) => {
    if (config.CITEBOT_SHARDS !== undefined && config.INTERACTIONS_MODE === "http")
      context.addIssue({
        code: "custom",
        path: ["CITEBOT_SHARDS"],
        message:
          "CITEBOT_SHARDS is for the gateway; with INTERACTIONS_MODE=http run more endpoint processes instead",
      });
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Reads the config from an environment; every problem is named with its variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) =>
      i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`,
    );
    throw new ConfigError(`configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** Loads `.env` from the working directory (if present) into process.env; real environment wins. */
export async function loadDotenv(cwd = process.cwd()): Promise<void> {
  const file = resolve(cwd, ".env");
  if (!existsSync(file)) return;
  const dotenv = await import("dotenv");
  dotenv.config({ path: file, quiet: true });
}

export interface BotConfig extends Config {
  DISCORD_TOKEN: string;
  DISCORD_APPLICATION_ID: string;
}

/** A bot token's first part is the application id in base64; used when DISCORD_APPLICATION_ID is unset. */
export function applicationIdFromToken(token: string): string | undefined {
  const decoded = Buffer.from(token.split(".")[0] ?? "", "base64").toString("utf8");
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}

export function requireBotConfig(config: Config): BotConfig {
  if (!config.DISCORD_TOKEN) throw new ConfigError("configuration: DISCORD_TOKEN must be set to run the bot");
  const applicationId = config.DISCORD_APPLICATION_ID ?? applicationIdFromToken(config.DISCORD_TOKEN);
  if (!applicationId) {
    throw new ConfigError(
      "configuration: DISCORD_APPLICATION_ID must be set (it could not be read from the token)",
    );
  }
  return { ...config, DISCORD_TOKEN: config.DISCORD_TOKEN, DISCORD_APPLICATION_ID: applicationId };
}
