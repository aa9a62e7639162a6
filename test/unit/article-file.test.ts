import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArticleError,
  decodeArticleBytes,
  isRealDate,
  MAX_ARTICLE_BYTES,
  parseArticleText,
} from "../../src/engine/parse/article-file.ts";
import { loadLibrary, NoArticlesError, readArticleFile } from "../../src/files/folder-library.ts";
import { SEED_ID, SEEDS, tempLibrary } from "../helpers.ts";

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArticleError) return error.reason;
    throw error;
  }
  return "no error";
};

describe("article files", () => {
  it("reads the seed's date marker that shares the first paragraph's line", () => {
    const source = readArticleFile(join(SEEDS, `${SEED_ID}.txt`));
    expect(source.meta.date).toBe("2025-02-24");
    expect(source.text.startsWith("A Kenyan police officer sent to Haiti")).toBe(true);
    expect(source.meta.id).toBe(SEED_ID);
  });

  it("keeps the seed byte-identical to the shared seed", () => {
    const shared = join(SEEDS, "..", "..", "shared", "seeds", "000_86b19494f267c200.txt");
    let original: Buffer;
    try {
      original = readFileSync(shared);
    } catch {
      return expect(readFileSync(join(SEEDS, `${SEED_ID}.txt`)).length).toBe(2037);
    }
    expect(readFileSync(join(SEEDS, `${SEED_ID}.txt`)).equals(original)).toBe(true);
  });

  it("parses front matter and validates it", () => {
    const { source } = parseArticleText(
      "a",
      "a.md",
      "---\ntitle: Hello world\ndate: 2024-01-31\nurl: https://example.org/x\n---\nBody text here.",
    );
    expect(source.meta).toEqual({
      id: "a",
      title: "Hello world",
      date: "2024-01-31",
      url: "https://example.org/x",
    });
    expect(source.text).toBe("Body text here.");
    expect(reason(() => parseArticleText("a", "a.md", "---\ndate: 2024-02-30\n---\nText."))).toBe(
      'front matter: "date" date is not a real calendar date',
    );
    expect(reason(() => parseArticleText("a", "a.md", "---\ncolour: red\n---\nText."))).toBe(
      'front matter: unknown key(s) "colour" (allowed: title, date, url, source, author)',
    );
    expect(reason(() => parseArticleText("a", "a.md", "---\ntitle: x\nText."))).toBe(
      "front matter opened with --- but never closed",
    );
    expect(reason(() => parseArticleText("a", "a.md", "---\nurl: ftp://x\n---\nText."))).toBe(
      'front matter: "url" url must be an http(s) URL',
    );
  });

  it("handles CRLF line ends, a BOM, leading spaces before the marker and curly quotes", () => {
    const { source } = parseArticleText(
      "b",
      "b.txt",
      "\uFEFF   date 2025-02-24 “Hi,” she said.\r\n\r\nSecond paragraph.",
    );
    expect(source.meta.date).toBe("2025-02-24");
    expect(source.text).toBe("“Hi,” she said.\n\nSecond paragraph.");
  });

  it("names what is wrong with a bad file", () => {
    expect(reason(() => parseArticleText("c", "c.txt", "   \n\n  "))).toBe("article has no text");
    expect(reason(() => parseArticleText("c", "c.txt", "date 2025-02-30 Text."))).toBe(
      'date marker "2025-02-30" is not a real YYYY-MM-DD date',
    );
    expect(reason(() => parseArticleText("c", "c.txt", "date 24/02/2025 Text."))).toBe(
      'date marker "24/02/2025" is not a real YYYY-MM-DD date',
    );
    expect(reason(() => decodeArticleBytes("d.txt", new Uint8Array([0x41, 0x00, 0x42])))).toBe(
      "file is binary (it contains NUL bytes), not text",
    );
    expect(reason(() => decodeArticleBytes("d.txt", new Uint8Array([0x41, 0xc3, 0x28])))).toBe(
      "file is not valid UTF-8 text",
    );
    expect(reason(() => decodeArticleBytes("d.txt", new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x41)))).toBe(
      `file is ${MAX_ARTICLE_BYTES + 1} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit`,
    );
    expect(decodeArticleBytes("e.txt", new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]))).toBe("Hi");
  });

  it("checks calendar dates", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2025-02-29")).toBe(false);
    expect(isRealDate("2025-13-01")).toBe(false);
  });

  it("loads the good files of a folder and reports each bad one", () => {
    const dir = tempLibrary({
      "good.txt": "date 2025-01-02 A fine article about nothing much.",
      "empty.txt": "",
      "binary.txt": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "baddate.md": "---\ndate: 2025-02-30\n---\nText.",
      "notes.json": "{}",
    });
    const library = loadLibrary(dir);
    expect(library.list().map((a) => a.id)).toEqual(["good"]);
    expect(library.problems.map((p) => [p.file.split("/").pop(), p.reason])).toEqual([
      ["baddate.md", 'front matter: "date" date is not a real calendar date'],
      ["binary.txt", "file is binary (it contains NUL bytes), not text"],
      ["empty.txt", "article has no text"],
    ]);
  });

  it("refuses a duplicate id and keeps the first", () => {
    const dir = tempLibrary({ "same.md": "First one here.", "same.txt": "Second one here." });
    const library = loadLibrary(dir);
    expect(library.list().map((a) => a.title)).toEqual(["First one here"]);
    expect(library.problems[0]?.reason).toBe('duplicate article id "same" (kept the first file with it)');
  });

  it("fails clearly when no article is valid", () => {
    const dir = tempLibrary({ "empty.txt": "" });
    expect(() => loadLibrary(dir)).toThrow(NoArticlesError);
    expect(() => loadLibrary(join(dir, "missing"))).toThrow(/no valid article in .*missing/);
  });
});

describe("the date an article states about itself", () => {
  const meta = (raw: string) => {
    const { meta } = parseArticleText("a", "a.txt", raw).source;
    return { date: meta.date, dateFrom: meta.dateFrom };
  };

  it("reads a wire dateline with its year", () => {
    expect(meta("HARBOURTON, Nov. 2, 2024 (AP) — The port reopened on Friday.")).toEqual({
      date: "2024-11-02",
      dateFrom: "dateline",
    });
  });

  it("reads a date-and-dash opening", () => {
    expect(meta("May 5, 2024 — The port reopened.")).toEqual({ date: "2024-05-05", dateFrom: "dateline" });
    expect(meta("5 May 2024 - The port reopened.")).toEqual({ date: "2024-05-05", dateFrom: "dateline" });
  });

  it("reads Published and Updated lines", () => {
    expect(meta("Published: 5 May 2024\n\nThe port reopened.")).toEqual({
      date: "2024-05-05",
      dateFrom: "published line",
    });
    expect(meta("Harbour news\nPublished 12:01 BST, 5 May 2024\n\nThe port reopened.")).toEqual({
      date: "2024-05-05",
      dateFrom: "published line",
    });
    expect(meta("Updated on March 3, 2025 at 9:00\n\nThe port reopened.")).toEqual({
      date: "2025-03-03",
      dateFrom: "published line",
    });
  });

  it("takes a dateline's missing year only from the article's own furniture", () => {
    expect(meta("PARIS, March 3 (Reuters) - The port reopened.\n\n© 2025 Example News")).toEqual({
      date: "2025-03-03",
      dateFrom: "dateline",
    });
    expect(
      meta(
        "---\nurl: https://example.org/2025/03/03/port\n---\nPARIS, March 3 (Reuters) - The port reopened.",
      ),
    ).toEqual({
      date: "2025-03-03",
      dateFrom: "dateline",
    });
    // A year in the story is about the story, not the article.
    expect(meta("PARIS, March 3 (Reuters) - The port, opened in 1998, reopened.")).toEqual({
      date: null,
      dateFrom: undefined,
    });
  });

  it("lets front matter and the date marker win, and finds nothing in plain prose", () => {
    expect(meta("---\ndate: 2024-01-31\n---\nPARIS, March 3, 2025 (Reuters) - Text.")).toEqual({
      date: "2024-01-31",
      dateFrom: undefined,
    });
    expect(meta("date 2024-01-31 Published 5 May 2024. Text.")).toEqual({
      date: "2024-01-31",
      dateFrom: undefined,
    });
    expect(meta("WASHINGTON (AP) — The port reopened on May 5, 2024.")).toEqual({
      date: null,
      dateFrom: undefined,
    });
    expect(meta("PARIS, Feb. 30, 2025 (Reuters) - An impossible day.")).toEqual({
      date: null,
      dateFrom: undefined,
    });
  });
});
