// `scope: library` on /ask, /who, /quote, /when and /check: the question is answered from every article of the
// server's library (src/app/library-answers.ts) instead of one, grouped by article, each citation naming its
// article. The option is added to those commands by `withScope`; the router sends such a command here.
import type { SlashCommandOptionsOnlyBuilder } from "discord.js";
import type { ArticleService } from "../app/article-service.ts";
import { RequestError } from "../app/ask.ts";
import { askLibrary } from "../app/library-answers.ts";
import { librarySearch } from "../app/library-context.ts";
import type { ServerLibrary } from "../app/server-library.ts";
import { translator } from "../i18n/messages.ts";
import { libraryAnswerMessage, renderLibraryTimeline } from "../render/render-library.ts";
import { NO_MENTIONS, type Reply } from "../render/reply.ts";
import type { OptionValues } from "./command.ts";

export function withScope(builder: SlashCommandOptionsOnlyBuilder): SlashCommandOptionsOnlyBuilder {
  return builder.addStringOption((o) =>
    o
      .setName("scope")
      .setDescription("This article (default), or every article in the library")
      .setMaxLength(7)
      .addChoices({ name: "article", value: "article" }, { name: "library", value: "library" }),
  );
}

/** The option each scoped command's question comes in. */
const QUESTION_OPTION: Readonly<Record<string, string>> = {
  ask: "question",
  who: "query",
  when: "query",
  check: "claim",
};

/** A library-scope answer, or undefined when the command is not asked with `scope: library`. */
export async function libraryScopeReply(
  name: string,
  options: OptionValues,
  serverId: string,
  articles: ArticleService,
  library: ServerLibrary,
  locale?: string | undefined,
): Promise<Reply | undefined> {
  if (options.scope !== "library") return undefined;
  const text = (key: string) => {
    const value = options[key];
    return typeof value === "string" ? value : undefined;
  };
  const question = QUESTION_OPTION[name];
  if (!question && name !== "quote") return undefined;
  try {
    const answer = await askLibrary(
      { library, search: librarySearch(articles), serverId },
      name === "quote"
        ? { command: "quote", speaker: text("speaker"), topic: text("topic") }
        : { command: name, query: question ? text(question) : undefined },
    );
    const picture =
      answer.kind === "timeline" ? renderLibraryTimeline(answer, translator(locale)) : undefined;
    return { type: "message", data: libraryAnswerMessage(answer, options.private === true, picture) };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return { type: "message", data: { content: error.message, flags: 64, allowed_mentions: NO_MENTIONS } };
  }
}
