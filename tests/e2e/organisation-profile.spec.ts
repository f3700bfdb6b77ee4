import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";

// An organisation's public profile: the demo donor (PT Cahaya Timur Makmur, verified and
// public) fills it in on /akun with a logo, then finds it on its /kolaborator page.
// The rules themselves (re-encoding, scoping, 404 while not public) are in
// tests/integration/organisation-profile.test.ts.

test.use({ storageState: authFile("donor") });

const ORGANISATION = "PT Cahaya Timur Makmur";

test("a donor fills in its public profile with a logo and sees it on its collaborator page, on a phone", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 360, height: 800 });
  const logo = await sharp({ create: { width: 300, height: 150, channels: 3, background: "#0f766e" } })
    .png()
    .toBuffer();
  const description = `Paket sembako setiap bulan untuk warga Jakarta Timur (uji ${Date.now()}).`;

  await page.goto("/akun");
  const section = page.getByRole("region", { name: "Profil publik" });
  await expect(section.getByText("Saat ini profil Anda tampil di halaman Kolaborator.")).toBeVisible();
  const website = section.getByLabel("Situs web (opsional)");

  // A web address that is not one is refused next to its field, and what was typed stays.
  await section.getByLabel("Deskripsi singkat (opsional)").fill(description);
  await website.fill("javascript:alert(1)");
  await section.getByRole("button", { name: "Simpan" }).click();
  await expect(website).toHaveAttribute("aria-invalid", "true");
  await expect(website).toHaveAccessibleDescription(/diawali https:\/\/ atau http:\/\//);
  await expect(section.getByLabel("Deskripsi singkat (opsional)")).toHaveValue(description);

  await website.fill("cahaya-uji.example");
  await section.getByLabel("Logo baru (opsional)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await section.getByRole("button", { name: "Simpan" }).click();
  await expect(section.getByRole("status")).toHaveText("Profil publik tersimpan.");
  await expect(website).toHaveValue("https://cahaya-uji.example");
  const preview = section.getByRole("img", { name: `Logo ${ORGANISATION}` });
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  expect((await seriousViolations(page)).serious).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await section.getByRole("link", { name: "Lihat halaman publik" }).click();
  await expect(page.getByRole("heading", { level: 1, name: ORGANISATION })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  const link = page.getByRole("link", { name: /cahaya-uji\.example/ });
  await expect(link).toHaveAttribute("href", "https://cahaya-uji.example");
  await expect(link).toHaveAttribute("rel", "noopener nofollow ugc");
  const shown = page.getByRole("img", { name: `Logo ${ORGANISATION}` });
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  const src = (await shown.getAttribute("src"))!;
  const served = await page.request.get(src);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await seriousViolations(page)).serious).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The logo can be taken off again; its public address then answers 404.
  await page.goto("/akun");
  await section.getByRole("button", { name: "Hapus logo" }).click();
  await expect(section.getByRole("status")).toHaveText("Logo dihapus.");
  await expect(section.getByText("Belum ada logo.")).toBeVisible();
  expect((await page.request.get(src)).status()).toBe(404);
});
