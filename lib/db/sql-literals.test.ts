import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as enums from "@/lib/generated/prisma/enums.ts";

// Raw SQL (the pledge statement, coverage and map queries, the scale seed, the database
// functions in migrations) names enum values as quoted literals. PostgreSQL only notices
// a stale one when that statement runs, so this test reads every such literal in the
// source and fails when it is not a value of the Prisma enum it stands for: rename or
// drop an enum value and the SQL that still names it is listed here.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["lib", "app", "scripts", "prisma/seed", "server.ts"];
/** Upper-case quoted words in SQL that are not enum values: a time zone, a trigger's TG_OP. */
const NOT_ENUMS = new Set(["UTC", "INSERT", "UPDATE", "DELETE"]);

const enumValues = new Map<string, Set<string>>(
  Object.entries(enums).map(([name, values]) => [name, new Set(Object.values(values as Record<string, string>))]),
);
const anyEnumValue = new Set([...enumValues.values()].flatMap((values) => [...values]));

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((file) => file.isFile() && /\.tsx?$/.test(file.name) && !/\.test\.tsx?$/.test(file.name))
    .map((file) => path.join(file.parentPath, file.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/** The bodies of the SQL functions the migrations create (their literals run on every call). */
function migrationFunctionBodies(): { file: string; text: string }[] {
  const dir = path.join(ROOT, "prisma/migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .flatMap((name) => {
      const file = path.join(dir, name, "migration.sql");
      const sql = fs.readFileSync(file, "utf8");
      return [...sql.matchAll(/CREATE (?:OR REPLACE )?FUNCTION[\s\S]*?\$\$([\s\S]*?)\$\$/g)].map((match) => ({ file, text: match[1]! }));
    });
}

function literalsIn(text: string) {
  return [...text.matchAll(/'([A-Z][A-Z0-9_]{2,})'(?:::"([A-Za-z]+)")?/g)].map((match) => ({ value: match[1]!, cast: match[2] }));
}

describe("enum literals in raw SQL", () => {
  const sources = [
    ...SOURCE_DIRS.flatMap(sourceFiles).map((file) => ({ file, text: fs.readFileSync(file, "utf8") })),
    ...migrationFunctionBodies(),
  ];

  it("finds the raw SQL it guards", () => {
    const files = sources.filter((source) => literalsIn(source.text).length > 0).map((source) => path.relative(ROOT, source.file));
    expect(files).toEqual(expect.arrayContaining(["lib/pledges/service.ts", "lib/coverage/queries.ts", "prisma/seed/scale.ts"]));
    expect(files.some((file) => file.startsWith("prisma/migrations/"))).toBe(true);
  });

  it("names only values of the Prisma enums, and of the enum each cast names", () => {
    const stale: string[] = [];
    for (const source of sources) {
      for (const { value, cast } of literalsIn(source.text)) {
        if (NOT_ENUMS.has(value)) continue;
        const known = cast ? enumValues.get(cast)?.has(value) : anyEnumValue.has(value);
        if (!known) stale.push(`${path.relative(ROOT, source.file)}: '${value}'${cast ? `::"${cast}"` : ""}`);
      }
    }
    expect(stale).toEqual([]);
  });

  it("would notice a value that is not in any enum", () => {
    expect(literalsIn(`WHERE status = 'SHIPPED' AND kind = 'OPEN'::"NeedStatus"`)).toEqual([
      { value: "SHIPPED", cast: undefined },
      { value: "OPEN", cast: "NeedStatus" },
    ]);
    expect(anyEnumValue.has("SHIPPED")).toBe(false);
    expect(enumValues.get("NeedStatus")?.has("OPEN")).toBe(true);
  });
});
