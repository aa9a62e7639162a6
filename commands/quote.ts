import { SlashCommandBuilder } from "discord.js";
import { speakerChoices } from "../src/interactions/autocomplete.ts";
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
    .setName("quote")
    .setDescription("Find what someone said in the article, with the paragraph it is in")
    .addStringOption((o) =>
      o
        .setName("speaker")
        .setDescription("Who said it (any form of the name)")
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_OPTION),
    )
    .addStringOption((o) =>
      o.setName("topic").setDescription("Words the quote is about").setMaxLength(MAX_QUERY_OPTION),
    ),
);
// `scope: library` answers from every article (the router sends it to src/interactions/library-scope.ts).
withScope(data);

function execute(ctx: CommandContext) {
  return run(ctx, {
    command: "quote",
    speaker: stringOption(ctx.options, "speaker"),
    topic: stringOption(ctx.options, "topic"),
  });
}

function autocomplete(ctx: AutocompleteContext) {
  if (ctx.focused.name === "speaker")
    return speakerChoices(ctx.library, ctx.options.article, ctx.focused.value);
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
