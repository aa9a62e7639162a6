// Discord's limits as a zod schema, to check every payload the renderer makes.
import { z } from "zod";
import { IS_COMPONENTS_V2, DISCORD_LIMITS as L } from "../src/render/limits.ts";

const embed = z
  .object({
    title: z.string().min(1).max(L.embedTitle).optional(),
    description: z.string().min(1).max(L.embedDescription).optional(),
    url: z.string().url().optional(),
    color: z.number().int().min(0).max(0xffffff).optional(),
    footer: z.object({ text: z.string().min(1).max(L.embedFooter) }).optional(),
    author: z
      .object({ name: z.string().min(1).max(L.embedAuthor) })
      .strict()
      .optional(),
    fields: z
      .array(
        z
          .object({
            name: z.string().min(1).max(L.embedFieldName),
            value: z.string().min(1).max(L.embedFieldValue),
            inline: z.boolean().optional(),
          })
          .strict(),
      )
      .max(L.embedFields)
      .optional(),
  })
  .strict();

const button = z
  .object({
    type: z.literal(2),
    style: z.number().int().min(1).max(5),
    label: z.string().min(1).max(L.buttonLabel),
    custom_id: z.string().min(1).max(L.customId),
    disabled: z.boolean().optional(),
  })
  .strict();

const embedPayloadSchema = z
  .object({
    content: z.string().min(1).max(L.content).optional(),
    embeds: z.array(embed).max(L.embedsPerMessage).optional(),
    components: z
      .array(z.object({ type: z.literal(1), components: z.array(button).min(1).max(L.buttonsPerRow) }))
      .max(L.actionRows)
      .optional(),
    flags: z.number().int().optional(),
    allowed_mentions: z.object({ parse: z.array(z.never()).length(0) }),
  })
  .strict()
  .refine(
    (m) => m.content !== undefined || (m.embeds?.length ?? 0) > 0,
    "a message needs content or an embed",
  )
  .refine(
    (m) =>
      (m.embeds ?? []).reduce(
        (n, e) =>
          n +
          (e.title?.length ?? 0) +
          (e.description?.length ?? 0) +
          (e.footer?.text.length ?? 0) +
          (e.author?.name.length ?? 0) +
          (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
        0,
      ) <= L.embedsTotalChars,
    `embeds over ${L.embedsTotalChars} characters in all`,
  );

// ---- cards (Components V2) --------------------------------------------------------------------------------

const textDisplay = z
  .object({ type: z.literal(10), content: z.string().min(1).max(L.componentsV2Text) })
  .strict();
const linkButton = z
  .object({
    type: z.literal(2),
    style: z.literal(5),
    label: z.string().min(1).max(L.buttonLabel),
    url: z.string().url().max(L.linkButtonUrl),
  })
  .strict();
const anyButton = z.union([button, linkButton]);
const section = z
  .object({
    type: z.literal(9),
    components: z.array(textDisplay).min(1).max(L.sectionTexts),
    accessory: button,
  })
  .strict();
const separator = z
  .object({ type: z.literal(14), divider: z.boolean().optional(), spacing: z.number().optional() })
  .strict();
const gallery = z
  .object({
    type: z.literal(12),
    items: z
      .array(
        z
          .object({
            media: z.object({ url: z.string().min(1) }).strict(),
            description: z.string().max(L.mediaDescription).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(L.mediaGalleryItems),
  })
  .strict();
const actionRow = z
  .object({ type: z.literal(1), components: z.array(anyButton).min(1).max(L.buttonsPerRow) })
  .strict();
const container = z
  .object({
    type: z.literal(17),
    accent_color: z.number().int().min(0).max(0xffffff).optional(),
    components: z.array(z.union([textDisplay, section, separator, gallery, actionRow])).min(1),
  })
  .strict();

type Node = { type: number; content?: string; components?: Node[]; accessory?: Node };
const count = (nodes: Node[]): { components: number; text: number } =>
  nodes.reduce(
    (n, c) => {
      const inner = count([...(c.components ?? []), ...(c.accessory ? [c.accessory] : [])]);
      return {
        components: n.components + 1 + inner.components,
        text: n.text + (c.content?.length ?? 0) + inner.text,
      };
    },
    { components: 0, text: 0 },
  );

const cardPayloadSchema = z
  .object({
    components: z.array(z.union([container, actionRow, textDisplay])).min(1),
    flags: z
      .number()
      .int()
      .refine((f) => (f & IS_COMPONENTS_V2) !== 0, "a card has the IS_COMPONENTS_V2 flag"),
    files: z
      .array(z.object({ name: z.string(), data: z.instanceof(Uint8Array), description: z.string() }).strict())
      .optional(),
    allowed_mentions: z.object({ parse: z.array(z.never()).length(0) }),
  })
  .strict()
  .refine((m) => count(m.components as Node[]).components <= L.componentsV2Total, "over 40 components")
  .refine((m) => count(m.components as Node[]).text <= L.componentsV2Text, "over 4,000 characters of text");

/** Any message the bot sends: an embed (or plain content) with rows of buttons, or a card. */
export const messagePayloadSchema = z.union([embedPayloadSchema, cardPayloadSchema]);

export const choicesSchema = z
  .array(z.object({ name: z.string().min(1).max(L.choiceName), value: z.string().min(1).max(L.choiceValue) }))
  .max(L.autocompleteChoices);
