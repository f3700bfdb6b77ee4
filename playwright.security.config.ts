import { defineConfig } from "@playwright/test";
import base from "./playwright.config.ts";

// `npm run test:security`, browser half: headers, cookies, Origin, body size, stored XSS
// and a CSP crawl of every page, against the same production build and server as the
// e2e suite (E2E_SKIP_BUILD=1 reuses the last build).
export default defineConfig({
  ...base,
  testDir: "tests/security/e2e",
  outputDir: "test-results/security",
  timeout: 120_000,
});
