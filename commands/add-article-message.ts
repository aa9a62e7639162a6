import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { addFromMessage } from "../src/interactions/article-actions.ts";
import type { ActionContext, CommandModule } from "../src/interactions/command.ts";

/** Right-click a message → Apps → Add article to citebot: its first link, else its first attachment. */
const data = new ContextMenuCommandBuilder()
  .setName("Add article to citebot")
  .setType(ApplicationCommandType.Message);

function execute(ctx: ActionContext) {
  return addFromMessage(ctx);
}

export default { kind: "action", data, execute } satisfies CommandModule;
