// Gradient-boosted decision trees at run time: the model file's shape, its validation, and a predictor
// compiled to typed arrays. Models are trained by scripts/lib/gbdt-train.ts; nothing here reads files.
//
// A split sends a row right when x[feature] > threshold and left otherwise, so a missing value (NaN, or a
// feature index past the end of x) always goes left. The trainer learns with that rule, giving missing
// values their own bin on the left of every split.
import { z } from "zod";

export const GBDT_FORMAT = "gbdt/1";

export type GbdtObjective = "binary" | "group-softmax" | "multiclass";

/**
 * One tree, stored flat so the JSON stays small. Node 0 is the root and children come after their parent.
 * A leaf has feature -1, left and right -1, and its score in `value`; a split has value 0. A split that
 * separates only the missing values has threshold -Number.MAX_VALUE (JSON has no -Infinity).
 */
export interface GbdtTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  /** Each split's loss reduction (0 at leaves), kept for feature importance. */
  gain?: number[];
}

export interface GbdtModel {
  format: typeof GBDT_FORMAT;
  objective: GbdtObjective;
  /** Scores per row: K for multiclass, 1 for binary and group-softmax. */
  classes: number;
  featureNames: string[];
  /** Each class's starting score, before any tree. */
  base: number[];
  /** Tree t adds to class t % classes: round r, class k is tree r * classes + k. */
  trees: GbdtTree[];
}

export interface GbdtPredictor {
  readonly objective: GbdtObjective;
  readonly classes: number;
  readonly featureNames: readonly string[];
  /** The raw score of a single-score model (binary, group-softmax). */
  margin(x: ArrayLike<number>): number;
  /**
   * The raw scores of a single-score model for many rows at once, laid end to end in `rows` (as many values a
   * row as the model has features): the same numbers as `margin` on each row, sooner. `out` is reused when
   * given, and its length is the number of rows.
   */
  rowMargins(rows: Float64Array, out?: Float64Array): Float64Array;
  /** Every class's raw score; `out` is reused when given. */
  margins(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** P(label 1) of a binary model. */
  probability(x: ArrayLike<number>): number;
  /** Softmax over a multiclass model's scores; `out` is reused when given. */
  classProbabilities(x: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** A numerically stable softmax; for group-softmax, apply it to the margins of one group's rows. */
export function softmax(scores: ArrayLike<number>, out = new Float64Array(scores.length)): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] ?? max);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i] ?? max) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

export function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}

/** The deepest tree compileGbdt lays out complete, 2^depth leaves each; the trainer grows 4 to 6 levels. */
const MAX_DEPTH = 12;
/** Node words hold a feature and a cut in 16 bits each. */
const MAX_FEATURES = 0x10000;
/** A cut above every bin (a feature has fewer thresholds), so `bin > PAD` never holds. */
const PAD = 0xffff;

/**
 * One step down a complete tree whose splits start at nodes[tree], from node `i`, for the row whose bins start at
 * bins[at]. Node i's children are 2i + 1 and 2i + 2, and the sign bit of `cut - bin` picks between them, so a
 * step loads one node word and one bin and has no branch to mispredict. In-bounds typed-array reads are never
 * undefined; the `?? 0` never applies.
 */
function down(nodes: Int32Array, tree: number, i: number, bins: Int32Array, at: number): number {
  const word = nodes[tree + i] ?? 0;
  return 2 * i + 1 + (((word & 0xffff) - (bins[at + (word >>> 16)] ?? 0)) >>> 31);
}

/**
 * All trees in two typed arrays, each laid out as a complete tree of the model's depth: a leaf above that depth
 * is repeated in every leaf below it, under splits that all lead to it. A row is first turned into bins, one
 * integer a feature: how many of the thresholds the model uses for that feature its value is above (none for NaN
 * or a missing feature). `x > threshold` is then `bin > cut`, the threshold's rank among its feature's, so a walk
 * compares integers. The trainer grows every tree to the same depth, level by level, so few nodes are added.
 */
class CompiledGbdt implements GbdtPredictor {
  readonly objective: GbdtObjective;
  readonly classes: number;
  readonly featureNames: readonly string[];
  private readonly base: Float64Array;
  private readonly trees: number;
  private readonly depth: number;
  /** Tree t's splits are nodes[t · (2^depth - 1)…], each its feature << 16 | its cut (its threshold's rank). */
  private readonly nodes: Int32Array;
  /** Tree t's leaves are leaves[t · 2^depth…], left to right. */
  private readonly leaves: Float64Array;
  /** Every feature's thresholds, ascending, feature after feature: feature f's are cuts[cutStart[f]…cutStart[f + 1]). */
  private readonly cuts: Float64Array;
  private readonly cutStart: Int32Array;
  /** The bins of the rows being scored, reused from call to call. */
  private bins = new Int32Array(0);
  /** margin()'s one score, so that a call allocates nothing. */
  private readonly one = new Float64Array(1);

  constructor(model: GbdtModel) {
    this.objective = model.objective;
    this.classes = model.classes;
    this.featureNames = [...model.featureNames];
    this.base = Float64Array.from(model.base);
    const width = model.featureNames.length;
    if (width > MAX_FEATURES) throw new Error(`compileGbdt: ${width} features; at most ${MAX_FEATURES}`);
    const thresholds = Array.from({ length: width }, () => new Set<number>());
    for (const tree of model.trees)
      tree.feature.forEach((f, i) => {
        if (f >= 0) thresholds[f]?.add(tree.threshold[i] ?? 0);
      });
    const sorted = thresholds.map((set) => [...set].sort((a, z) => a - z));
    if (sorted.some((list) => list.length >= PAD))
      throw new Error(`compileGbdt: a feature has ${PAD} thresholds or more`);
    this.cuts = Float64Array.from(sorted.flat());
    this.cutStart = new Int32Array(width + 1);
    sorted.forEach((list, f) => {
      this.cutStart[f + 1] = (this.cutStart[f] ?? 0) + list.length;
    });
    // validateGbdt checked that every array has an entry per node and that children come after their parent,
    // so the `?? -1` and `?? 0` never apply and every walk below ends.
    const depthOf = (tree: GbdtTree, node: number): number =>
      (tree.feature[node] ?? -1) < 0
        ? 0
        : 1 + Math.max(depthOf(tree, tree.left[node] ?? 0), depthOf(tree, tree.right[node] ?? 0));
    const depth = Math.max(0, ...model.trees.map((tree) => depthOf(tree, 0)));
    if (depth > MAX_DEPTH) throw new Error(`compileGbdt: a tree is ${depth} deep; at most ${MAX_DEPTH}`);
    this.trees = model.trees.length;
    this.depth = depth;
    const splits = (1 << depth) - 1;
    this.nodes = new Int32Array(this.trees * splits);
    this.leaves = new Float64Array(this.trees * (1 << depth));
    for (const [t, tree] of model.trees.entries()) {
      // `at` is the node's place in the complete tree; a leaf short of the depth fills its whole subtree.
      const place = (node: number, at: number, level: number): void => {
        const f = tree.feature[node] ?? -1;
        if (level === depth) {
          this.leaves[t * (splits + 1) + at - splits] = tree.value[node] ?? 0;
        } else if (f < 0) {
          this.nodes[t * splits + at] = PAD;
          place(node, 2 * at + 1, level + 1);
          place(node, 2 * at + 2, level + 1);
        } else {
          const cut = sorted[f]?.indexOf(tree.threshold[node] ?? 0) ?? 0;
          this.nodes[t * splits + at] = (f << 16) | cut;
          place(tree.left[node] ?? 0, 2 * at + 1, level + 1);
          place(tree.right[node] ?? 0, 2 * at + 2, level + 1);
        }
      };
      place(0, 0, 0);
    }
  }

  /** Bins `rows` rows of `x` (a row's features from x[r * width]) into this.bins. */
  private bin(x: ArrayLike<number>, rows: number): Int32Array {
    const { cuts, cutStart } = this;
    const width = this.featureNames.length;
    if (this.bins.length < rows * width) this.bins = new Int32Array(rows * width);
    const bins = this.bins;
    for (let r = 0, at = 0; r < rows; r++) {
      for (let f = 0; f < width; f++, at++) {
        // The number of cuts below the value, by bisection; `>` is false for NaN, so NaN gets bin 0.
        const v = x[at] ?? Number.NaN;
        // A value the row above has too (a column the same in every row, often) has its bin already.
        if (r > 0 && v === x[at - width]) {
          bins[at] = bins[at - width] ?? 0;
          continue;
        }
        const first = cutStart[f] ?? 0;
        let lo = first;
        let hi = cutStart[f + 1] ?? 0;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (v > (cuts[mid] ?? 0)) lo = mid + 1;
          else hi = mid;
        }
        bins[at] = lo - first;
      }
    }
    return bins;
  }

  /** Adds every tree to the scores in `out` of the binned rows 0…out.length - 1. */
  private walk(bins: Int32Array, out: Float64Array): Float64Array {
    const { nodes, leaves, depth, trees } = this;
    const width = this.featureNames.length;
    const n = out.length;
    const splits = (1 << depth) - 1;
    // Tree by tree, not row by row: a tree's nodes stay in cache while every row walks it. Each row still adds
    // the trees in their order, so its sum is the same, bit for bit, however many rows are scored together.
    // `tree` is where tree t's splits start; a walk ends on a node numbered `splits` or more, whose leaf is
    // leaves[last + node].
    for (let t = 0, tree = 0, last = -splits; t < trees; t++, tree += splits, last += splits + 1) {
      let r = 0;
      // Four rows at once: their walks do not depend on each other, so the processor overlaps them.
      for (; r + 4 <= n; r += 4) {
        const a = r * width;
        const b = a + width;
        const c = b + width;
        const d = c + width;
        let ia = 0;
        let ib = 0;
        let ic = 0;
        let id = 0;
        for (let s = 0; s < depth; s++) {
          ia = down(nodes, tree, ia, bins, a);
          ib = down(nodes, tree, ib, bins, b);
          ic = down(nodes, tree, ic, bins, c);
          id = down(nodes, tree, id, bins, d);
        }
        out[r] = (out[r] ?? 0) + (leaves[last + ia] ?? 0);
        out[r + 1] = (out[r + 1] ?? 0) + (leaves[last + ib] ?? 0);
        out[r + 2] = (out[r + 2] ?? 0) + (leaves[last + ic] ?? 0);
        out[r + 3] = (out[r + 3] ?? 0) + (leaves[last + id] ?? 0);
      }
      for (; r < n; r++) {
        let i = 0;
        for (let s = 0; s < depth; s++) i = down(nodes, tree, i, bins, r * width);
        out[r] = (out[r] ?? 0) + (leaves[last + i] ?? 0);
      }
    }
    return out;
  }

  margin(x: ArrayLike<number>): number {
    if (this.classes !== 1)
      throw new Error("margin() is for single-score models; use margins() for multiclass");
    this.one[0] = this.base[0] ?? 0;
    return this.walk(this.bin(x, 1), this.one)[0] ?? 0;
  }

  rowMargins(
    rows: Float64Array,
    out = new Float64Array(Math.floor(rows.length / Math.max(1, this.featureNames.length))),
  ): Float64Array {
    if (this.classes !== 1)
      throw new Error("rowMargins() is for single-score models; use margins() for multiclass");
    const width = this.featureNames.length;
    const n = out.length;
    if (n * width > rows.length)
      throw new Error(`rowMargins(): ${n} rows of ${width} need ${n * width} values, not ${rows.length}`);
    out.fill(this.base[0] ?? 0);
    return this.walk(this.bin(rows, n), out);
  }

  margins(x: ArrayLike<number>, out = new Float64Array(this.classes)): Float64Array {
    const { nodes, leaves, depth, trees, classes } = this;
    const bins = this.bin(x, 1);
    const splits = (1 << depth) - 1;
    out.set(this.base);
    let k = 0;
    for (let t = 0; t < trees; t++) {
      let i = 0;
      for (let s = 0; s < depth; s++) i = down(nodes, t * splits, i, bins, 0);
      out[k] = (out[k] ?? 0) + (leaves[t * (splits + 1) + i - splits] ?? 0);
      k = k + 1 === classes ? 0 : k + 1;
    }
    return out;
  }

  probability(x: ArrayLike<number>): number {
    if (this.objective !== "binary") {
      throw new Error(`probability() is for binary models; this one is ${this.objective}`);
    }
    return sigmoid(this.margin(x));
  }

  classProbabilities(x: ArrayLike<number>, out = new Float64Array(this.classes)): Float64Array {
    if (this.objective !== "multiclass") {
      throw new Error(`classProbabilities() is for multiclass models; this one is ${this.objective}`);
    }
    return softmax(this.margins(x, out), out);
  }
}

/**
 * A fast predictor for a model that validateGbdt accepted (a malformed tree could loop forever). Rows are
 * not checked: a NaN or a feature past the end of x goes left.
 */
export function compileGbdt(model: GbdtModel): GbdtPredictor {
  return new CompiledGbdt(model);
}

const indexArray = z.array(z.number().int());

const treeSchema = z
  .object({
    feature: z.array(z.number().int().min(-1, "a feature index is below -1")),
    threshold: z.array(z.number()),
    left: indexArray,
    right: indexArray,
    value: z.array(z.number()),
    gain: z.array(z.number()).optional(),
  })
  .strict()
  .superRefine((tree, context) => {
    const n = tree.feature.length;
    if (n === 0) {
      context.addIssue({ code: "custom", path: ["feature"], message: "a tree needs at least one node" });
      return;
    }
    for (const key of ["threshold", "left", "right", "value", "gain"] as const) {
      const length = tree[key]?.length ?? n;
      if (length !== n) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: `has ${length} entries for the tree's ${n} nodes`,
        });
        return;
      }
    }
    const parents = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if ((tree.feature[i] ?? -1) < 0) continue;
      for (const side of ["left", "right"] as const) {
        const child = tree[side][i] ?? -1;
        // Children after their parent: the walk always moves forward, so it ends.
        if (child <= i || child >= n) {
          context.addIssue({
            code: "custom",
            path: [side, i],
            message: `child ${child} of node ${i} is not a later node of the tree's ${n}`,
          });
          return;
        }
        parents[child] = (parents[child] ?? 0) + 1;
      }
    }
    for (let i = 1; i < n; i++) {
      if (parents[i] !== 1) {
        context.addIssue({
          code: "custom",
          path: ["feature", i],
          message: `node ${i} has ${parents[i]} parents; every node but the root needs one`,
        });
        return;
      }
    }
  });

const modelSchema = z
  .object({
    format: z.literal(GBDT_FORMAT),
    objective: z.enum(["binary", "group-softmax", "multiclass"]),
    classes: z.number().int().min(1),
    featureNames: z.array(z.string()),
    base: z.array(z.number()),
    trees: z.array(treeSchema),
  })
  .strict()
  .superRefine((model, context) => {
    const multiclass = model.objective === "multiclass";
    if (multiclass ? model.classes < 2 : model.classes !== 1) {
      context.addIssue({
        code: "custom",
        path: ["classes"],
        message: multiclass
          ? "a multiclass model needs at least 2 classes"
          : `a ${model.objective} model has 1 score per row, not ${model.classes}`,
      });
      return;
    }
    if (model.base.length !== model.classes) {
      context.addIssue({
        code: "custom",
        path: ["base"],
        message: `has ${model.base.length} entries for ${model.classes} classes`,
      });
    }
    if (model.trees.length % model.classes !== 0) {
      context.addIssue({
        code: "custom",
        path: ["trees"],
        message: `${model.trees.length} trees do not make whole rounds of ${model.classes} classes`,
      });
    }
    const features = model.featureNames.length;
    model.trees.forEach((tree, t) => {
      const i = tree.feature.findIndex((f) => f >= features);
      if (i >= 0) {
        context.addIssue({
          code: "custom",
          path: ["trees", t, "feature", i],
          message: `feature ${tree.feature[i]} is past the ${features} featureNames`,
        });
      }
    });
  });

/** Checks parsed JSON against the model format; the error names each field that is wrong. */
export function validateGbdt(json: unknown): GbdtModel {
  const parsed = modelSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "model"}: ${issue.message}`);
    const more = parsed.error.issues.length - problems.length;
    throw new Error(`invalid GBDT model: ${problems.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`);
  }
  return parsed.data;
}

export interface FeatureImportance {
  feature: string;
  /** How many splits use the feature. */
  splits: number;
  /** The summed loss reduction of those splits (0 when the model did not keep gains). */
  gain: number;
}

/** Every feature's split count and gain, most important first (by gain when kept, else by splits). */
export function featureImportance(model: GbdtModel): FeatureImportance[] {
  const splits = new Array<number>(model.featureNames.length).fill(0);
  const gains = new Array<number>(model.featureNames.length).fill(0);
  for (const tree of model.trees) {
    tree.feature.forEach((f, i) => {
      if (f < 0) return;
      splits[f] = (splits[f] ?? 0) + 1;
      gains[f] = (gains[f] ?? 0) + (tree.gain?.[i] ?? 0);
    });
  }
  return model.featureNames
    .map((feature, f) => ({ feature, splits: splits[f] ?? 0, gain: gains[f] ?? 0, f }))
    .sort((a, b) => b.gain - a.gain || b.splits - a.splits || a.f - b.f)
    .map(({ feature, splits, gain }) => ({ feature, splits, gain }));
}
