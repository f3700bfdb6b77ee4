// npm run pledges:expire: expires pledges not delivered 14 days after their planned
// date and releases their undelivered quantity. Run it daily (cron, a scheduler).
import { expireOverduePledges } from "@/lib/pledges/service.ts";
import { dbHandle } from "@/lib/db/index.ts";

const expired = await expireOverduePledges();
console.log(`[ksbb] ${expired} pledge(s) expired`);
await dbHandle().close();
