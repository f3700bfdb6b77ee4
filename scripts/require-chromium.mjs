// Runs before the browser tests: Playwright cannot download a browser here, so it
// drives the system's Chromium. Say how to get it instead of failing obscurely.
import fs from "node:fs";

// The same list as tests/helpers/chromium.ts: the headless shell first, then the full browser.
const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].filter(Boolean);
if (!candidates.some((path) => fs.existsSync(path))) {
  console.error(
    "Chromium not found. Install it (Debian/Ubuntu: sudo apt-get install chromium chromium-headless-shell) or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}
