// The contract of a command module in commands/: its default export, `{ data, execute, autocomplete? }` (typed with
// `satisfies CommandModule`), checked by zod on load.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type {
  APIModalInteractionResponseCallbackData,
  RESTPostAPIApplicationCommandsJSONBody,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { ApplicationCommandType } from "discord-api-types/v10";
import { z } from "zod";
import type { ArticleService } from "../app/article-service.ts";
import type { AskInput } from "../app/ask.ts";
import type { ServerLibrary } from "../app/server-library.ts";
import type { Answer, ArticleLibrary } from "../engine/index.ts";
import type { Choice, MessagePayload } from "../render/reply.ts";
import { CODE_ROOT } from "../runtime-entry.ts";
import type { Place } from "./place.ts";

export type OptionValue = string | number | boolean;
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

export interface CommandContext {
  library: ArticleLibrary;
  options: OptionValues;
  userId: string;
  /** The message a message context-menu command was used on (Check against the article). */
  target?: TargetMessage | undefined;
  /** Answers a request through the one path every adapter uses. */
  ask(input: AskInput): Answer;
}

export interface AutocompleteContext {
  library: ArticleLibrary;
  options: OptionValues;
  focused: { name: string; value: string };
}

export interface CommandResult {
  answer: Answer;
  /** What was asked, so that buttons can ask it again (paging, context). */
  request: AskInput;
  ephemeral: boolean;
}

/**
 * A command that answers a question about an article (/who, /when, …, and the message menu's Check against
 * the article): synchronous, from the library.
 */
export interface AnswerCommandModule {
  kind?: "answer";
  data: {
    name: string;
    toJSON():
      | RESTPostAPIChatInputApplicationCommandsJSONBody
      | RESTPostAPIContextMenuApplicationCommandsJSONBody;
  };
  execute(ctx: CommandContext): CommandResult;
  autocomplete?(ctx: AutocompleteContext): Choice[];
}

/** A file attached to a command option or a message, as Discord describes it. */
export interface AttachmentRef {
  name: string;
  url: string;
  size: number;
}

/** The message a message context-menu command was used on. */
export interface TargetMessage {
  content: string;
  attachments: AttachmentRef[];
}

export interface ActionContext {
  articles: ArticleService;
  library: ServerLibrary;
  place: Place;
  userId: string;
  /** The member's Manage Messages permission bit (false in DMs). */
  canManageMessages: boolean;
  subcommand: string | undefined;
  options: OptionValues;
  /** Attachment options, by option name. */
  attachments: Readonly<Record<string, AttachmentRef>>;
  /** The message a context-menu command was used on. */
  target: TargetMessage | undefined;
  /** True when the options came from a submitted modal (so no modal is shown again). */
  fromModal: boolean;
  /** Reads an attachment's bytes through the guarded fetcher. */
  download(attachment: AttachmentRef): Promise<Uint8Array>;
  /** The user's Discord locale: citebot's own words follow it. */
  locale?: string | undefined;
  /** An answer as the answer commands send it: a card with its signed buttons (context, length, follow-up). */
  answerCard(library: ArticleLibrary, request: AskInput, answer: Answer): MessagePayload;
}

/** What a long action ends with: an edit of the deferred reply, or (for failures) a private note. */
export interface FollowUp {
  visibility: "public" | "private";
  data: MessagePayload;
}

export type ActionReply =
  | { type: "message"; data: MessagePayload }
  | { type: "modal"; data: APIModalInteractionResponseCallbackData }
  /** Acknowledge now (Discord's 3 s), run `work`, then edit the reply with what it returns. */
  | { type: "deferred"; ephemeral: boolean; work(): Promise<FollowUp> };

/** A command that changes things (/article, the message menu): asynchronous, may defer. */
export interface ActionCommandModule {
  kind: "action";
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(ctx: ActionContext): ActionReply | Promise<ActionReply>;
  autocomplete?(ctx: AutocompleteContext): Choice[];
}

export type CommandModule = AnswerCommandModule | ActionCommandModule;

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", `${what} must be a function`);

const SLASH_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

const commandModuleSchema = z.object({
  kind: z.enum(["answer", "action"], { error: 'kind must be "answer" or "action"' }).optional(),
  data: z.object(
    {
      name: z
        .string({ error: "data.name must be a string" })
        .regex(/^[-_ \p{L}\p{N}]{1,32}$/u, "data.name is not a valid command name"),
      toJSON: fn("data.toJSON"),
    },
    { error: "data must be a command definition (a SlashCommandBuilder)" },
  ),
  execute: fn("execute"),
  autocomplete: fn("autocomplete").optional(),
});

/** A module whose definition is a message context menu (its name may have spaces); one that cannot be built is not. */
function isMessageMenu(module: unknown): boolean {
  try {
    const data = typeof module === "object" && module !== null && "data" in module ? module.data : undefined;
    const json: unknown =
      typeof data === "object" && data !== null && "toJSON" in data && typeof data.toJSON === "function"
        ? data.toJSON()
        : undefined;
    return (
      typeof json === "object" &&
      json !== null &&
      "type" in json &&
      json.type === ApplicationCommandType.Message
    );
  } catch {
    return false;
  }
}

export class CommandLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandLoadError";
  }
}

/**
 * Checks one imported module (its default export; a module of named exports is read as it is); a malformed one is
 * a clear start-up error naming the file and the fault.
 */
export function checkCommandModule(file: string, imported: unknown): CommandModule {
  const module =
    typeof imported === "object" && imported !== null && "default" in imported ? imported.default : imported;
  const parsed = commandModuleSchema.safeParse(module);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandLoadError(`${file}: ${issue?.message ?? "not a command module"}`);
  }
  // Slash command names have no spaces; context-menu names (message commands) may.
  if (parsed.data.kind !== "action" && !SLASH_NAME.test(parsed.data.data.name) && !isMessageMenu(module))
    throw new CommandLoadError(`${file}: data.name is not a valid command name`);
  // The schema has checked the shape; a function's parameter and return types cannot be checked at run time.
  return module as CommandModule;
}

// The command modules beside the running code: TypeScript from source, compiled JavaScript under dist/.
export const COMMANDS_DIR = join(CODE_ROOT, "commands");

/** Loads and checks every command module of a folder, keyed by command name. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const commands = new Map<string, CommandModule>();
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts"))
    .sort();
  for (const file of files) {
    const path = resolve(dir, file);
    let module: unknown;
    try {
      module = await import(pathToFileURL(path).href);
    } catch (error) {
      throw new CommandLoadError(
        `${file}: cannot be loaded (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const command = checkCommandModule(file, module);
    if (commands.has(command.data.name))
      throw new CommandLoadError(`${file}: a second command named "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  if (commands.size === 0) throw new CommandLoadError(`no command modules in ${dir}`);
  return commands;
}

/** Reads a string option, treating blank as absent. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export const booleanOption = (options: OptionValues, name: string) => options[name] === true;
