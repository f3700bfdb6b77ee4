// Runs before the portal starts (npm start, npm run dev): checks the configuration,
// applies pending migrations, loads the Jakarta regions and, on an empty database,
// the demo data (on a PostgreSQL server only with KSBB_SEED=demo). Any failure is one line naming the problem, then exit code 1.
import { connect } from "@/lib/db/connect.ts";
import { describeDbError } from "@/lib/db/describe-error.ts";
import { migrate } from "@/lib/db/migrate.ts";
import { readServerEnv } from "@/lib/env.ts";
import { seedDemo } from "./seed/demo.ts";
import { loadRegions } from "./seed/regions.ts";

const withoutSeed = process.argv.includes("--no-seed");

async function main(): Promise<string> {
  let env;
  try {
    env = readServerEnv();
  } catch (error) {
    throw new Error(`configuration error: ${(error as Error).message}`);
  }
  const handle = connect(env);
  const where = env.DATABASE_URL ? "PostgreSQL" : `embedded PGlite (${env.KSBB_DATA_DIR})`;
  try {
    await handle.query("SELECT 1").catch((error: unknown) => {
      throw new Error(describeDbError(error, env.DATABASE_URL));
    });
    const applied = await migrate(handle);
    const regions = await loadRegions(handle.prisma);
    let seeded = "";
    if (!withoutSeed && env.KSBB_SEED === "demo" && (await handle.prisma.program.count()) === 0) {
      const summary = await seedDemo(handle.prisma);
      seeded = `, demo data seeded (${summary.needs} needs, ${summary.pledges} pledges)`;
    }
    return `database ready on ${where}: ${applied.length} migration(s) applied, ${regions} region(s) loaded${seeded}`;
  } finally {
    // Closing cannot change the summary; its failure must not replace an error from above.
    await handle.close().catch(() => undefined);
  }
}

main().then(
  (summary) => console.log(`[ksbb] ${summary}`),
  (error: unknown) => {
    console.error(`[ksbb] start-up stopped: ${(error as Error).message.split("\n")[0]}`);
    process.exit(1);
  },
);
