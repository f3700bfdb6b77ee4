import "server-only";
import { ActionError } from "@/lib/actions/errors.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { takeRateLimit } from "@/lib/auth/rate-limit.ts";
import { revokeUserSessions } from "@/lib/auth/session-store.ts";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { portalLink, queueAccountMail } from "./mail.ts";
import { claimToken, CONFIRM_LINK_HOURS, issueToken, RESET_LINK_MINUTES, usableToken } from "./tokens.ts";

// Getting back into an account, and proving an address is one's own. Every e-mail goes
// to the outbox in the transaction of its change; the action sends the outbox after.

const HOUR_MS = 60 * 60 * 1000;
export const RESET_REQUESTS_PER_EMAIL_PER_HOUR = 3;
export const RESET_REQUESTS_PER_IP_PER_HOUR = 10;
export const CONFIRMATIONS_PER_USER_PER_HOUR = 3;
/** Mails to an owner about sign-ups with their address, so nobody can flood their inbox. */
const REGISTERED_AGAIN_MAILS_PER_DAY = 3;

/**
 * Sends a reset link if an active account has the address; says nothing either way.
 * Both limits count unknown addresses too, so being limited reveals nothing.
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<void> {
  const allowed =
    (await takeRateLimit(`reset:ip:${ip}`, RESET_REQUESTS_PER_IP_PER_HOUR, HOUR_MS, now)) &&
    (await takeRateLimit(`reset:email:${email}`, RESET_REQUESTS_PER_EMAIL_PER_HOUR, HOUR_MS, now));
  if (!allowed) throw new ActionError("RATE_LIMITED", "tooManyResetRequests");
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, active: true, organisationId: true } });
  if (!user?.active) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "PASSWORD_RESET", now);
    await queueAccountMail(tx, user.email, {
      kind: "reset",
      params: { link: portalLink(`/masuk/atur-ulang/${token}`), minutes: RESET_LINK_MINUTES },
    });
    await recordAudit(tx, { actor: user, entityType: "user", entityId: user.id, action: "user.password_reset_requested" });
  });
}

const LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether a reset link can still be used (for the page; the action checks again). */
export async function resetLinkUsable(token: string, now = new Date()): Promise<boolean> {
  return LINK_TOKEN.test(token) && (await usableToken(token, "PASSWORD_RESET", now)) !== null;
}

/** Whether a confirmation link can still be used (for the page; the action checks again). */
export async function confirmLinkUsable(token: string, now = new Date()): Promise<boolean> {
  return LINK_TOKEN.test(token) && (await usableToken(token, "EMAIL_CONFIRM", now)) !== null;
}

/** Sets the new password and ends every session of the user, in one transaction. */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<void> {
  // Checked before the (slow) hashing, so a wrong link costs no scrypt; claimed again below.
  if (!(await resetLinkUsable(token, now))) throw new ActionError("INVALID", "resetLinkInvalid");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const userId = await claimToken(tx, token, "PASSWORD_RESET", now);
    if (!userId) throw new ActionError("INVALID", "resetLinkInvalid");
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: { id: true, organisationId: true, emailVerifiedAt: true },
    });
    // The link came by e-mail, so the address is proven as well.
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
    const revoked = await revokeUserSessions(userId, {}, tx);
    await recordAudit(tx, {
      actor: user,
      entityType: "user",
      entityId: userId,
      action: "user.password_reset",
      metadata: { sessionsEnded: revoked },
    });
  });
}

/** Queues a confirmation link for a new address; `next` is where the link leads after. */
export async function queueEmailConfirmation(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string },
  next?: string,
  now = new Date(),
) {
  const token = await issueToken(tx, user.id, "EMAIL_CONFIRM", now);
  const query = next && next !== "/akun" ? `?next=${encodeURIComponent(next)}` : "";
  await queueAccountMail(tx, user.email, {
    kind: "confirm",
    params: { link: portalLink(`/konfirmasi/${token}${query}`), hours: CONFIRM_LINK_HOURS },
  });
}

/** "Send again": a new confirmation link, a few times an hour. False when already confirmed. */
export async function resendEmailConfirmation(userId: string, next?: string, now = new Date()): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) return false;
  if (!(await takeRateLimit(`confirm:user:${userId}`, CONFIRMATIONS_PER_USER_PER_HOUR, HOUR_MS, now))) {
    throw new ActionError("RATE_LIMITED", "tooManyConfirmRequests");
  }
  await db.$transaction((tx) => queueEmailConfirmation(tx, user, next, now));
  return true;
}

/** Marks the address confirmed; the link works once. */
export async function confirmEmail(token: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const userId = await claimToken(tx, token, "EMAIL_CONFIRM", now);
    if (!userId) throw new ActionError("INVALID", "confirmLinkInvalid");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, organisationId: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return;
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actor: user, entityType: "user", entityId: userId, action: "user.email_confirmed" });
  });
}

/** Someone registered with an address that has an account: its owner hears of it, nothing else happens. */
export async function tellOwnerOfRegistration(email: string, now = new Date()) {
  if (!(await takeRateLimit(`register:exists:${email}`, REGISTERED_AGAIN_MAILS_PER_DAY, 24 * HOUR_MS, now))) return;
  await db.$transaction((tx) =>
    queueAccountMail(tx, email, {
      kind: "registeredAgain",
      params: { signInLink: portalLink("/masuk"), resetLink: portalLink("/masuk/lupa") },
    }),
  );
}
