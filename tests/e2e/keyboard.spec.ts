import { expect, test, type Locator, type Page } from "@playwright/test";
import { confirmEmail } from "./support/mail.ts";
import { DEMO, DEMO_PASSWORD, enterDemoCode, unique } from "./support/accounts.ts";

// A keyboard-only visit: register as a donor, pledge to a need, and (as city staff)
// approve the pledge. No mouse clicks and no fill(): only Tab, typing, Space and Enter.
// Moving between addresses is done with page.goto, as a person would type an address.

/** Presses Tab until the element has focus; fails if it is not reachable in `max` steps. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) {
      // A visible focus indicator: the focused control has an outline or a box-shadow ring.
      const ring = await target.evaluate((element) => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none";
      });
      expect(ring, "focused control shows a focus indicator").toBe(true);
      return;
    }
  }
  throw new Error(`not reachable by Tab: ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test("register, pledge and review a pledge with the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `kibor-${unique()}@contoh.test`;

  // Register.
  await page.goto("/daftar/donatur");
  await typeInto(page, page.getByLabel("Nama Anda"), "Dewi Lestari");
  await typeInto(page, page.getByLabel("Email"), email);
  await typeInto(page, page.getByLabel("Kata sandi", { exact: true }), "sepeda ontel di menteng");
  await typeInto(page, page.getByLabel("Ulangi kata sandi"), "sepeda ontel di menteng");
  await tabTo(page, page.getByRole("button", { name: "Daftar" }));
  await page.keyboard.press("Enter");
  // Registration and sign-in hash a password (scrypt): allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });
  // A new address is confirmed through the e-mailed link before the first pledge.
  await confirmEmail(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();

  // Pledge to the first open need of the catalogue, following its link with Enter.
  await page.goto("/kebutuhan?status=OPEN&sort=deadline");
  await tabTo(page, page.getByRole("main").getByRole("article").first().getByRole("heading").getByRole("link"), 120);
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Janji bantuan", exact: true });
  await expect(panel).toBeVisible();
  await typeInto(page, panel.getByLabel(/^Jumlah/), "1");
  await tabTo(page, panel.getByLabel("Cara penyaluran"));
  // No aggregator is chosen for the donor: delivering directly, picked by typing on the list.
  await page.keyboard.type("Saya");
  await expect(panel.getByLabel("Cara penyaluran")).toHaveValue("DIRECT");
  const date = panel.getByLabel("Rencana tanggal penyaluran");
  const min = (await date.getAttribute("min"))!;
  const [year, month, day] = min.split("-");
  await tabTo(page, date);
  await page.keyboard.type(`${month}${day}${year}`);
  await expect(date).toHaveValue(min);
  await tabTo(page, panel.getByRole("button", { name: "Kirim janji" }));
  await page.keyboard.press("Enter");
  const created = page.getByRole("status").filter({ hasText: "Janji terkirim" });
  await expect(created).toBeVisible();
  const reference = (await created.textContent())!.match(/KSBB-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
  // The form confirms in place, then opens the new pledge's page.
  await page.waitForURL(/\/janji\/[^/?]+/);

  // Sign out with the keyboard.
  await tabTo(page, page.getByRole("button", { name: "Keluar", exact: true }), 120);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();

  // Staff sign in and approve it from the review list.
  await page.goto("/masuk");
  await typeInto(page, page.getByLabel("Email"), DEMO.staff);
  await typeInto(page, page.getByLabel("Kata sandi"), DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await enterDemoCode(page, { keyboard: true });
  // Registration and sign-in hash a password (scrypt): allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/staf/janji");
  await typeInto(page, page.getByLabel("Kode janji"), reference);
  await page.keyboard.press("Enter");
  const choose = page.getByLabel(`Pilih ${reference}`);
  await expect(choose).toBeVisible();
  await tabTo(page, choose);
  await page.keyboard.press("Space");
  await expect(choose).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Setujui yang dipilih" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "1 janji diproses" })).toBeVisible();
});
