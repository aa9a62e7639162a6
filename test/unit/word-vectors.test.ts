// The word vectors (src/engine/models/word-vectors.ts): the file format round trip on invented vectors with exact
// cosines, the messages for a malformed file, and the committed file's likeness of words of like meaning.
import { describe, expect, it } from "vitest";
import { decodeWordVectors, encodeWordVectors, wordVectors } from "../../src/engine/models/word-vectors.ts";

describe("word vectors file", () => {
  // Vectors whose bytes are exact: each one's largest component is stored as ±127.
  const file = encodeWordVectors(
    ["harbour", "port", "violin"],
    [
      [3, 4, 0],
      [4, 3, 0],
      [0, 0, -2],
    ],
  );
  const vectors = decodeWordVectors(file);

  it("gives each word its number and -1 to a word it lacks", () => {
    expect([vectors.id("harbour"), vectors.id("port"), vectors.id("violin"), vectors.id("cello")]).toEqual([
      0, 1, 2, -1,
    ]);
    expect(vectors.size).toBe(3);
    expect(vectors.dimensions).toBe(3);
  });

  it("measures the cosine of two words, and 0 against a word without a vector", () => {
    // (3, 4) and (4, 3) stored as (95, 127) and (127, 95): cosine 2 · 95 · 127 / (95² + 127²).
    expect(vectors.similarity(0, 1)).toBeCloseTo((2 * 95 * 127) / (95 ** 2 + 127 ** 2), 12);
    expect(vectors.similarity(0, 0)).toBeCloseTo(1, 12);
    expect(vectors.similarity(0, 2)).toBe(0);
    expect(vectors.similarity(0, -1)).toBe(0);
  });

  it("measures the cosine of two lists of words summed", () => {
    // harbour + port = (222, 222, 0) against violin's (0, 0, -127): orthogonal; against port alone: 0.99.
    expect(vectors.listSimilarity([0, 1], [2])).toBe(0);
    expect(vectors.listSimilarity([0, 1], [1])).toBeCloseTo(
      (222 * 127 + 222 * 95) / (Math.SQRT2 * 222 * Math.hypot(127, 95)),
      12,
    );
    expect(vectors.listSimilarity([], [1])).toBe(0);
  });

  it("refuses words that are not plain and vectors of another length", () => {
    expect(() => encodeWordVectors(["New York"], [[1, 2]])).toThrow(
      'word vectors: "New York" is not a plain word',
    );
    expect(() => encodeWordVectors(["sea", "lake"], [[1, 2], [1]])).toThrow(
      "word vectors: lake has 1 dimensions; 2 expected",
    );
  });

  it("names what is wrong in a malformed file", () => {
    expect(() => decodeWordVectors(Buffer.from("no header"))).toThrow("word vectors: no header line");
    expect(() => decodeWordVectors(Buffer.from('{"format":"other/1"}\n'))).toThrow("word vectors: header:");
    expect(() => decodeWordVectors(file.subarray(0, file.length - 1))).toThrow(
      "word vectors: 8 bytes of vectors; 3 × 3 expected",
    );
    expect(() =>
      decodeWordVectors(Buffer.from('{"format":"word-vectors/1","dimensions":2,"words":2}\nsea\n')),
    ).toThrow("word vectors: 2 words announced, 1 found");
  });
});

describe("the committed word vectors", () => {
  const vectors = wordVectors();
  const like = (a: string, b: string) => vectors.similarity(vectors.id(a), vectors.id(b));

  it("holds the 50,000 plain words of 100 dimensions", () => {
    expect(vectors.size).toBe(50_000);
    expect(vectors.dimensions).toBe(100);
    expect(vectors.id("Harbour")).toBe(-1);
  });

  it("finds words of like meaning nearer than unrelated ones", () => {
    expect(like("died", "death")).toBeCloseTo(0.766, 3);
    expect(like("founded", "established")).toBeCloseTo(0.819, 3);
    expect(like("city", "town")).toBeCloseTo(0.827, 3);
    expect(like("died", "violin")).toBeLessThan(0.2);
  });
});
