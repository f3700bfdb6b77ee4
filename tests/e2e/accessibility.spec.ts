import { test as base, expect, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { openPageType, PAGE_TYPES, type Viewer } from "./support/page-types.ts";

// axe-core on every page type, in both languages, for every role: no serious or critical
// violation of WCAG 2.2 A/AA (colour contrast included). Each page is also opened on a
// 360 px wide phone, where it must not scroll sideways. Signed-in roles start from the
// sessions tests/e2e/auth.setup.ts stored, so no test here signs in.

const SMOKE = ["donor/account", "aggregator/deliveries", "staff/review", "admin/users"];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 800 };

// One browser tab per role and worker, reused by every test of that role the worker runs,
// as a person moves from page to page. A new tab in a new context for each of the 62 tests
// started a renderer and compiled the app's scripts from scratch every time, which was most
// of this spec's cost (docs/decisions/0031-browser-cost.md). Each test still opens its own
// page, sets its own language and viewport, and reads nothing a test before it left.
const test = base.extend<object, { tabFor: (viewer: Viewer) => Promise<Page> }>({
  tabFor: [
    async ({ browser }, use, workerInfo) => {
      const tabs = new Map<Viewer, Page>();
      await use(async (viewer) => {
        const open = tabs.get(viewer);
        if (open && !open.isClosed()) return open;
        const context = await browser.newContext({
          baseURL: workerInfo.project.use.baseURL,
          storageState: viewer === "guest" ? undefined : authFile(viewer),
          viewport: DESKTOP,
        });
        const tab = await context.newPage();
        tabs.set(viewer, tab);
        return tab;
      });
      for (const tab of tabs.values()) await tab.context().close();
    },
    { scope: "worker" },
  ],
});

for (const viewer of Object.keys(PAGE_TYPES) as Viewer[]) {
  test.describe(`accessibility as ${viewer}`, () => {
    for (const type of PAGE_TYPES[viewer]) {
      // Both languages in one test: one walk to the page (list pages are followed once),
      // then the same address again in English.
      const smoke = (viewer === "guest" && type.name === "home") || SMOKE.includes(`${viewer}/${type.name}`);
      test(`${type.name} (id, en)`, { tag: smoke ? ["@smoke"] : [] }, async ({ tabFor, baseURL }) => {
        // axe's colour-contrast rule over a 267-row table, twice, takes a while on a busy two-core machine.
        test.setTimeout(90_000);
        const page = await tabFor(viewer);
        await page.context().addCookies([{ name: "NEXT_LOCALE", value: "id", url: baseURL! }]);
        await page.setViewportSize(DESKTOP);
        const url = await openPageType(page, type);
        // A stored session that had ended would land on the sign-in page and test that instead.
        if (viewer !== "guest") expect(new URL(url).pathname, "still signed in").not.toMatch(/^\/masuk/);
        for (const locale of ["id", "en"] as const) {
          if (locale === "en") {
            await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
            await page.setViewportSize(DESKTOP);
            await page.goto(url);
          }
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          expect((await seriousViolations(page)).serious, `${url} (${locale})`).toEqual([]);
          await page.setViewportSize(PHONE);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${url} (${locale}) scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
        }
      });
    }
  });
}
