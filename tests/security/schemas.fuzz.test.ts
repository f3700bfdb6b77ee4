import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formInput } from "@/lib/actions/define.ts";
import { ACTIONS, databasePool, polluted } from "./support/actions.ts";
import { FUZZ_RUNS, fuzzParameters } from "./support/runs.ts";
import { formArbitrary, shapeOf, toFormData } from "./support/zod-arbitrary.ts";

// Every server action's input schema, fed 10,000 generated form submissions the way the
// action receives them (FormData, then formInput): formInput must turn every posted name
// into an own field (a repeated "__proto__" once became the object's prototype), zod must
// answer every one without throwing, keep only the schema's own fields, and never touch
// Object.prototype.

let pool: string[] = [];
beforeAll(async () => {
  pool = await databasePool(new Set());
});

describe("every action declares an input schema", () => {
  it("has a zod schema on each exported action", () => {
    expect(ACTIONS.length).toBeGreaterThan(10);
    expect(ACTIONS.filter((action) => !action.schema).map((action) => action.key)).toEqual([]);
  });
});

describe.each(ACTIONS.filter((action) => action.schema).map((action) => [action.key, action] as const))("schema of %s", (_key, action) => {
  it(`answers ${FUZZ_RUNS} generated submissions without throwing`, () => {
    const schema = action.schema!;
    const fields = new Set(Object.keys(shapeOf(schema)));
    let accepted = 0;
    fc.assert(
      fc.property(formArbitrary(schema, pool), (entries) => {
        const formData = toFormData(entries);
        const input = formInput(formData);
        // Every posted name becomes an own field, "__proto__" included, and nothing else.
        expect([null, Object.prototype]).toContain(Object.getPrototypeOf(input));
        expect(Object.keys(input).sort()).toEqual([...new Set(formData.keys())].filter((key) => !key.startsWith("$ACTION")).sort());
        const parsed = schema.safeParse(input);
        if (parsed.success) {
          accepted += 1;
          const output = parsed.data as Record<string, unknown>;
          if (fields.size) {
            expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
            expect(Object.keys(output).filter((key) => !fields.has(key))).toEqual([]);
          }
        } else {
          for (const issue of parsed.error.issues) expect(issue.path.length === 0 || fields.has(String(issue.path[0]))).toBe(true);
        }
        expect(polluted()).toBeNull();
      }),
      fuzzParameters(),
    );
    // The generator must reach the accepting side too, or half the schema goes untested.
    expect(accepted, `no generated input passed ${action.key}'s schema; see tests/security/support/zod-arbitrary.ts`).toBeGreaterThan(0);
  });
});
