// Answer → text for a terminal: the answer line, then each excerpt with its ¶ citation.
import { answerTitle, answerView, limitNote } from "../app/answer-view.ts";
import type { Answer, ArticleMeta, Citation, Span } from "../engine/index.ts";

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

/** The excerpt with each highlighted span in brackets (and bold, on a terminal): `… in [June 2024].` */
function markExcerpt(citation: Citation, highlights: Span[], style: TextStyle): string {
  const inside = highlights
    .filter((h) => h.start >= citation.start && h.end <= citation.end && h.end > h.start)
    .sort((a, z) => a.start - z.start)
    .filter((h, i, all) => h.start >= (all[i - 1]?.end ?? h.start));
  let out = "";
  let at = citation.start;
  for (const h of inside) {
    out += citation.excerpt.slice(at - citation.start, h.start - citation.start);
    out += style.bold(`[${citation.excerpt.slice(h.start - citation.start, h.end - citation.start)}]`);
    at = h.end;
  }
  return out + citation.excerpt.slice(at - citation.start);
}

export function renderAnswerText(answer: Answer, style: TextStyle = plainStyle, width = 88): string {
  const { article } = answer;
  const out: string[] = [];
  out.push(style.bold(answerTitle(answer)));
  out.push(style.dim(`${article.title}${article.date ? ` (${article.date})` : ""} [${article.id}]`));
  const { highlights, notes, numbered, attribution, places } = answerView(answer);
  // A summary's text is its sentences: they are printed once, numbered and cited, below.
  if (!numbered) {
    out.push("");
    for (const line of answer.text.split("\n")) out.push(wrap(line, width, ""));
  }
  if (places.length) out.push(style.dim(wrap(`Places: ${places.join(", ")}`, width, "")));
  const limit = limitNote(answer);
  if (limit) out.push(style.dim(limit));
  for (const [i, citation] of answer.citations.entries()) {
    const number = numbered ? `${i + 1}. ` : "";
    out.push("");
    out.push(
      wrap(`${number}¶${citation.paragraph} ${markExcerpt(citation, highlights, style)}`, width, "  "),
    );
    const note = notes[i];
    if (note) out.push(style.dim(`      ${attribution ? "—" : "·"} ${note}`));
  }
  return out.join("\n");
}

export function renderArticleList(articles: readonly ArticleMeta[]): string {
  return articles.map((a) => `${a.id}\t${a.date ?? "(no date)"}\t${a.title}`).join("\n");
}
