// The Content-Security-Policy of every page, built per request around a fresh nonce
// (proxy.ts). Next.js reads the nonce from the request's policy and puts it on its own
// scripts; 'strict-dynamic' lets those load the rest of the bundle, so no script runs
// unless the server put it there. See docs/decisions/0012-security-suite.md.

export interface CspOptions {
  nonce: string;
  /** next dev: React's debugging needs eval, and dev styles are injected without a nonce. */
  dev: boolean;
  /** Served over https: ask the browser to upgrade any http subresource. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Style elements need the nonce; style attributes (progress bars set their width)
    // cannot carry one, so only attributes may be inline. They cannot run script.
    dev ? ["style-src", "'self'", "'unsafe-inline'"] : ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** For responses that are never a page (build assets, refusals): nothing may run in, frame or load from them. */
export const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
