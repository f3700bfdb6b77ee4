import "server-only";
import { db } from "@/lib/db/index.ts";

// Limits kept in the database, so they work on the embedded database with no Redis and
// are shared by every server process on PostgreSQL. Each decision is one call to a SQL
// function that takes an advisory lock on its key: N parallel requests are counted one
// after another, so they can never pass more than the limit (count-then-insert without
// the lock let 34 of 40 parallel sign-ins through, issue 12).

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed password checks per account in the window before it is locked. */
export const SIGN_IN_MAX_FAILURES = 10;
/** Failed password checks per client address in the window, whatever the accounts. */
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;
const PRUNE_CHANCE = 0.01;

/** Timestamps as the functions take them: UTC wall-clock, as Prisma stores them. */
const utc = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
const interval = (ms: number) => `${Math.round(ms / 1000)} seconds`;

export type SignInReservation = { ok: true; attemptId: bigint } | { ok: false; reason: "locked" | "limited" };

/**
 * Reserves one password check for the account and the address, or refuses, in one call
 * to ksbb_reserve_sign_in (migration 20261202140954). A reserved attempt counts as a
 * failure until settleSignIn says it succeeded, so at most SIGN_IN_MAX_FAILURES checks run
 * for one account however many requests arrive at once.
 */
export async function reserveSignIn(email: string, ip: string | null, now = new Date()): Promise<SignInReservation> {
  const [row] = await db.$queryRaw<{ outcome: "reserved" | "locked" | "limited"; attempt_id: bigint | null }[]>`
    SELECT outcome, attempt_id FROM ksbb_reserve_sign_in(${email}, ${ip}, ${utc(now)}::timestamp(3), ${interval(SIGN_IN_WINDOW_MS)}::interval,
                                                       ${SIGN_IN_MAX_FAILURES}::int, ${SIGN_IN_MAX_FAILURES_PER_ADDRESS}::int)`;
  // Now and then, a sign-in clears out rows older than any window (and dead sessions).
  if (Math.random() < PRUNE_CHANCE)
    void pruneLimitRows(now).catch((error: unknown) => console.error("[auth] pruning limit rows failed", error));
  if (row?.outcome === "reserved" && row.attempt_id !== null) return { ok: true, attemptId: BigInt(row.attempt_id) };
  const reason = row?.outcome === "limited" ? "limited" : "locked";
  console.info(`[auth] sign-in refused (${reason}) for ${email} from ${ip ?? "unknown"}`);
  return { ok: false, reason };
}

/** Records the outcome of a reserved password check. */
export async function settleSignIn(
  attemptId: bigint,
  outcome: { userId: string | null; succeeded: boolean; counted?: boolean; email: string; ip: string | null },
) {
  await db.signInAttempt.update({
    where: { id: attemptId },
    data: { userId: outcome.userId, succeeded: outcome.succeeded, ...(outcome.counted === false ? { passwordChecked: false } : {}) },
  });
  console.info(`[auth] sign-in ${outcome.succeeded ? "succeeded" : "failed"} for ${outcome.email} from ${outcome.ip ?? "unknown"}`);
}

/**
 * Counts one hit in the bucket and says whether it is within the limit. Hits over the
 * limit are not recorded, so a blocked client does not extend its own block.
 */
export async function takeRateLimit(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const [row] = await db.$queryRaw<{ allowed: boolean }[]>`
    SELECT ksbb_take_rate_limit(${bucket}, ${limit}::int, ${interval(windowMs)}::interval, ${utc(now)}::timestamp(3)) AS allowed`;
  return row?.allowed === true;
}

/** Deletes limit rows older than any window, and sessions that ended (one sign-in in a hundred runs it). */
export async function pruneLimitRows(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PRUNE_AFTER_MS);
  const [attempts, hits, sessions] = await db.$transaction([
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db.rateLimitHit.deleteMany({ where: { createdAt: { lt: before } } }),
    db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: before } }] } }),
  ]);
  return attempts.count + hits.count + sessions.count;
}
