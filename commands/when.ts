import { SlashCommandBuilder } from "discord.js";
import {
  type AutocompleteContext,
  type CommandContext,
  type CommandModule,
  stringOption,
} from "../src/interactions/command.ts";
import {
  articleAutocomplete,
  MAX_QUERY_OPTION,
  run,
  withArticleAndPrivate,
} from "../src/interactions/common-options.ts";
import { withScope } from "../src/interactions/library-scope.ts";

const data = withArticleAndPrivate(
  new SlashCommandBuilder()
    .setName("when")
    .setDescription("The article's timeline, or when something in it happened")
    .addStringOption((o) =>
      o
        .setName("query")
        .setDescription("A question (When did the mission arrive?)")
        .setMaxLength(MAX_QUERY_OPTION),
    ),
);
// `scope: library` answers from every article (the router sends it to src/interactions/library-scope.ts).
withScope(data);

function execute(ctx: CommandContext) {
  return run(ctx, { command: "when", query: stringOption(ctx.options, "query") });
}

function autocomplete(ctx: AutocompleteContext) {
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
