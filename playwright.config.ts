import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/helpers/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The mail catcher's ports follow the app's, so suites on other ports do not clash (tests/e2e/support/mail.ts).
const mailSmtpPort = port + 1000;
const mailHttpPort = port + 1001;

// The suite builds and serves the production app on its own embedded database
// (.data/e2e, recreated every run), so it never touches a developer's data.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `npx tsx tests/e2e/support/mail-catcher.ts ${mailSmtpPort} ${mailHttpPort}`,
      url: `http://127.0.0.1:${mailHttpPort}/`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: `node -e "require('fs').rmSync('.data/e2e',{recursive:true,force:true})" && ${
        process.env.E2E_SKIP_BUILD ? "" : "npm run build && "
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
