import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.ts";

// The layering, read statically from the files' import lines (static, `export … from` and dynamic `import()`).
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^"']*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Each file's relative imports, as paths from the project root. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
      .filter((spec) => spec.startsWith("."))
      .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
    graph.set(file, targets);
  }
  return graph;
}

const files = ["src", "commands", "support", "bench"].flatMap(sourceFiles);
const graph = importGraph(files);
const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** Every file reachable from `start` through imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop() as string;
    for (const next of graph.get(file) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

describe("architecture", () => {
  it("reads the import lines it checks", () => {
    expect(graph.get("src/cli/main.ts")).toContain("src/app/ask.ts");
    expect(graph.get("src/cli/main.ts")).toContain("src/discord/run.ts");
    expect(graph.get("commands/who.ts")).toContain("src/interactions/command.ts");
  });

  it("everything outside the engine (adapters, app, ingest, store, feeds, eval) uses it only through src/engine/index.ts", () => {
    const outside = files
      .filter(
        (file) => (inFolder(file, "src") && !inFolder(file, "src/engine")) || inFolder(file, "commands"),
      )
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((target) => inFolder(target, "src/engine") && target !== "src/engine/index.ts")
          .map((target) => `${file} → ${target}`),
      );
    expect(outside).toEqual([]);
  });

  it("src/discord and src/http never reach src/cli (no cycle with the CLI that starts them)", () => {
    const intoCli = files
      .filter((file) => inFolder(file, "src/discord") || inFolder(file, "src/http"))
      .flatMap((file) =>
        [...reachable(file)].filter((t) => inFolder(t, "src/cli")).map((t) => `${file} → ${t}`),
      );
    expect(intoCli).toEqual([]);
  });

  it("bench/ and support/ (what tests and benchmarks share) reach nothing in test/", () => {
    const intoTests = files
      .filter((file) => inFolder(file, "bench") || inFolder(file, "support"))
      .flatMap((file) =>
        [...reachable(file)].filter((t) => inFolder(t, "test")).map((t) => `${file} → ${t}`),
      );
    expect(graph.get("bench/run.ts")).toContain("support/discord-stand-in.ts");
    expect(intoTests).toEqual([]);
  });

  it("the gateway and the HTTP endpoint are siblings over src/interactions: neither imports the other", () => {
    const across = files
      .filter((file) => inFolder(file, "src/discord") || inFolder(file, "src/http"))
      .flatMap((file) =>
        (graph.get(file) ?? [])
          .filter((t) =>
            inFolder(file, "src/discord") ? inFolder(t, "src/http") : inFolder(t, "src/discord"),
          )
          .map((t) => `${file} → ${t}`),
      );
    expect(graph.get("src/http/run-http.ts")).toContain("src/interactions/route.ts");
    expect(graph.get("src/discord/bot.ts")).toContain("src/interactions/route.ts");
    expect(across).toEqual([]);
  });

  it("the router and the renderers know no transport", () => {
    const down = files
      .filter((file) => inFolder(file, "src/interactions") || inFolder(file, "src/render"))
      .flatMap((file) =>
        [...reachable(file)]
          .filter((t) => ["src/cli", "src/discord", "src/http", "commands"].some((f) => inFolder(t, f)))
          .map((t) => `${file} → ${t}`),
      );
    expect(down).toEqual([]);
  });

  it("the engine reads no files but the data it ships with (its models and WordNet)", () => {
    const readers = files.filter(
      (file) =>
        inFolder(file, "src/engine") && /from\s+["']node:fs["']/.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(readers.sort()).toEqual([
      "src/engine/models/ner.ts",
      "src/engine/models/nli.ts",
      "src/engine/models/reader.ts",
      "src/engine/models/word-vectors.ts",
      "src/engine/wordnet/dict.ts",
    ]);
  });

  it("the engine imports nothing of the project outside itself (only packages and Node)", () => {
    const outside = files
      .filter((file) => inFolder(file, "src/engine"))
      .flatMap((file) =>
        (graph.get(file) ?? []).filter((t) => !inFolder(t, "src/engine")).map((t) => `${file} → ${t}`),
      );
    expect(outside).toEqual([]);
  });

  it("the engine and the application layer reach no adapter", () => {
    const upward = files
      .filter((file) => inFolder(file, "src/engine") || inFolder(file, "src/app"))
      .flatMap((file) =>
        [...reachable(file)]
          .filter((t) =>
            ["src/cli", "src/discord", "src/http", "src/interactions", "src/render", "commands"].some((f) =>
              inFolder(t, f),
            ),
          )
          .map((t) => `${file} → ${t}`),
      );
    expect(upward).toEqual([]);
  });
});

// ---- one of each: one sentence index, one boilerplate rule table, one date extractor ---------------------------

describe("one of each", () => {
  const importing = (pattern: RegExp) =>
    files.filter((file) => inFolder(file, "src") && pattern.test(readFileSync(join(ROOT, file), "utf8")));

  it("one sentence index: only src/engine/index/search-index.ts builds a minisearch in the engine", () => {
    const builders = importing(/from\s+["']minisearch["']/).filter((file) => inFolder(file, "src/engine"));
    expect(builders).toEqual(["src/engine/index/search-index.ts"]);
  });

  it("one boilerplate rule table, read by the engine and by ingest", () => {
    expect(importing(/\bBOILERPLATE_RULES = \[/)).toEqual(["src/engine/parse/boilerplate.ts"]);
    expect(importing(/\bmatchBoilerplate\(/)).toEqual(
      expect.arrayContaining(["src/engine/parse/segment.ts", "src/ingest/extract-html.ts"]),
    );
  });

  it("one date extractor: chrono-node and the date rules are read only inside timex", () => {
    const readers = importing(/chrono-node|timex\/(?:chrono|pattern|phrase)-rules\.ts/).filter((file) =>
      inFolder(file, "src/engine"),
    );
    expect(
      readers.filter(
        (file) => file !== "src/engine/parse/timex.ts" && !inFolder(file, "src/engine/parse/timex"),
      ),
    ).toEqual([]);
  });
});

// ---- one lexicon: word lists live in src/engine/lexicon/, never spelled inside a rule --------------------------

/** A plain word or phrase: letters (at least one lower-case), apostrophes, spaces, hyphens: `said`, `Mr`, `last night`. */
const PLAIN_WORD = /^(?=.*\p{Ll})\p{L}[\p{L}'’ -]*$/u;

/** The alternatives of every alternation (each group's, and the top level's) in a regular expression's source. */
function alternations(source: string): string[][] {
  const open: string[][] = [[""]];
  const closed: string[][] = [];
  const append = (text: string) => {
    const alternatives = open[open.length - 1] as string[];
    alternatives[alternatives.length - 1] += text;
  };
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") {
      append(source.slice(i, i + 2));
      i++;
    } else if (inClass) {
      inClass = c !== "]";
      append(c);
    } else if (c === "[") {
      inClass = true;
      append(c);
    } else if (c === "(") {
      open.push([""]);
      i += /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(i + 1))?.[0].length ?? 0;
    } else if (c === ")" && open.length > 1) {
      closed.push(open.pop() as string[]);
      append("(…)");
    } else if (c === "|") (open[open.length - 1] as string[]).push("");
    else append(c);
  }
  return [...closed, ...open];
}

/** The word lists (three words or more) spelled as alternations in a pattern: `/\b(said|told|added)\b/`. */
const wordAlternations = (source: string) =>
  alternations(source)
    .map((alternatives) => alternatives.filter((a) => PLAIN_WORD.test(a)))
    .filter((words) => words.length >= 3)
    .map((words) => words.join("|"));

/** Where a file spells a word list: regex literals, pattern strings and templates, `new Set([...words])`. */
function spelledWordLists(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    let pattern: string | undefined;
    if (ts.isRegularExpressionLiteral(node)) pattern = node.text.slice(1, node.text.lastIndexOf("/"));
    else if (ts.isStringLiteral(node)) pattern = node.text;
    else if (ts.isNoSubstitutionTemplateLiteral(node)) pattern = node.rawText;
    else if (ts.isTemplateExpression(node))
      pattern = [node.head.rawText, ...node.templateSpans.map((s) => s.literal.rawText)].join("\u0000");
    if (pattern?.includes("|"))
      for (const words of wordAlternations(pattern)) found.push(`${file}: /${words}/`);
    if (ts.isNewExpression(node) && node.expression.getText() === "Set") {
      const list = node.arguments?.[0];
      const literalWords =
        list !== undefined &&
        ts.isArrayLiteralExpression(list) &&
        list.elements.length > 0 &&
        list.elements.every((e) => ts.isStringLiteralLike(e) && PLAIN_WORD.test(e.text));
      const splitLiteral =
        list !== undefined &&
        ts.isCallExpression(list) &&
        ts.isPropertyAccessExpression(list.expression) &&
        list.expression.name.text === "split" &&
        (ts.isStringLiteralLike(list.expression.expression) ||
          ts.isParenthesizedExpression(list.expression.expression) ||
          ts.isTemplateExpression(list.expression.expression));
      if (literalWords || splitLiteral) found.push(`${file}: new Set(${list.getText().slice(0, 60)})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Alternations outside the lexicon that are not language: file extensions, MIME subtypes, schema.org types and URL
 * tracking parameters. Each is named, so that no word list slips in beside them.
 */
const NOT_LANGUAGE = [
  "src/interactions/command.ts: /ts|js|mjs/",
  "src/feeds/fetch-feed.ts: /xml|plain|html/",
  "src/ingest/extract-html.ts: /Article|BlogPosting|LiveBlogPosting|NewsArticle|Report/",
  "src/store/article-store.ts: /fbclid|gclid|ref|cmpid/",
];

describe("one lexicon", () => {
  it("finds a word alternation and leaves other alternations alone", () => {
    expect(wordAlternations(String.raw`^\s*(?:is|was|are)\b`)).toEqual(["is|was|are"]);
    expect(wordAlternations(String.raw`\b(?:the\s+)?(said|told|added)\b`)).toEqual(["said|told|added"]);
    expect(wordAlternations(String.raw`(?:a|b)|\d+|[a|b|c]`)).toEqual([]);
    expect(wordAlternations("(?:MO|AF|EV)")).toEqual([]);
    expect(wordAlternations(String.raw`(?:\d+|${"\u0000"}|two|three)`)).toEqual([]);
  });

  it("no regex or Set outside src/engine/lexicon/ spells a word list", () => {
    const spelled = files
      .filter((file) => inFolder(file, "src") && !inFolder(file, "src/engine/lexicon"))
      .flatMap(spelledWordLists)
      .map((finding) => finding.replace(/\s+/g, " "));
    expect(spelled.filter((finding) => !NOT_LANGUAGE.includes(finding))).toEqual([]);
    expect(NOT_LANGUAGE.filter((known) => !spelled.includes(known))).toEqual([]);
  });
});
