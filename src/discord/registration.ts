// What `npm run deploy` registers for each command module: its builder's JSON, localised from the catalogues,
// installable to a server and to a user, and usable in servers, in the bot's DMs and in private channels.
import { ApplicationIntegrationType, InteractionContextType } from "discord-api-types/v10";
import { localiseCommand } from "../i18n/commands.ts";
import type { CommandModule } from "../interactions/command.ts";

type Json = Record<string, unknown>;

/** Server install and user install (the user's own library wherever they are). */
export const INTEGRATION_TYPES = [
  ApplicationIntegrationType.GuildInstall,
  ApplicationIntegrationType.UserInstall,
];

/** A server, a DM with the bot, and group DMs or DMs between others (user installs only). */
export const CONTEXTS = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
];

export function registrationPayload(command: CommandModule): Json {
  const json: Json = { ...command.data.toJSON() };
  return { ...localiseCommand(json), integration_types: INTEGRATION_TYPES, contexts: CONTEXTS };
}
