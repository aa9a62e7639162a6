// The five evaluations. Each drives the engine through its public API and scores it next to a baseline,
// on the same data with the same scorer.
import * as chrono from "chrono-node";
import nlp from "compromise";
import MiniSearch from "minisearch";
import {
  type AnalyzedArticle,
  type Answer,
  analyzeArticle,
  answer,
  answerRequestSchema,
  classifyQuestion,
  type Entity,
  extractDirectQuotes,
  extractEntities,
  foldName,
  isAnswerOf,
  NOT_NAME_WORDS,
  type Quote,
  type ReaderModels,
  rankSentences,
  regex,
  SOURCE_PRONOUNS,
  SPEECH_VERB,
  speakerResolver,
  splitAllSentences,
  splitBlocks,
  summarize,
  taggerSpans,
} from "../engine/index.ts";
import type { NerRecord, QaRecord, QuoteRecord, SummaryRecord, TimexRecord } from "./datasets.ts";
import {
  coveredBy,
  intersection,
  matchOneToOne,
  mean,
  type Prf,
  prf,
  rougeL,
  rougeN,
  type Span,
  tokenF1,
} from "./metrics.ts";

export function analyse(id: string, text: string, date: string | null, title = ""): AnalyzedArticle {
  return analyzeArticle({ meta: { id, title, date }, text });
}

// ---- quotes ------------------------------------------------------------------------------------------

interface PredictedQuote extends Span {
  speaker: string | null;
}

/** Overlap that counts as the same quote: half of the shorter span lies in the other. */
export const QUOTE_OVERLAP = 0.5;

const PRONOUN = regex("i")`^(${SOURCE_PRONOUNS})$`;

/** The predicted speaker names the gold source: they share a name word (`Ortiz` ~ `Lena Ortiz`). */
export function speakerNames(predicted: string | null, gold: string): boolean {
  if (!predicted) return false;
  const words = (s: string) =>
    new Set(
      foldName(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3 && !NOT_NAME_WORDS.includes(w)),
    );
  const p = words(predicted);
  for (const w of words(gold)) if (p.has(w)) return true;
  return false;
}

export interface QuoteScores {
  direct: Prf & { speakerAccuracy: number; speakerItems: number };
  all: Prf & { speakerAccuracy: number; speakerItems: number };
}

function scoreQuotes(
  records: QuoteRecord[],
  predict: (r: QuoteRecord) => { direct: PredictedQuote[]; all: PredictedQuote[] },
): QuoteScores {
  const rows = {
    direct: { tpP: 0, p: 0, tpG: 0, g: 0, right: 0, judged: 0 },
    all: { tpP: 0, p: 0, tpG: 0, g: 0, right: 0, judged: 0 },
  };
  for (const record of records) {
    const predicted = predict(record);
    for (const which of ["direct", "all"] as const) {
      const gold = record.attributions
        .filter((a) => a.content && (which === "all" || a.direct))
        .map((a) => ({
          content: a.content as Span & { fragments?: Span[] },
          source: a.source?.text ?? null,
        }));
      const pred = predicted[which];
      const goldSpans = (g: (typeof gold)[number]) => g.content.fragments ?? [g.content];
      const goldLength = (g: (typeof gold)[number]) => goldSpans(g).reduce((n, s) => n + s.end - s.start, 0);
      const overlap = (p: PredictedQuote, g: (typeof gold)[number]) => coveredBy(p, goldSpans(g));
      const accept = (p: PredictedQuote, g: (typeof gold)[number]) =>
        overlap(p, g) >= QUOTE_OVERLAP * Math.min(p.end - p.start, goldLength(g));
      const pairs = matchOneToOne(pred, gold, overlap, accept);
      const row = rows[which];
      row.tpP += pairs.length;
      row.tpG += pairs.length;
      row.p += pred.length;
      row.g += gold.length;
      for (const [p, g] of pairs) {
        if (!g.source || PRONOUN.test(g.source.trim())) continue;
        row.judged++;
        if (speakerNames(p.speaker, g.source)) row.right++;
      }
    }
  }
  const finish = (r: typeof rows.direct) => ({
    ...prf(r.tpP, r.p, r.tpG, r.g),
    speakerAccuracy: r.judged ? r.right / r.judged : 0,
    speakerItems: r.judged,
  });
  return { direct: finish(rows.direct), all: finish(rows.all) };
}

/** Longest gap between two quotes one attribution interrupts: `, he said,`, `, Ombaka said in a statement.` */
const MAX_INTERRUPTION_CHARS = 90;
/** Longest link between the quoted items of one list: `, `, ` and a `. */
const MAX_LIST_LINK_CHARS = 30;

/**
 * An attribution as PolNeAR annotates it: one cue and all the quoted fragments around it. `"A," he said, "B."`
 * is one attribution, so consecutive quotes of one speaker split only by their attribution are scored as one.
 */
export function attributionUnits(text: string, quotes: readonly PredictedQuote[]): PredictedQuote[] {
  const units: PredictedQuote[] = [];
  for (const q of quotes) {
    const last = units[units.length - 1];
    const gap = last ? text.slice(last.end, q.start) : "";
    if (
      last &&
      q.speaker !== null &&
      last.speaker === q.speaker &&
      gap.length <= MAX_INTERRUPTION_CHARS &&
      !/\n/.test(gap) &&
      // `, he said, ` between the parts, or a short link in a list: `"liar," "amoral" and "sick"`.
      ((SPEECH_VERB.test(gap) && !/\bthat\b/iu.test(gap)) ||
        (gap.length <= MAX_LIST_LINK_CHARS && !/[.!?;]\s/u.test(gap)))
    ) {
      units[units.length - 1] = { ...last, end: q.end };
    } else units.push({ ...q });
  }
  return units;
}

const toPredicted = (q: Quote): PredictedQuote => ({ start: q.start, end: q.end, speaker: q.speaker });

/** The direct quotes with the cue rules' speakers alone, the learned mention ranker switched off. */
function rulesOnlyQuotes(text: string): Quote[] {
  const { paragraphs } = splitBlocks(text);
  const sentences = splitAllSentences(text, paragraphs);
  const resolver = speakerResolver(text, extractEntities(text, sentences));
  return extractDirectQuotes(text, paragraphs, sentences, resolver, { weights: null });
}

export function evaluateQuotes(records: QuoteRecord[]): {
  citebot: QuoteScores;
  rules: QuoteScores;
  baseline: QuoteScores;
} {
  const citebot = scoreQuotes(records, (r) => {
    const a = analyse(r.id, r.text, r.date);
    return {
      direct: attributionUnits(r.text, a.quotes.filter((q) => q.direct).map(toPredicted)),
      all: a.quotes.map(toPredicted),
    };
  });
  const rules = scoreQuotes(records, (r) => {
    const direct = rulesOnlyQuotes(r.text).filter((q) => q.direct);
    return { direct: attributionUnits(r.text, direct.map(toPredicted)), all: [] };
  });
  const baseline = scoreQuotes(records, (r) => {
    const doc = nlp(r.text);
    const people = (
      doc.people().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]
    ).map((p) => ({
      text: p.text.replace(/[,.;:'’"”]+$/u, ""),
      start: p.offset.start,
    }));
    const quotes = (
      doc.quotations().json({ offset: true }) as { offset: { start: number; length: number } }[]
    ).map((q) => {
      const start = q.offset.start;
      const end = start + q.offset.length;
      // The nearest person compromise finds, before or after the quote.
      let speaker: string | null = null;
      let best = Number.POSITIVE_INFINITY;
      for (const p of people) {
        const d = p.start >= end ? p.start - end : start - p.start;
        if (d >= 0 && d < best && d < 200) {
          best = d;
          speaker = p.text;
        }
      }
      return { start, end, speaker };
    });
    return { direct: quotes, all: quotes };
  });
  return { citebot, rules, baseline };
}

// ---- dates -------------------------------------------------------------------------------------------

export interface DateScores {
  span: Prf;
  valueAccuracy: number;
  value: Prf;
}

function scoreDates(
  records: TimexRecord[],
  predict: (r: TimexRecord) => (Span & { value: string })[],
): DateScores {
  let predicted = 0;
  let gold = 0;
  let spanTp = 0;
  let valueTp = 0;
  for (const r of records) {
    const pred = predict(r);
    const pairs = matchOneToOne(
      pred,
      r.timexes,
      (p, g) => intersection(p, g),
      (p, g) => intersection(p, g) > 0,
    );
    predicted += pred.length;
    gold += r.timexes.length;
    spanTp += pairs.length;
    valueTp += pairs.filter(([p, g]) => p.value === g.value).length;
  }
  return {
    span: prf(spanTp, predicted, spanTp, gold),
    valueAccuracy: spanTp ? valueTp / spanTp : 0,
    value: prf(valueTp, predicted, valueTp, gold),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function evaluateDates(records: TimexRecord[]): { citebot: DateScores; baseline: DateScores } {
  const citebot = scoreDates(records, (r) => analyse(r.id, r.text, r.dct).timexes);
  const baseline = scoreDates(records, (r) => {
    const [y = 0, m = 1, d = 1] = r.dct.split("-").map(Number);
    return chrono.en.casual
      .parse(r.text, { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 })
      .map((x) => {
        const date = x.start.date();
        return {
          start: x.index,
          end: x.index + x.text.length,
          value: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
        };
      });
  });
  return { citebot, baseline };
}

// ---- who / when QA -----------------------------------------------------------------------------------

export interface QaScores {
  questions: number;
  hit1: number;
  hit3: number;
  tokenF1: number;
  abstain: number;
  /** hit@1 over the questions it answered: how often a given answer is right. */
  hit1Answered: number;
}

interface QaPrediction {
  /** Cited sentence spans, best first. */
  spans: Span[];
  answer: string | null;
}

type QaQuestion = QaRecord["questions"][number];

/** The reader models to answer a QA record's questions with: the fold model that never saw its article. */
export type ReaderFor = (recordId: string) => ReaderModels | undefined;
const shippedReader: ReaderFor = () => undefined;

/** Each QA record analysed once for all the evaluations that read it. */
const qaArticles = new WeakMap<QaRecord, AnalyzedArticle>();
function qaArticle(r: QaRecord): AnalyzedArticle {
  let article = qaArticles.get(r);
  if (!article) {
    article = analyse(r.id, r.text, null, r.title);
    qaArticles.set(r, article);
  }
  return article;
}

function scoreQa(
  records: QaRecord[],
  type: "who" | "when" | "other" | ((q: QaQuestion, r: QaRecord) => boolean),
  predict: (a: AnalyzedArticle, question: string, r: QaRecord) => QaPrediction,
): QaScores {
  const wanted = typeof type === "function" ? type : (q: QaQuestion) => q.type === type;
  let n = 0;
  let hit1 = 0;
  let hit3 = 0;
  let abstain = 0;
  const f1s: number[] = [];
  for (const r of records) {
    const article = qaArticle(r);
    for (const q of r.questions) {
      if (!wanted(q, r)) continue;
      n++;
      const p = predict(article, q.question, r);
      const holds = (s: Span) =>
        q.answers.some((a) => a.start >= s.start && a.start + a.text.length <= s.end);
      if (p.spans.length === 0) abstain++;
      if (p.spans[0] && holds(p.spans[0])) hit1++;
      if (p.spans.slice(0, 3).some(holds)) hit3++;
      const answer = p.answer;
      f1s.push(answer ? Math.max(...q.answers.map((a) => tokenF1(answer, a.text))) : 0);
    }
  }
  return {
    questions: n,
    hit1: n ? hit1 / n : 0,
    hit3: n ? hit3 / n : 0,
    tokenF1: mean(f1s),
    abstain: n ? abstain / n : 0,
    hit1Answered: n - abstain ? hit1 / (n - abstain) : 0,
  };
}

function citebotQa(
  article: AnalyzedArticle,
  question: string,
  command: "who" | "when",
  reader: ReaderModels | undefined,
): QaPrediction {
  const a: Answer = answer(article, answerRequestSchema.parse({ command, query: question }), { reader });
  if (!a.found || !isAnswerOf(a, "who-answer", "when-answer")) return { spans: [], answer: null };
  const items = a.items;
  return { spans: items.map((i) => ({ start: i.start, end: i.end })), answer: items[0]?.answer ?? null };
}

function bm25Baseline(article: AnalyzedArticle, question: string): QaPrediction {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  search.addAll(article.sentences.map((s) => ({ id: s.index, text: s.text })));
  const hits = search.search(question).slice(0, 3);
  const spans = hits.flatMap((h) => article.sentences[Number(h.id)] ?? []);
  return { spans, answer: spans[0]?.text ?? null };
}

export interface QaResult {
  citebot: Record<"who" | "when" | "other", QaScores>;
  baseline: Record<"who" | "when" | "other", QaScores>;
}

export function evaluateQa(records: QaRecord[], readerFor: ReaderFor = shippedReader): QaResult {
  const retrieval = (article: AnalyzedArticle, question: string): QaPrediction => {
    const ranked = rankSentences(article, question).slice(0, 3);
    return { spans: ranked.map((r) => r.sentence), answer: null };
  };
  return {
    citebot: {
      who: scoreQa(records, "who", (a, q, r) => citebotQa(a, q, "who", readerFor(r.id))),
      when: scoreQa(records, "when", (a, q, r) => citebotQa(a, q, "when", readerFor(r.id))),
      other: scoreQa(records, "other", retrieval),
    },
    baseline: {
      who: scoreQa(records, "who", bm25Baseline),
      when: scoreQa(records, "when", bm25Baseline),
      other: scoreQa(records, "other", bm25Baseline),
    },
  };
}

// ---- ask: every question through /ask ----------------------------------------------------------------

/** A group of questions: the annotated type (`who`, `when`, `other`), an asked kind of the other questions, or all. */
export type AskGroup = string;

export interface AskResult {
  citebot: Record<AskGroup, QaScores>;
  baseline: Record<AskGroup, QaScores>;
}

/** The cited sentences of an /ask answer, best first, and its answer phrase (none for a closest passage). */
function askQa(article: AnalyzedArticle, question: string, reader: ReaderModels | undefined): QaPrediction {
  const a: Answer = answer(article, answerRequestSchema.parse({ command: "ask", query: question }), {
    reader,
  });
  if (!a.found) return { spans: [], answer: null };
  const phrase = a.kind === "ask-answer" ? (a.items[0]?.answer?.text ?? null) : null;
  return { spans: a.citations.map((c) => ({ start: c.start, end: c.end })), answer: phrase };
}

/**
 * Every QA question routed through `/ask`, scored as who and when are (hit@k: a cited sentence holds a gold
 * answer; token F1 of the answer phrase), by annotated type and, for `other`, by the kind the classifier gives;
 * with `foldOf`, also by the fold of the question's article (`fold A`: the articles of fold 0, answered by the model
 * trained on the other fold's).
 */
export function evaluateAsk(
  records: QaRecord[],
  readerFor: ReaderFor = shippedReader,
  foldOf: (recordId: string) => number | undefined = () => undefined,
): AskResult {
  const groups = new Map<AskGroup, (q: QaQuestion, r: QaRecord) => boolean>([
    ["all", () => true],
    ["who", (q) => q.type === "who"],
    ["when", (q) => q.type === "when"],
    ["other", (q) => q.type === "other"],
  ]);
  const folds = new Set(records.map((r) => foldOf(r.id)));
  for (const fold of [...folds].filter((f) => f !== undefined).sort())
    groups.set(`fold ${String.fromCharCode(65 + fold)}`, (_, r) => foldOf(r.id) === fold);
  const kinds = new Set(
    records.flatMap((r) =>
      r.questions.filter((q) => q.type === "other").map((q) => classifyQuestion(q.question).kind),
    ),
  );
  for (const kind of [...kinds].sort())
    groups.set(`other: ${kind}`, (q) => q.type === "other" && classifyQuestion(q.question).kind === kind);
  const citebot: Record<AskGroup, QaScores> = {};
  const baseline: Record<AskGroup, QaScores> = {};
  // Each question is answered once; the groups read the memo.
  const memo = new Map<string, QaPrediction>();
  const cached = (a: AnalyzedArticle, question: string, r: QaRecord) => {
    const key = `${a.meta.id}\u0000${question}`;
    let p = memo.get(key);
    if (!p) {
      p = askQa(a, question, readerFor(r.id));
      memo.set(key, p);
    }
    return p;
  };
  const bm25Memo = new Map<string, QaPrediction>();
  const bm25 = (a: AnalyzedArticle, question: string) => {
    const key = `${a.meta.id}\u0000${question}`;
    let p = bm25Memo.get(key);
    if (!p) {
      p = bm25Baseline(a, question);
      bm25Memo.set(key, p);
    }
    return p;
  };
  for (const [group, wanted] of groups) {
    citebot[group] = scoreQa(records, wanted, cached);
    baseline[group] = scoreQa(records, wanted, bm25);
  }
  return { citebot, baseline };
}

// ---- summaries ---------------------------------------------------------------------------------------

export interface SummaryScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function scoreSummaries(
  records: SummaryRecord[],
  pick: (r: SummaryRecord, a: AnalyzedArticle) => string,
): SummaryScores {
  const r1: number[] = [];
  const r2: number[] = [];
  const rl: number[] = [];
  for (const r of records) {
    const a = analyse(r.id, r.text, null, r.title);
    const candidate = pick(r, a);
    const reference = r.summary.join(" ");
    r1.push(rougeN(candidate, reference, 1));
    r2.push(rougeN(candidate, reference, 2));
    rl.push(rougeL(candidate, reference));
  }
  return { rouge1: mean(r1), rouge2: mean(r2), rougeL: mean(rl) };
}

export const SUMMARY_SENTENCES = 3;

export function evaluateSummaries(records: SummaryRecord[]): {
  citebot: SummaryScores;
  baseline: SummaryScores;
} {
  return {
    citebot: scoreSummaries(records, (_, a) =>
      summarize(a, SUMMARY_SENTENCES)
        .items.map((i) => i.text)
        .join(" "),
    ),
    baseline: scoreSummaries(records, (_, a) =>
      a.sentences
        .slice(0, SUMMARY_SENTENCES)
        .map((s) => s.text)
        .join(" "),
    ),
  };
}

// ---- entities ----------------------------------------------------------------------------------------

const TYPE = { person: "PER", organization: "ORG", place: "LOC" } as const;
export type EntityScores = Record<"PER" | "ORG" | "LOC", Prf>;

function scoreEntities(
  records: NerRecord[],
  predict: (r: NerRecord) => (Span & { type: string })[],
): EntityScores {
  const out = {} as EntityScores;
  for (const type of ["PER", "ORG", "LOC"] as const) {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const r of records) {
      const pred = predict(r).filter((p) => p.type === type);
      const g = r.entities.filter((e) => e.type === type);
      const key = (s: Span) => `${s.start}:${s.end}`;
      const goldKeys = new Set(g.map(key));
      tp += new Set(pred.map(key).filter((k) => goldKeys.has(k))).size;
      predicted += new Set(pred.map(key)).size;
      gold += g.length;
    }
    out[type] = prf(tp, predicted, tp, gold);
  }
  return out;
}

export function evaluateEntities(records: NerRecord[]): {
  citebot: EntityScores;
  rules: EntityScores;
  tagger: EntityScores;
  baseline: EntityScores;
} {
  const mentionsOf = (entities: Entity[]) =>
    entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: TYPE[e.type] })));
  const citebot = scoreEntities(records, (r) => mentionsOf(analyse(r.id, r.text, null).entities));
  // The same sentences through the rules alone (what the tagger replaced) and through the tagger alone; each
  // record's spans are kept, as scoreEntities asks once a type.
  const memo = (predict: (r: NerRecord) => (Span & { type: string })[]) => {
    const seen = new Map<string, (Span & { type: string })[]>();
    return (r: NerRecord) => {
      const known = seen.get(r.id);
      if (known) return known;
      const spans = predict(r);
      seen.set(r.id, spans);
      return spans;
    };
  };
  const sentencesOf = (r: NerRecord) => splitAllSentences(r.text, splitBlocks(r.text).paragraphs);
  const rules = scoreEntities(
    records,
    memo((r) => mentionsOf(extractEntities(r.text, sentencesOf(r), { tagger: false }))),
  );
  const tagger = scoreEntities(
    records,
    memo((r) => taggerSpans(r.text, sentencesOf(r)).map((s) => ({ ...s, type: TYPE[s.type] }))),
  );
  const cache = new Map<string, (Span & { type: string })[]>();
  const baseline = scoreEntities(records, (r) => {
    const hit = cache.get(r.id);
    if (hit) return hit;
    const doc = nlp(r.text);
    const spans = (view: { json(o: object): unknown }, type: string) =>
      (view.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]).map(
        (x) => {
          const text = x.text.replace(/[\s,.;:'’"”)]+$/u, "");
          return { start: x.offset.start, end: x.offset.start + text.length, type };
        },
      );
    const result = [
      ...spans(doc.people(), "PER"),
      ...spans(doc.organizations(), "ORG"),
      ...spans(doc.places(), "LOC"),
    ];
    cache.set(r.id, result);
    return result;
  });
  return { citebot, rules, tagger, baseline };
}
