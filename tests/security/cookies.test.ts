import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import { describe, expect, it } from "vitest";
import { authCookies, secureCookies } from "@/lib/security/cookies.ts";

// The browser suite signs in over http://localhost (tests/security/e2e/cookies.spec.ts).
// Here Auth.js itself, with the portal's cookie settings, answers an https request.

describe("secureCookies", () => {
  it("is on in production unless explicitly turned off for plain http", () => {
    expect(secureCookies({ NODE_ENV: "production", KSBB_INSECURE_COOKIES: undefined })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", KSBB_INSECURE_COOKIES: "0" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", KSBB_INSECURE_COOKIES: "1" })).toBe(false);
    expect(secureCookies({ NODE_ENV: "development", KSBB_INSECURE_COOKIES: undefined })).toBe(false);
  });
});

function authjs(secure: boolean) {
  const config = {
    secret: "x".repeat(32),
    trustHost: true,
    basePath: "/api/auth",
    useSecureCookies: secure,
    cookies: authCookies(secure),
    session: { strategy: "jwt" as const },
    providers: [Credentials({ credentials: { email: {} }, authorize: async () => ({ id: "user_1", email: "warga@contoh.test" }) })],
  };
  return (request: Request) => Auth(request, config);
}

function cookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split("=")[0]!, line]));
}

async function signIn(secure: boolean, origin: string) {
  const handler = authjs(secure);
  const csrf = await handler(new Request(`${origin}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = [...cookies(csrf).values()].map((line) => line.split(";")[0]).join("; ");
  const response = await handler(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, email: "warga@contoh.test" }),
    }),
  );
  return cookies(response);
}

describe("Auth.js cookies with the portal's settings", () => {
  it("in production over https: the session cookie is __Secure-, HttpOnly, SameSite=Lax, Secure", async () => {
    const set = await signIn(true, "https://ksbb.jakarta.example");
    const session = set.get("__Secure-authjs.session-token");
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Secure/);
    for (const line of set.values()) expect(line, line).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
  });

  it("with KSBB_INSECURE_COOKIES=1 over http: still HttpOnly and SameSite=Lax, not Secure", async () => {
    const set = await signIn(false, "http://192.0.2.10:3000");
    const session = set.get("authjs.session-token");
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/; Secure/);
  });
});
