// Answer → text for a terminal: the answer line, then each excerpt with its ¶ citation.
import type { Answer, ArticleMeta, RankedAnswerItem, WhoEntityItem } from "../engine/types";

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
}

export const plainStyle: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ansiStyle: TextStyle = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + word).length > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += `${word} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.map((l) => indent + l).join("\n");
}

const HEADINGS: Record<Answer["command"], string> = {
  summary: "Summary",
  quote: "Quotes",
  who: "Who",
  when: "When",
};

export function renderAnswerText(answer: Answer, style: TextStyle = plainStyle, width = 88): string {
  const { article } = answer;
  const out: string[] = [];
  const title = `${HEADINGS[answer.command]}${answer.query ? ` — ${answer.query}` : ""}`;
  out.push(style.bold(title));
  out.push(style.dim(`${article.title}${article.date ? ` (${article.date})` : ""} [${article.id}]`));
  out.push("");
  // A summary's text is its excerpts; print them once, cited.
  if (answer.kind !== "summary") out.push(wrap(answer.text, width, ""));
  if (answer.kind === "entities") {
    const places = (answer.items as WhoEntityItem[]).filter((i) => i.type === "place").map((i) => i.name);
    if (places.length) out.push(style.dim(wrap(`Places: ${places.join(", ")}`, width, "")));
  }
  const ranked = answer.kind === "who-answer" || answer.kind === "when-answer";
  const labels = new Map<number, string>();
  if (answer.kind === "quotes" || answer.kind === "statements") {
    for (const item of answer.items as { start: number; speaker: string | null; role: string | null }[]) {
      labels.set(item.start, `— ${item.speaker ?? "unattributed"}${item.role ? `, ${item.role}` : ""}`);
    }
  }
  for (const [i, citation] of answer.citations.entries()) {
    let excerpt = citation.excerpt;
    if (ranked) {
      const item = answer.items[i] as RankedAnswerItem | undefined;
      if (item && item.start === citation.start) {
        const a = item.answerStart - item.start;
        const b = item.answerEnd - item.start;
        excerpt = `${excerpt.slice(0, a)}${style.bold(`[${excerpt.slice(a, b)}]`)}${excerpt.slice(b)}`;
      }
    }
    out.push("");
    out.push(wrap(`¶${citation.paragraph} ${excerpt}`, width, "  "));
    const label = labels.get(citation.start);
    if (label) out.push(style.dim(`      ${label}`));
  }
  return out.join("\n");
}

export function renderArticleList(articles: readonly ArticleMeta[]): string {
  return articles.map((a) => `${a.id}\t${a.date ?? "(no date)"}\t${a.title}`).join("\n");
}
