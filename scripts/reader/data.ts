// Training examples for the reader, built from QA records (SQuAD-style chunks: text + questions with answer
// starts). Each question gives a group of sentence rows (label: the sentence holds a gold answer) and, when it has
// an answer, a group of phrase rows from the answer sentence (label: the phrase's token F1 with the gold answer).
import { readFileSync } from "node:fs";
import { type AnalyzedArticle, analyzeArticle } from "../../src/engine/parse/analyze.ts";
import { readQuestion } from "../../src/engine/question/question.ts";
import { sentencePhrases } from "../../src/engine/reader/phrases.ts";
import { sentenceFeatures } from "../../src/engine/reader/sentence-features.ts";
import { tokenF1 } from "../../src/eval/metrics.ts";

export interface QaQuestionRecord {
  id: string;
  question: string;
  answers: { text: string; start: number }[];
  impossible?: boolean;
}

export interface QaChunk {
  id: string;
  title: string;
  text: string;
  questions: QaQuestionRecord[];
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The article a chunk belongs to (SQuAD titles; single paragraphs have none, so their own id). */
export const articleOf = (chunk: QaChunk) => chunk.title || chunk.id;

/** A record of answer-sentence selection data (WikiQA, TrecQA): a question and candidate sentences labelled 0/1. */
export interface AnswerSentenceRecord {
  id: string;
  question: string;
  sentences: { text: string; label: number; answer?: string }[];
}

/** Undoes the corpora's tokenisation (`word ,` → `word,`) and the quotes wrapped round a sentence holding a comma. */
function untokenised(text: string): string {
  const bare = /^"[^"]*"$/.test(text) ? text.slice(1, -1) : text;
  return bare
    .replace(/ ([.,;:!?)'])/g, "$1")
    .replace(/\( /g, "(")
    .trim();
}

/**
 * An answer-sentence record as a QA chunk: its candidates are the paragraphs of a short article, and a question
 * no candidate answers is unanswerable (the data's own "the article doesn't say"). Where the record names the answer
 * phrase inside right candidates (TrecQA), those phrases are the answers and `phrases` is true (the extractor can
 * learn from them); otherwise the answers are the right candidates whole, for the ranker and answerability only.
 */
export function answerSentenceChunk(record: AnswerSentenceRecord): { chunk: QaChunk; phrases: boolean } {
  let text = "";
  const sentences: { text: string; answer: string | undefined; start: number }[] = [];
  const right: typeof sentences = [];
  for (const candidate of record.sentences) {
    const clean = untokenised(candidate.text);
    if (!clean) continue;
    if (text) text += "\n\n";
    const sentence = { text: clean, answer: candidate.answer, start: text.length };
    text += clean;
    sentences.push(sentence);
    if (candidate.label > 0) right.push(sentence);
  }
  const phraseAnswers = right.flatMap((s) => {
    const at = s.answer ? s.text.indexOf(s.answer) : -1;
    return s.answer && at >= 0 ? [{ text: s.answer, start: s.start + at }] : [];
  });
  const answers =
    phraseAnswers.length > 0 ? phraseAnswers : right.map((s) => ({ text: s.text, start: s.start }));
  return {
    chunk: {
      id: record.id,
      title: "",
      text,
      questions: [{ id: record.id, question: record.question, answers, impossible: answers.length === 0 }],
    },
    phrases: phraseAnswers.length > 0,
  };
}

export function analyseChunk(chunk: QaChunk): AnalyzedArticle {
  return analyzeArticle({ meta: { id: chunk.id, title: "", date: null }, text: chunk.text });
}

/** Growing row-major matrix of float features. */
export class Matrix {
  rows: number[] = [];
  labels: number[] = [];
  groups: number[] = [];
  keys: string[] = [];
  count = 0;
  constructor(readonly cols: number) {}
  add(row: ArrayLike<number>, label: number, group: number, key: string): void {
    for (let i = 0; i < this.cols; i++) this.rows.push(row[i] ?? 0);
    this.labels.push(label);
    this.groups.push(group);
    this.keys.push(key);
    this.count++;
  }
}

export interface QuestionExample {
  chunk: QaChunk;
  article: AnalyzedArticle;
  question: QaQuestionRecord;
  /** Sentences holding a gold answer start. */
  goldSentences: Set<number>;
  /** Its answers are phrases the extractor can learn from (not whole sentences). */
  phrases: boolean;
}

export function goldSentences(article: AnalyzedArticle, q: QaQuestionRecord): Set<number> {
  const found = new Set<number>();
  for (const a of q.answers)
    for (const s of article.sentences) if (a.start >= s.start && a.start < s.end) found.add(s.index);
  return found;
}

/** The best token F1 of a phrase with any gold answer. */
export const phraseLabel = (text: string, q: QaQuestionRecord) =>
  Math.max(0, ...q.answers.map((a) => tokenF1(text, a.text)));

/** Adds the question's sentence rows; returns each sentence's matched-word offsets, which the phrase rows read. */
export function addSentenceRows(m: Matrix, e: QuestionExample, group: number, key: string): number[][] {
  const q = readQuestion(e.question.question);
  const { rows, matchOffsets } = sentenceFeatures(e.article, q);
  const n = e.article.sentences.length;
  for (let i = 0; i < n; i++)
    m.add(rows.subarray(i * m.cols, (i + 1) * m.cols), e.goldSentences.has(i) ? 1 : 0, group, key);
  return matchOffsets;
}

export function addPhraseRows(
  m: Matrix,
  e: QuestionExample,
  sentence: number,
  matchOffsets: readonly number[],
  group: number,
  key: string,
): void {
  const q = readQuestion(e.question.question);
  const { candidates, rows } = sentencePhrases(e.article, sentence, q, matchOffsets, 0, 0);
  const text = e.article.text;
  candidates.forEach((c, k) => {
    const f1 = phraseLabel(text.slice(c.start, c.end), e.question);
    m.add(rows.subarray(k * m.cols, (k + 1) * m.cols), f1 >= 0.5 ? f1 * f1 : 0, group, key);
  });
}
