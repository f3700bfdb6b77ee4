import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formInput } from "@/lib/actions/define.ts";
import { actAs } from "@/tests/helpers/session.ts";
import {
  allowedIdentities,
  databasePool,
  demoActors,
  isControlFlow,
  outcomeName,
  polluted,
  stateProblem,
  type DiscoveredAction,
  type Identity,
} from "./actions.ts";
import { FUZZ_RUNS, fuzzParameters } from "./runs.ts";
import { formArbitrary, toFormData } from "./zod-arbitrary.ts";

/**
 * Parts per 100 of the submissions: shaped like the schema (a fifth to a half of these
 * pass it and reach the handler and the database), shaped with one field hostile (the
 * schema refuses them quickly), and wholly hostile. See docs/decisions/0012-security-suite.md.
 */
export const MIX = { valid: 10, broken: 65 };

/**
 * Runs each action FUZZ_RUNS times as callers it allows, with generated submissions.
 * Every answer must be a well-formed ActionState other than "ERROR" (the action's
 * catch-all for an unexpected exception, which a browser would see as a failure), or
 * Next.js's redirect/notFound; anything thrown fails, and so does a polluted prototype.
 */
export function fuzzActions(actions: DiscoveredAction[], ipBlock: number) {
  let actors: Awaited<ReturnType<typeof demoActors>>;
  let pool: string[] = [];
  beforeAll(async () => {
    actors = await demoActors();
    const mine = Object.values(actors)
      .flatMap((actor) => [actor.userId, actor.organisationId])
      .filter((id): id is string => !!id);
    pool = await databasePool(new Set(mine));
  });

  describe.each(actions.map((action) => [action.key, action] as const))("%s", (key, action) => {
    it(`answers ${FUZZ_RUNS} generated submissions with an ActionState`, async () => {
      const outcomes: Record<string, number> = {};
      let accepted = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(
          formArbitrary(action.schema!, pool, MIX),
          fc.constantFrom(...allowedIdentities(action.access)),
          fc.integer({ min: 1, max: 20 }),
          async (entries, identity: Identity, host) => {
            actAs(actors[identity].userId, `198.18.${ipBlock}.${host}`);
            if (action.schema!.safeParse(formInput(toFormData(entries))).success) accepted += 1;
            let result: unknown;
            try {
              result = action.fn.length >= 2 ? await action.fn(null, toFormData(entries)) : await action.fn(toFormData(entries));
            } catch (error) {
              if (!isControlFlow(error)) throw error;
              result = { ok: true };
              outcomes.redirect = (outcomes.redirect ?? 0) + 1;
            }
            const problem = stateProblem(result) ?? polluted();
            if (problem) throw new Error(`as ${identity}: ${problem}`);
            outcomes[outcomeName(result)] = (outcomes[outcomeName(result)] ?? 0) + 1;
          },
        ),
        fuzzParameters(),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`[fuzz] ${key}: ${FUZZ_RUNS} runs in ${seconds} s, ${accepted} past the schema`, JSON.stringify(outcomes));
      // Some inputs must get past the schema, or the handler was never exercised.
      expect(accepted, `no generated input got past ${key}'s schema`).toBeGreaterThan(0);
    });
  });
}
