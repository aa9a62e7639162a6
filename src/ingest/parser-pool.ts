// Parses pages in worker threads with a time limit, so a heavy page never stalls the caller's event loop.
import { Worker } from "node:worker_threads";
import type { ExtractedArticle } from "./extracted.ts";
import { IngestError } from "./failure.ts";
import type { ParseJob, ParseOutcome } from "./parse-job.ts";

export interface ParserPoolOptions {
  /** A parse taking longer is stopped (its worker is ended) and fails as timed-out. */
  timeoutMs: number;
  /** Worker threads; each runs one parse at a time. */
  size: number;
  /** Heap limit of each worker, so a hostile page cannot grow the process without bound. */
  maxHeapMb: number;
}

export const DEFAULT_PARSER_OPTIONS: ParserPoolOptions = { timeoutMs: 10_000, size: 1, maxHeapMb: 512 };

interface Pending {
  job: ParseJob;
  timeoutMs: number;
  resolve: (article: ExtractedArticle) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | undefined;
}

const WORKER_URL = new URL("./parse-worker.mjs", import.meta.url);

export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: ParserPoolOptions = DEFAULT_PARSER_OPTIONS) {}

  /** Parses one page; the time limit runs from when a worker takes the job. */
  parse(job: ParseJob, timeoutMs = this.options.timeoutMs): Promise<ExtractedArticle> {
    if (this.closed) return Promise.reject(new Error("parser pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
    const slot: Slot = { worker, busy: null, timer: undefined };
    worker.on("message", (message: { id?: number; outcome?: ParseOutcome }) => {
      if (!message.outcome || !slot.busy) return;
      const pending = slot.busy;
      this.finish(slot);
      if (message.outcome.ok) pending.resolve(message.outcome.article);
      else pending.reject(new IngestError(message.outcome.failure));
    });
    const fail = (detail: string) => {
      const pending = slot.busy;
      this.drop(slot);
      pending?.reject(new IngestError({ reason: "not-an-article", detail }));
      this.pump();
    };
    worker.on("error", (error) => fail(`the page could not be parsed (${error.message})`));
    worker.on("exit", () => fail("the page could not be parsed (the parser stopped)"));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private drop(slot: Slot): void {
    clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.busy = null;
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.busy = null;
    slot.worker.unref();
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift();
      if (!pending) return;
      const ready = slot;
      ready.busy = pending;
      ready.worker.ref();
      ready.timer = setTimeout(() => {
        this.drop(ready);
        void ready.worker.terminate();
        pending.reject(new IngestError({ reason: "timed-out", phase: "parse", ms: pending.timeoutMs }));
        this.pump();
      }, pending.timeoutMs);
      ready.worker.postMessage({ id: this.nextId++, job: pending.job });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error("parser pool is closed"));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map((s) => {
        clearTimeout(s.timer);
        s.busy?.reject(new Error("parser pool is closed"));
        s.busy = null;
        return s.worker.terminate();
      }),
    );
  }
}
