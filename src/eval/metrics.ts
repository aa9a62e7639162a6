// Scoring helpers shared by every evaluation: span matching, P/R/F1, token F1, ROUGE.
import { ARTICLES, regex } from "../engine/index.ts";
export interface Span {
  start: number;
  end: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  predicted: number;
  gold: number;
}

export function prf(tpPredicted: number, predicted: number, tpGold: number, gold: number): Prf {
  const precision = predicted ? tpPredicted / predicted : 0;
  const recall = gold ? tpGold / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp: tpGold, predicted, gold };
}

export const intersection = (a: Span, b: Span) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Characters of `a` that fall inside any of `spans`. */
export function coveredBy(a: Span, spans: Span[]): number {
  return spans.reduce((n, s) => n + intersection(a, s), 0);
}

/**
 * One-to-one matching of predictions to gold items, greedily by overlap, where a pair counts when
 * `accept(pred, gold)` says so. Returns the matched pairs.
 */
export function matchOneToOne<P, G>(
  predicted: P[],
  gold: G[],
  score: (p: P, g: G) => number,
  accept: (p: P, g: G) => boolean,
): [P, G][] {
  const candidates: { p: number; g: number; s: number }[] = [];
  predicted.forEach((p, i) => {
    gold.forEach((g, j) => {
      if (accept(p, g)) candidates.push({ p: i, g: j, s: score(p, g) });
    });
  });
  candidates.sort((a, z) => z.s - a.s);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [P, G][] = [];
  for (const c of candidates) {
    if (usedP.has(c.p) || usedG.has(c.g)) continue;
    usedP.add(c.p);
    usedG.add(c.g);
    const p = predicted[c.p];
    const g = gold[c.g];
    if (p !== undefined && g !== undefined) pairs.push([p, g]);
  }
  return pairs;
}

const ARTICLE = regex("g")`\b(${ARTICLES})\b`;

/** SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces. */
export function normaliseAnswer(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .replace(ARTICLE, " ")
    .split(/\s+/)
    .filter(Boolean);
}

export function tokenF1(predicted: string, gold: string): number {
  const p = normaliseAnswer(predicted);
  const g = normaliseAnswer(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      same++;
      counts.set(t, n - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

const rougeTokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(" ");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function f(overlap: number, predicted: number, reference: number): number {
  if (!overlap || !predicted || !reference) return 0;
  const p = overlap / predicted;
  const r = overlap / reference;
  return (2 * p * r) / (p + r);
}

export function rougeN(candidate: string, reference: string, n: number): number {
  const c = ngrams(rougeTokens(candidate), n);
  const r = ngrams(rougeTokens(reference), n);
  let overlap = 0;
  for (const [k, v] of c) overlap += Math.min(v, r.get(k) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return f(overlap, total(c), total(r));
}

export function rougeL(candidate: string, reference: string): number {
  const a = rougeTokens(candidate);
  const b = rougeTokens(reference);
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return f(row[b.length] ?? 0, a.length, b.length);
}

export const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
