import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so browsers get no ICU parser (see npm run budget).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["id", "en"], precompile: true } },
});

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // PGlite loads its own WebAssembly files at run time: bundled, their paths break.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Room for three 5 MB delivery photos, and for the CSV import of needs (4 MB at most,
  // lib/needs/import.ts). An oversized field, photo or file then reaches our code and
  // gets a message next to it instead of a generic error page; the schemas cap every
  // text field far lower.
  experimental: { serverActions: { bodySizeLimit: "16mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The map's shapes (scripts/build-map.ts): the file name changes with the content.
      { source: "/map/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
