import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts.ts";
import { openPageType, PAGE_TYPES, type Viewer } from "./support/page-types.ts";

// axe-core on every page type, in both languages, for every role: no serious or critical
// violation of WCAG 2.2 A/AA (colour contrast included). Each page is also opened on a
// 360 px wide phone, where it must not scroll sideways.

const ACCOUNTS: Record<Exclude<Viewer, "guest">, string> = {
  donor: DEMO.donor,
  aggregator: DEMO.aggregator,
  staff: DEMO.staff,
  admin: DEMO.admin,
};

async function sessionFor(browser: Browser, viewer: Viewer) {
  if (viewer === "guest") return undefined;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS[viewer]);
  const state = await context.storageState();
  await context.close();
  return state;
}

for (const viewer of Object.keys(PAGE_TYPES) as Viewer[]) {
  test.describe(`accessibility as ${viewer}`, () => {
    let storageState: Awaited<ReturnType<typeof sessionFor>>;
    test.beforeAll(async ({ browser }) => {
      storageState = await sessionFor(browser, viewer);
    });

    for (const type of PAGE_TYPES[viewer]) {
      for (const locale of ["id", "en"] as const) {
        test(`${type.name} (${locale})`, async ({ browser, baseURL }) => {
          // axe over a 267-row table takes a while on a busy two-core machine.
          test.setTimeout(90_000);
          const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
          await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
          const page = await context.newPage();
          const url = await openPageType(page, type);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);

          const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
          const serious = results.violations
            .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
            .map((violation) => ({
              id: violation.id,
              impact: violation.impact,
              nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
            }));
          expect(serious, `${url}`).toEqual([]);

          await page.setViewportSize({ width: 360, height: 800 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${url} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
          await context.close();
        });
      }
    }
  });
}
