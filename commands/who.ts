import { SlashCommandBuilder } from "discord.js";
import { entityChoices } from "../src/interactions/autocomplete.ts";
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
    .setName("who")
    .setDescription("Who is in the article: everyone, one person's profile, or who did something")
    .addStringOption((o) =>
      o
        .setName("query")
        .setDescription("A name (Ombaka) or a question (Who controls the region?)")
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_OPTION),
    ),
);
// `scope: library` answers from every article (the router sends it to src/interactions/library-scope.ts).
withScope(data);

function execute(ctx: CommandContext) {
  return run(ctx, { command: "who", query: stringOption(ctx.options, "query") });
}

function autocomplete(ctx: AutocompleteContext) {
  if (ctx.focused.name === "query") return entityChoices(ctx.library, ctx.options.article, ctx.focused.value);
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
