import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { readEnv } from "@/lib/env.ts";
import { clientIpFrom } from "@/lib/http/client-ip.ts";
import { checkCredentials } from "./credentials.ts";
import { createSession, revokeSession, SESSION_MAX_AGE_S } from "./session-store.ts";
import { authCookies, secureCookies } from "@/lib/security/cookies.ts";
import { ensureAuthSecret } from "./secret.ts";

export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

export class AddressLimited extends CredentialsSignin {
  code = "limited";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(1024) });

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
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password, clientIpFrom(request?.headers));
        if (result.ok) return result.user;
        if (result.reason === "locked") throw new AccountLocked();
        if (result.reason === "limited") throw new AddressLimited();
        return null;
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
      }
      return token;
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
