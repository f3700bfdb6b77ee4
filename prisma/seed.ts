// npm run db:seed: loads the demo data into an empty database (after npm run db:deploy).
import { connect } from "@/lib/db/connect.ts";
import { readEnv } from "@/lib/env.ts";
import { seedDemo } from "./seed/demo.ts";
import { loadRegions } from "./seed/regions.ts";

const env = readEnv();
// The demo accounts share a published password: a PostgreSQL server gets them only when asked by name.
if (env.DATABASE_URL && env.KSBB_SEED !== "demo") {
  console.error(
    "[ksbb] db:seed refused: demo data goes into a PostgreSQL server only with KSBB_SEED=demo (its accounts' password is public)",
  );
  process.exit(1);
}
const handle = connect(env);
try {
  await loadRegions(handle.prisma);
  if ((await handle.prisma.program.count()) > 0) {
    console.log("[ksbb] the database already has data; run `npm run db:reset` to start again");
  } else {
    const summary = await seedDemo(handle.prisma);
    console.log(`[ksbb] demo data seeded: ${JSON.stringify(summary)}`);
  }
} finally {
  await handle.close();
}
