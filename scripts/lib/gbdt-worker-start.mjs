// Starts gbdt-worker.ts in a worker thread: tsx's loader, which a worker does not inherit, is registered first.
import { register } from "tsx/esm/api";

register();
await import("./gbdt-worker.ts");
