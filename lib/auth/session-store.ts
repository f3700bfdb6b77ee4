import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

// Server-side sessions behind the signed cookie. The cookie (an Auth.js JWT) names a row
// here, and every request re-reads that row with the user (lib/auth/guards.ts), so a
// revoked session is refused by every instance at once, with no sticky sessions.

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

type Client = Prisma.TransactionClient | typeof db;

/** A new session for a user who just proved who they are; returns its id for the cookie. */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    // The user's expired or revoked sessions are of no more use: prune them on the way.
    db.userSession.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] } }),
    db.userSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
  ]);
  return id;
}

export async function sessionIsLive(sessionId: string, now = new Date()): Promise<boolean> {
  return (await db.userSession.count({ where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } } })) === 1;
}

/** Ends one session (sign-out). */
export async function revokeSession(sessionId: string, client: Client = db) {
  await client.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the user, or every other one (password change keeps the caller's own). */
export async function revokeUserSessions(userId: string, options: { except?: string } = {}, client: Client = db): Promise<number> {
  const { count } = await client.userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
