import fs from "node:fs";

// Playwright cannot download its own browsers here: it drives Debian's Chromium.
// CHROMIUM_PATH overrides the path on other machines.
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

// Root needs --no-sandbox; the rest stop Chromium from calling out to the internet.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];
