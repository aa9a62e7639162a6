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
    .setName("ask")
    .setDescription(
      "Ask anything about the article: what, where, why, how many … answered from its own words",
    )
    .addStringOption((o) =>
      o
        .setName("question")
        .setDescription("A question (How many officers were injured?)")
        .setRequired(true)
        .setMaxLength(MAX_QUERY_OPTION),
    ),
);
// `scope: library` answers from every article (the router sends it to src/interactions/library-scope.ts).
withScope(data);

function execute(ctx: CommandContext) {
  return run(ctx, { command: "ask", query: stringOption(ctx.options, "question") });
}

function autocomplete(ctx: AutocompleteContext) {
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
