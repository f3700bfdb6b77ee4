import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe.ts";

// Issue 16: /kolaborator lists verified organisations that chose to be public, with their
// confirmed aid (the figures are checked against the tables in
// tests/integration/collaborators.test.ts; non-public names by the privacy crawl).

test("the collaborator directory filters by kind and opens a collaborator's page, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/kolaborator");
  await expect(page.getByRole("heading", { level: 1, name: "Kolaborator KSBB" })).toBeVisible();
  const all = Number(/\d+/.exec(await page.getByRole("main").getByRole("status").innerText())![0]);
  expect(all).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel("Jenis").selectOption("AGGREGATOR");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/kind=AGGREGATOR/);
  const cards = page.locator("[data-collaborator]");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  for (let i = 0; i < count; i++) await expect(cards.nth(i).locator(".badge")).toHaveText("Agregator");
  const shown = Number(/\d+/.exec(await page.getByRole("main").getByRole("status").innerText())![0]);
  expect(shown).toBeLessThan(all);

  const first = cards.first().getByRole("link");
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Bantuan yang dikonfirmasi" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Laporkan masalah tentang ${name}` })).toHaveAttribute("href", /tentang=organisation/);

  // A name that matches nobody says so.
  await page.goto("/kolaborator?q=zzzz-tidak-ada");
  await expect(page.getByText("Tidak ada kolaborator yang cocok dengan saringan ini.")).toBeVisible();
  // An organisation that is not a public collaborator has no page.
  expect((await page.goto("/kolaborator/org_tidak_ada"))!.status()).toBe(404);
});

test("the collaborator directory works in English", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/kolaborator?kind=COMPANY");
  await expect(page.getByRole("heading", { level: 1, name: "KSBB collaborators" })).toBeVisible();
  await expect(page.getByLabel("Kind")).toHaveValue("COMPANY");
  await context.close();
});

test("a need links to its program's page, with progress per unit, needs and collaborators", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/kebutuhan?category=PANGAN");
  await page.getByRole("article").first().getByRole("link").first().click();
  await page.waitForURL(/\/kebutuhan\/[^/?]+$/);
  const programLink = page.locator("main a[href^='/program/']");
  const name = (await programLink.innerText()).trim();
  await programLink.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Kemajuan per satuan" }).locator("[data-unit]").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Kebutuhan yang paling mendesak" }).getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/kebutuhan\//,
  );
  await expect(page.getByRole("region", { name: "Kolaborator program ini" })).toBeVisible();
  expect((await seriousViolations(page)).serious).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect((await page.goto("/program/tidak-ada"))!.status()).toBe(404);
});
