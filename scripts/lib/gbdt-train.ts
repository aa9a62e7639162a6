// Trains gradient-boosted decision trees for src/engine/models/gbdt.ts: second-order boosting (leaf value
// -G/(H+λ), split gain from G²/(H+λ)), trees grown level by level over histograms of pre-binned features.
// Deterministic: the same data, options and seed give a byte-identical model; randomness comes only from
// a seeded PRNG and the sums are always taken in the same order.
import {
  GBDT_FORMAT,
  type GbdtModel,
  type GbdtObjective,
  type GbdtTree,
  sigmoid,
} from "../../src/engine/models/gbdt.ts";

export interface GbdtData {
  /** Row-major feature values, rows × cols; NaN marks a missing value. */
  rows: Float32Array | Float64Array;
  cols: number;
  /** 0/1 for binary and group-softmax (1 marks a right row), 0..K-1 for multiclass. */
  labels: Float64Array | number[];
  /** Group id per row, for group-softmax; a group's rows are contiguous. */
  groups?: Int32Array | number[];
  /** Per-row weight, multiplying the row's gradient and hessian. */
  weights?: Float64Array | number[];
}

export interface GbdtOptions {
  objective: GbdtObjective;
  /** Number of classes, for multiclass. */
  classes?: number;
  /** Boosting rounds; a multiclass model grows one tree per class per round. */
  trees: number;
  /** Maximum depth: a tree has at most 2^depth leaves. */
  depth: number;
  learningRate: number;
  /** Least hessian sum in a child. */
  minChildWeight: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Least rows in a child. */
  minLeafRows: number;
  /** Quantile bins per feature, at most 255 (one more bin holds missing values). */
  bins: number;
  /** Least gain for a split to be made (XGBoost's gamma); 0 unless given. */
  minSplitGain?: number;
  /** Fraction of rows sampled for each round. */
  rowSubsample?: number;
  /** Fraction of features sampled for each tree. */
  colSubsample?: number;
  seed: number;
  featureNames: string[];
  validation?: GbdtData;
  /** Stop when the validation loss has not improved for this many rounds, keeping the best round. */
  earlyStoppingRounds?: number;
  log?: (line: string) => void;
}

/** mulberry32: a small seeded PRNG with uniform output in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Six significant digits: what a model keeps, and so what training itself scores with. */
function round6(value: number): number {
  return Number(value.toPrecision(6));
}

/** The shortest decimal t with lo <= t < hi, near their midpoint: values up to lo go left, from hi right. */
function separating(lo: number, hi: number): number {
  const mid = lo + (hi - lo) / 2;
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(mid.toPrecision(digits));
    if (lo <= t && t < hi) return t;
  }
  return lo;
}

// Bin 0 of every feature holds missing values, so every split sends them left as the predictor does.
const BIN_STRIDE = 256;
const MISSING_ONLY = -Number.MAX_VALUE;

interface Binned {
  /** Row-major bin of each value: 0 missing, 1..binCount[f] by quantile. */
  bins: Uint8Array;
  binCount: Int32Array;
  /** thresholds[f][b]: the threshold of the split sending bins ≤ b left. */
  thresholds: Float64Array[];
}

/** One feature's bins from its sorted non-missing values: the largest value of each, and the threshold per split. */
function cutFeature(sorted: Float64Array, maxBins: number): { upper: Float64Array; cut: Float64Array } {
  const m = sorted.length;
  // Each bin takes an even share of the rows not yet binned, so heavy values cannot exhaust the bins.
  const uppers: number[] = [];
  const lows: number[] = [];
  let binned = 0;
  let inBin = 0;
  for (let i = 0; i < m; ) {
    const v = sorted[i]!;
    let j = i + 1;
    while (j < m && sorted[j] === v) j++;
    if (inBin === 0) lows.push(v);
    inBin += j - i;
    const left = maxBins - uppers.length;
    if (j === m || (left > 1 && inBin >= (m - binned) / left)) {
      uppers.push(v);
      binned += inBin;
      inBin = 0;
    }
    i = j;
  }
  const cut = new Float64Array(Math.max(uppers.length, 1));
  cut[0] = MISSING_ONLY;
  for (let b = 1; b < uppers.length; b++) cut[b] = separating(uppers[b - 1]!, lows[b]!);
  return { upper: Float64Array.from(uppers), cut };
}

/** Quantile bins per feature, cut from `fitRows` only (rows that carry gradient) and applied to all. */
function binFeatures(data: GbdtData, maxBins: number, fitRows: Int32Array): Binned {
  const { rows, cols } = data;
  const n = rows.length / cols;
  const bins = new Uint8Array(rows.length);
  const binCount = new Int32Array(cols);
  const thresholds: Float64Array[] = [];
  const uppers: Float64Array[] = [];
  // Columns are read a block at a time in row order: reading one column at a time strides through all
  // the rows once per feature, which is memory-bound on large data.
  const BLOCK = 8;
  const fit = fitRows.length;
  const block = new Float64Array(BLOCK * fit);
  const column = new Float64Array(fit);
  for (let f0 = 0; f0 < cols; f0 += BLOCK) {
    const width = Math.min(BLOCK, cols - f0);
    for (let k = 0; k < fit; k++) {
      const row = fitRows[k]! * cols + f0;
      for (let j = 0; j < width; j++) block[j * fit + k] = rows[row + j]!;
    }
    for (let j = 0; j < width; j++) {
      let m = 0;
      for (let k = j * fit; k < (j + 1) * fit; k++) {
        const v = block[k]!;
        if (!Number.isNaN(v)) column[m++] = v;
      }
      const { upper, cut } = cutFeature(column.subarray(0, m).sort(), maxBins);
      binCount[f0 + j] = upper.length;
      thresholds.push(cut);
      uppers.push(upper);
    }
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < width; j++) {
        const at = r * cols + f0 + j;
        const v = rows[at]!;
        if (Number.isNaN(v)) continue;
        const upper = uppers[f0 + j]!;
        let lo = 0;
        let hi = upper.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (v <= upper[mid]!) hi = mid;
          else lo = mid + 1;
        }
        bins[at] = lo + 1;
      }
    }
  }
  return { bins, binCount, thresholds };
}

/** A tree as it grows: the model's arrays plus each split's bin, for scoring binned rows. */
interface GrowingTree extends Required<GbdtTree> {
  splitBin: number[];
}

function addNode(tree: GrowingTree): number {
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(0);
  tree.gain.push(0);
  tree.splitBin.push(0);
  return tree.feature.length - 1;
}

function binnedScore(tree: GrowingTree, bins: Uint8Array, at: number): number {
  let i = 0;
  let f = tree.feature[0]!;
  while (f >= 0) {
    i = bins[at + f]! <= tree.splitBin[i]! ? tree.left[i]! : tree.right[i]!;
    f = tree.feature[i]!;
  }
  return tree.value[i]!;
}

function rawScore(tree: GbdtTree, rows: Float32Array | Float64Array, at: number): number {
  let i = 0;
  let f = tree.feature[0]!;
  while (f >= 0) {
    i = rows[at + f]! > tree.threshold[i]! ? tree.right[i]! : tree.left[i]!;
    f = tree.feature[i]!;
  }
  return tree.value[i]!;
}

interface Split {
  feature: number;
  bin: number;
  gain: number;
  g: number;
  h: number;
  count: number;
}

interface Settings {
  lambda: number;
  minChildWeight: number;
  minLeafRows: number;
  minSplitGain: number;
}

/** Histogram layout: (feature * 256 + bin) * 3 → gradient sum, hessian sum, row count. */
function fillHistogram(
  hist: Float64Array,
  bins: Uint8Array,
  cols: number,
  index: Int32Array,
  start: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
): void {
  hist.fill(0);
  const nf = features.length;
  if (nf === cols) {
    // Every feature: no lookup through `features`, and the row's bins are read in order.
    for (let k = start; k < end; k++) {
      const r = index[k]!;
      const g = grad[r]!;
      const h = hess[r]!;
      const row = r * cols;
      for (let f = 0; f < cols; f++) {
        const at = (f * BIN_STRIDE + bins[row + f]!) * 3;
        hist[at] = hist[at]! + g;
        hist[at + 1] = hist[at + 1]! + h;
        hist[at + 2] = hist[at + 2]! + 1;
      }
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const r = index[k]!;
    const g = grad[r]!;
    const h = hess[r]!;
    const row = r * cols;
    for (let j = 0; j < nf; j++) {
      const f = features[j]!;
      const at = (f * BIN_STRIDE + bins[row + f]!) * 3;
      hist[at] = hist[at]! + g;
      hist[at + 1] = hist[at + 1]! + h;
      hist[at + 2] = hist[at + 2]! + 1;
    }
  }
}

/** parent -= child, leaving the sibling's histogram in the parent's buffer. */
function subtractHistogram(parent: Float64Array, child: Float64Array, features: Int32Array): void {
  for (const f of features) {
    const end = (f + 1) * BIN_STRIDE * 3;
    for (let at = f * BIN_STRIDE * 3; at < end; at++) parent[at] = parent[at]! - child[at]!;
  }
}

function bestSplit(
  hist: Float64Array,
  features: Int32Array,
  binCount: Int32Array,
  g: number,
  h: number,
  count: number,
  settings: Settings,
): Split | undefined {
  const { lambda, minChildWeight, minSplitGain } = settings;
  const minRows = Math.max(1, settings.minLeafRows);
  const parentScore = (g * g) / (h + lambda);
  let best: Split | undefined;
  for (const f of features) {
    let gl = 0;
    let hl = 0;
    let cl = 0;
    const last = binCount[f]!;
    for (let b = 0; b < last; b++) {
      const at = (f * BIN_STRIDE + b) * 3;
      gl += hist[at]!;
      hl += hist[at + 1]!;
      cl += hist[at + 2]!;
      if (cl < minRows || hl < minChildWeight) continue;
      if (count - cl < minRows) break;
      const hr = h - hl;
      if (hr < minChildWeight) continue;
      const gr = g - gl;
      const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore);
      if (gain > minSplitGain && (best === undefined || gain > best.gain)) {
        best = { feature: f, bin: b, gain, g: gl, h: hl, count: cl };
      }
    }
  }
  return best;
}

interface Grower {
  binned: Binned;
  cols: number;
  settings: Settings;
  depth: number;
  learningRate: number;
  /** Scratch: the rows of each node lie contiguously in `index`. */
  index: Int32Array;
  scratch: Int32Array;
  free: Float64Array[];
}

interface OpenNode {
  id: number;
  start: number;
  end: number;
  hist: Float64Array;
  g: number;
  h: number;
  count: number;
}

function takeHistogram(grower: Grower): Float64Array {
  return grower.free.pop() ?? new Float64Array(grower.cols * BIN_STRIDE * 3);
}

/** Grows one tree, depth-wise, on the rows sampled into `sample`. */
function growTree(
  grower: Grower,
  sample: Int32Array,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
): GrowingTree {
  const { binned, cols, settings, index, scratch, learningRate } = grower;
  const { bins, binCount, thresholds } = binned;
  const tree: GrowingTree = {
    feature: [],
    threshold: [],
    left: [],
    right: [],
    value: [],
    gain: [],
    splitBin: [],
  };
  index.set(sample);
  let g = 0;
  let h = 0;
  for (const r of sample) {
    g += grad[r]!;
    h += hess[r]!;
  }
  const rootHist = takeHistogram(grower);
  fillHistogram(rootHist, bins, cols, index, 0, sample.length, grad, hess, features);
  let level: OpenNode[] = [
    { id: addNode(tree), start: 0, end: sample.length, hist: rootHist, g, h, count: sample.length },
  ];
  const leaf = (node: OpenNode) => {
    const denominator = node.h + settings.lambda;
    tree.value[node.id] = denominator > 0 ? round6((-node.g / denominator) * learningRate) : 0;
    grower.free.push(node.hist);
  };
  for (let depth = 0; depth < grower.depth; depth++) {
    const next: OpenNode[] = [];
    for (const node of level) {
      const split = bestSplit(node.hist, features, binCount, node.g, node.h, node.count, settings);
      if (split === undefined) {
        leaf(node);
        continue;
      }
      // Stable partition: each side keeps ascending row order, which keeps reads of `bins` sequential.
      let l = node.start;
      let rCount = 0;
      for (let k = node.start; k < node.end; k++) {
        const r = index[k]!;
        if (bins[r * cols + split.feature]! <= split.bin) index[l++] = r;
        else scratch[rCount++] = r;
      }
      index.set(scratch.subarray(0, rCount), l);
      const left: OpenNode = {
        id: addNode(tree),
        start: node.start,
        end: l,
        hist: node.hist,
        g: split.g,
        h: split.h,
        count: split.count,
      };
      const right: OpenNode = {
        id: addNode(tree),
        start: l,
        end: node.end,
        hist: node.hist,
        g: node.g - split.g,
        h: node.h - split.h,
        count: node.count - split.count,
      };
      tree.feature[node.id] = split.feature;
      tree.threshold[node.id] = thresholds[split.feature]![split.bin]!;
      tree.splitBin[node.id] = split.bin;
      tree.left[node.id] = left.id;
      tree.right[node.id] = right.id;
      tree.gain[node.id] = round6(split.gain);
      if (depth + 1 < grower.depth) {
        // Only the smaller child is counted; the larger one is the parent minus it.
        const small = left.count <= right.count ? left : right;
        small.hist = takeHistogram(grower);
        fillHistogram(small.hist, bins, cols, index, small.start, small.end, grad, hess, features);
        subtractHistogram(node.hist, small.hist, features);
      }
      next.push(left, right);
    }
    level = next;
  }
  for (const node of level) {
    const denominator = node.h + settings.lambda;
    tree.value[node.id] = denominator > 0 ? round6((-node.g / denominator) * learningRate) : 0;
    if (!grower.free.includes(node.hist)) grower.free.push(node.hist);
  }
  return tree;
}

function toModelTree(tree: GrowingTree): GbdtTree {
  const { feature, threshold, left, right, value, gain } = tree;
  return { feature, threshold, left, right, value, gain };
}

interface Prepared {
  n: number;
  labels: Float64Array;
  weights: Float64Array | undefined;
  /** Group boundaries: group i is rows groupStart[i]..groupStart[i + 1]. */
  groupStart: Int32Array | undefined;
}

function prepare(data: GbdtData, what: string, objective: GbdtObjective, classes: number): Prepared {
  const { rows, cols } = data;
  if (!Number.isInteger(cols) || cols < 1) throw new Error(`${what}.cols must be a positive integer`);
  if (rows.length % cols !== 0)
    throw new Error(`${what}.rows has ${rows.length} values, not a multiple of ${cols}`);
  const n = rows.length / cols;
  if (n === 0) throw new Error(`${what} has no rows`);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]!;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      throw new Error(
        `${what}.rows: row ${Math.floor(i / cols)} feature ${i % cols} is infinite (use NaN for missing)`,
      );
    }
  }
  if (data.labels.length !== n)
    throw new Error(`${what}.labels has ${data.labels.length} entries for ${n} rows`);
  const labels = Float64Array.from(data.labels);
  labels.forEach((y, r) => {
    const ok = objective === "multiclass" ? Number.isInteger(y) && y >= 0 && y < classes : y >= 0 && y <= 1;
    if (!ok) {
      const expected = objective === "multiclass" ? `a class 0..${classes - 1}` : "between 0 and 1";
      throw new Error(`${what}.labels[${r}] is ${y}, not ${expected}`);
    }
  });
  let weights: Float64Array | undefined;
  if (data.weights) {
    if (data.weights.length !== n)
      throw new Error(`${what}.weights has ${data.weights.length} entries for ${n} rows`);
    weights = Float64Array.from(data.weights);
    weights.forEach((w, r) => {
      if (!(w >= 0) || !Number.isFinite(w))
        throw new Error(`${what}.weights[${r}] is ${w}, not a weight ≥ 0`);
    });
  }
  let groupStart: Int32Array | undefined;
  if (objective === "group-softmax") {
    const groups = data.groups;
    if (!groups) throw new Error(`${what}.groups is needed for the group-softmax objective`);
    if (groups.length !== n) throw new Error(`${what}.groups has ${groups.length} entries for ${n} rows`);
    const starts = [0];
    const seen = new Set<number>([groups[0]!]);
    for (let r = 1; r < n; r++) {
      const id = groups[r]!;
      if (id === groups[r - 1]) continue;
      if (seen.has(id))
        throw new Error(`${what}.groups: group ${id} is not contiguous (it restarts at row ${r})`);
      seen.add(id);
      starts.push(r);
    }
    starts.push(n);
    groupStart = Int32Array.from(starts);
  }
  return { n, labels, weights, groupStart };
}

/** The rows that carry gradient: for group-softmax, rows of groups with a right row. */
function trainableRows(prepared: Prepared): Int32Array {
  const { n, labels, groupStart } = prepared;
  if (!groupStart) return Int32Array.from({ length: n }, (_, r) => r);
  const rows: number[] = [];
  for (let q = 0; q + 1 < groupStart.length; q++) {
    const start = groupStart[q]!;
    const end = groupStart[q + 1]!;
    let positive = 0;
    for (let r = start; r < end; r++) positive += labels[r]!;
    if (positive > 0) for (let r = start; r < end; r++) rows.push(r);
  }
  return Int32Array.from(rows);
}

/**
 * Gradient and hessian of every row for every class, from the current margins (n × K, row-major), into
 * grad/hess laid out class-major (class k's rows at k * n).
 */
function gradients(
  objective: GbdtObjective,
  prepared: Prepared,
  classes: number,
  margins: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const { n, labels, weights, groupStart } = prepared;
  const floor = 1e-6;
  if (objective === "binary") {
    for (let r = 0; r < n; r++) {
      const p = sigmoid(margins[r]!);
      const w = weights ? weights[r]! : 1;
      grad[r] = (p - labels[r]!) * w;
      hess[r] = Math.max(p * (1 - p), floor) * w;
    }
  } else if (objective === "multiclass") {
    for (let r = 0; r < n; r++) {
      const row = r * classes;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < classes; k++) max = Math.max(max, margins[row + k]!);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp(margins[row + k]! - max);
      const w = weights ? weights[r]! : 1;
      for (let k = 0; k < classes; k++) {
        const p = Math.exp(margins[row + k]! - max) / sum;
        grad[k * n + r] = (p - (labels[r] === k ? 1 : 0)) * w;
        hess[k * n + r] = Math.max(p * (1 - p), floor) * w;
      }
    }
  } else if (groupStart) {
    grad.fill(0);
    hess.fill(0);
    for (let q = 0; q + 1 < groupStart.length; q++) {
      const start = groupStart[q]!;
      const end = groupStart[q + 1]!;
      let positive = 0;
      let max = Number.NEGATIVE_INFINITY;
      for (let r = start; r < end; r++) {
        positive += labels[r]!;
        max = Math.max(max, margins[r]!);
      }
      // A group with no right row says nothing about which row is right.
      if (positive <= 0) continue;
      let sum = 0;
      for (let r = start; r < end; r++) sum += Math.exp(margins[r]! - max);
      for (let r = start; r < end; r++) {
        const p = Math.exp(margins[r]! - max) / sum;
        const w = weights ? weights[r]! : 1;
        grad[r] = (p - labels[r]! / positive) * w;
        hess[r] = Math.max(p * (1 - p), floor) * w;
      }
    }
  }
}

/** Mean loss: log loss for binary and multiclass, cross-entropy against the target per group otherwise. */
function meanLoss(
  objective: GbdtObjective,
  prepared: Prepared,
  classes: number,
  margins: Float64Array,
): number {
  const { n, labels, weights, groupStart } = prepared;
  let total = 0;
  let weight = 0;
  if (objective === "binary") {
    for (let r = 0; r < n; r++) {
      const w = weights ? weights[r]! : 1;
      const m = margins[r]!;
      // log(1 + e^m) - y m, written to stay finite for large |m|.
      total += w * (Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - labels[r]! * m);
      weight += w;
    }
  } else if (objective === "multiclass") {
    for (let r = 0; r < n; r++) {
      const row = r * classes;
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < classes; k++) max = Math.max(max, margins[row + k]!);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp(margins[row + k]! - max);
      const w = weights ? weights[r]! : 1;
      total += w * (max + Math.log(sum) - margins[row + labels[r]!]!);
      weight += w;
    }
  } else if (groupStart) {
    for (let q = 0; q + 1 < groupStart.length; q++) {
      const start = groupStart[q]!;
      const end = groupStart[q + 1]!;
      let positive = 0;
      let max = Number.NEGATIVE_INFINITY;
      for (let r = start; r < end; r++) {
        positive += labels[r]!;
        max = Math.max(max, margins[r]!);
      }
      if (positive <= 0) continue;
      let sum = 0;
      for (let r = start; r < end; r++) sum += Math.exp(margins[r]! - max);
      const logSum = max + Math.log(sum);
      for (let r = start; r < end; r++) total += (labels[r]! / positive) * (logSum - margins[r]!);
      weight += 1;
    }
  }
  return weight > 0 ? total / weight : 0;
}

function startingScores(
  objective: GbdtObjective,
  prepared: Prepared,
  classes: number,
  rows: Int32Array,
): number[] {
  const { labels, weights } = prepared;
  if (objective === "group-softmax") return [0];
  const mass = new Float64Array(Math.max(classes, 2));
  let total = 0;
  for (const r of rows) {
    const w = weights ? weights[r]! : 1;
    total += w;
    if (objective === "binary") mass[1] = mass[1]! + w * labels[r]!;
    else mass[labels[r]!] = mass[labels[r]!]! + w;
  }
  const share = (m: number) => Math.min(Math.max(total > 0 ? m / total : 0.5, 1e-6), 1 - 1e-6);
  if (objective === "binary") {
    const p = share(mass[1]!);
    return [round6(Math.log(p / (1 - p)))];
  }
  return Array.from({ length: classes }, (_, k) => round6(Math.log(share(mass[k]!))));
}

/** Trains a model; see GbdtOptions. Throws, naming the field, on data that does not fit the objective. */
export function trainGbdt(data: GbdtData, options: GbdtOptions): GbdtModel {
  const { objective, featureNames, log } = options;
  const classes = objective === "multiclass" ? (options.classes ?? 0) : 1;
  if (objective === "multiclass" && !(Number.isInteger(classes) && classes >= 2)) {
    throw new Error("options.classes must be an integer of at least 2 for multiclass");
  }
  if (!(Number.isInteger(options.bins) && options.bins >= 2 && options.bins <= 255)) {
    throw new Error(`options.bins is ${options.bins}; it must be an integer from 2 to 255`);
  }
  if (!(Number.isInteger(options.depth) && options.depth >= 1))
    throw new Error("options.depth must be at least 1");
  if (!(options.lambda >= 0)) throw new Error("options.lambda must be 0 or more");
  if (featureNames.length !== data.cols) {
    throw new Error(`options.featureNames has ${featureNames.length} names for ${data.cols} columns`);
  }
  const rowRate = options.rowSubsample ?? 1;
  const colRate = options.colSubsample ?? 1;
  if (!(rowRate > 0 && rowRate <= 1)) throw new Error("options.rowSubsample must be in (0, 1]");
  if (!(colRate > 0 && colRate <= 1)) throw new Error("options.colSubsample must be in (0, 1]");

  const prepared = prepare(data, "data", objective, classes);
  const { n } = prepared;
  const { cols } = data;
  const validation = options.validation;
  const preparedValidation = validation && prepare(validation, "validation", objective, classes);
  if (validation && validation.cols !== cols) {
    throw new Error(`validation.cols is ${validation.cols}; the training data has ${cols}`);
  }

  const trainable = trainableRows(prepared);
  if (trainable.length === 0) throw new Error("data has no group with a right row");
  const binned = binFeatures(data, options.bins, trainable);
  const base = startingScores(objective, prepared, classes, trainable);
  const margins = new Float64Array(n * classes);
  for (let r = 0; r < n; r++) margins.set(base, r * classes);
  const validationMargins = preparedValidation && new Float64Array(preparedValidation.n * classes);
  if (validationMargins)
    for (let r = 0; r < validationMargins.length; r += classes) validationMargins.set(base, r);

  const grower: Grower = {
    binned,
    cols,
    settings: {
      lambda: options.lambda,
      minChildWeight: options.minChildWeight,
      minLeafRows: options.minLeafRows,
      minSplitGain: options.minSplitGain ?? 0,
    },
    depth: options.depth,
    learningRate: options.learningRate,
    index: new Int32Array(n),
    scratch: new Int32Array(n),
    free: [],
  };
  const random = seededRandom(options.seed);
  const grad = new Float64Array(n * classes);
  const hess = new Float64Array(n * classes);
  const allFeatures = Int32Array.from({ length: cols }, (_, f) => f);
  const featuresPerTree = Math.max(1, Math.round(cols * colRate));
  const trees: GbdtTree[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestRounds = 0;

  for (let round = 0; round < options.trees; round++) {
    gradients(objective, prepared, classes, margins, grad, hess);
    let sample = trainable;
    if (rowRate < 1) {
      const kept: number[] = [];
      for (const r of trainable) if (random() < rowRate) kept.push(r);
      sample = Int32Array.from(kept);
    }
    for (let k = 0; k < classes; k++) {
      let features = allFeatures;
      if (featuresPerTree < cols) {
        const order = Array.from(allFeatures);
        for (let i = cols - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        features = Int32Array.from(order.slice(0, featuresPerTree)).sort();
      }
      const classGrad = grad.subarray(k * n, (k + 1) * n);
      const classHess = hess.subarray(k * n, (k + 1) * n);
      const tree = sample.length > 0 ? growTree(grower, sample, classGrad, classHess, features) : undefined;
      if (!tree) {
        trees.push({ feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0], gain: [0] });
        continue;
      }
      // The round's trees all follow the gradients at its start, so margins move only after this loop.
      for (let r = 0; r < n; r++) {
        const at = r * classes + k;
        margins[at] = margins[at]! + binnedScore(tree, binned.bins, r * cols);
      }
      const modelTree = toModelTree(tree);
      trees.push(modelTree);
      if (validation && validationMargins) {
        for (let r = 0; r < validationMargins.length / classes; r++) {
          const at = r * classes + k;
          validationMargins[at] = validationMargins[at]! + rawScore(modelTree, validation.rows, r * cols);
        }
      }
    }
    const validationLoss =
      preparedValidation && validationMargins
        ? meanLoss(objective, preparedValidation, classes, validationMargins)
        : undefined;
    const last = round + 1 === options.trees;
    if (log && (round === 0 || (round + 1) % 10 === 0 || last)) {
      const trainLoss = meanLoss(objective, prepared, classes, margins);
      const shown = validationLoss === undefined ? "" : `, validation ${validationLoss.toFixed(5)}`;
      log(`round ${round + 1}: train loss ${trainLoss.toFixed(5)}${shown}`);
    }
    if (validationLoss !== undefined) {
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestRounds = round + 1;
      } else if (
        options.earlyStoppingRounds !== undefined &&
        round + 1 - bestRounds >= options.earlyStoppingRounds
      ) {
        log?.(
          `stopped after round ${round + 1}; best validation loss ${bestLoss.toFixed(5)} at round ${bestRounds}`,
        );
        break;
      }
    }
  }
  if (options.earlyStoppingRounds !== undefined && validation) trees.length = bestRounds * classes;
  return { format: GBDT_FORMAT, objective, classes, featureNames: [...featureNames], base, trees };
}

/**
 * Mean log loss. With classes > 1, `probabilities` is rows × classes (row-major) and labels are class
 * indices; otherwise one P(1) per row and 0/1 labels. Probabilities are clipped to [1e-15, 1 - 1e-15].
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, classes = 1): number {
  const clip = (p: number) => Math.min(Math.max(p, 1e-15), 1 - 1e-15);
  let total = 0;
  for (let r = 0; r < labels.length; r++) {
    const y = labels[r]!;
    if (classes > 1) total -= Math.log(clip(probabilities[r * classes + y]!));
    else {
      const p = clip(probabilities[r]!);
      total -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    }
  }
  return labels.length > 0 ? total / labels.length : 0;
}

/** Area under the ROC curve (labels 0/1), tied scores sharing their average rank; NaN without both labels. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && scores[order[j]!] === scores[order[i]!]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (labels[order[k]!]! > 0.5) {
        positives++;
        rankSum += rank;
      }
    }
    i = j;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The fold (0..k-1) of each row, keeping all rows that share a key (an article id, say) in one fold.
 * Distinct keys are sorted, shuffled with the seed and dealt round-robin, so the answer depends only on
 * the set of keys and the seed, not on row order. With `stratum`, each stratum's keys are dealt in turn (the
 * deal going on where the last stratum's stopped), so a rare kind of key (an article with unanswerable questions)
 * lands in every fold rather than by chance in one.
 */
export function crossValidationFolds(
  keys: string[],
  k: number,
  seed: number,
  stratum: (key: string) => string = () => "",
): number[] {
  if (!(Number.isInteger(k) && k >= 2)) throw new Error(`k is ${k}; cross-validation needs at least 2 folds`);
  const distinct = [...new Set(keys)].sort();
  const random = seededRandom(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j]!, distinct[i]!];
  }
  const strata = new Map<string, string[]>();
  for (const key of distinct) {
    const name = stratum(key);
    const list = strata.get(name);
    if (list) list.push(key);
    else strata.set(name, [key]);
  }
  const fold = new Map<string, number>();
  let dealt = 0;
  for (const name of [...strata.keys()].sort())
    for (const key of strata.get(name) ?? []) fold.set(key, dealt++ % k);
  return keys.map((key) => fold.get(key)!);
}
