import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, DENY_ALL_CSP } from "@/lib/security/csp.ts";
import { BODY_LIMIT_BYTES } from "@/lib/security/limits.ts";
import { GUEST_CACHE_HEADER, guestCacheSeconds, isGuestCacheable } from "@/lib/http/guest-pages.ts";

// Runs before every page, route handler and server action (not before build assets,
// which get their headers from next.config.ts). It is never the access check: guards
// in lib/auth are. See docs/decisions/0012-security-suite.md.

export function proxy(request: NextRequest) {
  // Next.js refuses cross-site and oversized server actions too, but with a 500 and only
  // for actions; these refuse every request, route handlers included, before any work.
  if (crossSiteWrite(request)) return refuse(403);
  // A NUL character never belongs in an address, and PostgreSQL fails on one in a query.
  if (/%00/.test(request.url)) return refuse(400);
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT_BYTES) return refuse(413);
  // A server action called from a page's JavaScript answers with RSC data, never HTML, so
  // there is no script to give a nonce to; its answer still gets a policy that allows nothing.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", DENY_ALL_CSP);
    return response;
  }
  const nonce = createNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https",
  });
  // Next.js takes the nonce for its own scripts from the request's policy header.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // The same page for every guest: a cache in front may keep it for a few seconds.
  const seconds = guestCacheSeconds();
  if (seconds > 0 && isGuestCacheable(request.method, request.nextUrl.pathname, request.headers.get("cookie") ?? ""))
    response.headers.set(GUEST_CACHE_HEADER, String(seconds));
  return response;
}

function refuse(status: 400 | 403 | 413) {
  return new NextResponse(null, { status, headers: { "Content-Security-Policy": DENY_ALL_CSP } });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request whose browser says it comes from another site (or from an
 * opaque origin: "null"). The host is compared as Next.js does for server actions:
 * x-forwarded-host when a proxy sets it, else Host. No Origin at all (curl, old browsers)
 * passes, as in Next.js: such a request carries no one else's cookies.
 */
function crossSiteWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    // An Origin header that is not a URL is not this site: refused as cross-site.
    return true;
  }
}

export const config = {
  // Everything but the build's static files and image optimisation.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
