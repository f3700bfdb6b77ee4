import type fc from "fast-check";
import { describeEntries, type FormEntries } from "./zod-arbitrary.ts";

/** 10,000 cases per schema and per action (FUZZ_RUNS lowers it while working on the suite). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/**
 * fast-check's settings for every fuzz: FUZZ_SEED replays a reported failure, and the
 * report abbreviates huge strings instead of printing 300,000 characters.
 */
export function fuzzParameters<T extends [FormEntries, ...unknown[]]>(): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return {
    numRuns: FUZZ_RUNS,
    ...(seed === undefined ? {} : { seed }),
    reporter(details) {
      if (!details.failed) return;
      const [entries, ...rest] = details.counterexample ?? [[]];
      throw new Error(
        `failed after ${details.numRuns} runs (replay: FUZZ_SEED=${details.seed}, path ${details.counterexamplePath})\n` +
          `input: ${describeEntries(entries as FormEntries)}${rest.length ? ` ${JSON.stringify(rest)}` : ""}\n` +
          `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      );
    },
  };
}
