// npm run db:seed: loads the demo data into an empty database (after npm run db:deploy).
import { connect } from "@/lib/db/connect.ts";
import { readEnv } from "@/lib/env.ts";
import { seedDemo } from "./seed/demo.ts";
import { loadRegions } from "./seed/regions.ts";

const handle = connect(readEnv());
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
