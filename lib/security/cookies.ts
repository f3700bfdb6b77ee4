import type { Env } from "@/lib/env.ts";

// One rule for every cookie the portal sets: HttpOnly (no script reads them), SameSite=Lax
// (not sent on cross-site POSTs), and Secure in production. Secure fails safe: a server
// that forgets to pass on x-forwarded-proto still marks cookies Secure. Browsers accept
// Secure cookies from http://localhost, so `npm start` works locally; only plain http on
// another host needs KSBB_INSECURE_COOKIES=1, never a real deployment.
export function secureCookies(env: Pick<Env, "NODE_ENV" | "KSBB_INSECURE_COOKIES">): boolean {
  return env.NODE_ENV === "production" && env.KSBB_INSECURE_COOKIES !== "1";
}

export function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

/** The session cookie's name without its __Secure- prefix; Auth.js adds .0, .1 … when it splits a large token. */
export const SESSION_COOKIE_NAME = "authjs.session-token";

/** Auth.js's session cookie, spelled out so a library default can never loosen it. */
export function authCookies(secure: boolean) {
  return {
    sessionToken: { name: `${secure ? "__Secure-" : ""}${SESSION_COOKIE_NAME}`, options: cookieOptions(secure) },
  };
}

/** True when a Cookie header carries a session cookie (either prefix, whole or split): a signed-in request. */
export function hasSessionCookie(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((part) => {
    const name = part
      .trim()
      .split("=", 1)[0]!
      .replace(/^__Secure-/, "");
    return name === SESSION_COOKIE_NAME || name.startsWith(`${SESSION_COOKIE_NAME}.`);
  });
}

/** The 5-minute cookie between a correct password and the second factor (lib/auth/second-factor.ts). */
export function challengeCookie(secure: boolean) {
  return { name: `${secure ? "__Host-" : ""}ksbb.sign-in-challenge`, options: { ...cookieOptions(secure), maxAge: 5 * 60 } };
}
