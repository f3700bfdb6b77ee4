import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { DENY_ALL_CSP } from "./lib/security/csp.ts";
import { BODY_LIMIT_MB } from "./lib/security/limits.ts";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU parser (see npm run budget).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["id", "en"], precompile: true } },
});

// Headers for every response. The Content-Security-Policy of pages and route handlers
// carries a per-request nonce and is set in proxy.ts; build assets, which the proxy
// skips, get a policy that allows nothing. HSTS only in production builds (`next build`
// runs with NODE_ENV=production); browsers ignore it over plain http, so a local
// `npm start` is unaffected.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // PGlite loads its own WebAssembly files at run time: bundled, their paths break.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // The browser suites build with KSBB_BUILD_SKIP_TYPECHECK=1: `npm test` runs `npm run typecheck`
  // first, where types are checked (a third of the build's time on two cores); every other build checks them.
  typescript: { ignoreBuildErrors: process.env.KSBB_BUILD_SKIP_TYPECHECK === "1" },
  // Room for three 5 MB delivery photos, and for the CSV import of needs (4 MB at most,
  // lib/needs/import.ts); see lib/security/limits.ts. An oversized field, photo or file
  // then reaches our code and gets a message next to it instead of a generic error page.
  // The proxy buffers bodies up to its own limit (10 MB by default) and silently cuts the
  // rest, which would break uploads; a little above ours, a chunked body with no
  // Content-Length (which the proxy cannot refuse early) still meets Next.js's own check.
  experimental: {
    serverActions: { bodySizeLimit: `${BODY_LIMIT_MB}mb` },
    proxyClientMaxBodySize: `${BODY_LIMIT_MB + 1}mb`,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/_next/:kind(static|image)/:path*", headers: [{ key: "Content-Security-Policy", value: DENY_ALL_CSP }] },
      // The map's shapes (scripts/build-map.ts): the file name changes with the content.
      { source: "/map/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
