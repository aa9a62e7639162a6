// Options every answer command shares: which article, and whether to answer privately.
import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder } from "discord.js";
import type { AskInput } from "../app/ask.ts";
import { MAX_QUERY_CHARS } from "../engine/index.ts";
import type { Choice } from "../render/reply.ts";
import { articleChoices } from "./autocomplete.ts";
import {
  type AutocompleteContext,
  booleanOption,
  type CommandContext,
  type CommandResult,
  stringOption,
} from "./command.ts";

/** Article ids are file names; 100 characters is Discord's autocomplete value limit. */
export const MAX_ARTICLE_OPTION = 100;
export const MAX_QUERY_OPTION = MAX_QUERY_CHARS;

type Builder = SlashCommandBuilder | SlashCommandOptionsOnlyBuilder;

export function withArticleAndPrivate<T extends Builder>(builder: T): SlashCommandOptionsOnlyBuilder {
  return builder
    .addStringOption((o) =>
      o
        .setName("article")
        .setDescription("Which article (default: this channel's current one, else the newest)")
        .setAutocomplete(true)
        .setMaxLength(MAX_ARTICLE_OPTION),
    )
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer"));
}

/** Runs a request for a command, honouring `article` and `private`. */
export function run(ctx: CommandContext, request: Omit<AskInput, "article">): CommandResult {
  const full: AskInput = { ...request, article: stringOption(ctx.options, "article") };
  return { answer: ctx.ask(full), request: full, ephemeral: booleanOption(ctx.options, "private") };
}

/** The `article` option's choices, for every command's autocomplete. */
export function articleAutocomplete(ctx: AutocompleteContext): Choice[] | undefined {
  return ctx.focused.name === "article" ? articleChoices(ctx.library, ctx.focused.value) : undefined;
}
