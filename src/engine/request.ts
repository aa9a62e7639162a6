import { z } from "zod";

/** Longest query or name accepted; Discord's own option limit is 6,000, a question needs far less. */
export const MAX_QUERY_CHARS = 300;
/** Longest text of claims to check: a Discord message (2,000 characters) with room to spare. */
export const MAX_CLAIMS_CHARS = 4000;
export const MAX_SUMMARY_SENTENCES = 10;
export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Every answer holds at most `limit` items (and cites only those), so a hostile article cannot make it huge. */
export const DEFAULT_ANSWER_LIMIT = 25;
export const MAX_ANSWER_LIMIT = 200;

const text = (what: string) =>
  z
    .string()
    .trim()
    .max(MAX_QUERY_CHARS, `${what} is longer than ${MAX_QUERY_CHARS} characters`)
    .transform((s) => (s === "" ? undefined : s))
    .optional();

const limit = z
  .number({ error: "limit must be a number" })
  .int("limit must be a whole number")
  .min(1, `limit must be between 1 and ${MAX_ANSWER_LIMIT}`)
  .max(MAX_ANSWER_LIMIT, `limit must be between 1 and ${MAX_ANSWER_LIMIT}`)
  .default(DEFAULT_ANSWER_LIMIT);

/** What an adapter asks the engine; parsing it is where bad input gets its message. */
export const answerRequestSchema = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("summary"),
    sentences: z
      .number({ error: "sentences must be a number" })
      .int("sentences must be a whole number")
      .min(1, "sentences must be between 1 and 10")
      .max(MAX_SUMMARY_SENTENCES, "sentences must be between 1 and 10")
      .optional(),
    limit,
  }),
  z.object({ command: z.literal("quote"), speaker: text("speaker"), topic: text("topic"), limit }),
  z.object({ command: z.literal("who"), query: text("query"), limit }),
  z.object({ command: z.literal("when"), query: text("query"), limit }),
  z.object({
    command: z.literal("ask"),
    query: text("question").pipe(z.string({ error: "ask needs a question" })),
    limit,
  }),
  z.object({
    command: z.literal("check"),
    query: z
      .string({ error: "check needs the text of the claims to check" })
      .trim()
      .min(1, "check needs the text of the claims to check")
      .max(MAX_CLAIMS_CHARS, `the claims are longer than ${MAX_CLAIMS_CHARS} characters`),
    limit,
  }),
]);

export type AnswerRequest = z.input<typeof answerRequestSchema>;
export type ParsedRequest = z.output<typeof answerRequestSchema>;

export const COMMANDS = ["summary", "quote", "who", "when", "ask", "check"] as const;

/** The one-line message for a request zod refused. */
export function requestProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  if (issue.code === "invalid_union" || (issue.path[0] === "command" && issue.code !== "custom")) {
    return `unknown command (use one of: ${COMMANDS.join(", ")})`;
  }
  return issue.message;
}
