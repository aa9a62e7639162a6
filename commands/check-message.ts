import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { RequestError } from "../src/app/ask.ts";
import {
  type CommandContext,
  type CommandModule,
  type CommandResult,
  stringOption,
} from "../src/interactions/command.ts";

/**
 * Right-click a message → Apps → Check against the article: each claim of the message, checked against the
 * channel's current article. The message comes with the interaction, so no Message Content intent is needed.
 * The answer is private, with a Share button that posts it to the channel.
 */
const data = new ContextMenuCommandBuilder()
  .setName("Check against the article")
  .setType(ApplicationCommandType.Message);

function execute(ctx: CommandContext): CommandResult {
  const text = ctx.target?.content.trim();
  if (!text)
    throw new RequestError("that message has no text to check (only a message's own words are read)");
  const request = { command: "check", query: text, article: stringOption(ctx.options, "article") };
  return { answer: ctx.ask(request), request, ephemeral: true };
}

export default { data, execute } satisfies CommandModule;
