// Runs in every test file (vitest setupFiles): what tempDir made is removed when the file's tests are done.
import { afterAll } from "vitest";
import { removeTempDirs } from "../support/temp-dirs.ts";

afterAll(removeTempDirs);
