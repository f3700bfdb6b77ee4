// npm run seed:scale: replaces the PostgreSQL database in DATABASE_URL with the demo
// data plus scale data (10,000 needs, 2,000 organisations, 100,000 pledges) for
// `npm run bench`. Refuses a database holding anything but an earlier seed unless --force.
import { connectPostgres } from "@/lib/db/connect.ts";
import { describeDbError } from "@/lib/db/describe-error.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { readEnv } from "@/lib/env.ts";
import { seedDemo } from "@/prisma/seed/demo.ts";
import { loadRegions } from "@/prisma/seed/regions.ts";
import { findInconsistentNeeds } from "@/lib/pledges/totals.ts";
import { SCALE, seedScale } from "@/prisma/seed/scale.ts";
import { databaseName, ensureDatabase, tableCount } from "@/lib/db/admin.ts";
import { isScaleSeeded, markScaleSeeded } from "./lib/scale-db.ts";

const BUDGET_MS = 120_000;
const force = process.argv.includes("--force");

function stop(message: string): never {
  console.error(`[seed:scale] ${message}`);
  process.exit(1);
}

const env = readEnv();
const url = env.DATABASE_URL;
if (!url || env.KSBB_SEED !== "demo") {
  stop(
    `${url ? "KSBB_SEED=demo is not set: the data includes the demo accounts and their public password" : "DATABASE_URL is not set"}. ` +
      "Name the PostgreSQL database to fill (everything in it is replaced) and ask for demo data, e.g.\n" +
      "  KSBB_SEED=demo DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ksbb_scale npm run seed:scale",
  );
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
try {
  if (await ensureDatabase(url)) console.log(`[seed:scale] created database ${databaseName(url)}`);
} catch (error) {
  stop(describeDbError(error, url));
}
const handle = connectPostgres(url, 2);
try {
  if ((await tableCount(handle)) > 0 && !(await isScaleSeeded(handle)) && !force) {
    stop(
      `database ${databaseName(url)} already holds data that seed:scale did not write. ` +
        "It would be replaced: pass --force (npm run seed:scale -- --force) if that is what you want.",
    );
  }
  await handle.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await migrate(handle);
  await loadRegions(handle.prisma);
  await seedDemo(handle.prisma);
  console.log(`[seed:scale] migrated, regions and demo data loaded (${elapsed()})`);
  const summary = await seedScale(handle);
  const inconsistent = (await findInconsistentNeeds(handle)).length;
  if (inconsistent > 0) stop(`${inconsistent} need(s) have totals that disagree with their pledges (npm run db:check lists them)`);
  await handle.exec("ANALYZE");
  await markScaleSeeded(handle);
  const ms = performance.now() - started;
  console.log(`[seed:scale] ${JSON.stringify(summary)}`);
  console.log(`[seed:scale] done in ${elapsed()} (budget ${BUDGET_MS / 1000} s) on ${databaseName(url)}`);
  for (const [name, count] of Object.entries(SCALE)) {
    if (summary[name as keyof typeof SCALE] !== count) stop(`expected ${count} ${name}, got ${summary[name as keyof typeof SCALE]}`);
  }
  if (ms > BUDGET_MS) stop(`took ${elapsed()}, over the ${BUDGET_MS / 1000} s budget`);
} finally {
  // Closing cannot change the result; its failure must not replace an error from above.
  await handle.close().catch(() => undefined);
}
