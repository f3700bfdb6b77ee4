import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { ApiError } from "./errors.ts";
import { apiLocale } from "./locale.ts";
import { codeParam, enumParam, integerParam, parseQuery } from "./params.ts";

const specs = { level: enumParam(["KOTA", "KECAMATAN"]), within: codeParam("kota", "kecamatan"), limit: integerParam(1, 500, 100) };
const query = (search: string) => parseQuery(new URL(`http://localhost/x?${search}`), specs);
const problems = (search: string) => {
  try {
    query(search);
    return [];
  } catch (error) {
    return (error as ApiError).problems.map((p) => `${p.parameter}:${p.problem}`);
  }
};

describe("parseQuery", () => {
  it("parses valid values, case-insensitive enums, and treats empty values as absent", () => {
    expect(query("level=kota&within=31.71.01&limit=7")).toEqual({ level: "KOTA", within: "31.71.01", limit: 7 });
    expect(query("level=&limit=")).toEqual({});
  });

  it("reports every unknown, repeated and invalid parameter", () => {
    expect(problems("limit=0&foo=1&level=KOTA&level=KOTA&within=31")).toEqual([
      "limit:invalid_value",
      "foo:unknown_parameter",
      "level:repeated_parameter",
      "within:invalid_value",
    ]);
    expect(problems("constructor=1&toString=2")).toEqual(["constructor:unknown_parameter", "toString:unknown_parameter"]);
  });
});

describe("cursors", () => {
  it("round-trip only within their own list and key format", () => {
    const token = encodeCursor("needs", "need_00042");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("needs", token, /^[a-z0-9_]+$/)).toBe("need_00042");
    expect(decodeCursor("regions", token, /^[a-z0-9_]+$/)).toBeNull();
    expect(decodeCursor("needs", token, /^\d+$/)).toBeNull();
    expect(decodeCursor("needs", "bm90IGpzb24", /./)).toBeNull();
    expect(decodeCursor("needs", `${token}==`, /./)).toBeNull();
  });
});

describe("apiLocale", () => {
  const locale = (header?: string) => apiLocale(new Request("http://localhost/", { headers: header ? { "Accept-Language": header } : {} }));
  it("honours weights and defaults to Indonesian", () => {
    expect(locale()).toBe("id");
    expect(locale("en")).toBe("en");
    expect(locale("en-US,en;q=0.9")).toBe("en");
    expect(locale("fr, en;q=0.5, id;q=0.8")).toBe("id");
    expect(locale("id-ID, en;q=0.9")).toBe("id");
    expect(locale("de, fr")).toBe("id");
    expect(locale("en;q=0")).toBe("id");
  });
});
