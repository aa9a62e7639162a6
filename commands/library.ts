import { SlashCommandBuilder } from "discord.js";
import { RequestError } from "../src/app/ask.ts";
import { askLibrary, searchLibrary } from "../src/app/library-answers.ts";
import { librarySearch } from "../src/app/library-context.ts";
import type { ActionContext, ActionReply, CommandModule } from "../src/interactions/command.ts";
import { MAX_QUERY_OPTION } from "../src/interactions/common-options.ts";
import { libraryAnswerMessage, searchMessage } from "../src/render/render-library.ts";
import { NO_MENTIONS } from "../src/render/reply.ts";

// Questions across every article of the server's library (the built-in ones too), each citation naming its
// article; `/library search` lists the articles that mention a name, place or phrase.
const data = new SlashCommandBuilder()
  .setName("library")
  .setDescription("Questions across every article in this server's library")
  .addSubcommand((s) =>
    s
      .setName("search")
      .setDescription("The articles that mention a person, place or phrase, with the best sentence of each")
      .addStringOption((o) =>
        o.setName("query").setDescription("Words to find").setRequired(true).setMaxLength(MAX_QUERY_OPTION),
      )
      .addIntegerOption((o) => o.setName("page").setDescription("Which page (5 a page)").setMinValue(1)),
  )
  .addSubcommand((s) =>
    s
      .setName("ask")
      .setDescription("Any question, answered from every article, grouped by article")
      .addStringOption((o) =>
        o.setName("question").setDescription("A question").setRequired(true).setMaxLength(MAX_QUERY_OPTION),
      )
      .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  )
  .addSubcommand((s) =>
    s
      .setName("who")
      .setDescription("One profile across articles: roles, quotes by article, first and last mention")
      .addStringOption((o) =>
        o
          .setName("name")
          .setDescription("A person or organisation")
          .setRequired(true)
          .setMaxLength(MAX_QUERY_OPTION),
      )
      .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  )
  .addSubcommand((s) =>
    s
      .setName("when")
      .setDescription("The story's timeline across articles, or when something happened")
      .addStringOption((o) =>
        o.setName("query").setDescription("A question (none: the timeline)").setMaxLength(MAX_QUERY_OPTION),
      )
      .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  )
  .addSubcommand((s) =>
    s
      .setName("check")
      .setDescription("Check claims against every article: where articles disagree, both are shown")
      .addStringOption((o) =>
        o.setName("claim").setDescription("The claims").setRequired(true).setMaxLength(1000),
      )
      .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  );

const note = (content: string): ActionReply => ({
  type: "message",
  data: { content, flags: 64, allowed_mentions: NO_MENTIONS },
});

async function execute(ctx: ActionContext): Promise<ActionReply> {
  const scope = { library: ctx.library, search: librarySearch(ctx.articles), serverId: ctx.place.serverId };
  const text = (name: string) => {
    const value = ctx.options[name];
    return typeof value === "string" ? value : undefined;
  };
  const ephemeral = ctx.options.private === true;
  try {
    switch (ctx.subcommand) {
      case "search": {
        const page = typeof ctx.options.page === "number" ? ctx.options.page - 1 : 0;
        return {
          type: "message",
          data: searchMessage(await searchLibrary(scope, text("query") ?? "", page)),
        };
      }
      case "ask":
        return {
          type: "message",
          data: libraryAnswerMessage(
            await askLibrary(scope, { command: "ask", query: text("question") }),
            ephemeral,
          ),
        };
      case "who":
        return {
          type: "message",
          data: libraryAnswerMessage(
            await askLibrary(scope, { command: "who", query: text("name") }),
            ephemeral,
          ),
        };
      case "when":
        return {
          type: "message",
          data: libraryAnswerMessage(
            await askLibrary(scope, { command: "when", query: text("query") }),
            ephemeral,
          ),
        };
      case "check":
        return {
          type: "message",
          data: libraryAnswerMessage(
            await askLibrary(scope, { command: "check", query: text("claim") }),
            ephemeral,
          ),
        };
      default:
        return note("Use /library search, ask, who, when or check.");
    }
  } catch (error) {
    if (error instanceof RequestError) return note(error.message);
    throw error;
  }
}

export default { kind: "action", data, execute } satisfies CommandModule;
