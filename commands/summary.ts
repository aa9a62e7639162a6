import { SlashCommandBuilder } from "discord.js";
import { MAX_SUMMARY_SENTENCES } from "../src/engine/index.ts";
import type { AutocompleteContext, CommandContext, CommandModule } from "../src/interactions/command.ts";
import { articleAutocomplete, run, withArticleAndPrivate } from "../src/interactions/common-options.ts";

const data = withArticleAndPrivate(
  new SlashCommandBuilder()
    .setName("summary")
    .setDescription("Summarise the article in its own words, every sentence cited")
    .addIntegerOption((o) =>
      o
        .setName("sentences")
        .setDescription("How many sentences (1–10, default 3)")
        .setMinValue(1)
        .setMaxValue(MAX_SUMMARY_SENTENCES),
    ),
);

function execute(ctx: CommandContext) {
  const sentences = ctx.options.sentences;
  return run(ctx, { command: "summary", sentences: typeof sentences === "number" ? sentences : undefined });
}

function autocomplete(ctx: AutocompleteContext) {
  return articleAutocomplete(ctx) ?? [];
}

export default { data, execute, autocomplete } satisfies CommandModule;
