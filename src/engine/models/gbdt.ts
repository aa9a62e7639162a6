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

/**
 * The leaf a row reaches from `root`. In-bounds typed-array reads are never undefined; a feature past the end of
 * `x` (or NaN) goes left, as the `?? -Infinity` and the comparison say.
 */
function leafOf(
  root: number,
  x: ArrayLike<number>,
  feature: Int32Array,
  split: Float64Array,
  child: Int32Array,
) {
  let i = root;
  let f = feature[i] ?? -1;
  while (f >= 0) {
    i = (child[i] ?? 0) + ((x[f] ?? Number.NEGATIVE_INFINITY) > (split[i] ?? 0) ? 1 : 0);
    f = feature[i] ?? -1;
  }
  return i;
}

/**
 * All trees in one set of typed arrays, laid out again breadth-first so that a split's two children are
 * adjacent and the walk needs one child index per node. A leaf keeps its value where a split keeps its
 * threshold, so the walk touches one float array.
 */
class CompiledGbdt implements GbdtPredictor {
  readonly objective: GbdtObjective;
  readonly classes: number;
  readonly featureNames: readonly string[];
  private readonly base: Float64Array;
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly split: Float64Array;
  /** The left child's index; the right child follows it. */
  private readonly child: Int32Array;

  constructor(model: GbdtModel) {
    this.objective = model.objective;
    this.classes = model.classes;
    this.featureNames = [...model.featureNames];
    this.base = Float64Array.from(model.base);
    let total = 0;
    for (const tree of model.trees) total += tree.feature.length;
    this.roots = new Int32Array(model.trees.length);
    this.feature = new Int32Array(total);
    this.split = new Float64Array(total);
    this.child = new Int32Array(total);
    let next = 0;
    for (const [t, tree] of model.trees.entries()) {
      this.roots[t] = next;
      // Breadth-first from the root; `queue` holds the tree's node ids in their new order, from `next`.
      const queue = [0];
      const start = next;
      next++;
      // validateGbdt checked that every array has an entry per node, so the `?? -1` and `?? 0` never apply.
      for (const [q, node] of queue.entries()) {
        const at = start + q;
        const f = tree.feature[node] ?? -1;
        this.feature[at] = f;
        if (f < 0) {
          this.split[at] = tree.value[node] ?? 0;
          this.child[at] = -1;
          continue;
        }
        this.split[at] = tree.threshold[node] ?? 0;
        this.child[at] = next;
        queue.push(tree.left[node] ?? 0, tree.right[node] ?? 0);
        next += 2;
      }
    }
  }

  margin(x: ArrayLike<number>): number {
    if (this.classes !== 1)
      throw new Error("margin() is for single-score models; use margins() for multiclass");
    const { roots, feature, split, child } = this;
    let sum = this.base[0] ?? 0;
    for (const root of roots) sum += split[leafOf(root, x, feature, split, child)] ?? 0;
    return sum;
  }

  margins(x: ArrayLike<number>, out = new Float64Array(this.classes)): Float64Array {
    const { roots, feature, split, child, classes } = this;
    out.set(this.base);
    let k = 0;
    for (const root of roots) {
      out[k] = (out[k] ?? 0) + (split[leafOf(root, x, feature, split, child)] ?? 0);
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
