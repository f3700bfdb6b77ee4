import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectPostgres } from "@/lib/db/connect.ts";
import { databaseUrl } from "@/tests/setup/template.ts";

// `npm start`'s first step on an empty PostgreSQL database (collected only with
// TEST_DATABASE_URL): a city following the README must not get the demo accounts, whose
// password is published; KSBB_SEED=demo asks for them by name.
const template = inject("dbTemplate");
if (template.engine !== "postgres") throw new Error("*.pg.test.ts needs TEST_DATABASE_URL");
const database = `ksbb_t_prep_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
const url = databaseUrl(template.serverUrl, database);
const admin = connectPostgres(template.serverUrl, 1);
const run = promisify(execFile);

afterAll(async () => {
  await admin.exec(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.close();
});

async function prepare(seed: Record<string, string>) {
  const inherited = { ...process.env };
  delete inherited.AUTH_SECRET;
  delete inherited.KSBB_SEED;
  const env = { ...inherited, DATABASE_URL: url, AUTH_SECRET: "a-test-secret-of-at-least-32-characters", ...seed };
  return (await run(process.execPath, ["--import", "tsx", "prisma/prepare.ts"], { env, timeout: 120_000 })).stdout;
}

async function counts() {
  const sql = connectPostgres(url, 1);
  try {
    const [row] = await sql.query<{ regions: number; users: number; programs: number; admins: number }>(
      `SELECT (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM app_user) AS users,
              (SELECT count(*)::int FROM program) AS programs, (SELECT count(*)::int FROM app_user WHERE email = 'admin@ksbb.test') AS admins`,
    );
    return row!;
  } finally {
    await sql.close();
  }
}

describe("start-up on an empty PostgreSQL database", () => {
  it("loads regions only unless KSBB_SEED=demo is given, and then the demo accounts", async () => {
    await admin.exec(`CREATE DATABASE "${database}"`);
    expect(await prepare({})).toMatch(/database ready on PostgreSQL: \d+ migration\(s\) applied, \d+ region\(s\) loaded\n$/);
    const bare = await counts();
    expect(bare.regions).toBeGreaterThan(200);
    expect({ users: bare.users, programs: bare.programs }).toEqual({ users: 0, programs: 0 });

    expect(await prepare({ KSBB_SEED: "demo" })).toContain("demo data seeded");
    const demo = await counts();
    expect(demo.admins).toBe(1);
    expect(demo.users).toBeGreaterThan(4);
  }, 180_000);
});
