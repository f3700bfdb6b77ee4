import { expect, test } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { openPageType, PAGE_TYPES, type Viewer } from "./support/page-types.ts";

// axe-core on every page type, in both languages, for every role: no serious or critical
// violation of WCAG 2.2 A/AA (colour contrast included). Each page is also opened on a
// 360 px wide phone, where it must not scroll sideways. Signed-in roles start from the
// sessions tests/e2e/auth.setup.ts stored, so no test here signs in.

const SMOKE = ["donor/account", "aggregator/deliveries", "staff/review", "admin/users"];

for (const viewer of Object.keys(PAGE_TYPES) as Viewer[]) {
  test.describe(`accessibility as ${viewer}`, () => {
    for (const type of PAGE_TYPES[viewer]) {
      // Both languages in one test: one browser context, one walk to the page (list pages
      // are followed once), then the same address again in English.
      const smoke = (viewer === "guest" && type.name === "home") || SMOKE.includes(`${viewer}/${type.name}`);
      test(`${type.name} (id, en)`, { tag: smoke ? ["@smoke"] : [] }, async ({ browser, baseURL }) => {
        // axe's colour-contrast rule over a 267-row table, twice, takes a while on a busy two-core machine.
        test.setTimeout(90_000);
        const storageState = viewer === "guest" ? undefined : authFile(viewer);
        const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
        await context.addCookies([{ name: "NEXT_LOCALE", value: "id", url: baseURL! }]);
        const page = await context.newPage();
        const url = await openPageType(page, type);
        // A stored session that had ended would land on the sign-in page and test that instead.
        if (storageState) expect(new URL(url).pathname, "still signed in").not.toMatch(/^\/masuk/);
        for (const locale of ["id", "en"] as const) {
          if (locale === "en") {
            await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
            await page.setViewportSize({ width: 1280, height: 900 });
            await page.goto(url);
          }
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          expect((await seriousViolations(page)).serious, `${url} (${locale})`).toEqual([]);
          await page.setViewportSize({ width: 360, height: 800 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${url} (${locale}) scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
        }
        await context.close();
      });
    }
  });
}
