// What the interaction handler returns: Discord's interaction-callback JSON, free of discord.js,
// so the same value can go out through the gateway client or an HTTP interactions endpoint.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from "discord-api-types/v10";

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

export interface Choice {
  name: string;
  value: string;
}

export type Reply =
  | { type: "message"; data: MessagePayload }
  | { type: "update"; data: MessagePayload }
  | { type: "autocomplete"; choices: Choice[] };

/** No reply may ping anyone: article text can hold `@everyone` or `<@&role>`. */
export const NO_MENTIONS = { parse: [] as [] };
