import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record.ts";
import { db } from "@/lib/db/index.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { STAFF_ROLES } from "./errors.ts";
import { isRecoveryCodeShape, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpStep } from "./totp.ts";

// The second factor of staff and admin accounts: enrolment (a secret shown once as a QR
// code, confirmed with a code, and ten recovery codes), the 5-minute challenge between a
// correct password and the code, and checking a code so that each works only once.

export const CHALLENGE_MINUTES = 5;
export const needsSecondFactor = (role: Role) => STAFF_ROLES.includes(role);

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The secret to enrol with: the same one until it is confirmed, so a reload shows the same QR code. */
export async function pendingSecret(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } });
  if (user.totpPendingSecret) return user.totpPendingSecret;
  const secret = newTotpSecret();
  await db.user.updateMany({ where: { id: userId, totpPendingSecret: null }, data: { totpPendingSecret: secret } });
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } })).totpPendingSecret!;
}

/** Confirms enrolment with a code from the app; returns the recovery codes to show once, or null. */
export async function confirmEnrolment(
  actor: { id: string; organisationId: string },
  code: string,
  now = new Date(),
): Promise<string[] | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpPendingSecret: true } });
  const step = user.totpPendingSecret ? totpStep(user.totpPendingSecret, code, now.getTime()) : null;
  if (step === null) return null;
  const codes = newRecoveryCodes();
  const done = await db.$transaction(async (tx) => {
    const moved = await tx.$executeRaw`
      UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = ${now}, totp_last_step = ${step}, updated_at = ${now}
       WHERE id = ${actor.id} AND totp_pending_secret = ${user.totpPendingSecret}`;
    if (moved !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: actor.id, codeHash: recoveryCodeHash(c) })) });
    await recordAudit(tx, { actor, entityType: "user", entityId: actor.id, action: "user.second_factor_enabled" });
    return true;
  });
  return done ? codes : null;
}

export type CodeOutcome = "accepted" | "wrong" | "replayed";

/**
 * Checks a code from the app, or a recovery code, for a user who has a second factor.
 * Each is used up atomically: of two requests with one code, only one passes. A right
 * code used a second time is "replayed", not a guess.
 */
export async function consumeSecondFactor(userId: string, code: string, now = new Date()): Promise<CodeOutcome> {
  if (isRecoveryCodeShape(code) && !/^\d+$/.test(code.replace("-", ""))) {
    const used = await db.recoveryCode.updateMany({
      where: { userId, codeHash: recoveryCodeHash(code), usedAt: null },
      data: { usedAt: now },
    });
    return used.count === 1 ? "accepted" : "wrong";
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return "wrong";
  const step = totpStep(user.totpSecret, code, now.getTime());
  if (step === null) return "wrong";
  const taken = await db.$executeRaw`
    UPDATE app_user SET totp_last_step = ${step} WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
  return taken === 1 ? "accepted" : "replayed";
}

/** A correct password, waiting for the code: returns the token for the challenge cookie. */
export async function createChallenge(userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.signInChallenge.deleteMany({ where: { userId, expiresAt: { lt: now } } }),
    db.signInChallenge.create({
      data: { tokenHash: hash(token), userId, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000), createdAt: now },
    }),
  ]);
  return token;
}

/** The user a live challenge belongs to, or null. */
export async function challengeUser(token: string, now = new Date()) {
  const challenge = await db.signInChallenge.findUnique({
    where: { tokenHash: hash(token) },
    select: { expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, organisationId: true, active: true } } },
  });
  return challenge && challenge.expiresAt > now && challenge.user.active ? challenge.user : null;
}

export async function endChallenge(token: string) {
  await db.signInChallenge.deleteMany({ where: { tokenHash: hash(token) } });
}
