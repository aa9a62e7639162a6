import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import type { ActionContext, CommandModule } from "../src/interactions/command.ts";
import { askAboutLink } from "../src/interactions/link-actions.ts";

/** Right-click a message → Apps → Ask about this link: its first link, added, and its summary as a card. */
const data = new ContextMenuCommandBuilder()
  .setName("Ask about this link")
  .setType(ApplicationCommandType.Message);

function execute(ctx: ActionContext) {
  return askAboutLink(ctx);
}

export default { kind: "action", data, execute } satisfies CommandModule;
