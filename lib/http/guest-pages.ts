import { kelurahanPageParams, transparencyParams } from "@/lib/coverage/schema.ts";
import { catalogueFilterSchemas } from "@/lib/needs/schema.ts";
import { hasSessionCookie } from "@/lib/security/cookies.ts";

// The public pages whose answer is the same for every guest with the same language, each
// with the query parameters its page reads (taken from the page's own parameter schema).
// proxy.ts marks their answers to guests as cacheable (GUEST_CACHE_HEADER), and a cache
// in front keeps only answers so marked: the app's own (lib/http/page-cache.ts) or nginx
// (README, "A reverse proxy in front").

export const GUEST_PAGES: readonly { path: RegExp; params: readonly string[] }[] = [
  { path: /^\/$/, params: [] },
  { path: /^\/kebutuhan$/, params: Object.keys(catalogueFilterSchemas) },
  { path: /^\/kebutuhan\/[A-Za-z0-9_-]+$/, params: [] },
  { path: /^\/transparansi$/, params: Object.keys(transparencyParams.shape) },
  { path: /^\/transparansi\/kelurahan\/[0-9.]+$/, params: Object.keys(kelurahanPageParams.shape) },
  { path: /^\/data$/, params: [] },
  { path: /^\/daftar$/, params: [] },
];

/**
 * nginx's own header for how long it may keep an answer (it overrides Cache-Control and is
 * not passed on to browsers). Its absence means: never cache this answer.
 */
export const GUEST_CACHE_HEADER = "x-accel-expires";

/** The guest page a request path is, or undefined. */
export function guestPage(path: string) {
  return GUEST_PAGES.find((page) => page.path.test(path));
}

/** Whether the answer to this request may be kept for other guests: a GET or HEAD of a guest page without a session. */
export function isGuestCacheable(method: string, path: string, cookieHeader: string): boolean {
  return (method === "GET" || method === "HEAD") && guestPage(path) !== undefined && !hasSessionCookie(cookieHeader);
}

/** PAGE_CACHE_SECONDS (default 5; 0 turns guest caching off). */
export function guestCacheSeconds(value = process.env.PAGE_CACHE_SECONDS): number {
  const seconds = Math.floor(Number(value ?? 5));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
