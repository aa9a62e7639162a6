// `/when` as a picture: the article's resolved dates on an axis, each with a short label and its ¶, the article
// date marked, and the dates it cannot place (relative ones in an undated article, durations) in a lane of
// their own, never read against today's clock. Drawn on the server with @napi-rs/canvas (Skia, its native
// part inside the npm package) in DejaVu Sans from the dejavu-fonts-ttf package, so no system font is needed.
import { createRequire } from "node:module";
import type { SKRSContext2D, Canvas as SkiaCanvas } from "@napi-rs/canvas";
import type { AnswerOf, WhenItem } from "../engine/index.ts";
import type { Translate } from "../i18n/messages.ts";
import { DISCORD_LIMITS as L } from "./limits.ts";
import { encodePng } from "./png.ts";
import { clip } from "./render.ts";

type Canvas = typeof import("@napi-rs/canvas");

export const TIMELINE_WIDTH = 1600;
/** The most a timeline picture may weigh. */
export const TIMELINE_MAX_BYTES = 1_000_000;
export const TIMELINE_FILE = "timeline.png";

const FONT = "DejaVu Sans";
const MARGIN = 60;
const ROW = 28;
const COLOURS = {
  background: "#313338",
  text: "#f2f3f5",
  muted: "#b5bac1",
  axis: "#80848e",
  point: "#57f287",
  span: "#3ba55c",
  articleDate: "#ed4245",
  chip: "#404249",
};

let canvas: Canvas | undefined;

/** Skia and the font load on the first picture, not at start-up. */
function loadCanvas(): Canvas {
  if (canvas) return canvas;
  const require = createRequire(import.meta.url);
  // require() returns any: the cast names the package's own types.
  const loaded = require("@napi-rs/canvas") as Canvas;
  for (const [file, family] of [
    ["DejaVuSans.ttf", FONT],
    ["DejaVuSans-Bold.ttf", FONT],
  ] as const)
    loaded.GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), family);
  canvas = loaded;
  return loaded;
}

const DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;

/** The days a TIMEX value covers (`2024`, `2024-06`, `2024-06-03`, `2025-W08`, `2025-Q1`), or null. */
export function daysOf(value: string): { from: number; to: number } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return { from: day, to: day };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m)
    return { from: dayOf(Number(m[1]), Number(m[2]), 1), to: dayOf(Number(m[1]), Number(m[2]) + 1, 1) - 1 };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = dayOf(Number(m[1]), 1, 4);
    const monday = jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + (Number(m[2]) - 1) * 7;
    return { from: monday, to: monday + 6 };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { from: dayOf(Number(m[1]), first, 1), to: dayOf(Number(m[1]), first + 3, 1) - 1 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { from: dayOf(Number(m[1]), 1, 1), to: dayOf(Number(m[1]), 12, 31) };
  return null;
}

export interface TimelinePoint {
  from: number;
  to: number;
  /** `June 2024 · ¶3`; a date stated in several paragraphs names each. */
  label: string;
  display: string;
  paragraphs: number[];
}

/** What a date on the picture needs of an answer's item. */
export type DateItem = Pick<WhenItem, "value" | "type" | "display" | "paragraph">;

/** The dates to draw, one per value, and the expressions that cannot be placed on the axis. */
export function timelinePoints(items: readonly DateItem[]): {
  dated: TimelinePoint[];
  unplaced: { label: string; display: string }[];
} {
  const byValue = new Map<string, TimelinePoint>();
  const unplaced: { label: string; display: string }[] = [];
  for (const item of items) {
    const days = item.type === "DATE" || item.type === "TIME" ? daysOf(item.value) : null;
    if (!days) {
      const label = `${clip(item.display, 48)} · ¶${item.paragraph}`;
      if (!unplaced.some((u) => u.label === label)) unplaced.push({ label, display: item.display });
      continue;
    }
    const point = byValue.get(item.value) ?? { ...days, label: "", display: item.display, paragraphs: [] };
    if (!point.paragraphs.includes(item.paragraph)) point.paragraphs.push(item.paragraph);
    point.label = `${clip(point.display, 36)} · ${point.paragraphs.map((p) => `¶${p}`).join(" ")}`;
    byValue.set(item.value, point);
  }
  const dated = [...byValue.values()].sort((a, z) => a.from - z.from || a.to - z.to);
  return { dated, unplaced };
}

/** The picture's alt text: every date it shows, with its paragraphs. */
export function timelineAlt(answer: AnswerOf<"timeline">, t: Translate): string {
  const { dated, unplaced } = timelinePoints(answer.items);
  const dates = [...dated.map((p) => p.label), ...unplaced.map((u) => u.label)].join("; ");
  return clip(t("timeline.alt", { title: answer.article.title, dates }), L.mediaDescription);
}

interface Placed {
  point: TimelinePoint;
  x: number;
  row: number;
  left: number;
  width: number;
}

/** Puts each label in the first row where it overlaps no other, left to right. */
function placeLabels(ctx: SKRSContext2D, points: TimelinePoint[], xOf: (day: number) => number): Placed[] {
  const rowsEnd: number[] = [];
  return points.map((point) => {
    const x = xOf((point.from + point.to) / 2);
    const width = ctx.measureText(point.label).width + 16;
    const left = Math.min(Math.max(MARGIN, x - width / 2), TIMELINE_WIDTH - MARGIN - width);
    let row = rowsEnd.findIndex((end) => end + 8 <= left);
    if (row === -1) row = rowsEnd.push(0) - 1;
    rowsEnd[row] = left + width;
    return { point, x, row, left, width };
  });
}

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Year ticks, or month ticks when the range is under two years. */
function ticks(from: number, to: number): { day: number; label: string }[] {
  const start = new Date(from * DAY);
  const end = new Date(to * DAY);
  const out: { day: number; label: string }[] = [];
  const years = end.getUTCFullYear() - start.getUTCFullYear();
  if (to - from < 730) {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const step = to - from < 120 ? 1 : to - from < 400 ? 2 : 3;
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1; ; m++) {
      if (m > 11) {
        m = 0;
        y++;
      }
      const day = dayOf(y, m + 1, 1);
      if (day > to) break;
      if (m % step === 0) out.push({ day, label: `${months[m]} ${y}` });
    }
    return out;
  }
  const step = Math.max(1, Math.ceil(years / 12));
  for (let y = start.getUTCFullYear() + 1; y <= end.getUTCFullYear(); y++)
    if (y % step === 0) out.push({ day: dayOf(y, 1, 1), label: String(y) });
  return out;
}

export interface TimelinePicture {
  png: Buffer;
  width: number;
  height: number;
  alt: string;
}

/** One band of the picture: an article's dates on the shared axis, and those it cannot place. */
export interface TimelineLane {
  /** The article's line above its lane (a library timeline); none for one article's own picture. */
  heading?: string | undefined;
  articleDay?: number | undefined;
  dated: TimelinePoint[];
  unplaced: { label: string; display: string }[];
}

/** The timeline of a `/when` answer as a PNG, or undefined when it has no date at all. */
export function renderTimeline(answer: AnswerOf<"timeline">, t: Translate): TimelinePicture | undefined {
  const lane = laneOf(answer.items, answer.article.date);
  const subtitle = `${t("timeline.title")} · ${answer.article.date ?? t("answer.undated")} · ${t("answer.paragraph")}`;
  return drawTimeline(answer.article.title, subtitle, [lane], t, timelineAlt(answer, t));
}

/** A lane from an article's dated expressions and its own date. */
export function laneOf(
  items: readonly DateItem[],
  articleDate: string | null,
  heading?: string,
): TimelineLane {
  const { dated, unplaced } = timelinePoints(items);
  const articleDay = articleDate ? daysOf(articleDate)?.from : undefined;
  return { heading, articleDay, dated, unplaced };
}

/** Where each part of a lane goes, worked out before anything is drawn (the height depends on it). */
interface LaneLayout {
  lane: TimelineLane;
  top: number;
  labelsTop: number;
  axisY: number;
  placed: Placed[];
  chips: { label: string; x: number; line: number; width: number }[];
  chipsTop: number;
  bottom: number;
}

function layoutLane(
  lane: TimelineLane,
  top: number,
  measure: SKRSContext2D,
  xOf: (day: number) => number,
): LaneLayout {
  const labelsTop = top + (lane.heading ? 34 : 0);
  const placed = placeLabels(measure, lane.dated, xOf);
  const rows = placed.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const axisY = labelsTop + rows * ROW + 30;
  const datedEnd = lane.dated.length ? axisY + (lane.articleDay === undefined ? 40 : 64) : labelsTop;
  // Unplaced expressions flow in chips, in as many lines as they need.
  const chips: LaneLayout["chips"] = [];
  let chipX = MARGIN;
  let line = 0;
  for (const u of lane.unplaced) {
    const width = measure.measureText(u.label).width + 20;
    if (chipX + width > TIMELINE_WIDTH - MARGIN && chipX > MARGIN) {
      chipX = MARGIN;
      line++;
    }
    chips.push({ label: u.label, x: chipX, line, width });
    chipX += width + 10;
  }
  const chipsTop = datedEnd + (lane.dated.length ? 20 : 10);
  const bottom = chips.length ? chipsTop + 40 + (line + 1) * 36 : datedEnd;
  return { lane, top, labelsTop, axisY, placed, chips, chipsTop, bottom };
}

/**
 * Canvases kept by height: each new one is a few MB outside V8's heap, and allocating one a picture made the
 * collector run a full mark-compact every ten pictures or so. Every picture paints its whole canvas first.
 */
const canvases = new Map<number, SkiaCanvas>();
const KEPT_CANVASES = 4;

function canvasOf(height: number, create: Canvas["createCanvas"]): SkiaCanvas {
  const kept = canvases.get(height);
  if (kept) return kept;
  const made: SkiaCanvas = create(TIMELINE_WIDTH, height);
  const oldest = canvases.keys().next();
  if (canvases.size >= KEPT_CANVASES && !oldest.done) canvases.delete(oldest.value);
  canvases.set(height, made);
  return made;
}

/** Draws lanes under a title, on one axis; undefined when no lane has a date to show. */
export function drawTimeline(
  title: string,
  subtitle: string,
  lanes: readonly TimelineLane[],
  t: Translate,
  alt: string,
): TimelinePicture | undefined {
  if (lanes.every((l) => l.dated.length === 0 && l.unplaced.length === 0)) return undefined;
  const { createCanvas } = loadCanvas();
  const measure = createCanvas(10, 10).getContext("2d");
  measure.font = `16px "${FONT}"`;

  const days = lanes.flatMap((l) => [
    ...l.dated.flatMap((p) => [p.from, p.to]),
    ...(l.articleDay === undefined ? [] : [l.articleDay]),
  ]);
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  if (!Number.isFinite(lo)) lo = hi = 0;
  if (hi - lo < 30) {
    lo -= 15;
    hi += 15;
  }
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;
  const xOf = (day: number) => MARGIN + ((day - lo) / (hi - lo)) * (TIMELINE_WIDTH - 2 * MARGIN);

  const layouts: LaneLayout[] = [];
  let y = 96;
  for (const lane of lanes) {
    const layout = layoutLane(lane, y, measure, xOf);
    layouts.push(layout);
    y = layout.bottom + (lanes.length > 1 ? 24 : 0);
  }
  const height = Math.ceil(y + 20);

  const picture = canvasOf(height, createCanvas);
  const ctx = picture.getContext("2d");
  // A kept canvas keeps its context: each picture starts from the default state and leaves it so.
  ctx.save();
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, TIMELINE_WIDTH, height);
  ctx.textBaseline = "middle";
  ctx.fillStyle = COLOURS.text;
  ctx.font = `bold 26px "${FONT}"`;
  ctx.fillText(clip(title, 95), MARGIN, 36);
  ctx.fillStyle = COLOURS.muted;
  ctx.font = `16px "${FONT}"`;
  ctx.fillText(subtitle, MARGIN, 68);
  for (const [i, layout] of layouts.entries()) {
    if (i > 0) {
      ctx.strokeStyle = COLOURS.chip;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(MARGIN, layout.top - 12);
      ctx.lineTo(TIMELINE_WIDTH - MARGIN, layout.top - 12);
      ctx.stroke();
    }
    drawLane(ctx, layout, xOf, lo, hi, t);
  }
  ctx.restore();
  // The background is opaque, so Skia's premultiplied pixels are the plain ones.
  const png = encodePng(TIMELINE_WIDTH, height, picture.data());
  return { png, width: TIMELINE_WIDTH, height, alt };
}

function drawLane(
  ctx: SKRSContext2D,
  { lane, top, labelsTop, axisY, placed, chips, chipsTop }: LaneLayout,
  xOf: (day: number) => number,
  lo: number,
  hi: number,
  t: Translate,
): void {
  ctx.textAlign = "left";
  if (lane.heading) {
    ctx.fillStyle = COLOURS.text;
    ctx.font = `bold 18px "${FONT}"`;
    ctx.fillText(clip(lane.heading, 120), MARGIN, top + 12);
  }
  if (lane.dated.length) {
    // Ticks under the axis.
    ctx.strokeStyle = COLOURS.axis;
    ctx.fillStyle = COLOURS.muted;
    ctx.font = `14px "${FONT}"`;
    ctx.textAlign = "center";
    ctx.lineWidth = 1;
    for (const tick of ticks(lo, hi)) {
      const x = xOf(tick.day);
      ctx.beginPath();
      ctx.moveTo(x, axisY);
      ctx.lineTo(x, axisY + 8);
      ctx.stroke();
      ctx.fillText(tick.label, x, axisY + 22);
    }
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(MARGIN, axisY);
    ctx.lineTo(TIMELINE_WIDTH - MARGIN, axisY);
    ctx.stroke();

    if (lane.articleDay !== undefined) {
      const x = xOf(lane.articleDay);
      ctx.strokeStyle = COLOURS.articleDate;
      ctx.setLineDash([6, 5]);
      ctx.beginPath();
      ctx.moveTo(x, labelsTop - 6);
      ctx.lineTo(x, axisY + 40);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = COLOURS.articleDate;
      ctx.font = `bold 14px "${FONT}"`;
      ctx.fillText(
        `${t("timeline.articleDate")} ${isoDay(lane.articleDay)}`,
        Math.min(Math.max(x, 160), TIMELINE_WIDTH - 160),
        axisY + 52,
      );
    }

    ctx.font = `16px "${FONT}"`;
    ctx.textAlign = "left";
    for (const p of placed) {
      const y = labelsTop + p.row * ROW + ROW / 2;
      ctx.strokeStyle = COLOURS.axis;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(p.x, y + 10);
      ctx.lineTo(p.x, axisY);
      ctx.stroke();
      ctx.fillStyle = COLOURS.chip;
      ctx.fillRect(p.left, y - 11, p.width, 22);
      ctx.fillStyle = COLOURS.text;
      ctx.fillText(p.point.label, p.left + 8, y);
      const x0 = xOf(p.point.from);
      const x1 = xOf(p.point.to + 1);
      if (x1 - x0 > 8) {
        ctx.fillStyle = COLOURS.span;
        ctx.fillRect(x0, axisY - 5, x1 - x0, 10);
      }
      ctx.fillStyle = COLOURS.point;
      ctx.beginPath();
      ctx.arc(p.x, axisY, 6, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  if (chips.length) {
    ctx.textAlign = "left";
    ctx.fillStyle = COLOURS.muted;
    ctx.font = `bold 16px "${FONT}"`;
    ctx.fillText(t("timeline.unplaced"), MARGIN, chipsTop + 14);
    ctx.font = `16px "${FONT}"`;
    for (const chip of chips) {
      const y = chipsTop + 40 + chip.line * 36 + 14;
      ctx.fillStyle = COLOURS.chip;
      ctx.fillRect(chip.x, y - 13, chip.width, 26);
      ctx.fillStyle = COLOURS.text;
      ctx.fillText(chip.label, chip.x + 10, y);
    }
  }
}
