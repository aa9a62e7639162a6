import { SlashCommandBuilder } from "discord.js";
import {
  addFromOptions,
  articleInfo,
  listArticles,
  removeArticle,
  useArticle,
} from "../src/interactions/article-actions.ts";
import { articleChoices } from "../src/interactions/autocomplete.ts";
import type {
  ActionContext,
  ActionReply,
  AutocompleteContext,
  CommandModule,
} from "../src/interactions/command.ts";
import { MAX_ARTICLE_OPTION } from "../src/interactions/common-options.ts";
import { DISCORD_LIMITS as L } from "../src/render/limits.ts";

const data = new SlashCommandBuilder()
  .setName("article")
  .setDescription("This server's articles: add one, list them, see one, remove one, or pick the channel's")
  .addSubcommand((s) =>
    s
      .setName("add")
      .setDescription("Add an article by link, file or text (none given: paste it in a form)")
      .addStringOption((o) => o.setName("url").setDescription("A link to the article").setMaxLength(2000))
      .addAttachmentOption((o) => o.setName("file").setDescription("A .txt, .md, .html or .pdf file"))
      .addStringOption((o) =>
        o.setName("text").setDescription("The article's text, pasted").setMaxLength(L.stringOption),
      )
      .addStringOption((o) => o.setName("title").setDescription("A title for pasted text").setMaxLength(200)),
  )
  .addSubcommand((s) =>
    s
      .setName("list")
      .setDescription("The articles added in this server, newest first")
      .addIntegerOption((o) => o.setName("page").setDescription("Which page (10 a page)").setMinValue(1)),
  )
  .addSubcommand((s) =>
    s
      .setName("info")
      .setDescription("An article's title, date, byline, source, and who added it")
      .addStringOption((o) =>
        o
          .setName("article")
          .setDescription("Which article (default: this channel's current one)")
          .setAutocomplete(true)
          .setMaxLength(MAX_ARTICLE_OPTION),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName("remove")
      .setDescription("Remove an article you added (Manage Messages: anyone's)")
      .addStringOption((o) =>
        o
          .setName("article")
          .setDescription("Which article")
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(MAX_ARTICLE_OPTION),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName("use")
      .setDescription("Make an article this channel's current one (what commands use by default)")
      .addStringOption((o) =>
        o
          .setName("article")
          .setDescription("Which article")
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(MAX_ARTICLE_OPTION),
      ),
  );

function execute(ctx: ActionContext): ActionReply | Promise<ActionReply> {
  switch (ctx.subcommand) {
    case "list":
      return listArticles(ctx);
    case "info":
      return articleInfo(ctx);
    case "remove":
      return removeArticle(ctx);
    case "use":
      return useArticle(ctx);
    default:
      return addFromOptions(ctx);
  }
}

function autocomplete(ctx: AutocompleteContext) {
  return ctx.focused.name === "article" ? articleChoices(ctx.library, ctx.focused.value) : [];
}

export default { kind: "action", data, execute, autocomplete } satisfies CommandModule;
