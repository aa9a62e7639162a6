// An interaction as Discord POSTs it (JSON) → the handler's plain data, as the gateway adapter makes it from
// discord.js objects. Only the fields citebot reads are checked (zod); anything else is ignored.
import type { APIEmbed, APIMessageTopLevelComponent } from "discord-api-types/v10";
import { z } from "zod";
import { ADD_TEXT_MODAL } from "../interactions/article-actions.ts";
import type { AttachmentRef } from "../interactions/command.ts";
import type { InteractionInput } from "../interactions/handler.ts";
import { placeFrom } from "../interactions/place.ts";

/** Discord's interaction types. */
export const InteractionType = {
  Ping: 1,
  Command: 2,
  Component: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const ATTACHMENT = 11;
const MESSAGE_COMMAND = 3;
const MANAGE_MESSAGES = 1n << 13n;

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}

const optionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number(),
    value: z.unknown().optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
);

const attachmentSchema = z.object({ filename: z.string(), url: z.string(), size: z.number() });
const userSchema = z.object({ id: z.string() });

const interactionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number(),
  token: z.string(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string(), type: z.number().optional() }).optional(),
  /** Who installed the app for this interaction: `"0"` the server, `"1"` the user. */
  authorizing_integration_owners: z.record(z.string(), z.string()).optional(),
  member: z.object({ user: userSchema, permissions: z.string().optional() }).optional(),
  user: userSchema.optional(),
  /** The user's language (`de`, `pt-BR`). */
  locale: z.string().optional(),
  /** The message a clicked button is on (what Share posts): the embed fields citebot draws, or the card. */
  message: z
    .object({
      id: z.string().optional(),
      components: z.array(z.looseObject({ type: z.number() })).optional(),
      embeds: z.array(
        z.object({
          title: z.string().optional(),
          description: z.string().optional(),
          url: z.string().optional(),
          color: z.number().optional(),
          footer: z.object({ text: z.string() }).optional(),
        }),
      ),
    })
    .optional(),
  data: z
    .object({
      name: z.string().optional(),
      type: z.number().optional(),
      custom_id: z.string().optional(),
      target_id: z.string().optional(),
      options: z.array(optionSchema).optional(),
      components: z
        .array(z.object({ components: z.array(z.object({ custom_id: z.string(), value: z.unknown() })) }))
        .optional(),
      resolved: z
        .object({
          attachments: z.record(z.string(), attachmentSchema).optional(),
          messages: z
            .record(
              z.string(),
              z.object({ content: z.string().optional(), attachments: z.array(attachmentSchema).optional() }),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

export type RawInteraction = z.infer<typeof interactionSchema>;

/** An embed as parsed, with only the fields it has (so it reads as Discord's own shape). */
function withoutUndefined(embed: NonNullable<RawInteraction["message"]>["embeds"][number]): APIEmbed {
  return {
    ...(embed.title === undefined ? {} : { title: embed.title }),
    ...(embed.description === undefined ? {} : { description: embed.description }),
    ...(embed.url === undefined ? {} : { url: embed.url }),
    ...(embed.color === undefined ? {} : { color: embed.color }),
    ...(embed.footer === undefined ? {} : { footer: embed.footer }),
  };
}

/** What the endpoint needs besides the handler's input: where to send a later edit. */
export interface ParsedInteraction {
  raw: RawInteraction;
  /** Null for a PING or a kind citebot does not handle. */
  input: InteractionInput | null;
}

type Attachments = NonNullable<NonNullable<RawInteraction["data"]>["resolved"]>["attachments"];

function flatten(options: readonly RawOption[], attachments: Attachments) {
  const values: Record<string, string | number | boolean> = {};
  const refs: Record<string, AttachmentRef> = {};
  let subcommand: string | undefined;
  let focused: { name: string; value: string } | undefined;
  const walk = (list: readonly RawOption[]) => {
    for (const option of list) {
      if (option.type === SUBCOMMAND || option.type === SUBCOMMAND_GROUP) {
        if (option.type === SUBCOMMAND) subcommand = option.name;
        walk(option.options ?? []);
        continue;
      }
      const { value } = option;
      if (option.type === ATTACHMENT && typeof value === "string") {
        const found = attachments?.[value];
        if (found) refs[option.name] = { name: found.filename, url: found.url, size: found.size };
      }
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        values[option.name] = value;
        if (option.focused) focused = { name: option.name, value: String(value) };
      }
    }
  };
  walk(options);
  return { values, attachments: refs, subcommand, focused };
}

/** Parses a verified body; throws on JSON or shape it cannot read (the endpoint answers 400). */
export function parseInteraction(body: string): ParsedInteraction {
  const raw = interactionSchema.parse(JSON.parse(body));
  const userId = raw.member?.user.id ?? raw.user?.id ?? "0";
  const place = placeFrom({
    userId,
    guildId: raw.guild_id,
    channelId: raw.channel_id ?? raw.channel?.id,
    channelType: raw.channel?.type,
    owners: raw.authorizing_integration_owners,
    permissions: raw.member?.permissions,
  });
  const data = raw.data;
  const base = { id: raw.id, userId, place, locale: raw.locale };
  if (!data || raw.type === InteractionType.Ping) return { raw, input: null };
  const flat = flatten(data.options ?? [], data.resolved?.attachments);
  if (raw.type === InteractionType.Command && data.name) {
    if (data.type === MESSAGE_COMMAND) {
      const message = data.target_id ? data.resolved?.messages?.[data.target_id] : undefined;
      return {
        raw,
        input: {
          ...base,
          kind: "command",
          name: data.name,
          options: {},
          target: {
            content: message?.content ?? "",
            attachments: (message?.attachments ?? []).map((a) => ({
              name: a.filename,
              url: a.url,
              size: a.size,
            })),
          },
        },
      };
    }
    const permissions = raw.member?.permissions;
    return {
      raw,
      input: {
        ...base,
        kind: "command",
        name: data.name,
        options: flat.values,
        subcommand: flat.subcommand,
        attachments: flat.attachments,
        canManageMessages: permissions ? (BigInt(permissions) & MANAGE_MESSAGES) !== 0n : false,
      },
    };
  }
  if (raw.type === InteractionType.Autocomplete && data.name) {
    return {
      raw,
      input: {
        ...base,
        kind: "autocomplete",
        name: data.name,
        options: flat.values,
        subcommand: flat.subcommand,
        focused: flat.focused ?? { name: "", value: "" },
      },
    };
  }
  if (raw.type === InteractionType.Component && data.custom_id !== undefined)
    return {
      raw,
      input: {
        ...base,
        kind: "button",
        customId: data.custom_id,
        message: raw.message
          ? {
              embeds: raw.message.embeds.map(withoutUndefined),
              // Discord's own (signed) message: only each component's type is checked here.
              components: raw.message.components as APIMessageTopLevelComponent[] | undefined,
            }
          : undefined,
      },
    };
  if (raw.type === InteractionType.ModalSubmit && data.custom_id === ADD_TEXT_MODAL) {
    const fields = (data.components ?? []).flatMap((row) => row.components);
    const value = (id: string) => {
      const found = fields.find((f) => f.custom_id === id)?.value;
      return typeof found === "string" ? found : "";
    };
    return {
      raw,
      input: {
        ...base,
        kind: "command",
        name: "article",
        subcommand: "add",
        options: { text: value("text"), title: value("title") },
        fromModal: true,
      },
    };
  }
  if (raw.type === InteractionType.ModalSubmit && data.custom_id !== undefined) {
    const fields = Object.fromEntries(
      (data.components ?? [])
        .flatMap((row) => row.components)
        .flatMap((f) => (typeof f.value === "string" ? [[f.custom_id, f.value] as const] : [])),
    );
    return {
      raw,
      input: { ...base, kind: "modal", customId: data.custom_id, fields, messageId: raw.message?.id },
    };
  }
  return { raw, input: null };
}
