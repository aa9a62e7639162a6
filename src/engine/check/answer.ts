// A checked message as an Answer: one item per claim, in order, each citing the sentence that decides its label.

import { citeSentence, firstOf, makeAnswer } from "../answers/common.ts";
import type { AnalyzedArticle } from "../parse/analyze.ts";
import type { Answer, Citation, ClaimItem } from "../types.ts";
import { type ClaimCheck, checkClaim } from "./check.ts";
import { splitClaims } from "./claims.ts";

const LABEL_TEXT: Record<ClaimItem["label"], string> = {
  supported: "Supported",
  contradicted: "Contradicted",
  "not in the article": "Not in the article",
};

/** `600 → 200 more police officers`: what the claim says, then what the article says instead. */
export const mismatchText = (m: { claimed: string; article: string }) => `${m.claimed} → ${m.article}`;

function itemOf(check: ClaimCheck): ClaimItem {
  const evidence = check.evidence;
  return {
    claim: check.claim.text,
    label: check.label,
    ...(check.mismatch
      ? { mismatch: { claimed: check.mismatch.claimed, article: check.mismatch.article } }
      : {}),
    start: evidence?.start ?? null,
    end: evidence?.end ?? null,
    paragraph: evidence?.paragraph ?? null,
    ...(check.label === "not in the article" && evidence ? { closest: true as const } : {}),
  };
}

/** One line per claim: its label, the claim, the mismatch and where the article says it. */
function claimLine(item: ClaimItem): string {
  const where =
    item.paragraph === null
      ? ""
      : item.closest
        ? ` (closest passage: ¶${item.paragraph})`
        : ` (¶${item.paragraph})`;
  const mismatch = item.mismatch ? `: ${mismatchText(item.mismatch)}` : "";
  return `${LABEL_TEXT[item.label]} — “${item.claim}”${mismatch}${where}`;
}

export function checkAnswer(article: AnalyzedArticle, text: string, limit: number): Answer {
  const claims = splitClaims(text);
  // Only the first `limit` claims are checked: a pasted essay cannot make the answer (or the work) huge.
  const checks = firstOf(claims, limit).map((claim) => checkClaim(article, claim));
  const items = checks.map(itemOf);
  if (items.length === 0)
    return makeAnswer(article, "check", text, {
      kind: "none",
      found: false,
      text: "There is no claim to check in that text.",
      limit,
    });
  const count = (label: ClaimItem["label"]) => items.filter((i) => i.label === label).length;
  const decided = items.length - count("not in the article");
  const shown = claims.length > items.length ? ` (the first ${items.length} of ${claims.length})` : "";
  const summary =
    items.length === 1 && !shown
      ? ""
      : `${items.length} claims${shown}: ${count("supported")} supported, ${count("contradicted")} contradicted, ${count("not in the article")} not in the article.\n`;
  // The deciding sentence first for each claim (the closest passage for a claim not in the article), then the
  // earlier sentence a pronoun in it refers to.
  const citations: Citation[] = checks.flatMap((c) =>
    c.evidence ? [c.evidence, ...c.support].map((s) => citeSentence(article, s)) : [],
  );
  return makeAnswer(article, "check", text, {
    kind: "claims",
    found: decided > 0,
    text: `${summary}${items.map(claimLine).join("\n")}`,
    items,
    limit,
    total: claims.length,
    citations,
  });
}
