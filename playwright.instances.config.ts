import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, testBrowserPath } from "./tests/helpers/chromium.ts";
import { INSTANCE_PORTS } from "./tests/instances/config.ts";

// `npm run test:instances`: two production instances on one PostgreSQL database
// (TEST_DATABASE_URL), for what must hold across instances: a session ended on one is
// ended on all. Uses the last build (npm run build, or npm test's).
export default defineConfig({
  testDir: "tests/instances",
  outputDir: "test-results/instances",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${INSTANCE_PORTS[0]}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: testBrowserPath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx tests/instances/serve.ts",
    // The second instance starts with the first; wait for both.
    url: `http://localhost:${INSTANCE_PORTS[1]}/masuk`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
