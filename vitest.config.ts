import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The real package throws outside React Server Components; tests call the server code directly.
      "server-only": path.join(root, "tests/setup/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // *.pg.test.ts need a PostgreSQL server (TEST_DATABASE_URL, npm run test:pg); without
    // one they are not collected at all rather than reported as skipped.
    exclude: process.env.TEST_DATABASE_URL ? [] : ["**/*.pg.test.ts", "**/node_modules/**"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/next-mocks.ts", "tests/setup/db-per-file.ts"],
    // Two cores: two workers, each with its own database copy.
    // next-auth imports "next/server" without an extension, which Node's ESM loader
    // cannot resolve; letting Vite transform it resolves it as Next.js does.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
