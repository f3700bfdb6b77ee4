// npm run pledges:expire: expires pledges not delivered 14 days after their planned
// date and releases their undelivered quantity. The running portal does this itself
// every day (KSBB_JOBS_EXPIRE_CRON); this runs the same handler now, for operators.
import { dbHandle } from "@/lib/db/index.ts";
import { expirePledgesJob } from "@/lib/jobs/handlers.ts";

await expirePledgesJob();
await dbHandle().close();
