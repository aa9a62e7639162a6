// The PostgreSQL and Redis the shared-store tests run against: loopback only, probed once per file.
// With CI=true a server that does not answer fails the file; otherwise its tests are left out with one line.
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

async function answers(name: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    if (process.env.CI === "true") {
      throw new Error(`${name} must answer when CI=true: ${(error as Error).message}`);
    }
    console.log(`${name} is not reachable here: its store tests are left out (CI=true makes them required).`);
    return false;
  }
}

export function postgresAnswers(): Promise<boolean> {
  return answers(`PostgreSQL at ${TEST_DATABASE_URL}`, async () => {
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

export function redisAnswers(): Promise<boolean> {
  return answers(`Redis at ${TEST_REDIS_URL}`, async () => {
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
