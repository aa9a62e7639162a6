// `citebot console`: the bot's commands typed as `/who Ombaka`, answered from the same engine.
import { createInterface } from "node:readline";
import { ask, RequestError, resolveArticleId } from "../app/ask.ts";
import type { ArticleLibrary } from "../engine/index.ts";
import { parseCommandLine } from "./options-line.ts";
import { renderAnswerText, renderArticleList, type TextStyle } from "./render-text.ts";

const CONSOLE_HELP = `Commands (as in Discord):
  /summary [sentences:N]            the article in N sentences (1–10, default 3)
  /quote [speaker:NAME] [topic:T]   what the article quotes, by speaker and/or topic
  /who [NAME or QUESTION]           people and organisations, a profile, or who did what
  /when [QUESTION]                  the timeline, or when something happened
  /ask QUESTION                     any question: what, where, why, how many … (or question:…)
  /check claim:TEXT                 each claim of TEXT: supported, contradicted or not in the article
  /articles                         list the library
  /article ID                       switch to another article (default: the most recent)
  limit:N after any of these         at most N items (1–200, default 25)
  /help, /quit`;

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  style: TextStyle;
  interactive: boolean;
}

/** Handles one console line; returns the text to print, or null to quit. */
export function consoleLine(
  library: ArticleLibrary,
  state: { article?: string },
  line: string,
  style: TextStyle,
): string | null {
  const parsed = parseCommandLine(line);
  switch (parsed.command) {
    case "":
      return "";
    case "quit":
    case "exit":
      return null;
    case "help":
      return CONSOLE_HELP;
    case "articles":
      return renderArticleList(library.list());
    case "article": {
      const id = parsed.rest || parsed.options.article;
      if (!id) return `current article: ${resolveArticleId(library, state.article).id}`;
      const meta = resolveArticleId(library, id);
      state.article = meta.id;
      return `now answering from: ${meta.title} [${meta.id}]`;
    }
    default: {
      const sentences = parsed.options.sentences ?? (parsed.command === "summary" ? parsed.rest : "");
      const answer = ask(library, {
        command: parsed.command,
        article: parsed.options.article ?? state.article,
        query:
          parsed.options.query ??
          parsed.options.question ??
          parsed.options.claim ??
          (parsed.rest || undefined),
        speaker: parsed.options.speaker,
        topic: parsed.options.topic,
        sentences: sentences ? Number(sentences) : undefined,
        limit: parsed.options.limit ? Number(parsed.options.limit) : undefined,
      });
      return renderAnswerText(answer, style);
    }
  }
}

export async function runConsole(library: ArticleLibrary, options: ConsoleOptions): Promise<void> {
  const { input, output, style, interactive } = options;
  const state: { article?: string } = {};
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const latest = resolveArticleId(library, undefined);
  output.write(
    `citebot console — ${library.list().length} article(s); answering from "${latest.title}". Type /help.\n`,
  );
  if (interactive) rl.setPrompt("citebot> ");
  if (interactive) rl.prompt();
  for await (const line of rl) {
    let reply: string | null;
    try {
      reply = consoleLine(library, state, line, style);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      reply = `error: ${error.message}`;
    }
    if (reply === null) break;
    if (reply) output.write(`${reply}\n\n`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
