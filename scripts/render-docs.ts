// Draws the pictures in the README from the project's own output: a /who card as Discord lays it out (from the
// card payload citebot sends) and the /when timeline picture, both from the built-in article. Writes
// docs/card.png and docs/timeline.png. Run: `npx tsx scripts/render-docs.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { ask } from "../src/app/ask.ts";
import type { AnswerOf } from "../src/engine/index.ts";
import { loadLibrary } from "../src/files/folder-library.ts";
import { translator } from "../src/i18n/messages.ts";
import { renderCard } from "../src/render/cards.ts";
import { encodePng } from "../src/render/png.ts";
import { renderTimeline } from "../src/render/timeline.ts";

const ROOT = join(import.meta.dirname, "..");
const DOCS = join(ROOT, "docs");
const require = createRequire(import.meta.url);
const { createCanvas, GlobalFonts } = require("@napi-rs/canvas") as typeof import("@napi-rs/canvas");
GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), "DejaVu Sans");
GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"), "DejaVu Sans");

interface Node {
  type: number;
  content?: string;
  components?: Node[];
  accessory?: Node;
  accent_color?: number;
  label?: string;
  style?: number;
}

const WIDTH = 900;
const PAD = 20;
const hex = (n: number) => `#${n.toString(16).padStart(6, "0")}`;

/** Text with **bold** runs, wrapped to `max` px; returns the height used. */
function drawRich(
  ctx: SKRSContext2D,
  text: string,
  x: number,
  y: number,
  max: number,
  size: number,
  colour: string,
) {
  const words = text.split(/(\s+)/).filter((w) => w !== "");
  let bold = false;
  let cx = x;
  let cy = y;
  for (const word of words) {
    const parts = word.split("**");
    const width = parts.reduce((w, part, i) => {
      ctx.font = `${bold !== (i % 2 === 1) ? "bold " : ""}${size}px "DejaVu Sans"`;
      return w + ctx.measureText(part).width;
    }, 0);
    if (cx + width > x + max && cx > x && word.trim()) {
      cx = x;
      cy += size * 1.45;
    }
    parts.forEach((part, i) => {
      if (i > 0) bold = !bold;
      ctx.font = `${bold ? "bold " : ""}${size}px "DejaVu Sans"`;
      ctx.fillStyle = colour;
      if (!(cx === x && !part.trim())) {
        ctx.fillText(part.replace(/\\(.)/g, "$1"), cx, cy);
        cx += ctx.measureText(part).width;
      }
    });
  }
  return cy - y + size * 1.45;
}

/** One text display: `### ` a heading, `> ` a quote with its bar, `-# ` small grey text. */
function drawText(ctx: SKRSContext2D, content: string, x: number, y: number, max: number): number {
  let height = 0;
  for (const line of content.split("\n")) {
    if (line.startsWith("### "))
      height += drawRich(ctx, line.slice(4), x, y + height, max, 22, "#f2f3f5") + 4;
    else if (line.startsWith("-# "))
      height += drawRich(ctx, line.slice(3), x, y + height, max, 13, "#949ba4");
    else if (line.startsWith("> ")) {
      const used = drawRich(ctx, line.slice(2), x + 14, y + height, max - 14, 16, "#dbdee1");
      ctx.fillStyle = "#4e5058";
      ctx.fillRect(x, y + height - 14, 4, used);
      height += used;
    } else height += drawRich(ctx, line, x, y + height, max, 16, "#dbdee1");
  }
  return height + 6;
}

function drawButton(ctx: SKRSContext2D, node: Node, x: number, y: number): number {
  ctx.font = `15px "DejaVu Sans"`;
  const label = `${node.label ?? ""}${node.style === 5 ? " ↗" : ""}`;
  const width = ctx.measureText(label).width + 28;
  ctx.fillStyle = node.style === 1 ? "#5865f2" : node.style === 3 ? "#248046" : "#4e5058";
  ctx.beginPath();
  ctx.roundRect(x, y, width, 34, 6);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.fillText(label, x + 14, y + 22);
  return width;
}

function drawCard(components: Node[]): Buffer {
  const canvas = createCanvas(WIDTH, 1400);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#313338";
  ctx.fillRect(0, 0, WIDTH, 1400);
  const container = components[0] as Node;
  const x = PAD + 20;
  const max = WIDTH - 2 * PAD - 40;
  let y = PAD + 34;
  for (const node of container.components ?? []) {
    if (node.type === 10) y += drawText(ctx, node.content ?? "", x, y, max);
    if (node.type === 14) {
      ctx.fillStyle = "#4e5058";
      ctx.fillRect(x, y - 10, max, 1);
      y += 16;
    }
    if (node.type === 9) {
      const text = (node.components ?? []).map((c) => c.content ?? "").join("\n");
      const height = drawText(ctx, text, x, y, max - 170);
      if (node.accessory) drawButton(ctx, node.accessory, x + max - 150, y - 18);
      y += Math.max(height, 40);
    }
    if (node.type === 1) {
      let bx = x;
      for (const b of node.components ?? []) bx += drawButton(ctx, b, bx, y - 14) + 8;
      y += 46;
    }
  }
  const height = Math.ceil(y + PAD - 10);
  // The container: a rounded panel with the accent bar on its left.
  const out = createCanvas(WIDTH, height);
  const o = out.getContext("2d");
  o.fillStyle = "#313338";
  o.fillRect(0, 0, WIDTH, height);
  o.fillStyle = "#2b2d31";
  o.beginPath();
  o.roundRect(PAD, PAD, WIDTH - 2 * PAD, height - 2 * PAD, 8);
  o.fill();
  o.drawImage(
    canvas,
    PAD + 8,
    PAD,
    WIDTH - 2 * PAD - 8,
    height - 2 * PAD,
    PAD + 8,
    PAD,
    WIDTH - 2 * PAD - 8,
    height - 2 * PAD,
  );
  o.fillStyle = hex(container.accent_color ?? 0x5865f2);
  o.beginPath();
  o.roundRect(PAD, PAD, 5, height - 2 * PAD, [8, 0, 0, 8]);
  o.fill();
  return encodePng(WIDTH, height, out.data());
}

const library = loadLibrary(join(ROOT, "seeds"));
const t = translator("en");
// The buttons the handler draws today (follow-ups are not built yet, so no "Ask a follow-up").
const buttonId = (action: string, arg: number) => (action === "follow" ? undefined : `${action}:${arg}`);
const who = ask(library, { command: "who", query: "Ombaka" });
const withSource = { ...who, article: { ...who.article, url: "https://example.org/news/kenyan-officer" } };
const card = renderCard(withSource, { t, buttonId });
if (!card) throw new Error("the card does not fit");
mkdirSync(DOCS, { recursive: true });
writeFileSync(join(DOCS, "card.png"), drawCard(card.components as Node[]));
const timeline = renderTimeline(ask(library, { command: "when" }) as AnswerOf<"timeline">, t);
if (!timeline) throw new Error("no timeline");
writeFileSync(join(DOCS, "timeline.png"), timeline.png);
process.stdout.write(`wrote docs/card.png and docs/timeline.png (${timeline.width}×${timeline.height})\n`);
