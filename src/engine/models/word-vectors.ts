// Word vectors: how alike two words are in meaning (`died` and `death`, `founded` and `established`), for the
// reader's features where the article says in other words what the question asks. The committed file holds the 50,000
// most frequent plain words of the public-domain GloVe vectors (scripts/build-word-vectors.ts), read once on first use.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { modelFile } from "./model-files.ts";

export const WORD_VECTORS_FORMAT = "word-vectors/1";
/** The words the file holds: lower-case letters, with an inner apostrophe or hyphen. */
export const PLAIN_WORD = /^[a-z][a-z'-]*$/;
export const WORD_VECTORS_URL = modelFile("word-vectors.bin.gz");

export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  /** The word's number in the file, or -1 when it has no vector. */
  id(word: string): number;
  /** The cosine of two words' vectors (by id): 1 the same direction, 0 unrelated. */
  similarity(a: number, b: number): number;
  /** The words' vectors (by id) summed and scaled to unit length: what they mean together; all 0 for none. */
  meaning(words: readonly number[]): Float64Array;
  /** The cosine of two meanings. */
  cosine(a: Float64Array, b: Float64Array): number;
  /** The cosine of two lists of words' meanings (by id); 0 when either list is empty. */
  listSimilarity(a: readonly number[], b: readonly number[]): number;
}

const headerSchema = z.object({
  format: z.literal(WORD_VECTORS_FORMAT),
  dimensions: z.number().int().positive(),
  words: z.number().int().nonnegative(),
});

/**
 * A word-vectors file (before gzip) of plain words and their vectors, all of one length: a header line of JSON, the
 * words one a line, then each vector scaled to unit length and stored as bytes, its largest component as ±127.
 */
export function encodeWordVectors(words: readonly string[], vectors: readonly (readonly number[])[]): Buffer {
  const dimensions = vectors[0]?.length ?? 0;
  const bytes = new Int8Array(words.length * dimensions);
  words.forEach((word, w) => {
    if (!PLAIN_WORD.test(word)) throw new Error(`word vectors: ${JSON.stringify(word)} is not a plain word`);
    const vector = vectors[w] ?? [];
    if (vector.length !== dimensions)
      throw new Error(`word vectors: ${word} has ${vector.length} dimensions; ${dimensions} expected`);
    const norm = Math.hypot(...vector) || 1;
    const largest = Math.max(...vector.map((x) => Math.abs(x / norm))) || 1;
    vector.forEach((x, d) => {
      bytes[w * dimensions + d] = Math.round(((x / norm) * 127) / largest);
    });
  });
  const header = JSON.stringify({ format: WORD_VECTORS_FORMAT, dimensions, words: words.length });
  const text = Buffer.from(`${header}\n${words.map((w) => `${w}\n`).join("")}`, "latin1");
  return Buffer.concat([text, Buffer.from(bytes.buffer)]);
}

/** Reads a word-vectors file (unzipped); a malformed one throws, naming what is wrong. */
export function decodeWordVectors(data: Uint8Array): WordVectors {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const headerEnd = buffer.indexOf(10);
  if (headerEnd < 0) throw new Error("word vectors: no header line");
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(buffer.subarray(0, headerEnd).toString("utf8")));
  } catch (error) {
    throw new Error(`word vectors: header: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { dimensions, words: size } = header;
  const ids = new Map<string, number>();
  let at = headerEnd + 1;
  for (let w = 0; w < size; w++) {
    const end = buffer.indexOf(10, at);
    if (end < 0) throw new Error(`word vectors: ${size} words announced, ${w} found`);
    at = end + 1;
  }
  // The words are plain ASCII (PLAIN_WORD), one a line.
  const list =
    size > 0
      ? buffer
          .subarray(headerEnd + 1, at - 1)
          .toString("latin1")
          .split("\n")
      : [];
  for (const [w, word] of list.entries()) ids.set(word, w);
  if (buffer.length - at !== size * dimensions)
    throw new Error(`word vectors: ${buffer.length - at} bytes of vectors; ${size} × ${dimensions} expected`);
  const bytes = new Int8Array(buffer.buffer, buffer.byteOffset + at, size * dimensions);
  // Each word's scale back to unit length: a similarity is then one dot product of bytes, scaled.
  const scales = new Float64Array(size);
  for (let w = 0; w < size; w++) {
    let norm = 0;
    for (let d = w * dimensions, end = d + dimensions; d < end; d++)
      norm += (bytes[d] ?? 0) * (bytes[d] ?? 0);
    scales[w] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }
  const meaning = (list: readonly number[]) => {
    const sum = new Float64Array(dimensions);
    for (const w of list) {
      const scale = scales[w] ?? 0;
      for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] ?? 0) + (bytes[w * dimensions + d] ?? 0) * scale;
    }
    let norm = 0;
    for (let d = 0; d < dimensions; d++) norm += (sum[d] ?? 0) ** 2;
    if (norm > 0) for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] ?? 0) / Math.sqrt(norm);
    return sum;
  };
  const cosine = (a: Float64Array, b: Float64Array) => {
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += (a[d] ?? 0) * (b[d] ?? 0);
    return dot;
  };
  return {
    dimensions,
    size,
    id: (word) => ids.get(word) ?? -1,
    similarity(a, b) {
      if (a < 0 || b < 0) return 0;
      // Byte products are whole numbers, so four running sums give the same total as one, sooner.
      const i = a * dimensions;
      const j = b * dimensions;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      let d = 0;
      for (; d + 4 <= dimensions; d += 4) {
        d0 += (bytes[i + d] ?? 0) * (bytes[j + d] ?? 0);
        d1 += (bytes[i + d + 1] ?? 0) * (bytes[j + d + 1] ?? 0);
        d2 += (bytes[i + d + 2] ?? 0) * (bytes[j + d + 2] ?? 0);
        d3 += (bytes[i + d + 3] ?? 0) * (bytes[j + d + 3] ?? 0);
      }
      for (; d < dimensions; d++) d0 += (bytes[i + d] ?? 0) * (bytes[j + d] ?? 0);
      return (d0 + d1 + d2 + d3) * (scales[a] ?? 0) * (scales[b] ?? 0);
    },
    meaning,
    cosine,
    listSimilarity: (a, b) => cosine(meaning(a), meaning(b)),
  };
}

let loaded: WordVectors | null = null;

/** The committed word vectors, read once on first use. */
export function wordVectors(): WordVectors {
  loaded ??= decodeWordVectors(gunzipSync(readFileSync(WORD_VECTORS_URL)));
  return loaded;
}
