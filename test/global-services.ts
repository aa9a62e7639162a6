// Probes PostgreSQL and Redis once for the whole run. CI=true: both must answer, or the run fails here.
// Elsewhere a missing server leaves its tests out, said in one line.
import type { TestProject } from "vitest/node";
import { postgresProblem, redisProblem, TEST_DATABASE_URL, TEST_REDIS_URL } from "./services.ts";

export default async function setup(project: TestProject): Promise<void> {
  const [postgres, redis] = await Promise.all([postgresProblem(), redisProblem()]);
  const missing = [
    ...(postgres ? [`PostgreSQL at ${TEST_DATABASE_URL} (${postgres})`] : []),
    ...(redis ? [`Redis at ${TEST_REDIS_URL} (${redis})`] : []),
  ];
  if (missing.length > 0 && process.env.CI === "true") {
    throw new Error(`CI=true needs the store servers: ${missing.join("; ")} did not answer`);
  }
  if (missing.length > 0) {
    console.log(`store tests left out: ${missing.join("; ")} not reachable (CI=true makes them required)`);
  }
  project.provide("storeServices", { postgres: !postgres, redis: !redis });
}
