import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { readEnv } from "@/lib/env.ts";
import { clientIpFrom } from "@/lib/http/client-ip.ts";
import { checkCode, checkCredentials } from "./credentials.ts";
import { createSession, revokeSession, SESSION_MAX_AGE_S, sessionIsLive } from "./session-store.ts";
import { cookies } from "next/headers";
import { authCookies, challengeCookie, secureCookies } from "@/lib/security/cookies.ts";
import { challengeUser, createChallenge, endChallenge, consumeSecondFactor } from "./second-factor.ts";
import { ensureAuthSecret } from "./secret.ts";

export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

export class AddressLimited extends CredentialsSignin {
  code = "limited";
}

export class ServerBusy extends CredentialsSignin {
  code = "busy";
}

/** The password was right; the second factor is asked for next (/masuk/kode). */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second-factor";
}

export class SecondFactorWrong extends CredentialsSignin {
  code = "second-factor-wrong";
}

const code = z.string().trim().max(20).optional();
const credentials = z.union([
  // Step two of a staff sign-in: the challenge cookie's token and the code.
  z.object({ challenge: z.string().min(20).max(100), code: z.string().trim().min(6).max(20) }),
  // A password, and for staff either the code at once (scripts) or a challenge next (the form).
  z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(1024), code }),
]);

function refuse(reason: "invalid" | "locked" | "limited" | "busy"): null {
  if (reason === "locked") throw new AccountLocked();
  if (reason === "limited") throw new AddressLimited();
  if (reason === "busy") throw new ServerBusy();
  return null;
}

const env = readEnv();
const secure = secureCookies(env);

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: ensureAuthSecret(env),
  trustHost: true,
  // Secure in production whatever the proxy says about the scheme (lib/security/cookies.ts).
  useSecureCookies: secure,
  cookies: authCookies(secure),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/masuk" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {}, challenge: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientIpFrom(request?.headers);
        if ("challenge" in parsed.data) {
          const user = await challengeUser(parsed.data.challenge);
          if (!user) return null;
          const checked = await checkCode(user, parsed.data.code, ip, consumeSecondFactor);
          if (!checked.ok) {
            if (checked.reason === "invalid") throw new SecondFactorWrong();
            return refuse(checked.reason);
          }
          await endChallenge(parsed.data.challenge);
          (await cookies()).delete(challengeCookie(secure).name);
          return user;
        }
        const result = await checkCredentials(parsed.data.email, parsed.data.password, ip);
        if (!result.ok) return refuse(result.reason);
        if (!result.user.secondFactor) return result.user;
        if (parsed.data.code) {
          const checked = await checkCode(result.user, parsed.data.code, ip, consumeSecondFactor);
          if (checked.ok) return result.user;
          return checked.reason === "invalid" ? null : refuse(checked.reason);
        }
        const challenge = challengeCookie(secure);
        (await cookies()).set(challenge.name, await createChallenge(result.user.id), challenge.options);
        throw new SecondFactorRequired();
      },
    }),
  ],
  callbacks: {
    // The token names a server-side session (lib/auth/session-store.ts). Every guard
    // re-reads the session and the user from the database (lib/auth/guards.ts), so a
    // revoked session, a demoted or a deactivated user loses access at once.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await createSession(user.id);
        token.role = user.role;
        token.organisationId = user.organisationId;
        return token;
      }
      // An ended session is no session for Auth.js either (/api/auth/session, auth()):
      // null deletes the cookie. lib/auth/session.ts asks this at most once a minute per token.
      return token.sid && (await sessionIsLive(token.sid)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      session.user.role = token.role;
      session.user.organisationId = token.organisationId;
      return session;
    },
  },
  events: {
    // Both the header's button and Auth.js's own /api/auth/signout end up here.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(sid);
    },
  },
});
