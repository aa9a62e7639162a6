// The PostgreSQL and Redis the shared-store tests run against: loopback only, probed once per run (by
// test/global-services.ts). With CI=true a server that does not answer fails the run; otherwise the tests
// that need it are left out, with one printed line.
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { createClient } from "redis";

// The local user by name: pg reads it from $USER, which a CI shell may not set (trust auth on loopback).
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function loopbackOnly(url: string): string {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "[::1]") {
    throw new Error(`the store tests only talk to this machine's loopback, not ${host}`);
  }
  return url;
}

/** A name for this run's schema or key prefix, so parallel runs do not meet. */
export function runName(kind: string): string {
  return `citebot_${kind}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

async function answers(probe: () => Promise<void>): Promise<string | undefined> {
  try {
    await probe();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Why PostgreSQL cannot be used here, or undefined when it answers. */
export function postgresProblem(): Promise<string | undefined> {
  return answers(async () => {
    const client = new pg.Client({
      connectionString: loopbackOnly(TEST_DATABASE_URL),
      connectionTimeoutMillis: 2_000,
    });
    try {
      await client.connect();
      await client.query("SELECT 1");
    } finally {
      await client.end().catch(() => undefined);
    }
  });
}

/** Why Redis cannot be used here, or undefined when it answers. */
export function redisProblem(): Promise<string | undefined> {
  return answers(async () => {
    const client = createClient({
      url: loopbackOnly(TEST_REDIS_URL),
      socket: { connectTimeout: 2_000, reconnectStrategy: false },
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.ping();
    } finally {
      if (client.isReady) await client.close();
      else client.destroy();
    }
  });
}

export interface StoreServices {
  postgres: boolean;
  redis: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    storeServices: StoreServices;
  }
}

/** Drops a schema this run created. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: loopbackOnly(TEST_DATABASE_URL) });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
