import pino, { type Logger } from "pino";

/** Structured JSON logs on stdout. Token-bearing fields are redacted wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "citebot" },
      redact: {
        paths: [
          "token",
          "*.token",
          "DISCORD_TOKEN",
          "*.DISCORD_TOKEN",
          "headers.authorization",
          "*.headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
