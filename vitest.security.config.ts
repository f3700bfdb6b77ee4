import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `npm run test:security`, first half: the fuzz and header/cookie unit tests in
// tests/security, on the same per-file PGlite databases as the integration tests.
// The browser half is playwright.security.config.ts.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/security/**/*.test.ts"],
    exclude: ["tests/security/e2e/**", "**/node_modules/**"],
    setupFiles: [...(base.test?.setupFiles as string[]), "tests/security/support/setup.ts"],
    // One action's 10,000 runs take up to a minute or two on a busy machine.
    testTimeout: 600_000,
  },
});
