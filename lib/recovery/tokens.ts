import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/index.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

// Single-use links sent by e-mail. Only the SHA-256 of a token is stored, as for
// invitations: someone who reads the database (or a backup) cannot use a link.

export type TokenPurpose = "PASSWORD_RESET" | "EMAIL_CONFIRM";

export const RESET_LINK_MINUTES = 30;
export const CONFIRM_LINK_HOURS = 48;
const LIFETIME_MS: Record<TokenPurpose, number> = {
  PASSWORD_RESET: RESET_LINK_MINUTES * 60_000,
  EMAIL_CONFIRM: CONFIRM_LINK_HOURS * 3_600_000,
};

type Tx = Prisma.TransactionClient;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new link for the user; returns the raw token, which only the e-mail carries. */
export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  // A new reset link retires the older ones, so only the latest e-mail can change the password.
  if (purpose === "PASSWORD_RESET") {
    await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  }
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: { userId, purpose, tokenHash: tokenHash(token), createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]) },
  });
  return token;
}

/** The user the token opens, if it is of this purpose, unused and not expired. */
export async function usableToken(
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
  client: Tx | typeof db = db,
): Promise<{ id: string; userId: string } | null> {
  const row = await client.accountToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return { id: row.id, userId: row.userId };
}

/** Uses the token up; of two requests racing with one link, only one gets the user id. */
export async function claimToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  const row = await usableToken(token, purpose, now, tx);
  if (!row) return null;
  const claimed = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1 ? row.userId : null;
}
