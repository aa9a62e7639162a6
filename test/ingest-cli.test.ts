import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDispatchers } from "../src/ingest/fetch.ts";
import {
  ampPage,
  CAFE,
  FERRY,
  graphPage,
  homePage,
  makePdf,
  TUNNEL,
  WATER_REPORT,
} from "../support/ingest-pages.ts";
import { html, type PageServer, startPageServer } from "../support/ingest-server.ts";
import { runCli, SEED_ID, SEEDS } from "./helpers.ts";

let dir: string;
let server: PageServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "citebot-cli-add-"));
  server = await startPageServer({ "/ferry": html(graphPage(FERRY)), "/": html(homePage()) });
  env = { ARTICLES_DIR: SEEDS, CITEBOT_DATA_DIR: join(dir, "data"), FETCH_ALLOW_LOOPBACK: "true" };
});
afterAll(async () => {
  await closeDispatchers();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const FERRY_ID = "harbour-ferry-fares-to-rise-twelve-percent-in-april";

describe("citebot add / articles / remove", () => {
  it("does not create the data folder for read-only commands", async () => {
    expect((await runCli(["articles"], { env })).code).toBe(0);
    expect(existsSync(join(dir, "data"))).toBe(false);
  });

  it("adds a link and prints the stored article; its text is exactly `citebot article ID --json`'s", async () => {
    const added = await runCli(["add", `${server.base}/ferry`, "--json"], { env });
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const json = JSON.parse(added.stdout);
    expect(Object.keys(json)).toEqual([
      "id",
      "title",
      "date",
      "byline",
      "url",
      "source",
      "paragraphs",
      "text",
    ]);
    expect(json).toMatchObject({
      id: FERRY_ID,
      title: FERRY.title,
      date: "2025-03-14",
      byline: "Mara Quill",
      url: "https://ledger.example/news/2025/03/ferry-fares",
      source: "The Coastal Ledger",
      paragraphs: 6,
    });
    const article = JSON.parse((await runCli(["article", FERRY_ID, "--json"], { env })).stdout);
    expect(article.text).toBe(json.text);
    const again = await runCli(["add", `${server.base}/ferry`], { env });
    expect(again.stdout.split("\n")[0]).toBe(`Already in the library: ${FERRY_ID}`);
  });

  it("adds .html, .pdf and .txt files", async () => {
    const htmlFile = join(dir, "tunnel.html");
    const pdfFile = join(dir, "water.pdf");
    const txtFile = join(dir, "note.txt");
    writeFileSync(htmlFile, ampPage(TUNNEL));
    writeFileSync(pdfFile, makePdf(WATER_REPORT));
    writeFileSync(
      txtFile,
      `---\ntitle: Café Lumière in brief\ndate: 2024-05-22\n---\n${CAFE.paragraphs.join("\n\n")}\n`,
    );
    const ids = [];
    for (const file of [htmlFile, pdfFile, txtFile]) {
      const result = await runCli(["add", file, "--json"], { env });
      expect(result.stderr).toBe("");
      ids.push(JSON.parse(result.stdout).id);
    }
    // Ids are cut at 60 characters, on a word.
    expect(ids).toEqual([
      "mountain-rail-tunnel-reopens-after-eighteen-months-of",
      "annual-report-of-the-bay-water-board",
      "cafe-lumiere-in-brief",
    ]);
    // The same text in another file is the article already stored.
    writeFileSync(join(dir, "copy.txt"), CAFE.paragraphs.join("\n\n"));
    const copy = await runCli(["add", join(dir, "copy.txt")], { env });
    expect(copy.stdout.split("\n")[0]).toBe("Already in the library: cafe-lumiere-in-brief");
  });

  it("lists seeds and added articles, and answers on an added id", async () => {
    const list = await runCli(["articles"], { env });
    expect(list.stdout.split("\n").map((l) => l.split("\t")[0])).toEqual([
      "mountain-rail-tunnel-reopens-after-eighteen-months-of",
      "annual-report-of-the-bay-water-board",
      FERRY_ID,
      SEED_ID,
      "cafe-lumiere-in-brief",
      "",
    ]);
    const json = JSON.parse((await runCli(["articles", "--json"], { env })).stdout);
    expect(json.find((a: { id: string }) => a.id === FERRY_ID)).toMatchObject({ addedBy: "cli" });
    expect(json.find((a: { id: string }) => a.id === SEED_ID).addedBy).toBeUndefined();
    const who = JSON.parse((await runCli(["who", "Brell", "--article", FERRY_ID, "--json"], { env })).stdout);
    expect(who.found).toBe(true);
    expect(who.items[0].name).toBe("Tomas Brell");
  });

  it("removes an added article but not a built-in one", async () => {
    expect(await runCli(["remove", SEED_ID], { env })).toMatchObject({
      code: 2,
      stderr: `citebot: "${SEED_ID}" is a built-in article (the seeds folder); it cannot be removed\n`,
    });
    expect(await runCli(["remove", FERRY_ID], { env })).toMatchObject({
      code: 0,
      stdout: `Removed ${FERRY_ID}\n`,
    });
    expect((await runCli(["article", FERRY_ID], { env })).code).toBe(2);
  });

  it("fails in one line: exit 2 for bad input, exit 1 for I/O", async () => {
    const cases: [string[], NodeJS.ProcessEnv, number, string][] = [
      [
        ["add", `${server.base}/ferry`],
        { ...env, FETCH_ALLOW_LOOPBACK: "false" },
        2,
        "citebot: refused: 127.0.0.1 is not a public internet address\n",
      ],
      [
        ["add", `${server.base}/`],
        env,
        2,
        "citebot: this is not an article: the page is mostly links (a home or section page)\n",
      ],
      [["add", `${server.base}/gone`], env, 2, "citebot: the site answered HTTP 404\n"],
      [
        ["add", join(dir, "report.docx")],
        env,
        2,
        'citebot: unsupported type file type ".docx" (use a web page, a PDF, or a .txt, .md, .html or .pdf file)\n',
      ],
      [
        ["add", join(dir, "missing.pdf")],
        env,
        1,
        `citebot: cannot read ${join(dir, "missing.pdf")} (file not found)\n`,
      ],
      [["add", "http://127.0.0.1:9/x"], env, 1, "citebot: could not reach the page (connection refused)\n"],
    ];
    writeFileSync(join(dir, "report.docx"), "not really a document");
    for (const [args, caseEnv, code, stderr] of cases) {
      expect(await runCli(args, { env: caseEnv }), args.join(" ")).toMatchObject({
        code,
        stderr,
        stdout: "",
      });
    }
  });
});
