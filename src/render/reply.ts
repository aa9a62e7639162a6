// What the interaction handler returns: Discord's interaction-callback JSON, free of discord.js,
// so the same value can go out through the gateway client or an HTTP interactions endpoint.
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIMessageTopLevelComponent,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  /** Rows of buttons, or a card's components (with the IS_COMPONENTS_V2 flag). */
  components?: APIActionRowComponent<APIButtonComponent>[] | APIMessageTopLevelComponent[];
  flags?: number;
  /** Files sent with the message (a card's picture), referred to as `attachment://name`. */
  files?: { name: string; data: Uint8Array; description: string }[];
  allowed_mentions: { parse: [] };
}

/** A message laid out as an embed with rows of buttons (render.ts), not a card. */
export interface EmbedPayload extends MessagePayload {
  components?: APIActionRowComponent<APIButtonComponent>[];
}

export interface Choice {
  name: string;
  value: string;
}

export type Reply =
  | { type: "message"; data: MessagePayload }
  | { type: "update"; data: MessagePayload }
  | { type: "autocomplete"; choices: Choice[] }
  /** A form to fill in (a follow-up question). */
  | { type: "modal"; data: APIModalInteractionResponseCallbackData };

/** No reply may ping anyone: article text can hold `@everyone` or `<@&role>`. */
export const NO_MENTIONS: { parse: [] } = { parse: [] };
