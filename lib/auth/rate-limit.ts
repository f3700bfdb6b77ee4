import "server-only";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

// Limits kept in the database, so they work on the embedded database with no Redis and
// are shared by every server process on PostgreSQL. Each decision is taken under a
// transaction-scoped advisory lock on its key: N parallel requests are counted one after
// another, so they can never pass more than the limit (count-then-insert without the lock
// let 34 of 40 parallel sign-ins through, issue 12).

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed password checks per account in the window before it is locked. */
export const SIGN_IN_MAX_FAILURES = 10;
/** Failed password checks per client address in the window, whatever the accounts. */
export const SIGN_IN_MAX_FAILURES_PER_ADDRESS = 30;
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

type Tx = Prisma.TransactionClient;

async function lock(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

function locked<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(run, { maxWait: 10_000, timeout: 10_000 });
}

export type SignInReservation = { ok: true; attemptId: bigint } | { ok: false; reason: "locked" | "limited" };

/**
 * Reserves one password check for the account and the address, or refuses. A reserved
 * attempt counts as a failure until settleSignIn says it succeeded, so at most
 * SIGN_IN_MAX_FAILURES checks run for one account however many arrive at once.
 */
export async function reserveSignIn(email: string, ip: string | null, now = new Date()): Promise<SignInReservation> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const result = await locked(async (tx): Promise<SignInReservation> => {
    // Always the address first, then the account: two requests never wait on each other in turn.
    if (ip) await lock(tx, `sign-in:ip:${ip}`);
    await lock(tx, `sign-in:account:${email}`);
    const failed = { succeeded: false, passwordChecked: true, createdAt: { gt: since } };
    const refuse = async (reason: "locked" | "limited") => {
      await tx.signInAttempt.create({ data: { email, ip, succeeded: false, passwordChecked: false, createdAt: now } });
      return { ok: false, reason } as const;
    };
    if (ip && (await tx.signInAttempt.count({ where: { ip, ...failed } })) >= SIGN_IN_MAX_FAILURES_PER_ADDRESS) return refuse("limited");
    if ((await tx.signInAttempt.count({ where: { email, ...failed } })) >= SIGN_IN_MAX_FAILURES) return refuse("locked");
    const attempt = await tx.signInAttempt.create({ data: { email, ip, succeeded: false, passwordChecked: true, createdAt: now }, select: { id: true } });
    return { ok: true, attemptId: attempt.id };
  });
  if (!result.ok) console.info(`[auth] sign-in refused (${result.reason}) for ${email} from ${ip ?? "unknown"}`);
  return result;
}

/** Records the outcome of a reserved password check. */
export async function settleSignIn(attemptId: bigint, outcome: { userId: string | null; succeeded: boolean; email: string; ip: string | null }) {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { userId: outcome.userId, succeeded: outcome.succeeded } });
  console.info(`[auth] sign-in ${outcome.succeeded ? "succeeded" : "failed"} for ${outcome.email} from ${outcome.ip ?? "unknown"}`);
}

/**
 * Counts one hit in the bucket and says whether it is within the limit. Hits over the
 * limit are not recorded, so a blocked client does not extend its own block.
 */
export async function takeRateLimit(bucket: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  return locked(async (tx) => {
    await lock(tx, `rate:${bucket}`);
    const used = await tx.rateLimitHit.count({ where: { bucket, createdAt: { gt: since } } });
    if (used >= limit) return false;
    await tx.rateLimitHit.create({ data: { bucket, createdAt: now } });
    return true;
  });
}

/** Deletes limit rows older than any window (run at start-up and daily). */
export async function pruneLimitRows(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - PRUNE_AFTER_MS);
  const [attempts, hits, sessions] = await db.$transaction([
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db.rateLimitHit.deleteMany({ where: { createdAt: { lt: before } } }),
    db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: before } }] } }),
  ]);
  return attempts.count + hits.count + sessions.count;
}
