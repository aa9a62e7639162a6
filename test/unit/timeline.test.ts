// /when as a picture: dates placed on an axis with their ¶, the article date marked, unplaceable expressions in
// a lane of their own, a valid PNG within 1600 px and 1 MB, alt text that lists the dates, and never today's clock.
import { describe, expect, it, vi } from "vitest";
import { ask } from "../../src/app/ask.ts";
import type { AnswerOf, ArticleLibrary } from "../../src/engine/index.ts";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { loadLibrary } from "../../src/files/folder-library.ts";
import { translator } from "../../src/i18n/messages.ts";
import {
  daysOf,
  renderTimeline,
  TIMELINE_MAX_BYTES,
  TIMELINE_WIDTH,
  timelinePoints,
} from "../../src/render/timeline.ts";
import { fortyDateArticle } from "../../support/fixtures.ts";
import { SEEDS } from "../helpers.ts";
import { readPng } from "../png-check.ts";

const en = translator("en");
const timelineOf = (library: ArticleLibrary, article?: string, limit?: number) => {
  const answer = ask(library, { command: "when", article, limit });
  if (answer.kind !== "timeline") throw new Error(`not a timeline: ${answer.kind}`);
  return answer as AnswerOf<"timeline">;
};
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("the dates a timeline places", () => {
  it("reads the days a value covers", () => {
    expect(daysOf("2024-06-03")).toEqual({ from: day("2024-06-03"), to: day("2024-06-03") });
    expect(daysOf("2024-06")).toEqual({ from: day("2024-06-01"), to: day("2024-06-30") });
    expect(daysOf("2025-W08")).toEqual({ from: day("2025-02-17"), to: day("2025-02-23") });
    expect(daysOf("2025-Q1")).toEqual({ from: day("2025-01-01"), to: day("2025-03-31") });
    expect(daysOf("2021")).toEqual({ from: day("2021-01-01"), to: day("2021-12-31") });
    for (const value of ["XXXX-WXX-7", "XXXX-08", "P1W", "PAST_REF"]) expect(daysOf(value)).toBeNull();
  });

  it("gives one label a date, naming each paragraph, in order, and keeps durations off the axis", () => {
    const { dated, unplaced } = timelinePoints(timelineOf(loadLibrary(SEEDS)).items);
    expect(dated.map((p) => p.label)).toEqual([
      "2021 · ¶11",
      "June 2024 · ¶3",
      "February 2025 · ¶13",
      "week of 17 February 2025 · ¶2 ¶6",
      "Sunday 23 February 2025 · ¶1 ¶6",
    ]);
    expect(unplaced).toEqual([]);
    const library = new MemoryLibrary();
    library.add(
      sourceFromText(
        "strike",
        "strike",
        "date 2025-03-20 The dock strike began on 2 March 2025.\n\nIt lasted three weeks, the union said.",
      ),
    );
    const strike = timelinePoints(timelineOf(library, "strike").items);
    expect(strike.dated.map((p) => p.label)).toEqual(["Sunday 2 March 2025 · ¶1"]);
    expect(strike.unplaced.map((u) => u.label)).toEqual(["3 weeks · ¶2"]);
  });
});

describe("the timeline picture", () => {
  it("is a valid PNG at most 1600 px wide and 1 MB, with alt text that lists every date", () => {
    const picture = renderTimeline(timelineOf(loadLibrary(SEEDS)), en);
    if (!picture) throw new Error("no picture");
    const png = readPng(picture.png);
    expect(png.chunks).toEqual(["IHDR", "IDAT", "IEND"]);
    expect([png.width, png.height]).toEqual([TIMELINE_WIDTH, picture.height]);
    expect(png.width).toBeLessThanOrEqual(1600);
    // The dark background, opaque.
    expect(png.firstPixel).toEqual([0x31, 0x33, 0x38, 255]);
    expect(picture.png.length).toBeLessThanOrEqual(TIMELINE_MAX_BYTES);
    expect(picture.alt).toBe(
      "Timeline of A Kenyan police officer sent to Haiti to help rein in violent gangs was fatally shot in a fight…: 2021 · ¶11; June 2024 · ¶3; February 2025 · ¶13; week of 17 February 2025 · ¶2 ¶6; Sunday 23 February 2025 · ¶1 ¶6",
    );
  });

  it("holds 40 dates within the limits", () => {
    const library = new MemoryLibrary();
    library.add(sourceFromText("forty", "forty", fortyDateArticle()));
    const answer = timelineOf(library as never, "forty", 40);
    expect(timelinePoints(answer.items).dated).toHaveLength(40);
    const picture = renderTimeline(answer, en);
    if (!picture) throw new Error("no picture");
    const png = readPng(picture.png);
    expect(png.width).toBe(1600);
    expect(picture.png.length).toBeLessThanOrEqual(TIMELINE_MAX_BYTES);
    expect(picture.alt.length).toBeLessThanOrEqual(1024);
  });

  it("draws an undated article's relative dates apart, the same whatever today's date is", () => {
    const body =
      "The festival opened on Sunday, organisers said.\n\nIt first ran in 2011, and returns this year.";
    const library = new MemoryLibrary();
    library.add(sourceFromText("undated", "undated", body));
    const answer = timelineOf(library as never, "undated");
    expect(answer.article.date).toBeNull();
    const { dated, unplaced } = timelinePoints(answer.items);
    expect(dated.map((p) => p.label)).toEqual(["2011 · ¶2"]);
    expect(unplaced.map((u) => u.label)).toEqual([
      "Sunday — the article gives no date · ¶1",
      "this year — the article gives no date · ¶2",
    ]);
    const first = renderTimeline(answer, en)?.png;
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2031-07-19T03:00:00Z"));
      expect(renderTimeline(timelineOf(library as never, "undated"), en)?.png.equals(first as Buffer)).toBe(
        true,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
