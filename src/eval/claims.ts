// The claim table through the checker, beside a plain word-overlap baseline: label accuracy per label, and how
// often a false claim is called supported (the one error a checker must not make). The checker's two thresholds
// are chosen by cross-validation over articles: the table's articles fall into two halves (alternately, in sorted
// order of their files); thresholds tuned on one half are scored on the other, both ways, so every figure of
// `outOfSample` is of claims on articles the thresholds never saw.
import { join, resolve } from "node:path";
import {
  type AnalyzedArticle,
  analyzeArticle,
  type CheckThresholds,
  type ClaimLabel,
  checkClaims,
  contentTerms,
  decideClaim,
  type ScoredClaim,
  scoreClaim,
} from "../engine/index.ts";
import { readArticleFile } from "../files/folder-library.ts";
import { CLAIM_TABLE, type ClaimRow } from "./claim-table.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

const LABELS: readonly ClaimLabel[] = ["supported", "contradicted", "not in the article"];

export interface ClaimScores {
  claims: number;
  accuracy: number;
  /** Per label of the table: how many claims have it and the share the checker labels so. */
  perLabel: Record<ClaimLabel, { claims: number; accuracy: number }>;
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

const articles = new Map<string, AnalyzedArticle>();
function articleOf(file: string): AnalyzedArticle {
  let article = articles.get(file);
  if (!article) {
    article = analyzeArticle(readArticleFile(join(ROOT, file)));
    articles.set(file, article);
  }
  return article;
}

export function scoreLabels(rows: readonly ClaimRow[], labels: readonly ClaimLabel[]): ClaimScores {
  const perLabel = Object.fromEntries(
    LABELS.map((label) => {
      const mine = rows.flatMap((r, i) => (r.label === label ? [labels[i]] : []));
      return [
        label,
        {
          claims: mine.length,
          accuracy: mine.length ? mine.filter((l) => l === label).length / mine.length : 0,
        },
      ];
    }),
  ) as ClaimScores["perLabel"];
  const right = rows.filter((r, i) => labels[i] === r.label).length;
  const falseSupported = rows.filter((r, i) => labels[i] === "supported" && r.label !== "supported").length;
  return { claims: rows.length, accuracy: rows.length ? right / rows.length : 0, perLabel, falseSupported };
}

/** The table's articles in two halves: alternately, in sorted order of their files. */
export function claimHalves(rows: readonly ClaimRow[] = CLAIM_TABLE): [Set<string>, Set<string>] {
  const files = [...new Set(rows.map((r) => r.file))].sort();
  return [new Set(files.filter((_, i) => i % 2 === 0)), new Set(files.filter((_, i) => i % 2 === 1))];
}

const GRID = Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.05) * 100) / 100);

/**
 * The thresholds that do best on these claims: fewest false claims called supported first, then most labels
 * right, then the higher support threshold (the safer one).
 */
export function tuneThresholds(scored: readonly ScoredClaim[], rows: readonly ClaimRow[]): CheckThresholds {
  let best: { t: CheckThresholds; falseSupported: number; right: number } | null = null;
  for (const support of GRID)
    for (const contradiction of GRID) {
      const t = { support, contradiction };
      const labels = scored.map((s) => decideClaim(s, t).label);
      const { falseSupported, accuracy } = scoreLabels(rows, labels);
      const right = accuracy * rows.length;
      if (
        !best ||
        falseSupported < best.falseSupported ||
        (falseSupported === best.falseSupported && right > best.right) ||
        (falseSupported === best.falseSupported && right === best.right && support > best.t.support)
      )
        best = { t, falseSupported, right };
    }
  if (!best) throw new Error("no thresholds to tune: the grid is empty");
  return best.t;
}

export interface ClaimEvaluation {
  /** The committed checker (its thresholds are the mean of the two halves' choices) over the whole table. */
  table: { citebot: ClaimScores; baseline: ClaimScores };
  /** Each half scored with the thresholds tuned on the other half. */
  outOfSample: { half: string; articles: number; tunedOnOther: CheckThresholds; citebot: ClaimScores }[];
  /** Both halves' out-of-sample labels together. */
  outOfSampleAll: ClaimScores;
}

export function evaluateClaims(rows: readonly ClaimRow[] = CLAIM_TABLE): ClaimEvaluation {
  const claims = rows.map((row, index) => ({
    row,
    index,
    scored: scoreClaim(articleOf(row.file), { start: 0, end: row.claim.length, text: row.claim }),
  }));
  const [halfA, halfB] = claimHalves(rows);
  const allLabels: ClaimLabel[] = new Array(rows.length);
  // Each half is tested with the thresholds tuned on the other.
  const halves: [test: Set<string>, tune: Set<string>][] = [
    [halfA, halfB],
    [halfB, halfA],
  ];
  const outOfSample = halves.map(([half, other], h) => {
    const tune = claims.filter((c) => other.has(c.row.file));
    const test = claims.filter((c) => half.has(c.row.file));
    const t = tuneThresholds(
      tune.map((c) => c.scored),
      tune.map((c) => c.row),
    );
    const labels = test.map((c) => {
      const label = decideClaim(c.scored, t).label;
      allLabels[c.index] = label;
      return label;
    });
    return {
      half: h === 0 ? "A" : "B",
      articles: half.size,
      tunedOnOther: t,
      citebot: scoreLabels(
        test.map((c) => c.row),
        labels,
      ),
    };
  });
  const checker = rows.map((r) => checkClaims(articleOf(r.file), r.claim)[0]?.label ?? "not in the article");
  const baseline = rows.map((r) => overlapLabel(articleOf(r.file), r.claim));
  return {
    table: { citebot: scoreLabels(rows, checker), baseline: scoreLabels(rows, baseline) },
    outOfSample: outOfSample.map(({ half, articles: n, tunedOnOther, citebot }) => ({
      half,
      articles: n,
      tunedOnOther,
      citebot,
    })),
    outOfSampleAll: scoreLabels(rows, allLabels),
  };
}
