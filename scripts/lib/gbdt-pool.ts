// Trains boosted-tree models on worker threads, one a core at once. A model is the same, tree for tree, as
// trainGbdt's on the main thread (training is a function of its data and options); it only comes sooner. The
// biggest jobs start first, so that two cores end together.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { GbdtModel } from "../../src/engine/models/gbdt.ts";
import type { GbdtData, GbdtOptions } from "./gbdt-train.ts";

/** Options a worker can be sent: all but the log function. */
export type PoolOptions = Omit<GbdtOptions, "log">;
export interface PoolJob {
  id: number;
  data: GbdtData;
  options: PoolOptions;
}
export type PoolResult = { id: number; model: GbdtModel } | { id: number; error: string };

interface Queued extends PoolJob {
  cost: number;
  resolve: (model: GbdtModel) => void;
  reject: (error: Error) => void;
}

export class GbdtPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<number, Queued>();
  private readonly queue: Queued[] = [];
  private nextId = 0;
  private dispatching = false;

  constructor(size = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(new URL("./gbdt-worker-start.mjs", import.meta.url));
      worker.on("message", (result: PoolResult) => this.finished(worker, result));
      worker.on("error", (error) => {
        for (const job of this.running.values()) job.reject(error);
        this.running.clear();
      });
      this.idle.push(worker);
    }
  }

  /** Trains a model on the first free worker; jobs asked for in the same turn start biggest first. */
  train(data: GbdtData, options: PoolOptions): Promise<GbdtModel> {
    return new Promise((resolve, reject) => {
      const cost = (data.rows.length / Math.max(1, data.cols)) * options.trees;
      this.queue.push({ id: this.nextId++, data, options, cost, resolve, reject });
      if (!this.dispatching) {
        this.dispatching = true;
        setImmediate(() => {
          this.dispatching = false;
          this.dispatch();
        });
      }
    });
  }

  /** Ends the workers; call once every model has come back. */
  async close(): Promise<void> {
    await Promise.all(this.idle.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    this.queue.sort((a, z) => z.cost - a.cost || a.id - z.id);
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Queued;
      this.running.set(job.id, job);
      worker.postMessage({ id: job.id, data: job.data, options: job.options } satisfies PoolJob);
    }
  }

  private finished(worker: Worker, result: PoolResult): void {
    const job = this.running.get(result.id);
    this.running.delete(result.id);
    this.idle.push(worker);
    if (job) {
      if ("model" in result) job.resolve(result.model);
      else job.reject(new Error(result.error));
    }
    this.dispatch();
  }
}
