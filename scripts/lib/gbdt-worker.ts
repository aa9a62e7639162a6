// A worker thread of gbdt-pool.ts: trains the models it is sent, one at a time, and sends each back.
import { parentPort } from "node:worker_threads";
import type { PoolJob, PoolResult } from "./gbdt-pool.ts";
import { trainGbdt } from "./gbdt-train.ts";

parentPort?.on("message", ({ id, data, options }: PoolJob) => {
  let result: PoolResult;
  try {
    result = { id, model: trainGbdt(data, options) };
  } catch (error) {
    result = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result);
});
