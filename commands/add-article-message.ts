import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { addFromMessage } from "../src/discord/article-actions.ts";
import type { ActionContext } from "../src/discord/command.ts";

export const kind = "action";

/** Right-click a message → Apps → Add article to citebot: its first link, else its first attachment. */
export const data = new ContextMenuCommandBuilder()
  .setName("Add article to citebot")
  .setType(ApplicationCommandType.Message);

export function execute(ctx: ActionContext) {
  return addFromMessage(ctx);
}
