// Two production instances of the portal on one PostgreSQL database, for
// `npm run test:instances` (playwright.instances.config.ts): a fresh database with the
// demo data, prepared once, then two servers that share nothing but the database and
// AUTH_SECRET, as two containers behind a load balancer would.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { INSTANCE_PORTS, instancesDatabaseUrl } from "./config.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("TEST_DATABASE_URL must point at a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
const databaseUrl = instancesDatabaseUrl(serverUrl);
const database = new URL(databaseUrl).pathname.slice(1);

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  KSBB_SEED: "demo",
  AUTH_SECRET: "instances-suite-secret-0123456789abcdef0123456789",
  PAGE_CACHE_SECONDS: "0",
  TRUSTED_PROXY_HOPS: "1",
  WEB_CONCURRENCY: "1",
  // Pledge expiry due every minute and schedules looked at every second, so jobs.spec.ts
  // sees within a minute whether the two instances run it once (lib/jobs/runtime.ts).
  KSBB_JOBS_EXPIRE_CRON: "* * * * *",
  KSBB_JOBS_TICK_SECONDS: "1",
};
const prepared = spawnSync("node", ["dist/prepare.mjs"], { env, stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const children: ChildProcess[] = INSTANCE_PORTS.map((port) =>
  spawn("node", ["dist/server.mjs", "-p", String(port)], { env, stdio: "inherit" }),
);
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const child of children) child.on("exit", (code) => code && process.exit(code));
