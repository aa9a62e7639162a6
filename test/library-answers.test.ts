// Questions across the library, on a test library of three invented articles about one story (a town's pier):
// two built-in articles and one stored in a server's library, found through the stores' full-text indexes.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestError } from "../src/app/ask.ts";
import {
  askLibrary,
  type LibraryQuestion,
  LibrarySearch,
  searchLibrary,
  sentencesAgree,
} from "../src/app/library-answers.ts";
import { ServerLibrary } from "../src/app/server-library.ts";
import { MemoryLibrary } from "../src/engine/index.ts";
import { readArticleFile } from "../src/files/folder-library.ts";
import { translator } from "../src/i18n/messages.ts";
import { renderLibraryTimeline } from "../src/render/render-library.ts";
import { TIMELINE_MAX_BYTES } from "../src/render/timeline.ts";
import { SqliteArticleStore } from "../src/store/sqlite-store.ts";
import { FIXTURES, runCli } from "./helpers.ts";
import { readPng } from "./png-check.ts";

const DIR = join(FIXTURES, "library");
const CLOSED = {
  id: "pier-closed",
  title: "Tellmouth closes its north pier after divers find cracks",
  date: "2025-03-03",
  source: "Tellmouth Gazette",
};
const BOATS = {
  id: "pier-boats-move",
  title: "Fishing boats leave Tellmouth's closed pier for the south quay",
  date: "2025-03-05",
  source: "Coast Herald",
};
const REOPENS = {
  id: "pier-reopens",
  title: "Tellmouth's north pier reopens after repairs",
  date: "2025-04-18",
  source: "Tellmouth Gazette",
};

let store: SqliteArticleStore;
let scope: LibraryQuestion;

beforeAll(async () => {
  const seeds = new MemoryLibrary();
  seeds.add(readArticleFile(join(DIR, "pier-closed.md")));
  seeds.add(readArticleFile(join(DIR, "pier-boats-move.md")));
  store = SqliteArticleStore.memory();
  const library = new ServerLibrary("guild-1", seeds);
  const added = await store.add("guild-1", {
    source: readArticleFile(join(DIR, "pier-reopens.md")),
    origin: "file",
    addedBy: "user-1",
  });
  library.addStored(added.article.source, added.article);
  scope = { library, search: new LibrarySearch(store, seeds), serverId: "guild-1" };
});
afterAll(async () => {
  await scope.search.close();
  await store.close();
});

describe("library questions", () => {
  it("answers from the article that holds the answer, citing it by name", async () => {
    const answer = await askLibrary(scope, { command: "ask", query: "When did the pier reopen?" });
    expect(answer).toMatchObject({
      scope: "library",
      command: "ask",
      kind: "articles",
      found: true,
      // Only one article holds both `pier` and `reopen`: the index's `all` query is enough.
      searched: 1,
    });
    expect(answer.text).toBe("From 1 article: Tellmouth's north pier reopens after repairs (2025-04-18).");
    expect(answer.groups.map((g) => g.article)).toEqual([REOPENS]);
    const [group] = answer.groups;
    expect(group?.answer.kind === "ask-answer" && group.answer.items[0]?.answer?.text).toBe("Thursday");
    expect(answer.citations[0]).toEqual({
      articleId: "pier-reopens",
      paragraph: 1,
      sentence: 0,
      excerpt: "The north pier reopened on Thursday after six weeks of repairs.",
      start: 0,
      end: 63,
      article: REOPENS,
    });
  });

  it("groups answers from several articles by article, newest first, each citation naming its article", async () => {
    const answer = await askLibrary(scope, { command: "ask", query: "Who is the harbour master?" });
    expect(answer.groups.map((g) => g.article.id)).toEqual([
      "pier-reopens",
      "pier-boats-move",
      "pier-closed",
    ]);
    // Each group is that article's own answer: its first item lies in the article it is grouped under.
    for (const g of answer.groups)
      if (g.answer.kind === "ask-answer") expect(g.answer.citations[0]?.articleId).toBe(g.article.id);
    expect(answer.citations.every((c) => c.articleId === c.article.id)).toBe(true);
    expect([...new Set(answer.citations.map((c) => c.articleId))]).toEqual([
      "pier-reopens",
      "pier-boats-move",
      "pier-closed",
    ]);
  });

  it("gives one profile across articles: roles, quotes by article, first and last mention", async () => {
    const answer = await askLibrary(scope, { command: "who", query: "Varga" });
    expect(answer.kind).toBe("profile");
    const profile = answer.profile;
    expect(profile?.name).toBe("Ines Varga");
    expect(profile?.mentions).toBe(5);
    expect(profile?.roles).toEqual([{ article: BOATS, role: "the harbour master" }]);
    expect([profile?.first.article, profile?.last.article]).toEqual([CLOSED, REOPENS]);
    expect(profile?.quotes.map((q) => [q.article.id, q.quotes.map((x) => x.text)])).toEqual([
      ["pier-reopens", ['"It is stronger than it was before,"']],
      ["pier-boats-move", ["the move was only for the spring", '"We will rebuild it properly,"']],
      [
        "pier-closed",
        [
          "the pier would stay shut for at least six weeks",
          '"Nobody walks on that pier until we know it is safe,"',
        ],
      ],
    ]);
    expect([profile?.first.article.id, profile?.first.paragraph, profile?.first.excerpt]).toEqual([
      "pier-closed",
      2,
      "Harbour master Ines Varga said the pier would stay shut for at least six weeks.",
    ]);
    expect([profile?.last.article.id, profile?.last.paragraph, profile?.last.excerpt]).toEqual([
      "pier-reopens",
      2,
      '"It is stronger than it was before," Varga said.',
    ]);
  });

  it("gives the story's timeline, each date read against its own article, the same event merged", async () => {
    const answer = await askLibrary(scope, { command: "when" });
    expect(answer.kind).toBe("timeline");
    expect(
      answer.timeline?.map((e) => [
        e.value,
        e.display,
        e.mentions.map((m) => [m.article.id, m.text, m.citation.paragraph]),
      ]),
    ).toEqual([
      [
        "2025-03-03",
        "Monday 3 March 2025",
        [
          ["pier-closed", "Monday", 1],
          ["pier-boats-move", "Monday", 1],
        ],
      ],
      ["2025-03-04", "Tuesday 4 March 2025", [["pier-boats-move", "Tuesday", 1]]],
      ["2025-04-17", "Thursday 17 April 2025", [["pier-reopens", "Thursday", 1]]],
      ["2025-SP", "spring 2025", [["pier-boats-move", "the spring", 2]]],
      ["2025-W17", "week of 21 April 2025", [["pier-reopens", "next week", 3]]],
      ["P6W", "6 weeks", [["pier-closed", "six weeks", 2]]],
      ["P6W", "6 weeks", [["pier-reopens", "after six weeks", 1]]],
    ]);
  });

  it("draws the story's timeline with one lane per article, oldest first, each lane's dates listed in the alt text", async () => {
    const answer = await askLibrary(scope, { command: "when" });
    const picture = renderLibraryTimeline(answer, translator("en"));
    if (!picture) throw new Error("no picture");
    const png = readPng(picture.png);
    expect([png.width, png.height]).toEqual([1600, picture.height]);
    expect(picture.png.length).toBeLessThanOrEqual(TIMELINE_MAX_BYTES);
    expect(picture.alt).toBe(
      "Timeline across 3 articles: " +
        "Tellmouth closes its north pier after divers find cracks: Monday 3 March 2025 · ¶1, 6 weeks · ¶2; " +
        "Fishing boats leave Tellmouth's closed pier for the south quay: Monday 3 March 2025 · ¶1, " +
        "Tuesday 4 March 2025 · ¶1, spring 2025 · ¶2; " +
        "Tellmouth's north pier reopens after repairs: Thursday 17 April 2025 · ¶1, week of 21 April 2025 · ¶3, 6 weeks · ¶1",
    );
    // Three lanes are taller than the one lane of a single article with the same dates.
    const single = renderLibraryTimeline(
      { ...answer, timeline: answer.timeline?.slice(0, 1) },
      translator("en"),
    );
    expect(single?.alt).toBe(
      "Timeline across 2 articles: Tellmouth closes its north pier after divers find cracks: Monday 3 March 2025 · ¶1; " +
        "Fishing boats leave Tellmouth's closed pier for the south quay: Monday 3 March 2025 · ¶1",
    );
    expect(picture.height).toBeGreaterThan(single?.height ?? Number.POSITIVE_INFINITY);
  });

  it("checks claims across articles: supported by any, contradicted by one and supported by none, disagreements shown", async () => {
    const answer = await askLibrary(scope, {
      command: "check",
      query:
        "The pier was closed on Monday. The repairs will cost 300,000 pounds. The pier reopened on Friday.",
    });
    expect(answer.text).toBe(
      "3 claims: 2 supported, 1 contradicted, 0 not in the library; the articles disagree on 1.",
    );
    expect(
      answer.claims?.map((c) => [
        c.claim,
        c.label,
        c.disputed,
        c.evidence.map((e) => [e.article.id, e.label, e.mismatch ?? null, e.citation.paragraph]),
      ]),
    ).toEqual([
      [
        "The pier was closed on Monday",
        "supported",
        false,
        [
          ["pier-boats-move", "supported", null, 1],
          ["pier-closed", "supported", null, 1],
        ],
      ],
      [
        "The repairs will cost 300,000 pounds",
        "supported",
        true,
        [
          ["pier-boats-move", "supported", null, 3],
          ["pier-closed", "contradicted", { claimed: "300,000", article: "240,000 pounds" }, 3],
        ],
      ],
      [
        "The pier reopened on Friday",
        "contradicted",
        false,
        [["pier-reopens", "contradicted", { claimed: "Friday", article: "Thursday" }, 1]],
      ],
    ]);
  });

  it("says so when no article answers, and refuses what has no library scope", async () => {
    const none = await askLibrary(scope, { command: "ask", query: "Who won the lighthouse regatta?" });
    expect([none.found, none.text, none.groups, none.citations]).toEqual([
      false,
      "No article in the library answers this.",
      [],
      [],
    ]);
    await expect(askLibrary(scope, { command: "summary" })).rejects.toThrow(
      new RequestError("summary answers one article; it has no library scope"),
    );
    await expect(askLibrary(scope, { command: "ask", query: "what is it?" })).rejects.toThrow(
      "the query has no word to search the library for",
    );
    await expect(askLibrary(scope, { command: "who" })).rejects.toThrow(
      "who across the library needs a query",
    );
  });

  it("lists the articles that mention every word, with the best sentence of each, paged", async () => {
    const first = await searchLibrary(scope, "north pier", 0, 2);
    expect(first.more).toBe(true);
    expect(first.hits.map((h) => [h.article.id, h.citation?.paragraph, h.citation?.excerpt])).toEqual([
      [
        "pier-closed",
        1,
        "The Tellmouth harbour board closed the north pier on Monday after divers found cracks in its pilings.",
      ],
      ["pier-reopens", 1, "The north pier reopened on Thursday after six weeks of repairs."],
    ]);
    const second = await searchLibrary(scope, "north pier", 1, 2);
    expect([second.more, second.hits.map((h) => h.article.id)]).toEqual([false, ["pier-boats-move"]]);
    expect((await searchLibrary(scope, "south quay")).hits.map((h) => h.citation?.excerpt)).toEqual([
      "Fishing boats moved from the north pier to the south quay on Tuesday.",
    ]);
    expect((await searchLibrary(scope, "lighthouse regatta")).hits).toEqual([]);
  });

  it("merges two mentions of a date only when their sentences tell the same event", () => {
    expect(
      sentencesAgree(
        "The board closed the north pier on Monday.",
        "The harbour board had closed the north pier on Monday.",
      ),
    ).toBe(true);
    expect(
      sentencesAgree(
        "The board closed the north pier on Monday.",
        "Fishing boats moved to the south quay on Monday.",
      ),
    ).toBe(false);
  });
});

describe("library questions from the CLI and batch", () => {
  const env = { ARTICLES_DIR: DIR };

  it("answers `citebot ask --scope library`, each citation with its articleId", async () => {
    const { code, stdout } = await runCli(
      ["ask", "--scope", "library", "When did the pier reopen?", "--json"],
      { env },
    );
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.groups.map((g: { article: { id: string } }) => g.article.id)).toEqual(["pier-reopens"]);
    const cited = answer.citations.map((c: { articleId: string }) => c.articleId);
    expect(cited.length).toBeGreaterThan(0);
    expect(new Set(cited)).toEqual(new Set(["pier-reopens"]));
    const text = await runCli(["ask", "--scope", "library", "Who is the harbour master?"], { env });
    expect(text.stdout.split("\n").filter((l) => l.startsWith("── "))).toEqual([
      "── Tellmouth's north pier reopens after repairs (2025-04-18, Tellmouth Gazette) [pier-reopens]",
      "── Fishing boats leave Tellmouth's closed pier for the south quay (2025-03-05, Coast Herald) [pier-boats-move]",
      "── Tellmouth closes its north pier after divers find cracks (2025-03-03, Tellmouth Gazette) [pier-closed]",
    ]);
  });

  it("answers batch lines with scope library and no article; refuses a bad scope with a message", async () => {
    const lines = [
      { command: "ask", query: "How long will the pier stay shut?", scope: "library" },
      {
        command: "ask",
        query: "How long will the pier stay shut?",
        scope: "library",
        article: "pier-closed",
      },
      { command: "ask", query: "x", scope: "everything" },
    ];
    const { code, stdout } = await runCli(["batch"], {
      env,
      stdin: lines.map((l) => JSON.stringify(l)).join("\n"),
    });
    expect(code).toBe(0);
    const [first, second, third] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.groups.map((g: { article: { id: string } }) => g.article.id)).toEqual(["pier-closed"]);
    expect(first.groups[0].answer.items[0].answer.text).toContain("six weeks");
    expect(first.citations[0].articleId).toBe("pier-closed");
    expect(second).toEqual({
      error: 'scope "library" answers from every article; leave out article',
      line: 2,
    });
    expect(third).toEqual({ error: "scope: scope must be article or library", line: 3 });
  });

  it("lists search hits from the CLI and refuses a bad scope", async () => {
    const { code, stdout } = await runCli(["search", "south", "quay"], { env });
    expect(code).toBe(0);
    expect(stdout).toBe(
      "Articles that mention “south quay” (page 1):\n\n" +
        "Fishing boats leave Tellmouth's closed pier for the south quay (2025-03-05, Coast Herald) [pier-boats-move]\n" +
        "  ¶1 Fishing boats moved from the north pier to the south quay on Tuesday.\n",
    );
    const bad = await runCli(["ask", "--scope", "world", "x"], { env });
    expect([bad.code, bad.stderr]).toEqual([2, 'citebot: --scope must be article or library, not "world"\n']);
  });
});
