// The gateway adapter: discord.js at the edge. It turns an interaction into plain data, asks the handler,
// and sends the reply; transport faults (expired or already-answered interactions) are logged, never thrown.

import {
  ApplicationCommandOptionType,
  Client,
  type CommandInteractionOption,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  Options,
  PermissionFlagsBits,
} from "discord.js";
import type { Logger } from "pino";
import type { ArticleService } from "../app/article-service.ts";
import type { BotConfig } from "../config.ts";
import type { ArticleLibrary } from "../engine/index.ts";
import { ADD_TEXT_MODAL } from "../interactions/article-actions.ts";
import { restChannels } from "../interactions/channels.ts";
import type { AttachmentRef, CommandModule, OptionValues } from "../interactions/command.ts";
import type { InteractionInput } from "../interactions/handler.ts";
import { type Place, placeFrom } from "../interactions/place.ts";
import { type RoutedReply, routeInteraction } from "../interactions/route.ts";
import { routeDepsFor } from "../interactions/route-deps.ts";
import { EPHEMERAL, IS_COMPONENTS_V2 } from "../render/limits.ts";
import { renderNotice } from "../render/render.ts";
import type { MessagePayload } from "../render/reply.ts";
import type { Cooldowns } from "../store/shared-state.ts";

/** Discord error codes that mean the interaction can no longer be answered. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;

export interface BotOptions {
  config: BotConfig;
  library: ArticleLibrary;
  commands: ReadonlyMap<string, CommandModule>;
  logger: Logger;
  /** The servers' stored libraries; without it only the built-in articles are served. */
  articles?: ArticleService | undefined;
  /** Per-user cooldowns, shared with every other process serving the bot (OpenArticles.shared). */
  cooldowns: Cooldowns;
}

interface OptionData {
  subcommand: string | undefined;
  values: OptionValues;
  attachments: Record<string, AttachmentRef>;
}

/** Option values (a subcommand's own options flattened), and attachment options as references. */
function optionData(options: readonly CommandInteractionOption[]): OptionData {
  const values: Record<string, string | number | boolean> = {};
  const attachments: Record<string, AttachmentRef> = {};
  let subcommand: string | undefined;
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      subcommand = option.name;
      const inner = optionData(option.options ?? []);
      Object.assign(values, inner.values);
      Object.assign(attachments, inner.attachments);
      continue;
    }
    if (option.attachment) {
      const { name, url, size } = option.attachment;
      attachments[option.name] = { name, url, size };
    }
    if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return { subcommand, values, attachments };
}

function placeOf(interaction: Interaction): Place {
  return placeFrom({
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    channelType: interaction.channel?.type,
    owners: interaction.authorizingIntegrationOwners?.toJSON(),
    permissions: interaction.memberPermissions?.bitfield,
  });
}

/** An interaction as plain data, or null for kinds citebot does not handle. */
export function toInput(interaction: Interaction): InteractionInput | null {
  const userId = interaction.user.id;
  const place = placeOf(interaction);
  if (interaction.isChatInputCommand()) {
    const { subcommand, values, attachments } = optionData(interaction.options.data);
    return {
      kind: "command",
      id: interaction.id,
      name: interaction.commandName,
      options: values,
      userId,
      place,
      locale: interaction.locale,
      subcommand,
      attachments,
      canManageMessages: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const message = interaction.targetMessage;
    return {
      kind: "command",
      id: interaction.id,
      name: interaction.commandName,
      options: {},
      userId,
      place,
      locale: interaction.locale,
      target: {
        content: message.content,
        attachments: [...message.attachments.values()].map(({ name, url, size }) => ({ name, url, size })),
      },
    };
  }
  if (interaction.isModalSubmit() && interaction.customId === ADD_TEXT_MODAL) {
    const field = (id: string) => interaction.fields.fields.find((f) => f.customId === id);
    const value = (id: string) => {
      const found = field(id);
      return found && "value" in found && typeof found.value === "string" ? found.value : "";
    };
    return {
      kind: "command",
      id: interaction.id,
      name: "article",
      subcommand: "add",
      options: { text: value("text"), title: value("title") },
      userId,
      place,
      locale: interaction.locale,
      fromModal: true,
    };
  }
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const field of interaction.fields.fields.values())
      if ("value" in field && typeof field.value === "string") fields[field.customId] = field.value;
    return {
      kind: "modal",
      id: interaction.id,
      customId: interaction.customId,
      fields,
      userId,
      place,
      locale: interaction.locale,
      messageId: interaction.message?.id,
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    const { subcommand, values } = optionData(interaction.options.data);
    return {
      kind: "autocomplete",
      id: interaction.id,
      name: interaction.commandName,
      options: values,
      focused: { name: focused.name, value: String(focused.value ?? "") },
      userId,
      place,
      locale: interaction.locale,
      subcommand,
    };
  }
  if (interaction.isButton())
    return {
      kind: "button",
      id: interaction.id,
      customId: interaction.customId,
      userId,
      place,
      locale: interaction.locale,
      message: {
        embeds: interaction.message.embeds.map((embed) => embed.toJSON()),
        components: interaction.message.components.map((component) => component.toJSON()),
      },
    };
  return null;
}

function messageOptions(data: MessagePayload) {
  const card = ((data.flags ?? 0) & IS_COMPONENTS_V2) !== 0;
  const flags = (data.flags ?? 0) & (EPHEMERAL | IS_COMPONENTS_V2);
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    // A card has no embeds at all.
    ...(card ? {} : { embeds: data.embeds ?? [] }),
    components: data.components ?? [],
    allowedMentions: data.allowed_mentions,
    ...(data.files
      ? {
          files: data.files.map((f) => ({
            attachment: Buffer.from(f.data),
            name: f.name,
            description: f.description,
          })),
        }
      : {}),
    ...(flags ? { flags } : {}),
  };
}

/** An edit keeps a card's layout flag; whether a message is private cannot change. */
function editOptions(data: MessagePayload) {
  const { flags, ...rest } = messageOptions(data);
  const kept = (flags ?? 0) & IS_COMPONENTS_V2;
  return { ...rest, ...(kept ? { flags: kept } : {}) };
}

async function send(interaction: Interaction, reply: RoutedReply): Promise<void> {
  if (reply.type === "autocomplete") {
    if (interaction.isAutocomplete()) await interaction.respond(reply.choices);
    return;
  }
  if (interaction.isAutocomplete() || !interaction.isRepliable()) return;
  if (reply.type === "modal") {
    if (interaction.isChatInputCommand() || interaction.isButton()) await interaction.showModal(reply.data);
    return;
  }
  if (reply.type === "deferred") {
    await interaction.deferReply(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const followUp = await reply.work();
    const edit = editOptions(followUp.data);
    if (followUp.visibility === "public" || reply.ephemeral) {
      await interaction.editReply(edit);
      return;
    }
    // A public "thinking…" cannot become private: it goes, and the failure is said to the user alone.
    await interaction.deleteReply();
    await interaction.followUp({ ...edit, flags: (edit.flags ?? 0) | MessageFlags.Ephemeral });
    return;
  }
  if (reply.type === "update" && interaction.isButton()) {
    await interaction.update(editOptions(reply.data));
    return;
  }
  await interaction.reply(messageOptions(reply.data));
}

const isGone = (error: unknown): error is DiscordAPIError =>
  error instanceof DiscordAPIError &&
  (error.code === UNKNOWN_INTERACTION || error.code === ALREADY_ACKNOWLEDGED);

/** Remembers recent interaction ids, so one delivered twice is answered once. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 5000) {}
  /** True the first time an id is seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    const oldest = this.ids.values().next();
    if (this.ids.size > this.capacity && !oldest.done) this.ids.delete(oldest.value);
    return true;
  }
}

export function createBot({ config, library, commands, logger, articles, cooldowns }: BotOptions) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // citebot reads nothing from Discord's caches: keeping every user and member who ever asked
    // would only grow memory with the number of people (answers go out by interaction token).
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      ThreadMemberManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
  const channels = restChannels(client.rest);
  const deps = routeDepsFor({ config, library, commands, articles, cooldowns, logger, channels });

  const seen = new RecentIds();
  const inFlight = new Set<Promise<void>>();

  async function respond(interaction: Interaction): Promise<void> {
    if (!seen.add(interaction.id)) {
      logger.warn({ interactionId: interaction.id }, "interaction delivered twice; answered once");
      return;
    }
    const input = toInput(interaction);
    if (!input) return;
    const started = performance.now();
    const reply = await routeInteraction(input, deps);
    try {
      await send(interaction, reply);
      logger.debug(
        {
          interactionId: input.id,
          kind: input.kind,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        "answered",
      );
    } catch (error) {
      if (isGone(error)) {
        logger.warn({ interactionId: input.id, code: error.code }, "interaction could not be answered");
        return;
      }
      logger.error({ err: error, interactionId: input.id }, "sending the reply failed");
      if (interaction.isAutocomplete() || !interaction.isRepliable()) return;
      const note = messageOptions(
        renderNotice(`Something went wrong on our side (ref ${input.id}). Please try again.`),
      );
      try {
        if (interaction.replied || interaction.deferred) await interaction.followUp(note);
        else await interaction.reply(note);
      } catch (second) {
        logger.warn({ err: second, interactionId: input.id }, "the error note could not be sent either");
      }
    }
  }

  client.on(Events.InteractionCreate, (interaction) => {
    const task = respond(interaction).catch((error) =>
      logger.error({ err: error }, "interaction handler failed"),
    );
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, "client error"));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, "client warning"));
  // A shard's process has a logger that already names its shard (shard-process.ts).
  const shardField = (shard: number) => ("shard" in logger.bindings() ? {} : { shard });
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ ...shardField(shard), code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info(shardField(shard), "gateway reconnecting"));
  client.on(Events.ShardResume, (shard) => logger.info(shardField(shard), "gateway resumed"));
  client.once(Events.ClientReady, (ready) =>
    logger.info(
      {
        user: ready.user.tag,
        commands: commands.size,
        articles: library.list().length,
        guilds: ready.guilds.cache.size,
      },
      "ready",
    ),
  );

  return {
    client,
    channels,
    async start(): Promise<void> {
      await client.login(config.DISCORD_TOKEN);
    },
    /** Lets in-flight replies finish (up to `graceMs`), then closes the gateway. */
    async stop(graceMs = 1500): Promise<void> {
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => setTimeout(r, graceMs).unref()),
      ]);
      await client.destroy();
    },
  };
}
