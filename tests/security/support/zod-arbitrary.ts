import fc from "fast-check";
import type { z } from "zod";

// Inputs a server action may receive, derived from its zod schema: most aim at what the
// schema accepts (so the fuzz reaches the handler and the database), the rest are hostile
// (unicode, huge strings, prototype keys, numbers as strings, repeated names). Nothing
// here names an action, so an action added later is fuzzed the same way.

/** One form submission: (name, value) pairs in order, so a name may repeat as in FormData. */
export type FormEntries = [string, string | File][];

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of an object schema ({} for anything else). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === "object") return def.shape as Record<string, z.ZodType>;
  if (def.type === "pipe") return shapeOf(def.in as z.ZodType);
  return {};
}

const POLLUTION_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "__proto__[]",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "$ACTION_ID_0",
  "then",
];
const NASTY = [
  "",
  " ",
  "\u0000",
  "%00",
  "\r\n",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "9007199254740993",
  "0x10",
  " 7 ",
  "1.5",
  "-1",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "{}",
  "[]",
  "__proto__",
  "constructor",
  "\u202e\u0645",
  "😀👨‍👩‍👧",
  "𝕏𝔸",
  "ẞ",
  "<script>window.__xss=1</script>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "' OR '1'='1' --",
  "'; DROP TABLE need; --",
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "${7*7}",
  "{{7*7}}",
  "\uFEFF",
  "\uD800",
  "a".repeat(70),
  "0".repeat(400),
];

const file = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "x.bin", { type: "application/octet-stream" })),
  fc.constant(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])], "foto.jpg", { type: "image/jpeg" })),
  fc.constant(new File([], "", { type: "application/octet-stream" })),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  // Up to 100,000 characters: far over every schema's cap (2,000 at most), under the body limit.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom("a", "é", "😀", "<", "9"), fc.integer({ min: 1_000, max: 100_000 })).map(([c, n]) => c.repeat(n)),
  },
);
const hostileValue: fc.Arbitrary<string | File> = fc.oneof({ weight: 9, arbitrary: hostileString }, { weight: 1, arbitrary: file });

/** Pairs for one field: usually one value, sometimes none or several (an array). */
function entriesFor(key: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<FormEntries> {
  return value.map((v) => (v === undefined ? [] : ([v].flat() as (string | File)[]).map((item) => [key, item] as [string, string | File])));
}

/** A value the schema is likely to accept. `pool` holds real values from the database (ids, codes). */
export function validish(schema: z.ZodType, pool: readonly string[]): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case "string": {
      const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum as number));
      const max = Math.min(300, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum as number));
      const patterns = [def.pattern, ...checks.map((c) => c.pattern)].filter((p): p is RegExp => p instanceof RegExp);
      if (patterns.length) {
        const real = pool.filter((value) => patterns.every((p) => p.test(value)));
        const generated = fc.stringMatching(new RegExp(patterns[0]!.source, patterns[0]!.flags.replace(/[iy]/g, "")));
        return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: generated }) : generated;
      }
      const sized = pool.filter((value) => value.length >= min && value.length <= max);
      const text = fc.string({ unit: "grapheme", minLength: min, maxLength: Math.max(min, Math.min(max, 60)) });
      return sized.length ? fc.oneof(text, fc.constantFrom(...sized)) : text;
    }
    case "number": {
      const low = Math.max(-1e6, ...checks.filter((c) => c.check === "greater_than").map((c) => Number(c.value) + (c.inclusive ? 0 : 1)));
      const high = Math.min(
        low + 1_000,
        ...checks.filter((c) => c.check === "less_than").map((c) => Number(c.value) - (c.inclusive ? 0 : 1)),
      );
      return fc.oneof(fc.integer({ min: low, max: Math.min(high, low + 5) }), fc.integer({ min: low, max: high })).map(String);
    }
    case "boolean":
      return fc.constantFrom("true", "false", "on");
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]).map(String));
    case "optional":
    case "nullable":
      return fc.option(validish(def.innerType as z.ZodType, pool), { nil: undefined, freq: 4 });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return validish(def.innerType as z.ZodType, pool);
    case "pipe": {
      const out = def.out as z.ZodType;
      return validish(defOf(out).type === "transform" ? (def.in as z.ZodType) : out, pool);
    }
    case "union":
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => validish(option, pool)));
    case "array": {
      const max = Math.min(5, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum as number));
      const min = Math.min(max, Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum as number)));
      return fc.array(validish(def.element as z.ZodType, pool), { minLength: min, maxLength: max });
    }
    case "custom": // z.instanceof(File) and the like
    case "file":
      return file;
    case "date":
      return fc.constantFrom(...pool.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value)), "2026-02-30", "not a date");
    default:
      return hostileString;
  }
}

/** Anything a client could post: random names (the schema's, prototype keys, noise) with hostile values. */
export function hostileForm(keys: readonly string[]): fc.Arbitrary<FormEntries> {
  const key = fc.oneof(fc.constantFrom(...(keys.length ? keys : ["x"])), fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 }));
  return fc.array(fc.tuple(key, hostileValue), { maxLength: 12 });
}

const hostileField = (key: string) => entriesFor(key, fc.oneof(hostileValue, fc.array(hostileString, { minLength: 2, maxLength: 3 })));

/**
 * The schema's own fields, each usually valid-looking, sometimes hostile or missing, plus
 * stray keys. `broken`: one field, chosen at random, always hostile, so the schema
 * almost always refuses it (cheap runs that still come close to valid).
 */
export function shapedForm(schema: z.ZodType, pool: readonly string[], broken = false): fc.Arbitrary<FormEntries> {
  const keys = Object.keys(shapeOf(schema));
  if (broken && keys.length) {
    return fc
      .tuple(fc.constantFrom(...keys), shapedForm(schema, pool))
      .chain(([victim, entries]) => hostileField(victim).map((replacement) => [...entries.filter(([k]) => k !== victim), ...replacement]));
  }
  const fields = Object.entries(shapeOf(schema)).map(([key, field]) =>
    fc.oneof(
      { weight: 16, arbitrary: entriesFor(key, validish(field, pool)) },
      { weight: 3, arbitrary: hostileField(key) },
      { weight: 1, arbitrary: fc.constant([] as FormEntries) },
    ),
  );
  const stray = fc.array(fc.tuple(fc.constantFrom(...POLLUTION_KEYS), hostileValue), { maxLength: 2 });
  const confirm = fc.integer({ min: 0, max: 9 }).map((n) => n > 1);
  return fc.tuple(fc.tuple(...fields), stray, confirm).map(([parts, extra, confirm]) => {
    const entries = [...parts.flat(), ...extra];
    // "password" and "passwordConfirm": usually (8 in 10) the same, as a person types them.
    return confirm
      ? (entries.map(([k, v]) =>
          k.endsWith("Confirm") ? [k, entries.find(([o]) => o === k.slice(0, -7))?.[1] ?? v] : [k, v],
        ) as FormEntries)
      : entries;
  });
}

/**
 * The mix of submissions, in parts per 100: `valid` shaped like the schema (about a fifth
 * to a half of these pass it), `broken` shaped with one field hostile, the rest hostile.
 */
export function formArbitrary(schema: z.ZodType, pool: readonly string[], mix = { valid: 75, broken: 0 }): fc.Arbitrary<FormEntries> {
  return fc.oneof(
    { weight: mix.valid, arbitrary: shapedForm(schema, pool) },
    { weight: mix.broken, arbitrary: shapedForm(schema, pool, true) },
    { weight: 100 - mix.valid - mix.broken, arbitrary: hostileForm(Object.keys(shapeOf(schema))) },
  );
}

export function toFormData(entries: FormEntries): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/** A short, printable description of a counterexample (huge strings abbreviated). */
export function describeEntries(entries: FormEntries): string {
  return JSON.stringify(
    entries.map(([k, v]) => [
      k,
      typeof v === "string" ? (v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v) : `File(${v.name}, ${v.size} B)`,
    ]),
  );
}
