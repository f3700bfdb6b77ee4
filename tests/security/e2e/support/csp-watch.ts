import type { Page } from "@playwright/test";

/**
 * Collects every Content-Security-Policy violation on the page, from the DOM event and
 * from Chromium's console message, so a blocked script (ours or an attacker's) is seen.
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sample})`);
    });
  });
  return async () => {
    const fromPage = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
    return [...new Set([...fromPage, ...messages])];
  };
}

/** True once Next.js's own scripts (which need the nonce) have run. */
export async function hydrated(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version), null, { timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
}
