import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RIVERSIDE, ROOT, runCli, SEED_ID, SEEDS, tempLibrary } from "./helpers.ts";

describe("citebot CLI", () => {
  it("prints a who profile as JSON in the documented shape", async () => {
    const { code, stdout } = await runCli(["who", "Ombaka", "--json"]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual([
      "command",
      "query",
      "kind",
      "article",
      "found",
      "text",
      "items",
      "limit",
      "total",
      "citations",
    ]);
    expect(answer.article).toEqual({
      id: SEED_ID,
      title:
        "A Kenyan police officer sent to Haiti to help rein in violent gangs was fatally shot in a fight…",
      date: "2025-02-24",
    });
    expect(answer.items[0].name).toBe("Jack Ombaka");
    expect(Object.keys(answer.citations[0])).toEqual([
      "articleId",
      "paragraph",
      "sentence",
      "excerpt",
      "start",
      "end",
    ]);
  });

  it("gives offsets into the text that `citebot article ID --json` returns", async () => {
    const article = JSON.parse((await runCli(["article", SEED_ID, "--json"])).stdout);
    expect(Object.keys(article)).toEqual(["id", "title", "date", "text", "paragraphs", "headings"]);
    expect(article.paragraphs).toHaveLength(13);
    for (const command of [
      ["summary"],
      ["quote", "--speaker", "Ombaka"],
      ["who"],
      ["when"],
      ["when", "did", "the", "mission", "arrive"],
    ]) {
      const answer = JSON.parse((await runCli([...command, "--json"])).stdout);
      expect(answer.citations.length).toBeGreaterThan(0);
      for (const c of answer.citations) expect(article.text.slice(c.start, c.end)).toBe(c.excerpt);
      for (const item of answer.items) {
        if ("start" in item && "text" in item)
          expect(article.text.slice(item.start, item.end)).toBe(item.text);
      }
    }
  });

  it("prints item shapes per command", async () => {
    const quote = JSON.parse((await runCli(["quote", "--speaker", "Ombaka", "--json"])).stdout);
    expect(Object.keys(quote.items[0])).toEqual([
      "text",
      "speaker",
      "role",
      "direct",
      "start",
      "end",
      "paragraph",
    ]);
    const who = JSON.parse((await runCli(["who", "--json"])).stdout);
    expect(Object.keys(who.items[0])).toEqual(["name", "type", "role", "mentions", "quotes"]);
    const when = JSON.parse((await runCli(["when", "--json"])).stdout);
    expect(Object.keys(when.items[0])).toEqual([
      "text",
      "value",
      "display",
      "type",
      "start",
      "end",
      "paragraph",
      "event",
    ]);
    const question = JSON.parse((await runCli(["who", "Who controls the region?", "--json"])).stdout);
    expect(question.items[0].answer).toBe("Gran Grif gang");
    const summary = JSON.parse((await runCli(["summary", "--sentences", "2", "--json"])).stdout);
    expect(summary.items).toHaveLength(2);
  });

  it("takes --limit: at most that many items, the total beside them, 201 refused", async () => {
    const who = JSON.parse((await runCli(["who", "--limit", "2", "--json"])).stdout);
    expect([who.limit, who.total, who.items.length]).toEqual([2, 14, 2]);
    expect(who.text).toBe(
      "5 people and organisations named: Jack Ombaka (the mission's spokesperson); Godfrey Otunge " +
        "(the commander of the Kenyan forces in Haiti); and 3 others.",
    );
    expect((await runCli(["who", "--limit", "2"])).stdout).toContain("Showing the first 2 of 14.");
    expect(await runCli(["who", "--limit", "201"])).toMatchObject({
      code: 2,
      stderr: "citebot: limit must be between 1 and 200\n",
    });
    expect((await runCli(["who", "--limit", "x"])).stderr).toBe(
      'citebot: --limit must be a whole number from 1 to 200, not "x"\n',
    );
  });

  it("renders a readable answer with ¶ citations", async () => {
    const { stdout } = await runCli(["when", "When did the mission arrive?"]);
    expect(stdout).toContain("June 2024 (“June 2024”), ¶3.");
    expect(stdout).toContain(
      "¶3 It is the first casualty since the Kenyan-led security mission arrived in the",
    );
    expect(stdout).toContain("[June 2024]");
  });

  it("lists the places after the people and organisations", async () => {
    const { stdout } = await runCli(["who"]);
    expect(stdout).toContain(
      "Places: Haiti, Artibonite, Caribbean, Pont-Sonde, Port-au-Prince, Kenya, Jamaica,\nGuatemala, El Salvador",
    );
  });

  it("lists articles and takes --articles and --article PATH", async () => {
    const dir = tempLibrary({ "x.txt": "date 2020-05-01 Nothing happened in the village of Lindqvist." });
    const listed = await runCli(["articles", "--articles", dir]);
    expect(listed.stdout).toBe("x\t2020-05-01\tNothing happened in the village of Lindqvist\n");
    const byPath = await runCli(["quote", "--article", RIVERSIDE, "--speaker", "Castellanos", "--json"]);
    expect(JSON.parse(byPath.stdout).items).toHaveLength(2);
  });

  it("exits 2 with a clear message on bad usage", async () => {
    expect(await runCli(["frob"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'citebot: unknown command "frob" (try: citebot help)\n',
    });
    expect((await runCli(["summary", "--sentences", "0"])).stderr).toBe(
      "citebot: sentences must be between 1 and 10\n",
    );
    expect((await runCli(["summary", "--sentences", "two"])).stderr).toBe(
      'citebot: --sentences must be a whole number from 1 to 10, not "two"\n',
    );
    const unknown = await runCli(["who", "--article", "nope"]);
    expect(unknown).toEqual({
      code: 2,
      stdout: "",
      stderr: `citebot: unknown article "nope" (known: ${SEED_ID})\n`,
    });
    expect((await runCli(["who", "--bogus"])).stderr).toBe("citebot: Unknown option '--bogus'\n");
    expect((await runCli(["who", "--article", "/no/such/file.txt"])).stderr).toBe(
      "citebot: /no/such/file.txt: file not found\n",
    );
  });

  it("exits 1 when the library has no valid article, naming each bad file", async () => {
    const dir = tempLibrary({ "bad.txt": "" });
    const result = await runCli(["who", "--articles", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `citebot: skipped ${join(dir, "bad.txt")}: article has no text\ncitebot: no valid article in ${dir}; 1 file(s) could not be loaded\n`,
    );
  });

  it("warns about bad files but answers from the good ones", async () => {
    const dir = tempLibrary({
      "good.txt": "date 2021-03-04 Maria Lopez said the bridge opened on Monday.",
      "bad.txt": "\u0000",
    });
    const result = await runCli(["when", "--articles", dir, "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `citebot: skipped ${join(dir, "bad.txt")}: file is binary (it contains NUL bytes), not text\n`,
    );
    expect(JSON.parse(result.stdout).items[0].value).toBe("2021-03-01");
  });

  it("answers JSON lines in order in batch mode, with inline articles and errors per line", async () => {
    const input = [
      JSON.stringify({ command: "who", query: "Ombaka", article: SEED_ID }),
      JSON.stringify({
        command: "when",
        query: "When did the bridge open?",
        article: { text: "Maria Lopez said the bridge opened on Monday.", date: "2021-03-04" },
      }),
      "not json",
      JSON.stringify({ command: "summary", options: { sentences: 1 } }),
      JSON.stringify({ command: "quote", article: RIVERSIDE, options: { speaker: "Ferreira" } }),
      JSON.stringify({ command: "who", article: "missing" }),
    ].join("\n");
    const { code, stdout } = await runCli(["batch"], { stdin: input });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines[0].items[0].name).toBe("Jack Ombaka");
    expect(lines[1].items[0].value).toBe("2021-03-01");
    expect(lines[2]).toEqual({
      error: "not JSON: Unexpected token 'o', \"not json\" is not valid JSON",
      line: 3,
    });
    expect(lines[3].citations.map((c: { paragraph: number }) => c.paragraph)).toEqual([1]);
    expect(lines[4].items.map((q: { speaker: string }) => q.speaker)).toEqual([
      "Tomás Ferreira",
      "Tomás Ferreira",
    ]);
    expect(lines[5]).toEqual({ error: `unknown article "missing" (known: ${SEED_ID})`, line: 6 });
  });

  it("runs console commands typed as in Discord", async () => {
    const { code, stdout } = await runCli(["console"], {
      stdin:
        "/who Godfrey Otunge\n/quote speaker:Ombaka topic:hero\n/article nope\n/summary sentences:1\n/quit\n/who never reached\n",
    });
    expect(code).toBe(0);
    expect(stdout).toContain("Godfrey Otunge: the commander of the Kenyan forces in Haiti.");
    expect(stdout).toContain("2 quotes from Jack Ombaka.");
    expect(stdout).toContain('error: unknown article "nope"');
    expect(stdout).toContain("¶1 A Kenyan police officer sent to Haiti");
    expect(stdout).not.toContain("never reached");
  });

  it("opens the console when started without a token (as `npm start` does)", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "bin", "citebot.mjs"), "start"], {
      input: "/when did the mission arrive\n",
      encoding: "utf8",
      env: { PATH: process.env.PATH, ARTICLES_DIR: SEEDS },
      cwd: ROOT,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      "citebot: DISCORD_TOKEN is not set, so the Discord bot is off; opening the console on the library.\n",
    );
    expect(result.stdout).toContain("June 2024");
  });

  it("exits 2 from the real binary on bad usage, without a stack trace", () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, "bin", "citebot.mjs"), "summary", "--sentences", "0"],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH },
        cwd: ROOT,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("citebot: sentences must be between 1 and 10\n");
  });
});
