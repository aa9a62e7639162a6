// `citebot batch`: JSON lines in, one Answer JSON line out per request, in order, in one process.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import { ask, RequestError } from "../app/ask.ts";
import { askLibrary, type LibraryQuestion } from "../app/library-answers.ts";
import { ArticleError, type ArticleLibrary, MemoryLibrary, sourceFromText } from "../engine/index.ts";
import { readArticleFile } from "../files/folder-library.ts";

const batchLineSchema = z.object({
  command: z.string({ error: "command is required" }),
  query: z.string().optional(),
  scope: z.enum(["article", "library"], { error: "scope must be article or library" }).optional(),
  options: z
    .object({
      sentences: z.number().optional(),
      limit: z.number().optional(),
      speaker: z.string().optional(),
      topic: z.string().optional(),
    })
    .optional(),
  article: z
    .union([
      z.string(),
      z.object({
        text: z.string(),
        date: z.string().optional(),
        title: z.string().optional(),
        id: z.string().optional(),
      }),
    ])
    .optional(),
});

type BatchLine = z.infer<typeof batchLineSchema>;

/** Answers batch lines against a library, adding inline and path articles to an overlay library. */
export class BatchRunner {
  private readonly inline = new MemoryLibrary();

  constructor(
    private readonly library: ArticleLibrary,
    /** The library and its search for `scope: "library"` lines; without it they are refused. */
    private readonly libraryScope?: () => Promise<LibraryQuestion | undefined>,
  ) {}

  /** One line, a library-scope line answered from every article; the others as `run` answers them. */
  async runAny(raw: string, lineNumber: number): Promise<string> {
    let line: BatchLine | undefined;
    try {
      const parsed = batchLineSchema.safeParse(JSON.parse(raw));
      if (parsed.success) line = parsed.data;
    } catch {
      // `run` reports the line as not JSON.
    }
    if (line?.scope !== "library") return this.run(raw, lineNumber);
    try {
      if (line.article !== undefined)
        throw new RequestError('scope "library" answers from every article; leave out article');
      const scope = await this.libraryScope?.();
      if (!scope) throw new RequestError('scope "library" is not available here');
      const answer = await askLibrary(scope, {
        command: line.command,
        query: line.query,
        speaker: line.options?.speaker,
        topic: line.options?.topic,
        limit: line.options?.limit,
      });
      return JSON.stringify(answer);
    } catch (error) {
      if (error instanceof RequestError) return JSON.stringify({ error: error.message, line: lineNumber });
      throw error;
    }
  }

  private articleFor(line: BatchLine): { library: ArticleLibrary; id: string | undefined } {
    const { article } = line;
    if (article === undefined) return { library: this.library, id: undefined };
    if (typeof article === "string") {
      if (this.library.meta(article)) return { library: this.library, id: article };
      if (/[\\/]|\.(txt|md)$/i.test(article) && existsSync(article)) {
        const key = `path-${createHash("sha1").update(article).digest("hex").slice(0, 12)}`;
        if (!this.inline.meta(key)) {
          const source = readArticleFile(article);
          this.inline.add({ ...source, meta: { ...source.meta, id: key } });
        }
        return { library: this.inline, id: key };
      }
      return { library: this.library, id: article };
    }
    const head = article.date ? `date ${article.date} ` : "";
    const key = `inline-${createHash("sha1")
      .update(`${article.title ?? ""}\u0000${article.date ?? ""}\u0000${article.text}`)
      .digest("hex")
      .slice(0, 12)}`;
    if (!this.inline.meta(key)) {
      const overrides = article.title ? { title: article.title } : {};
      this.inline.add(sourceFromText(key, article.id ?? "inline article", head + article.text, overrides));
    }
    return { library: this.inline, id: key };
  }

  /** One request line → one response line (an Answer, or `{ error, line }`). */
  run(raw: string, lineNumber: number): string {
    try {
      const json: unknown = JSON.parse(raw);
      const parsed = batchLineSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new RequestError(`${issue?.path.join(".") || "line"}: ${issue?.message ?? "invalid"}`);
      }
      const line = parsed.data;
      const { library, id } = this.articleFor(line);
      const result = ask(library, {
        command: line.command,
        article: id,
        query: line.query,
        speaker: line.options?.speaker,
        topic: line.options?.topic,
        sentences: line.options?.sentences,
        limit: line.options?.limit,
      });
      return JSON.stringify(result);
    } catch (error) {
      if (error instanceof SyntaxError)
        return JSON.stringify({ error: `not JSON: ${error.message}`, line: lineNumber });
      if (error instanceof RequestError || error instanceof ArticleError) {
        return JSON.stringify({ error: error.message, line: lineNumber });
      }
      throw error;
    }
  }
}

export async function runBatch(
  library: ArticleLibrary,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  libraryScope?: () => Promise<LibraryQuestion | undefined>,
): Promise<{ lines: number; errors: number }> {
  const runner = new BatchRunner(library, libraryScope);
  let lines = 0;
  let errors = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (raw.trim() === "") continue;
    lines++;
    const out = await runner.runAny(raw, lines);
    if (out.startsWith('{"error"')) errors++;
    if (!output.write(`${out}\n`)) await new Promise((resolve) => output.once("drain", resolve));
  }
  return { lines, errors };
}
