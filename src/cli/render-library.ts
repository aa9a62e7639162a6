// A library answer (questions across articles) → text for a terminal: grouped by article, newest first, each
// citation under the article it comes from.
import type { LibraryAnswer, LibrarySearchPage } from "../app/library-answers.ts";
import { plainStyle, renderAnswerText, type TextStyle } from "./render-text.ts";

const dated = (a: { title: string; date: string | null; source?: string; id: string }) =>
  `${a.title} (${[a.date ?? "no date", a.source].filter(Boolean).join(", ")}) [${a.id}]`;

export function renderLibraryText(answer: LibraryAnswer, style: TextStyle = plainStyle): string {
  const out = [style.bold(answer.text)];
  if (answer.profile) {
    const p = answer.profile;
    out.push("", style.bold(`${p.name}: mentioned ${p.mentions} times in ${answer.groups.length} articles`));
    for (const r of p.roles) out.push(`  role: ${r.role} — ${dated(r.article)}`);
    out.push(`  first mention: ¶${p.first.paragraph} ${p.first.excerpt} — ${dated(p.first.article)}`);
    out.push(`  last mention: ¶${p.last.paragraph} ${p.last.excerpt} — ${dated(p.last.article)}`);
    for (const q of p.quotes) {
      out.push(`  quotes in ${dated(q.article)}:`);
      for (const item of q.quotes) out.push(`    ¶${item.paragraph} ${item.text}`);
    }
    return out.join("\n");
  }
  if (answer.timeline) {
    for (const entry of answer.timeline) {
      out.push("", style.bold(entry.display));
      for (const m of entry.mentions) out.push(`  ¶${m.citation.paragraph} ${m.event} — ${dated(m.article)}`);
    }
    return out.join("\n");
  }
  if (answer.claims) {
    for (const claim of answer.claims) {
      const label = claim.label.charAt(0).toUpperCase() + claim.label.slice(1);
      out.push(
        "",
        style.bold(`${label}${claim.disputed ? " (the articles disagree)" : ""} — “${claim.claim}”`),
      );
      for (const e of claim.evidence) {
        const mismatch = e.mismatch ? `: ${e.mismatch.claimed} → ${e.mismatch.article}` : "";
        out.push(
          `  ${e.label}${mismatch} ¶${e.citation.paragraph} ${e.citation.excerpt} — ${dated(e.article)}`,
        );
      }
    }
    return out.join("\n");
  }
  for (const group of answer.groups) {
    out.push("", style.bold(`── ${dated(group.article)}`), renderAnswerText(group.answer, style));
  }
  return out.join("\n");
}

export function renderSearchText(page: LibrarySearchPage): string {
  if (page.hits.length === 0) return `No article in the library mentions “${page.query}”.`;
  const lines = [
    `Articles that mention “${page.query}” (page ${page.page + 1}${page.more ? ", more follow" : ""}):`,
  ];
  for (const hit of page.hits) {
    lines.push("", dated(hit.article));
    if (hit.citation) lines.push(`  ¶${hit.citation.paragraph} ${hit.citation.excerpt}`);
  }
  return lines.join("\n");
}
