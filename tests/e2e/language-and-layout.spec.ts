import { expect, test } from "@playwright/test";

test("the language switch turns the portal to English and back, and remembers it", async ({ page }) => {
  await page.goto("/kebutuhan");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Needs" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Together we close the gaps in Jakarta" })).toBeVisible();
  // Numbers keep their grouping in either language.
  await expect(page.getByText(/\d{1,3}(,\d{3})+ food packages/).first()).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bersama menutup kebutuhan warga Jakarta" })).toBeVisible();
  await expect(page.getByText(/\d{1,3}(\.\d{3})+ paket pangan/).first()).toBeVisible();
});

for (const path of ["/", "/kebutuhan", "/kebutuhan?kelurahan=31.71.01.1001", "/kebutuhan/need_00001"]) {
  test(`${path} fits a 360 px phone without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
}

test("on a phone the menu folds behind one button and still reaches every page", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  const needs = page.getByRole("link", { name: "Daftar kebutuhan" });
  await expect(needs).toBeHidden();
  await page.getByText("Menu", { exact: true }).click();
  await needs.click();
  await expect(page.getByRole("heading", { level: 1, name: "Daftar kebutuhan" })).toBeVisible();
});
