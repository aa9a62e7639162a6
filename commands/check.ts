import { SlashCommandBuilder } from "discord.js";
import {
  type AutocompleteContext,
  type CommandContext,
  type CommandModule,
  stringOption,
} from "../src/interactions/command.ts";
import { articleAutocomplete, run, withArticleAndPrivate } from "../src/interactions/common-options.ts";
import { withScope } from "../src/interactions/library-scope.ts";

/** A claim or a few typed into a slash option; a whole message is checked from the message menu. */
const MAX_CLAIM_OPTION = 1000;

const data = withArticleAndPrivate(
  new SlashCommandBuilder()
    .setName("check")
    .setDescription("Check claims against the article: supported, contradicted or not in it")
    .addStringOption((o) =>
      o
        .setName("claim")
        .setDescription("One or more claims (The officer died on Saturday.)")
        .setRequired(true)
        .setMaxLength(MAX_CLAIM_OPTION),
    ),
);
// `scope: library` answers from every article (the router sends it to src/interactions/library-scope.ts).
withScope(data);

function execute(ctx: CommandContext) {
  return run(ctx, { command: "check", query: stringOption(ctx.options, "claim") });
}

function autocomplete(ctx: AutocompleteContext) {
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
