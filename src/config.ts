// The one place configuration is read and checked: environment (and .env) through one zod schema.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_ARTICLES_DIR = resolve(PROJECT_ROOT, "seeds");

const snowflake = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be a Discord id (17–20 digits)`);

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const configSchema = z.object({
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
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
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
