import fs from "node:fs";
import path from "node:path";

// Whether the browser tests may reuse the last production build (.next) instead of
// building: E2E_SKIP_BUILD=1 reuses any build there is; E2E_SKIP_BUILD=fresh only one that
// is newer than every file the build reads (npm run test:quick). A clean clone has no
// build, so it builds either way.

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "prisma/schema.prisma",
];
// Generated at install, not edited; test files are not part of the build.
const IGNORED = /(^|\/)lib\/generated\/|\.test\.ts$/;

function newestSource(root: string): number {
  let newest = 0;
  for (const entry of SOURCES) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) continue;
    const files = fs.statSync(full).isDirectory()
      ? (fs.readdirSync(full, { recursive: true }) as string[]).map((file) => path.join(full, file))
      : [full];
    for (const file of files) {
      if (IGNORED.test(file.split(path.sep).join("/"))) continue;
      const stat = fs.statSync(file);
      if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

export function reuseBuild(root = process.cwd(), mode = process.env.E2E_SKIP_BUILD): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  // npm run build writes both: the Next.js build and the compiled server (dist/).
  if (!mode || !fs.existsSync(buildId) || !fs.existsSync(path.join(root, "dist", "server.mjs"))) return false;
  if (mode !== "fresh") return true;
  return fs.statSync(buildId).mtimeMs > newestSource(root);
}
