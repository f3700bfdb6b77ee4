import fs from "node:fs";

// Playwright cannot download its own browsers here: it drives Debian's Chromium.
// CHROMIUM_PATH overrides the path on other machines.

const firstPresent = (candidates: (string | undefined)[]) =>
  candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));

/** The full browser (Lighthouse, screenshots). */
export function chromiumPath(): string | undefined {
  return firstPresent([process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]);
}

/**
 * The browser for the test suites: Chromium's headless shell where it is installed
 * (Debian: chromium-headless-shell), as Playwright itself uses for headless runs. It draws
 * the same pages with less work than the full browser; on two cores the suite spent most
 * of its time in the browser (docs/decisions/0031-browser-cost.md). Otherwise the full one.
 */
export function testBrowserPath(): string | undefined {
  return (
    firstPresent([process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"]) ??
    chromiumPath()
  );
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
