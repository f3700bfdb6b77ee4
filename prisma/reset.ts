// npm run db:reset: drops every table of the configured database (and pg-boss's job
// schema, lib/jobs/boss-db.ts), then migrates and seeds again. Refuses to run with NODE_ENV=production.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { connectPostgres } from "@/lib/db/connect.ts";
import { readEnv } from "@/lib/env.ts";
import { BOSS_SCHEMA } from "@/lib/jobs/boss-db.ts";

const env = readEnv();
if (env.NODE_ENV === "production") {
  console.error("[ksbb] db:reset refused: NODE_ENV is production");
  process.exit(1);
}
if (env.DATABASE_URL) {
  const handle = connectPostgres(env.DATABASE_URL, 1);
  await handle.exec(`DROP SCHEMA IF EXISTS "${BOSS_SCHEMA}" CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  await handle.close();
} else {
  fs.rmSync(path.resolve(env.KSBB_DATA_DIR), { recursive: true, force: true });
}
execFileSync(process.execPath, ["--import", "tsx", "prisma/prepare.ts"], { stdio: "inherit" });
