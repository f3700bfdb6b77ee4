import { z } from "zod";
import { decodeCursor } from "./cursor.ts";
import { ApiError, type ParamProblem } from "./errors.ts";

// Query parameters of the public API, one implementation for every endpoint. A request
// is refused as a whole (400) when any parameter is unknown, repeated or invalid, with
// every problem listed: a typo such as ?kategori=PANGAN must not silently return the
// unfiltered list. Each parameter carries a description (doc) that the error messages
// and the /api/v1 index use, so what the API accepts and what it says it accepts agree.

export type RegionLevelName = "province" | "kota" | "kecamatan" | "kelurahan";

export type ParamDoc =
  | { type: "enum"; values: readonly string[] }
  | { type: "code"; levels: readonly RegionLevelName[]; pattern: string; examples: readonly string[] }
  | { type: "integer"; min: number; max: number; default: number }
  | { type: "text"; maxLength: number }
  | { type: "slug"; pattern: string }
  | { type: "flag" }
  | { type: "cursor" };

export interface ParamSpec<T> {
  schema: z.ZodType<T, string>;
  doc: ParamDoc;
}

export type ParamSpecs = Record<string, ParamSpec<unknown>>;
export type ParsedParams<S extends ParamSpecs> = { [K in keyof S]?: S[K] extends ParamSpec<infer T> ? T : never };

/** One of the values, case-insensitive; the value comes back upper-case as in the data. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T): ParamSpec<T[number]> {
  return {
    schema: z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.enum(values)),
    doc: { type: "enum", values },
  };
}

const CODE_PATTERNS: Record<RegionLevelName, { pattern: string; example: string }> = {
  province: { pattern: "\\d{2}", example: "31" },
  kota: { pattern: "\\d{2}\\.\\d{2}", example: "31.71" },
  kecamatan: { pattern: "\\d{2}\\.\\d{2}\\.\\d{2}", example: "31.71.01" },
  kelurahan: { pattern: "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", example: "31.71.01.1001" },
};

/** A dotted Kemendagri region code of one of the levels (format only: an unknown code simply matches nothing). */
export function codeParam(...levels: [RegionLevelName, ...RegionLevelName[]]): ParamSpec<string> {
  const pattern = `^(?:${levels.map((level) => CODE_PATTERNS[level].pattern).join("|")})$`;
  return {
    schema: z.string().regex(new RegExp(pattern)),
    doc: { type: "code", levels, pattern, examples: levels.map((level) => CODE_PATTERNS[level].example) },
  };
}

export function integerParam(min: number, max: number, fallback: number): ParamSpec<number> {
  return {
    schema: z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
    doc: { type: "integer", min, max, default: fallback },
  };
}

/** Free text for a search; control characters (e.g. NUL, which PostgreSQL refuses) are not text. */
export function textParam(maxLength: number): ParamSpec<string> {
  return {
    schema: z
      .string()
      .trim()
      .min(1)
      .max(maxLength)
      .regex(/^[^\u0000-\u001f\u007f]*$/),
    doc: { type: "text", maxLength },
  };
}

export function flagParam(): ParamSpec<boolean> {
  return { schema: z.enum(["1", "0", "true", "false"]).transform((value) => value === "1" || value === "true"), doc: { type: "flag" } };
}

export function cursorParam(list: string, keyPattern: RegExp): ParamSpec<string> {
  return {
    schema: z.string().transform((value, context) => {
      const key = decodeCursor(list, value, keyPattern);
      if (key === null) {
        context.addIssue({ code: "custom", message: "invalid_cursor" });
        return z.NEVER;
      }
      return key;
    }),
    doc: { type: "cursor" },
  };
}

/** At most this many problems are reported, and parameter names are cut, so a hostile URL cannot make a huge answer. */
const MAX_PROBLEMS = 20;
const MAX_NAME_LENGTH = 40;

/**
 * The request's query parsed by the specs. An empty value (?category=) counts as absent,
 * as HTML forms send it. Throws ApiError("invalid_parameters") listing every problem.
 */
export function parseQuery<S extends ParamSpecs>(url: URL, specs: S): ParsedParams<S> {
  const given = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) given.set(name, [...(given.get(name) ?? []), value]);
  const problems: ParamProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, list] of given) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    const parameter = name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name;
    if (!spec) {
      problems.push({ parameter, problem: "unknown_parameter" });
    } else if (list.length > 1) {
      problems.push({ parameter, problem: "repeated_parameter" });
    } else if (list[0] !== "") {
      const parsed = spec.schema.safeParse(list[0]);
      if (parsed.success) values[name] = parsed.data;
      else problems.push({ parameter, problem: spec.doc.type === "cursor" ? "invalid_cursor" : "invalid_value", doc: spec.doc });
    }
  }
  if (problems.length > 0) throw new ApiError("invalid_parameters", problems.slice(0, MAX_PROBLEMS));
  return values as ParsedParams<S>;
}

export function slugParam(pattern: RegExp): ParamSpec<string> {
  return { schema: z.string().regex(pattern), doc: { type: "slug", pattern: pattern.source } };
}
