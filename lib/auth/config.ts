import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/index.ts";
import { readEnv } from "@/lib/env.ts";
import { DUMMY_HASH, verifyPassword } from "./password.ts";
import { recordSignIn, signInLocked } from "./rate-limit.ts";
import { authCookies, secureCookies } from "@/lib/security/cookies.ts";
import { ensureAuthSecret } from "./secret.ts";

export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(1024) });

export function clientIp(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

const env = readEnv();
const secure = secureCookies(env);

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: ensureAuthSecret(env),
  trustHost: true,
  // Secure in production whatever the proxy says about the scheme (lib/security/cookies.ts).
  useSecureCookies: secure,
  cookies: authCookies(secure),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/masuk" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIp(request);
        if (await signInLocked(email)) {
          await recordSignIn({ email, userId: null, ip, succeeded: false });
          throw new AccountLocked();
        }
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, name: true, email: true, passwordHash: true, active: true, role: true, organisationId: true },
        });
        const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
        const succeeded = Boolean(user && user.active && user.passwordHash && valid);
        await recordSignIn({ email, userId: user?.id ?? null, ip, succeeded });
        return succeeded && user
          ? { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisationId }
          : null;
      },
    }),
  ],
  callbacks: {
    // The session carries id, role and organisation for display. Every guard re-reads
    // them from the database (lib/auth/guards.ts), so a demoted user loses access at once.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.organisationId = user.organisationId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = token.role;
      session.user.organisationId = token.organisationId;
      return session;
    },
  },
});
