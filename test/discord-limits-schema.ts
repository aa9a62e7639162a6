// Discord's limits as a zod schema, to check every payload the renderer makes.
import { z } from "zod";
import { DISCORD_LIMITS as L } from "../src/discord/limits.ts";

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

export const messagePayloadSchema = z
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

export const choicesSchema = z
  .array(z.object({ name: z.string().min(1).max(L.choiceName), value: z.string().min(1).max(L.choiceValue) }))
  .max(L.autocompleteChoices);
