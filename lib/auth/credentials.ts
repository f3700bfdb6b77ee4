import "server-only";
import { db } from "@/lib/db/index.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { DUMMY_HASH, hashPassword, needsRehash, PasswordHasherBusy, verifyPassword } from "./password.ts";
import { reserveSignIn, settleSignIn } from "./rate-limit.ts";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  /** Staff and admins who enrolled an authenticator app must also give its code. */
  secondFactor: boolean;
}

export type CredentialsResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "locked" | "limited" | "busy" };

/** The sign-in check behind Auth.js's credentials provider: limits first, then the password. */
export async function checkCredentials(email: string, password: string, ip: string | null): Promise<CredentialsResult> {
  const reservation = await reserveSignIn(email, ip);
  if (!reservation.ok) return reservation;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, active: true, role: true, organisationId: true, totpEnabledAt: true },
  });
  // The account's hash, or one to verify against when there is none, so both take as long.
  const stored = user?.passwordHash ?? DUMMY_HASH;
  let valid: boolean;
  try {
    valid = await verifyPassword(password, stored);
  } catch (error) {
    if (!(error instanceof PasswordHasherBusy)) throw error;
    // Too many hashes waiting in this process: no guess was checked, so none is counted.
    await settleSignIn(reservation.attemptId, { userId: user?.id ?? null, succeeded: false, counted: false, email, ip });
    return { ok: false, reason: "busy" };
  }
  const succeeded = Boolean(user && user.active && user.passwordHash && valid);
  await settleSignIn(reservation.attemptId, { userId: user?.id ?? null, succeeded, email, ip });
  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  // A hash made with older, costlier parameters is replaced while the password is at hand.
  if (needsRehash(stored)) {
    // The old hash still works, so the sign-in stands; the failure (the database?) is logged, not hidden.
    await db.user
      .update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } })
      .catch((error: unknown) => console.error("[auth] replacing an old password hash failed", error));
  }
  const { id, name, role, organisationId } = user;
  return { ok: true, user: { id, name, email: user.email, role, organisationId, secondFactor: user.totpEnabledAt !== null } };
}

/** A wrong second-factor code counts as a failed sign-in of the account, against the same limits. */
export async function checkCode(
  user: { id: string; email: string },
  code: string,
  ip: string | null,
  consume: (userId: string, code: string) => Promise<"accepted" | "wrong" | "replayed">,
): Promise<CredentialsResult | { ok: true }> {
  const reservation = await reserveSignIn(user.email, ip);
  if (!reservation.ok) return reservation;
  const outcome = await consume(user.id, code);
  // A right code used twice is no guess at the code: it does not count towards the lock.
  await settleSignIn(reservation.attemptId, {
    userId: user.id,
    succeeded: outcome === "accepted",
    counted: outcome !== "replayed",
    email: user.email,
    ip,
  });
  return outcome === "accepted" ? { ok: true } : { ok: false, reason: "invalid" };
}
