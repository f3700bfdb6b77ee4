import os from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { reuseBuild } from "./tests/helpers/build.ts";
import { CHROMIUM_ARGS, testBrowserPath } from "./tests/helpers/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The mail catcher's ports follow the app's, so suites on other ports do not clash (tests/e2e/support/mail.ts).
const mailSmtpPort = port + 1000;
const mailHttpPort = port + 1001;

// Browser workers: one per core, at most 4. The server is one Node.js process (the
// embedded database belongs to one process), so past a few workers tests only queue for
// it; it needs a core of its own too, but on two cores two workers still finish sooner
// than one, as one worker's browser runs while the other's page renders.
// E2E_WORKERS overrides (e.g. E2E_WORKERS=1 on a very busy machine).
const workers = Number(process.env.E2E_WORKERS) || Math.min(4, Math.max(1, os.availableParallelism()));

// E2E_SKIP_BUILD=1 reuses the last build, =fresh only while it is newer than every source
// file (tests/helpers/build.ts); without a build there is nothing to reuse, so it builds.
const skipBuild = reuseBuild();

// The suite builds and serves the production app on its own embedded database
// (.data/e2e, recreated every run), so it never touches a developer's data.
// See docs/decisions/0024-fast-e2e-suite.md for what keeps it fast.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers,
  // No retries for `npm test`: a test that fails once is a failure. In CI one retry, and the
  // list reporter marks a test that passed only on its retry as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A trace records every action's DOM and a screencast, and cost the browser about a
    // third of its work on a passing test (docs/decisions/0031-browser-cost.md). A failing
    // test keeps its screenshot; in CI its retry records a trace. E2E_TRACE=on records all.
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: testBrowserPath(), args: CHROMIUM_ARGS },
  },
  projects: [
    // Signs each demo role in once and stores the sessions in .auth/ (tests/e2e/auth.setup.ts).
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    // The privacy crawl is the longest test by far (minutes): its own project, listed first,
    // so that it starts first and the rest of the suite runs beside it instead of after it.
    {
      name: "crawl",
      testMatch: /privacy-crawl\.spec\.ts$/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "chromium",
      testIgnore: [/auth\.setup\.ts$/, /privacy-crawl\.spec\.ts$/],
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: [
    {
      command: `npx tsx tests/e2e/support/mail-catcher.ts ${mailSmtpPort} ${mailHttpPort}`,
      url: `http://127.0.0.1:${mailHttpPort}/`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: `node -e "require('fs').rmSync('.data/e2e',{recursive:true,force:true})" && ${
        skipBuild ? "" : "KSBB_BUILD_SKIP_TYPECHECK=1 npm run build && "
      }npm start -- -p ${port}`,
      url: baseURL,
      // Tests give each browser context its own address in X-Forwarded-For, as one trusted
      // proxy in front would, so the per-address limits see many visitors.
      // Mail goes to the catcher as soon as each change commits; links point at this server.
      env: {
        KSBB_DATA_DIR: ".data/e2e",
        DATABASE_URL: "",
        TRUSTED_PROXY_HOPS: "1",
        SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
        PUBLIC_URL: baseURL,
      },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
