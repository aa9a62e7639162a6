// Readers for the annotated datasets under ../shared/eval (never copied into this repository).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../config.ts";
import type { Span } from "./metrics.ts";

export const DEFAULT_DATA_DIR = resolve(PROJECT_ROOT, "..", "shared", "eval");

export interface TextSpan extends Span {
  text: string;
  fragments?: TextSpan[];
}

export interface QuoteRecord {
  id: string;
  date: string;
  text: string;
  attributions: {
    content: TextSpan | null;
    source: TextSpan | null;
    cue: TextSpan | null;
    direct: boolean;
  }[];
}

export interface TimexRecord {
  id: string;
  dct: string;
  text: string;
  timexes: (TextSpan & { type: string; value: string })[];
}

export interface QaRecord {
  id: string;
  title: string;
  text: string;
  questions: {
    id: string;
    question: string;
    type: "who" | "when" | "other";
    answers: { text: string; start: number }[];
  }[];
}

export interface SummaryRecord {
  id: string;
  title: string;
  text: string;
  summary: string[];
}

export interface NerRecord {
  id: string;
  text: string;
  entities: (TextSpan & { type: string })[];
}

export const DATASETS = ["quotes", "timex", "qa", "summaries", "ner"] as const;

export function dataAvailable(dir: string): boolean {
  return DATASETS.every((name) => existsSync(join(dir, `${name}.jsonl`)));
}

export function readJsonl<T>(dir: string, name: (typeof DATASETS)[number]): T[] {
  return readFileSync(join(dir, `${name}.jsonl`), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
