import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../../e2e/support/accounts.ts";
import { appRoutes, placeholderPath, routePattern } from "./support/build.ts";
import { hydrated, watchCsp } from "./support/csp-watch.ts";

// Every page of the build, as a guest and as each demo role, in the browser with the
// real Content-Security-Policy: no violation is reported and Next.js's scripts run (so
// the nonce reaches them). Pages with parameters use a link found on the pages visited
// before (a real pledge, need or invitation), else a value that matches nothing.

const IDENTITIES = { guest: null, ...DEMO } as const;

for (const [identity, email] of Object.entries(IDENTITIES)) {
  test(`every page works under the policy for ${identity}`, async ({ page }) => {
    test.setTimeout(300_000);
    if (email) await signIn(page, email);
    const violations = await watchCsp(page);
    const { pages } = appRoutes();
    const seen = new Set<string>();
    const ordered = [...pages.filter((route) => !route.includes("[")), ...pages.filter((route) => route.includes("["))];
    for (const route of ordered) {
      const path = route.includes("[") ? ([...seen].find((link) => routePattern(route).test(link)) ?? placeholderPath(route)) : route;
      const response = await page.goto(path);
      expect(response?.status(), `${identity} ${path}`).toBeLessThan(500);
      expect(await hydrated(page), `${identity} ${path}: Next.js scripts ran`).toBe(true);
      for (const link of await sameSiteLinks(page)) seen.add(link);
      expect(await violations(), `${identity} ${path}`).toEqual([]);
    }
  });
}

async function sameSiteLinks(page: Page): Promise<string[]> {
  // getAttribute, not .href: links inside an SVG (the maps) have no string href.
  return page
    .locator("a[href^='/']")
    .evaluateAll((links) => links.map((link) => new URL(link.getAttribute("href")!, location.href).pathname));
}
