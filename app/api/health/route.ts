import { dbHandle } from "@/lib/db/index.ts";
import { healthResponse } from "@/lib/http/health.ts";

// GET /api/health: 200 {"status":"ok"} when the database answers a trivial query, else
// 503 {"status":"unavailable"}. Public: reads no session and tells nothing private.
export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse(() => dbHandle().query("SELECT 1"));
}
