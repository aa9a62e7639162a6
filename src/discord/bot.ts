// The gateway adapter: discord.js at the edge. It turns an interaction into plain data, asks the handler,
// and sends the reply; transport faults (expired or already-answered interactions) are logged, never thrown.
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  Options,
} from "discord.js";
import type { Logger } from "pino";
import type { BotConfig } from "../config";
import type { ArticleLibrary } from "../engine/library";
import type { CommandModule, OptionValues } from "./command";
import {
  Cooldowns,
  type HandlerDeps,
  handleInteraction,
  type InteractionInput,
  MemoryAnswerStore,
} from "./handler";
import { renderNotice } from "./render";
import type { MessagePayload, Reply } from "./reply";

/** Discord error codes that mean the interaction can no longer be answered. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;

export interface BotOptions {
  config: BotConfig;
  library: ArticleLibrary;
  commands: ReadonlyMap<string, CommandModule>;
  logger: Logger;
}

function optionValues(interaction: ChatInputCommandInteraction | AutocompleteInteraction): OptionValues {
  const values: Record<string, string | number | boolean> = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

/** An interaction as plain data, or null for kinds citebot does not handle. */
export function toInput(interaction: Interaction): InteractionInput | null {
  const userId = interaction.user.id;
  if (interaction.isChatInputCommand()) {
    return {
      kind: "command",
      id: interaction.id,
      name: interaction.commandName,
      options: optionValues(interaction),
      userId,
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      kind: "autocomplete",
      id: interaction.id,
      name: interaction.commandName,
      options: optionValues(interaction),
      focused: { name: focused.name, value: String(focused.value ?? "") },
      userId,
    };
  }
  if (interaction.isButton())
    return { kind: "button", id: interaction.id, customId: interaction.customId, userId };
  return null;
}

function messageOptions(data: MessagePayload) {
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    allowedMentions: data.allowed_mentions,
    ...(data.flags ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

async function send(interaction: Interaction, reply: Reply): Promise<void> {
  if (reply.type === "autocomplete") {
    if (interaction.isAutocomplete()) await interaction.respond(reply.choices);
    return;
  }
  if (interaction.isAutocomplete()) return;
  if (reply.type === "update" && interaction.isButton()) {
    const { flags: _ephemeralCannotChange, ...rest } = messageOptions(reply.data);
    await (interaction as ButtonInteraction).update(rest);
    return;
  }
  await interaction.reply(messageOptions(reply.data));
}

const isGone = (error: unknown) =>
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
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

export function createBot({ config, library, commands, logger }: BotOptions) {
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
  const deps: HandlerDeps = {
    library,
    commands,
    store: new MemoryAnswerStore(),
    cooldowns: new Cooldowns(config.COMMAND_COOLDOWN_MS),
    now: () => Date.now(),
    onError: (error, input) =>
      logger.error({ err: error, interactionId: input.id, kind: input.kind }, "interaction failed"),
  };
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
    const reply = handleInteraction(input, deps);
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
        logger.warn(
          { interactionId: input.id, code: (error as DiscordAPIError).code },
          "interaction could not be answered",
        );
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
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shard) => logger.info({ shard }, "gateway resumed"));
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
