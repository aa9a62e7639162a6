// `citebot`: the command-line adapter. Usage errors exit 2, a library with no valid article exits 1.
import { parseArgs } from "node:util";
import { ask, RequestError } from "../app/ask.ts";
import type { Io } from "../app/io.ts";
import { askLibrary, LibrarySearch, searchLibrary } from "../app/library-answers.ts";
import { hasArticleStore, type OpenArticles, openArticleService } from "../app/open-articles.ts";
import { ServerLibrary } from "../app/server-library.ts";
import { type Config, ConfigError, loadDotenv, readConfig } from "../config.ts";
import {
  ArticleError,
  type ArticleLibrary,
  articleData,
  COMMANDS,
  MAX_ANSWER_LIMIT,
  MemoryLibrary,
} from "../engine/index.ts";
import { FeedError } from "../feeds/feed-service.ts";
import { loadLibrary, NoArticlesError, readArticleFile } from "../files/folder-library.ts";
import { IngestError, isInputFailure } from "../ingest/failure.ts";
import { CommandLoadError } from "../interactions/command.ts";
import { LOCAL_SERVER } from "../store/article-store.ts";
import { runBatch } from "./batch.ts";
import { runConsole } from "./console.ts";
import { runFeedCommand } from "./feed-commands.ts";
import { addFromCli, CliIoError, libraryListJson, renderAdded } from "./library-commands.ts";
import { renderLibraryText, renderSearchText } from "./render-library.ts";
import { ansiStyle, plainStyle, renderAnswerText, renderArticleList } from "./render-text.ts";

export const USAGE = `Usage:
  citebot ${COMMANDS.join("|")} [QUERY] [--article ID|PATH] [--articles DIR]
                                 [--sentences N] [--speaker NAME] [--topic TEXT] [--limit N] [--json]
                                 [--scope article|library]   library: answer from every article
  citebot search QUERY [--page N] [--json]   the articles that mention every word of QUERY
  citebot feed add URL | poll | list | remove ID [--json]   news feeds that add to the local library
  citebot add URL|FILE [--json]   add an article (a link, or a .txt .md .html .pdf file) to the local library
  citebot remove ID               remove an added article from the local library
  citebot articles [--json]       list the library (built-in and added articles)
  citebot article ID [--json]     an article's text and paragraphs
  citebot console                 type commands as in Discord (/who Ombaka)
  citebot batch                   JSON lines on stdin → one Answer JSON line each on stdout
  citebot start                   the Discord bot when DISCORD_TOKEN is set, else the console;
                                 with INTERACTIONS_MODE=http, the interactions endpoint on PORT
  citebot deploy [--dry-run] [--clear]   register the slash commands with Discord

The built-in library is --articles DIR, else ARTICLES_DIR, else the project's seeds/ folder; added
articles are kept in CITEBOT_DATA_DIR (default ./data).`;

export class UsageError extends Error {}

const ANSWER_COMMANDS: ReadonlySet<string> = new Set(COMMANDS);

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        article: { type: "string" },
        articles: { type: "string" },
        sentences: { type: "string" },
        limit: { type: "string" },
        speaker: { type: "string" },
        topic: { type: "string" },
        json: { type: "boolean" },
        scope: { type: "string" },
        page: { type: "string" },
        "dry-run": { type: "boolean" },
        clear: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify.*$/s, ""));
  }
}

function openLibrary(dir: string, io: Io): ArticleLibrary {
  const library = loadLibrary(dir);
  for (const p of library.problems) io.stderr.write(`citebot: skipped ${p.file}: ${p.reason}\n`);
  return library;
}

/** Articles added with `citebot add`, opened only when some exist (or `create`, for adding). */
class LocalArticles {
  private opened: OpenArticles | undefined;
  private seeds: ArticleLibrary | undefined;
  private search: LibrarySearch | undefined;

  constructor(
    private readonly config: Config,
    private readonly dir: string,
    private readonly io: Io,
  ) {}

  private builtIn(): ArticleLibrary {
    this.seeds ??= openLibrary(this.dir, this.io);
    return this.seeds;
  }

  open(): OpenArticles {
    this.opened ??= openArticleService(this.config, this.builtIn());
    return this.opened;
  }

  /** The library and its full-text search, for questions across every article. */
  async scope() {
    const library = await this.library();
    const store = this.opened?.service.store;
    this.search ??= new LibrarySearch(store, this.builtIn());
    return { library, search: this.search, serverId: LOCAL_SERVER };
  }

  /** The seeds plus the local library's added articles. */
  async library(): Promise<ArticleLibrary> {
    if (!this.opened && !hasArticleStore(this.config)) return this.builtIn();
    return this.open().service.library(LOCAL_SERVER);
  }

  async close(): Promise<void> {
    await this.search?.close();
    await this.opened?.close();
  }
}

/** `--article` may name a file: that file alone is the library. */
async function libraryFor(
  articleArg: string | undefined,
  local: LocalArticles,
): Promise<{ library: ArticleLibrary; id?: string }> {
  if (articleArg && /[\\/]|\.(txt|md)$/i.test(articleArg)) {
    const library = new MemoryLibrary();
    const source = readArticleFile(articleArg);
    library.add(source);
    return { library, id: source.meta.id };
  }
  return { library: await local.library(), ...(articleArg ? { id: articleArg } : {}) };
}

/** A whole-number option; its range is the request schema's to check. */
function wholeNumberOption(name: string, range: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()))
    throw new UsageError(`--${name} must be a whole number from ${range}, not "${value}"`);
  return Number(value);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const write = (s: string) => io.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
  let local: LocalArticles | undefined;
  try {
    const { values, positionals } = parse(argv);
    const [command = "help", ...rest] = positionals;
    if (values.help || command === "help") {
      write(USAGE);
      return 0;
    }
    const config = readConfig(io.env);
    const dir = values.articles ?? config.ARTICLES_DIR;
    const style = io.stdout.isTTY ? ansiStyle : plainStyle;
    local = new LocalArticles(config, dir, io);
    const localArticles = local;
    const openConsole = async () =>
      runConsole(await localArticles.library(), {
        input: io.stdin,
        output: io.stdout,
        style,
        interactive: Boolean(io.stdin.isTTY),
      });

    const scope = values.scope ?? "article";
    if (scope !== "article" && scope !== "library")
      throw new UsageError(`--scope must be article or library, not "${scope}"`);
    if (ANSWER_COMMANDS.has(command) && scope === "library") {
      if (values.article)
        throw new UsageError("--scope library answers from every article; leave out --article");
      const answer = await askLibrary(await local.scope(), {
        command,
        query: rest.join(" ") || undefined,
        speaker: values.speaker,
        topic: values.topic,
        limit: wholeNumberOption("limit", `1 to ${MAX_ANSWER_LIMIT}`, values.limit),
      });
      write(values.json ? JSON.stringify(answer, null, 2) : renderLibraryText(answer, style));
      return 0;
    }
    if (ANSWER_COMMANDS.has(command)) {
      const { library, id } = await libraryFor(values.article, local);
      const answer = ask(library, {
        command,
        article: id,
        query: rest.join(" ") || undefined,
        speaker: values.speaker,
        topic: values.topic,
        sentences: wholeNumberOption("sentences", "1 to 10", values.sentences),
        limit: wholeNumberOption("limit", `1 to ${MAX_ANSWER_LIMIT}`, values.limit),
      });
      write(values.json ? JSON.stringify(answer, null, 2) : renderAnswerText(answer, style));
      return 0;
    }
    switch (command) {
      case "search": {
        const query = rest.join(" ");
        if (!query.trim()) throw new UsageError("usage: citebot search QUERY [--page N] [--json]");
        const page = wholeNumberOption("page", "1", values.page) ?? 1;
        if (page < 1) throw new UsageError("--page must be a whole number from 1");
        const found = await searchLibrary(await local.scope(), query, page - 1);
        write(values.json ? JSON.stringify(found, null, 2) : renderSearchText(found));
        return 0;
      }
      case "feed": {
        const printed = await runFeedCommand(
          rest,
          Boolean(values.json),
          config,
          local.open(),
          (m) => new UsageError(m),
        );
        write(printed);
        return 0;
      }
      case "articles": {
        const library = await local.library();
        const list = library instanceof ServerLibrary ? libraryListJson(library) : library.list();
        write(values.json ? JSON.stringify(list, null, 2) : renderArticleList(list));
        return 0;
      }
      case "add": {
        const [target, ...extra] = rest;
        if (!target || extra.length > 0) throw new UsageError("usage: citebot add URL|FILE [--json]");
        const outcome = await addFromCli(local.open().service, target);
        write(values.json ? JSON.stringify(outcome.article, null, 2) : renderAdded(outcome));
        return 0;
      }
      case "remove": {
        const [id, ...extra] = rest;
        if (!id || extra.length > 0) throw new UsageError("usage: citebot remove ID");
        const removed = await local
          .open()
          .service.remove(LOCAL_SERVER, id, { userId: "cli", canManageMessages: true });
        if (removed.status === "built-in")
          throw new UsageError(`"${id}" is a built-in article (the seeds folder); it cannot be removed`);
        if (removed.status !== "removed")
          throw new UsageError(`no added article "${id}" (see: citebot articles)`);
        write(`Removed ${id}`);
        return 0;
      }
      case "article": {
        const { library, id } = await libraryFor(rest[0] ?? values.article, local);
        const wanted = id ?? library.defaultId();
        const article = wanted ? library.get(wanted) : undefined;
        if (!article) throw new UsageError(`unknown article "${wanted}" (see: citebot articles)`);
        const data = articleData(article);
        write(
          values.json ? JSON.stringify(data, null, 2) : `${data.title}\n${data.date ?? ""}\n\n${data.text}`,
        );
        return 0;
      }
      case "console":
        await openConsole();
        return 0;
      case "batch": {
        const library = await local.library();
        await runBatch(library, io.stdin, io.stdout, () => localArticles.scope());
        return 0;
      }
      case "start": {
        if (config.INTERACTIONS_MODE === "http") {
          const { runHttp } = await import("../http/run-http.ts");
          return await runHttp(config, io);
        }
        if (!config.DISCORD_TOKEN) {
          io.stderr.write(
            "citebot: DISCORD_TOKEN is not set, so the Discord bot is off; opening the console on the library.\n",
          );
          await openConsole();
          return 0;
        }
        const { runBot } = await import("../discord/run.ts");
        return await runBot(config, io);
      }
      case "deploy": {
        const { runDeploy } = await import("../discord/deploy.ts");
        // `npm run deploy --dry-run` hands the flag to npm, which passes it on as npm_config_dry_run.
        const dryRun = Boolean(values["dry-run"]) || io.env.npm_config_dry_run === "true";
        const clear = Boolean(values.clear) || io.env.npm_config_clear === "true";
        return await runDeploy(config, { dryRun, clear }, io);
      }
      default:
        throw new UsageError(`unknown command "${command}" (try: citebot help)`);
    }
  } catch (error) {
    if (error instanceof IngestError) {
      io.stderr.write(`citebot: ${error.message}\n`);
      return isInputFailure(error.failure) ? 2 : 1;
    }
    if (error instanceof CliIoError) {
      io.stderr.write(`citebot: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof RequestError || error instanceof FeedError) {
      io.stderr.write(`citebot: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CommandLoadError) {
      io.stderr.write(`citebot: command module ${error.message}\n`);
      return 1;
    }
    if (error instanceof ArticleError || error instanceof ConfigError) {
      io.stderr.write(`citebot: ${error.message}\n`);
      return error instanceof ArticleError ? 2 : 1;
    }
    if (error instanceof NoArticlesError) {
      for (const p of error.problems) io.stderr.write(`citebot: skipped ${p.file}: ${p.reason}\n`);
      io.stderr.write(`citebot: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await local?.close();
  }
}

export async function runFromProcess(): Promise<void> {
  await loadDotenv();
  const code = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  process.exitCode = code;
}
