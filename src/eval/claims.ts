// The claim table through the checker, beside a plain word-overlap baseline: label accuracy, and how often a
// false claim is called supported (the one error a checker must not make).
import { join, resolve } from "node:path";
import {
  type AnalyzedArticle,
  analyzeArticle,
  type ClaimLabel,
  checkClaims,
  readArticleFile,
} from "../engine/index.ts";
import { contentTerms } from "../engine/text.ts";
import { CLAIM_TABLE, type ClaimRow, HELD_OUT_CLAIM_TABLE } from "./claim-table.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

export interface ClaimScores {
  claims: number;
  accuracy: number;
  falseSupported: number;
}

/** Share of a claim's content words the sentence BM25 ranks first holds: ≥ 0.8 reads as supported. */
function overlapLabel(article: AnalyzedArticle, claim: string): ClaimLabel {
  const terms = new Set(contentTerms(claim));
  const best = article.index.query(claim, 1)[0];
  if (!best || terms.size === 0) return "not in the article";
  const held = new Set((article.sentenceTerms[best.id] ?? []).map((t) => t.term));
  const share = [...terms].filter((t) => held.has(t)).length / terms.size;
  return share >= 0.8 ? "supported" : "not in the article";
}

function scoreRows(
  rows: readonly ClaimRow[],
  label: (article: AnalyzedArticle, claim: string) => ClaimLabel,
) {
  const articles = new Map<string, AnalyzedArticle>();
  let right = 0;
  let falseSupported = 0;
  for (const row of rows) {
    let article = articles.get(row.file);
    if (!article) {
      article = analyzeArticle(readArticleFile(join(ROOT, row.file)));
      articles.set(row.file, article);
    }
    const got = label(article, row.claim);
    if (got === row.label) right++;
    if (got === "supported" && row.label !== "supported") falseSupported++;
  }
  return { claims: rows.length, accuracy: rows.length ? right / rows.length : 0, falseSupported };
}

const checkerLabel = (article: AnalyzedArticle, claim: string): ClaimLabel =>
  checkClaims(article, claim)[0]?.label ?? "not in the article";

export function evaluateClaims(): {
  table: { citebot: ClaimScores; baseline: ClaimScores };
  heldOut: { citebot: ClaimScores; baseline: ClaimScores };
} {
  return {
    table: { citebot: scoreRows(CLAIM_TABLE, checkerLabel), baseline: scoreRows(CLAIM_TABLE, overlapLabel) },
    heldOut: {
      citebot: scoreRows(HELD_OUT_CLAIM_TABLE, checkerLabel),
      baseline: scoreRows(HELD_OUT_CLAIM_TABLE, overlapLabel),
    },
  };
}
