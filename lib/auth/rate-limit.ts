import "server-only";
import { db } from "@/lib/db/index.ts";

// Limits kept in the database, so they work on the embedded database with no Redis
// and are shared by every server process on PostgreSQL.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

/** True when the account has had too many failed sign-ins in the window. */
export async function signInLocked(email: string, now = new Date()): Promise<boolean> {
  const failures = await db.signInAttempt.count({
    where: { email, succeeded: false, createdAt: { gt: new Date(now.getTime() - SIGN_IN_WINDOW_MS) } },
  });
  return failures >= SIGN_IN_MAX_FAILURES;
}

export async function recordSignIn(attempt: { email: string; userId: string | null; ip: string | null; succeeded: boolean }) {
  await db.signInAttempt.create({ data: attempt });
  console.info(`[auth] sign-in ${attempt.succeeded ? "succeeded" : "failed"} for ${attempt.email} from ${attempt.ip ?? "unknown"}`);
}

/**
 * Counts one hit in the bucket and says whether it is within the limit. Hits over the
 * limit are not recorded, so a blocked client does not extend its own block.
 */
export async function takeRateLimit(bucket: string, limit: number, windowMs: number): Promise<boolean> {
  const since = new Date(Date.now() - windowMs);
  const used = await db.rateLimitHit.count({ where: { bucket, createdAt: { gt: since } } });
  if (used >= limit) return false;
  await db.rateLimitHit.create({ data: { bucket } });
  return true;
}
