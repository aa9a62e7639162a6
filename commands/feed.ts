import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { FeedError } from "../src/feeds/feed-service.ts";
import { feedsOf } from "../src/feeds/registry.ts";
import { t } from "../src/i18n/messages.ts";
import type { ActionContext, ActionReply, CommandModule } from "../src/interactions/command.ts";
import { isUserLibrary } from "../src/interactions/place.ts";
import { feedListMessage } from "../src/render/render-library.ts";
import { NO_MENTIONS } from "../src/render/reply.ts";

// News feeds that fill the server's library: each new item is added as /article add would and posted as a short
// card (or in one daily digest). Manage Server only.
const data = new SlashCommandBuilder()
  .setName("feed")
  .setDescription("News feeds (RSS or Atom) that add their articles to this server's library")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName("add")
      .setDescription("Follow a feed: its new articles are added and posted to a channel")
      .addStringOption((o) =>
        o.setName("url").setDescription("The feed's link").setRequired(true).setMaxLength(2000),
      )
      .addChannelOption((o) =>
        o
          .setName("channel")
          .setDescription("Where to post (default: here)")
          .addChannelTypes(ChannelType.GuildText),
      )
      .addStringOption((o) =>
        o
          .setName("digest")
          .setDescription("Post each item, or one daily digest")
          .addChoices({ name: "each item", value: "each" }, { name: "daily digest", value: "daily" }),
      )
      .addIntegerOption((o) =>
        o.setName("hour").setDescription("The digest's hour, 0–23").setMinValue(0).setMaxValue(23),
      )
      .addStringOption((o) =>
        o
          .setName("timezone")
          .setDescription("The server's time zone, e.g. Europe/London (default UTC)")
          .setMaxLength(64),
      ),
  )
  .addSubcommand((s) => s.setName("list").setDescription("The feeds this server follows"))
  .addSubcommand((s) =>
    s
      .setName("remove")
      .setDescription("Stop following a feed (the articles it added stay)")
      .addStringOption((o) =>
        o.setName("feed").setDescription("The feed's id (see /feed list)").setRequired(true).setMaxLength(20),
      ),
  );

const note = (content: string): ActionReply => ({
  type: "message",
  data: { content, flags: 64, allowed_mentions: NO_MENTIONS },
});

async function execute(ctx: ActionContext): Promise<ActionReply> {
  const feeds = feedsOf(ctx.articles);
  if (!feeds) return note("Feeds are not available on this bot.");
  // A feed posts to a server's channel: a DM or a user install has none the bot can post in.
  if (isUserLibrary(ctx.place.serverId)) return note(t(ctx.locale, "feed.needsServer"));
  const text = (name: string) =>
    typeof ctx.options[name] === "string" ? (ctx.options[name] as string) : undefined;
  try {
    switch (ctx.subcommand) {
      case "add": {
        const url = text("url") ?? "";
        const digest = text("digest") === "daily" ? "daily" : "each";
        const hour = typeof ctx.options.hour === "number" ? ctx.options.hour : null;
        const channelId = text("channel") ?? ctx.place.channelId;
        return {
          type: "deferred",
          ephemeral: true,
          work: async () => {
            try {
              const { status, feed } = await feeds.add(ctx.place.serverId, url, {
                channelId,
                digest,
                digestHour: digest === "daily" ? (hour ?? 8) : null,
                timeZone: text("timezone") ?? null,
                addedBy: ctx.userId,
              });
              const when =
                digest === "daily"
                  ? `a daily digest at ${feed.digestHour}:00 ${feed.timeZone ?? "UTC"}`
                  : "each new item";
              return {
                visibility: "private",
                data: {
                  content: `${status === "added" ? "Following" : "Already following"} ${feed.title ?? feed.url} (\`${feed.id}\`): ${when} in <#${channelId}>.`,
                  allowed_mentions: NO_MENTIONS,
                },
              };
            } catch (error) {
              if (error instanceof FeedError)
                return {
                  visibility: "private",
                  data: {
                    content: `Could not follow that feed: ${error.message}`,
                    allowed_mentions: NO_MENTIONS,
                  },
                };
              throw error;
            }
          },
        };
      }
      case "list":
        return { type: "message", data: feedListMessage(await feeds.list(ctx.place.serverId)) };
      case "remove":
        await feeds.remove(ctx.place.serverId, text("feed") ?? "");
        return note(`Stopped following \`${text("feed")}\`; the articles it added stay in the library.`);
      default:
        return note("Use /feed add, list or remove.");
    }
  } catch (error) {
    if (error instanceof FeedError) return note(error.message);
    throw error;
  }
}

export default { kind: "action", data, execute } satisfies CommandModule;
