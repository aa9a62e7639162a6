// Article files as they come: encodings, line ends, missing or impossible dates, edits while running.
import { rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../src/app/ask.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { tempLibrary, timelineItems } from "./helpers.ts";

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

describe("article files", () => {
  it("reads UTF-16 with a BOM and CRLF line ends like any other file", () => {
    const dir = tempLibrary({
      "utf16.txt": utf16(
        "date 2024-03-04 Nadia Kowalski said the bridge opened on Friday.\r\n\r\nTraffic rose.",
      ),
      "crlf.txt":
        "date 2024-03-05 Elena Ruiz said the dam failed on Monday.\r\n\r\nShort heading\r\n\r\nRepairs began.\r\n",
    });
    const library = loadLibrary(dir);
    expect(library.problems).toEqual([]);
    const utf = library.get("utf16");
    expect(utf?.paragraphs).toHaveLength(2);
    expect(timelineItems(ask(library, { command: "when", article: "utf16" }))[0]?.value).toBe("2024-03-01");
    const crlf = library.get("crlf");
    expect(crlf?.headings.map((h) => h.text)).toEqual(["Short heading"]);
    expect(crlf?.text.includes("\r")).toBe(false);
  });

  it("answers an undated article, resolving only dates that carry their own year and marking the rest", () => {
    const dir = tempLibrary({
      "undated.txt": "The mill closed on Friday. It had opened in March 1998, and grew until 2004.",
    });
    const answer = ask(loadLibrary(dir), { command: "when" });
    expect(timelineItems(answer).map((i) => [i.value, i.display])).toEqual([
      ["1998-03", "March 1998"],
      ["2004", "2004"],
      ["XXXX-WXX-5", "Friday — the article gives no date"],
    ]);
  });

  it("reloads a folder: adds, changes and removes articles, and keeps the loaded version when an edit is bad", () => {
    const dir = tempLibrary({
      "a.txt": "date 2024-01-01 First version of a.",
      "b.txt": "date 2024-01-02 Article b.",
    });
    const library = loadLibrary(dir);
    expect(library.list().map((a) => a.id)).toEqual(["b", "a"]);
    const old = library.get("a");

    writeFileSync(join(dir, "a.txt"), "date 2024-01-01 Second version of a, longer.");
    writeFileSync(join(dir, "c.txt"), "date 2024-01-03 Article c.");
    rmSync(join(dir, "b.txt"));
    expect(library.reload()).toEqual({ added: ["c"], changed: ["a"], removed: ["b"], problems: [] });
    expect(library.get("a")?.text).toBe("Second version of a, longer.");
    expect(library.get("a")).not.toBe(old);

    writeFileSync(join(dir, "a.txt"), Buffer.from([0x00, 0x01, 0x02]));
    utimesSync(join(dir, "a.txt"), new Date(), new Date(Date.now() + 5000));
    const report = library.reload();
    expect(report.problems).toEqual([
      {
        file: join(dir, "a.txt"),
        reason: "file is binary (it contains NUL bytes), not text (kept the version already loaded)",
      },
    ]);
    expect(library.get("a")?.text).toBe("Second version of a, longer.");
    expect(library.list().map((a) => a.id)).toEqual(["c", "a"]);
  });

  it("watches the folder and reloads after a change", async () => {
    const dir = tempLibrary({ "a.txt": "date 2024-01-01 Article a." });
    const library = loadLibrary(dir);
    const reports: unknown[] = [];
    const stop = library.watch((r) => reports.push(r), 50);
    try {
      writeFileSync(join(dir, "new.txt"), "date 2024-02-02 A new article arrives.");
      const until = Date.now() + 5000;
      while (!library.list().some((a) => a.id === "new") && Date.now() < until)
        await new Promise((r) => setTimeout(r, 25));
      expect(library.list().map((a) => a.id)).toEqual(["new", "a"]);
      expect(reports.length).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });
});
