import { describe, expect, it } from "vitest";
import {
  auc,
  crossValidationFolds,
  type GbdtData,
  type GbdtOptions,
  logLoss,
  seededRandom,
  trainGbdt,
} from "../../scripts/lib/gbdt-train.ts";
import {
  compileGbdt,
  featureImportance,
  type GbdtModel,
  softmax,
  validateGbdt,
} from "../../src/engine/models/gbdt.ts";

const names = (cols: number) => Array.from({ length: cols }, (_, f) => `f${f}`);

const OPTIONS: Omit<GbdtOptions, "objective" | "featureNames"> = {
  trees: 60,
  depth: 4,
  learningRate: 0.3,
  minChildWeight: 1e-3,
  lambda: 1,
  minLeafRows: 5,
  bins: 64,
  seed: 7,
};

/** Label 1 when x0 and x1 have the same sign: no line separates it; three more columns are noise. */
function xorData(n: number, seed: number): GbdtData {
  const random = seededRandom(seed);
  const cols = 5;
  const rows = new Float64Array(n * cols);
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < cols; f++) rows[r * cols + f] = random() * 2 - 1;
    labels[r] = rows[r * cols]! * rows[r * cols + 1]! > 0 ? 1 : 0;
  }
  return { rows, cols, labels };
}

/** Groups of 4-9 rows; the right row is the one with the highest x0 + x1·x2, the rest is noise. */
function groupData(groups: number, seed: number, unlabelled = 0): GbdtData & { groups: number[] } {
  const random = seededRandom(seed);
  const cols = 4;
  const values: number[] = [];
  const labels: number[] = [];
  const ids: number[] = [];
  for (let g = 0; g < groups + unlabelled; g++) {
    const size = 4 + Math.floor(random() * 6);
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < size; i++) {
      const x = Array.from({ length: cols }, () => random() * 2 - 1);
      const score = x[0]! + 2 * x[1]! * x[2]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
      values.push(...x);
      ids.push(g);
    }
    for (let i = 0; i < size; i++) labels.push(g < groups && i === best ? 1 : 0);
  }
  return { rows: Float64Array.from(values), cols, labels, groups: ids };
}

/** Three classes by angle around the origin, with 5 % of labels flipped. */
function threeClassData(n: number, seed: number): GbdtData {
  const random = seededRandom(seed);
  const cols = 3;
  const rows = new Float64Array(n * cols);
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const x = random() * 2 - 1;
    const y = random() * 2 - 1;
    rows.set([x, y, random()], r * cols);
    const angle = Math.atan2(y, x) + Math.PI;
    const label = Math.min(2, Math.floor((angle / (2 * Math.PI)) * 3));
    labels[r] = random() < 0.05 ? (label + 1) % 3 : label;
  }
  return { rows, cols, labels };
}

function row(data: GbdtData, r: number): Float64Array {
  return Float64Array.from(data.rows.subarray(r * data.cols, (r + 1) * data.cols));
}

/** The model walked as its JSON reads: right when x > threshold, else (NaN included) left. */
function referenceMargins(model: GbdtModel, x: ArrayLike<number>): number[] {
  const out = [...model.base];
  model.trees.forEach((tree, t) => {
    let i = 0;
    while (tree.feature[i]! >= 0) {
      const v = x[tree.feature[i]!]!;
      i = !Number.isNaN(v) && v > tree.threshold[i]! ? tree.right[i]! : tree.left[i]!;
    }
    const k = t % model.classes;
    out[k] = out[k]! + tree.value[i]!;
  });
  return out;
}

describe("gbdt training", () => {
  it("finds the exact first split and leaf values on a tiny binary problem", () => {
    const model = trainGbdt(
      { rows: Float64Array.from([0, 1, 2, 3]), cols: 1, labels: [0, 0, 1, 1] },
      {
        ...OPTIONS,
        objective: "binary",
        featureNames: ["x"],
        trees: 1,
        depth: 1,
        learningRate: 1,
        lambda: 0,
        minChildWeight: 0,
        minLeafRows: 1,
      },
    );
    // p = 0.5 everywhere: g = ±0.5, h = 0.25, so each leaf is -G/H = ∓2 and the gain ½(2 + 2 - 0) = 2.
    expect(model).toEqual({
      format: "gbdt/1",
      objective: "binary",
      classes: 1,
      featureNames: ["x"],
      base: [0],
      trees: [
        {
          feature: [0, -1, -1],
          threshold: [1.5, 0, 0],
          left: [1, -1, -1],
          right: [2, -1, -1],
          value: [0, -2, 2],
          gain: [2, 0, 0],
        },
      ],
    });
  });

  it("learns an XOR-like interaction a linear model cannot", () => {
    const train = xorData(3000, 1);
    const test = xorData(1000, 2);
    const model = trainGbdt(train, { ...OPTIONS, objective: "binary", featureNames: names(train.cols) });
    const predictor = compileGbdt(model);
    let correct = 0;
    const scores: number[] = [];
    for (let r = 0; r < 1000; r++) {
      const p = predictor.probability(row(test, r));
      scores.push(p);
      if ((p > 0.5 ? 1 : 0) === test.labels[r]) correct++;
    }
    expect(correct / 1000).toBeGreaterThanOrEqual(0.95);
    expect(auc(scores, test.labels)).toBeGreaterThan(0.98);
    const top = featureImportance(model)
      .slice(0, 2)
      .map((f) => f.feature);
    expect(top.sort()).toEqual(["f0", "f1"]);
  });

  it("ranks the right row of a group first (group-softmax)", () => {
    const train = groupData(3000, 3);
    const test = groupData(500, 4);
    const model = trainGbdt(train, { ...OPTIONS, objective: "group-softmax", featureNames: names(4) });
    const predictor = compileGbdt(model);
    let first = 0;
    let groups = 0;
    for (let start = 0; start < test.groups.length; ) {
      let end = start;
      while (end < test.groups.length && test.groups[end] === test.groups[start]) end++;
      let best = start;
      for (let r = start; r < end; r++)
        if (predictor.margin(row(test, r)) > predictor.margin(row(test, best))) best = r;
      if (test.labels[best] === 1) first++;
      groups++;
      start = end;
    }
    expect(first / groups).toBeGreaterThanOrEqual(0.9);
  });

  it("ignores groups with no right row (group-softmax)", () => {
    const options: GbdtOptions = {
      ...OPTIONS,
      trees: 10,
      rowSubsample: 0.8,
      objective: "group-softmax",
      featureNames: names(4),
    };
    const plain = trainGbdt(groupData(200, 5), options);
    const padded = trainGbdt(groupData(200, 5, 50), options);
    expect(JSON.stringify(padded)).toBe(JSON.stringify(plain));
  });

  it("separates three classes (multiclass)", () => {
    const train = threeClassData(3000, 6);
    const test = threeClassData(1000, 7);
    const model = trainGbdt(train, {
      ...OPTIONS,
      trees: 40,
      objective: "multiclass",
      classes: 3,
      featureNames: names(3),
    });
    expect(model.trees).toHaveLength(120);
    const predictor = compileGbdt(model);
    let correct = 0;
    const probabilities = new Float64Array(3000);
    for (let r = 0; r < 1000; r++) {
      const p = predictor.classProbabilities(row(test, r));
      probabilities.set(p, r * 3);
      expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 12);
      const predicted = p.indexOf(Math.max(...p));
      if (predicted === test.labels[r]) correct++;
    }
    // 5 % of the labels are flipped, so about 0.95 is the ceiling.
    expect(correct / 1000).toBeGreaterThanOrEqual(0.88);
    expect(logLoss(probabilities, test.labels, 3)).toBeLessThan(0.45);
  });

  it("is deterministic: the same seed gives byte-identical JSON, another seed a different model", () => {
    const data = xorData(1500, 8);
    const options: GbdtOptions = {
      ...OPTIONS,
      trees: 20,
      rowSubsample: 0.7,
      colSubsample: 0.6,
      objective: "binary",
      featureNames: names(5),
    };
    const a = JSON.stringify(trainGbdt(data, options));
    const b = JSON.stringify(trainGbdt({ ...data, rows: Float64Array.from(data.rows) }, options));
    expect(b).toBe(a);
    expect(JSON.stringify(trainGbdt({ ...data, weights: new Array(1500).fill(1) }, options))).toBe(a);
    expect(JSON.stringify(trainGbdt(data, { ...options, seed: 8 }))).not.toBe(a);
  });

  it("stops early on a validation set and keeps the best round", () => {
    const lines: string[] = [];
    const model = trainGbdt(xorData(600, 9), {
      ...OPTIONS,
      trees: 300,
      depth: 6,
      learningRate: 0.5,
      minLeafRows: 1,
      lambda: 0,
      objective: "binary",
      featureNames: names(5),
      validation: xorData(300, 10),
      earlyStoppingRounds: 5,
      log: (line) => lines.push(line),
    });
    expect(model.trees.length).toBeLessThan(300);
    expect(lines.at(-1)).toMatch(new RegExp(`^stopped after round \\d+; .* at round ${model.trees.length}$`));
  });

  it("learns from missing values, which go left at every split", () => {
    // Label 1 when x0 is missing or above 0.5: the tree must send NaN the way of the high values.
    const random = seededRandom(11);
    const n = 2000;
    const rows = new Float64Array(n * 2);
    const labels = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const missing = random() < 0.3;
      const x = random();
      rows[r * 2] = missing ? Number.NaN : x;
      rows[r * 2 + 1] = random();
      labels[r] = missing || x > 0.5 ? 1 : 0;
    }
    const model = trainGbdt(
      { rows, cols: 2, labels },
      { ...OPTIONS, trees: 30, objective: "binary", featureNames: ["x", "noise"] },
    );
    const predictor = compileGbdt(model);
    expect(predictor.probability([Number.NaN, 0.5])).toBeGreaterThan(0.9);
    expect(predictor.probability([0.9, 0.5])).toBeGreaterThan(0.9);
    expect(predictor.probability([0.1, 0.5])).toBeLessThan(0.1);
  });

  it("rejects malformed data, naming the field", () => {
    const data = xorData(10, 1);
    const options: GbdtOptions = { ...OPTIONS, objective: "binary", featureNames: names(5) };
    expect(() => trainGbdt({ ...data, labels: [1, 2] }, options)).toThrow(
      "data.labels has 2 entries for 10 rows",
    );
    expect(() => trainGbdt(data, { ...options, bins: 256 })).toThrow("options.bins");
    expect(() =>
      trainGbdt(
        { ...data, groups: [1, 1, 2, 2, 1, 3, 3, 3, 3, 3] },
        { ...options, objective: "group-softmax" },
      ),
    ).toThrow("group 1 is not contiguous");
  });
});

describe("gbdt prediction", () => {
  const handMade: GbdtModel = {
    format: "gbdt/1",
    objective: "binary",
    classes: 1,
    featureNames: ["a", "b"],
    base: [0.25],
    trees: [
      {
        feature: [0, -1, 1, -1, -1],
        threshold: [0.5, 0, -1, 0, 0],
        left: [1, -1, 3, -1, -1],
        right: [2, -1, 4, -1, -1],
        value: [0, -1, 0, 0.5, 2],
      },
    ],
  };

  it("scores a hand-made tree exactly, sending NaN left", () => {
    const predictor = compileGbdt(handMade);
    expect(predictor.margin([0.5, 9])).toBe(-0.75);
    expect(predictor.margin([0.6, -1])).toBe(0.75);
    expect(predictor.margin([0.6, 3])).toBe(2.25);
    expect(predictor.margin([Number.NaN, 3])).toBe(-0.75);
    expect(predictor.margin([0.6, Number.NaN])).toBe(0.75);
    expect(predictor.margin([0.6])).toBe(0.75);
    expect(predictor.probability([0.6, 3])).toBe(1 / (1 + Math.exp(-2.25)));
    expect(() => predictor.classProbabilities([0, 0])).toThrow("multiclass");
    expect(featureImportance(handMade)).toEqual([
      { feature: "a", splits: 1, gain: 0 },
      { feature: "b", splits: 1, gain: 0 },
    ]);
  });

  it("scores rows laid end to end as margin() scores each", () => {
    const predictor = compileGbdt(handMade);
    // Five rows: four walked together, one on its own.
    const rows = Float64Array.from([0.5, 9, 0.6, -1, 0.6, 3, Number.NaN, 3, 0.6, Number.NaN]);
    const out = new Float64Array(5);
    expect(predictor.rowMargins(rows, out)).toBe(out);
    expect([...out]).toEqual([-0.75, 0.75, 2.25, -0.75, 0.75]);
    expect([...predictor.rowMargins(rows.subarray(0, 4))]).toEqual([-0.75, 0.75]);
    expect(() => predictor.rowMargins(rows, new Float64Array(6))).toThrow("6 rows of 2 need 12 values");
  });

  it("scores a tree stored depth-first the same as the JSON reads", () => {
    const depthFirst: GbdtModel = {
      ...handMade,
      objective: "multiclass",
      classes: 2,
      base: [0, 1],
      trees: [
        {
          feature: [0, 1, -1, -1, -1],
          threshold: [0, 0, 0, 0, 0],
          left: [1, 2, -1, -1, -1],
          right: [4, 3, -1, -1, -1],
          value: [0, 0, 1, 2, 3],
        },
        { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.5] },
      ],
    };
    const predictor = compileGbdt(validateGbdt(depthFirst));
    const out = new Float64Array(2);
    for (const x of [
      [-1, -1],
      [-1, 1],
      [1, -1],
      [Number.NaN, 1],
    ]) {
      expect(predictor.margins(x, out)).toBe(out);
      expect([...out]).toEqual(referenceMargins(depthFirst, x));
    }
    expect([...predictor.margins([-1, 1])]).toEqual([2, 1.5]);
    expect(() => predictor.margin([0, 0])).toThrow("use margins()");
    expect(() => predictor.rowMargins(new Float64Array(2))).toThrow("use margins()");
  });

  it("refuses a tree too deep to lay out complete", () => {
    // A chain of 13 splits on feature a, each with a leaf on its left.
    const n = 27;
    const chain: GbdtModel = {
      ...handMade,
      trees: [
        {
          feature: Array.from({ length: n }, (_, i) => (i % 2 === 0 && i < n - 1 ? 0 : -1)),
          threshold: Array.from({ length: n }, (_, i) => i),
          left: Array.from({ length: n }, (_, i) => (i % 2 === 0 && i < n - 1 ? i + 1 : -1)),
          right: Array.from({ length: n }, (_, i) => (i % 2 === 0 && i < n - 1 ? i + 2 : -1)),
          value: new Array<number>(n).fill(0),
        },
      ],
    };
    expect(() => compileGbdt(validateGbdt(chain))).toThrow("a tree is 13 deep; at most 12");
  });

  it("matches a slow walk of the JSON, with missing values, for every objective", () => {
    const xor = xorData(800, 12);
    const classes = threeClassData(800, 13);
    const models = [
      trainGbdt(xor, { ...OPTIONS, trees: 15, objective: "binary", featureNames: names(5) }),
      trainGbdt(groupData(100, 14), {
        ...OPTIONS,
        trees: 15,
        objective: "group-softmax",
        featureNames: names(4),
      }),
      trainGbdt(classes, {
        ...OPTIONS,
        trees: 15,
        objective: "multiclass",
        classes: 3,
        featureNames: names(3),
      }),
    ];
    const random = seededRandom(15);
    for (const json of models.map((m) => JSON.parse(JSON.stringify(m)))) {
      const model = validateGbdt(json);
      const predictor = compileGbdt(model);
      const cols = model.featureNames.length;
      const rows = new Float64Array(300 * cols);
      const single: number[] = [];
      for (let r = 0; r < 300; r++) {
        const x = Float32Array.from({ length: cols }, () =>
          random() < 0.1 ? Number.NaN : random() * 2.2 - 1.1,
        );
        rows.set(x, r * cols);
        const expected = referenceMargins(model, x);
        expect([...predictor.margins(x)]).toEqual(expected);
        if (model.classes === 1) expect(predictor.margin(x)).toBe(expected[0]);
        single.push(expected[0]!);
      }
      if (model.classes === 1) expect([...predictor.rowMargins(rows)]).toEqual(single);
    }
  });

  it("validateGbdt accepts a trained model and names what is wrong in a malformed one", () => {
    const model = trainGbdt(xorData(300, 16), {
      ...OPTIONS,
      trees: 3,
      objective: "binary",
      featureNames: names(5),
    });
    expect(validateGbdt(JSON.parse(JSON.stringify(model)))).toEqual(model);
    const broken = (change: (m: GbdtModel) => void) => {
      const copy: GbdtModel = structuredClone(handMade);
      change(copy);
      return () => validateGbdt(copy);
    };
    expect(
      broken((m) => {
        m.trees[0]!.left[2] = 7;
      }),
    ).toThrow("trees.0.left.2: child 7 of node 2 is not a later node of the tree's 5");
    expect(
      broken((m) => {
        m.trees[0]!.value.pop();
      }),
    ).toThrow("trees.0.value: has 4 entries for the tree's 5 nodes");
    expect(
      broken((m) => {
        m.trees[0]!.feature[2] = 2;
      }),
    ).toThrow("trees.0.feature.2: feature 2 is past the 2 featureNames");
    expect(
      broken((m) => {
        m.base = [0, 1];
      }),
    ).toThrow("base: has 2 entries for 1 classes");
    expect(() => validateGbdt({ ...handMade, format: "gbdt/0" })).toThrow(/^invalid GBDT model: format: /);
    expect(() => validateGbdt({ ...handMade, trees: [{ ...handMade.trees[0], threshold: "x" }] })).toThrow(
      "trees.0.threshold",
    );
  });

  it("softmax is stable for large scores", () => {
    expect([...softmax([1000, 1000])]).toEqual([0.5, 0.5]);
  });
});

describe("evaluation helpers", () => {
  it("computes log loss and AUC exactly", () => {
    expect(logLoss([0.5, 0.5], [1, 0])).toBe(Math.LN2);
    expect(logLoss([0.2, 0.8, 0.5, 0.25, 0.25], [1, 0], 2)).toBeCloseTo(
      -(Math.log(0.8) + Math.log(0.5)) / 2,
      15,
    );
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5, 0.9], [0, 1, 1])).toBe(0.75);
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it("keeps every key in one fold, whatever the row order", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `article-${i % 37}`);
    const folds = crossValidationFolds(keys, 5, 1);
    const foldOf = new Map<string, number>();
    keys.forEach((key, i) => {
      expect(foldOf.get(key) ?? folds[i]).toBe(folds[i]);
      foldOf.set(key, folds[i]!);
    });
    const sizes = [0, 0, 0, 0, 0];
    for (const fold of foldOf.values()) sizes[fold]!++;
    expect(sizes.sort()).toEqual([7, 7, 7, 8, 8]);
    const reversed = crossValidationFolds([...keys].reverse(), 5, 1);
    expect(reversed).toEqual([...folds].reverse());
    expect(crossValidationFolds(keys, 5, 2)).not.toEqual(folds);
  });

  it("deals a rare stratum's keys into every fold", () => {
    // Four of forty articles hold unanswerable questions; unstratified, seed 6 puts all four in one fold.
    const keys = Array.from({ length: 40 }, (_, i) => `article-${i}`);
    const rare = (key: string) =>
      ["article-3", "article-14", "article-25", "article-36"].includes(key) ? "rare" : "common";
    const foldsOfRare = (folds: number[]) =>
      keys.flatMap((key, i) => (rare(key) === "rare" ? [folds[i]!] : [])).sort();
    expect(foldsOfRare(crossValidationFolds(keys, 2, 6, rare))).toEqual([0, 0, 1, 1]);
    const sizes = [0, 0];
    for (const fold of crossValidationFolds(keys, 2, 6, rare)) sizes[fold]!++;
    expect(sizes).toEqual([20, 20]);
    expect(foldsOfRare(crossValidationFolds(keys, 2, 6))).toEqual([0, 0, 0, 0]);
    expect(crossValidationFolds(keys, 2, 6, () => "one")).toEqual(crossValidationFolds(keys, 2, 6));
  });
});
