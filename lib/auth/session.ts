import "server-only";
import { cookies } from "next/headers";
import { readEnv } from "@/lib/env.ts";
import { authCookies, secureCookies } from "@/lib/security/cookies.ts";
import { auth } from "./config.ts";

// The session cookie is an encrypted, signed token (Auth.js JWT). Opening it costs key
// derivation and decryption on every request, so what a token says is kept for a minute:
// the same token always says the same thing (a token that expires meanwhile may be
// honoured up to that minute longer). The guards still
// re-read the session and the user from the database on every request (lib/auth/guards.ts),
// so a signed-out session, a deactivated or a demoted user loses access at once. A request without the cookie is a
// guest's, and Auth.js is not asked at all.

const SESSION_COOKIE = authCookies(secureCookies(readEnv())).sessionToken.name;
const REMEMBER_MS = 60_000;
const MAX_TOKENS = 10_000;
export interface SessionIdentity {
  userId: string;
  /** The server-side session the cookie names (lib/auth/session-store.ts). */
  sessionId: string;
}

const opened = new Map<string, { identity: SessionIdentity | null; until: number }>();

/** Who the session cookie says is signed in, or null. The only reader of the session. */
export async function sessionIdentity(): Promise<SessionIdentity | null> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  // Auth.js splits a large token into SESSION_COOKIE.0, .1, …: let it read those itself.
  const chunked = !token && jar.getAll().some((cookie) => cookie.name.startsWith(`${SESSION_COOKIE}.`));
  if (!token && !chunked) return null;
  const now = Date.now();
  const known = token ? opened.get(token) : undefined;
  if (known && known.until > now) return known.identity;
  const session = await auth();
  const identity = session?.user?.id && session.sessionId ? { userId: session.user.id, sessionId: session.sessionId } : null;
  if (token) {
    // A token that opens to no session (expired, forged) stays refused for the minute too.
    const expires = session?.expires ? Date.parse(session.expires) : now + REMEMBER_MS;
    if (opened.size >= MAX_TOKENS) opened.delete(opened.keys().next().value!);
    opened.set(token, { identity, until: Math.min(now + REMEMBER_MS, expires) });
  }
  return identity;
}
