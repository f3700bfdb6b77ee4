// npm run db:migration -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql
// with the SQL that takes the committed migrations to prisma/schema.prisma. Add any
// CHECK constraints or triggers by hand, then commit. The diff runs on an in-memory
// database, so no server is needed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration -- short_name");
  process.exit(1);
}
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!sql.trim() || sql.includes("-- This is an empty migration.")) {
  console.log("the schema matches the migrations: nothing to write");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
