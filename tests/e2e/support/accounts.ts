import { expect, type Page } from "@playwright/test";

// The demo accounts of the seed (prisma/seed/catalogue.ts), and sign-in through the UI.
export const DEMO_PASSWORD = "KsbbDemo#2026";
export const DEMO = {
  donor: "donor@ksbb.test",
  aggregator: "agregator@ksbb.test",
  staff: "staf@ksbb.test",
  admin: "admin@ksbb.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
}

/** A unique suffix, so a retried test never meets its own earlier registration. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Registers an individual donor; every registration ends on the "check your e-mail" page. */
export async function registerDonor(page: Page, email: string, password: string, name = "Rina Lestari") {
  if (!page.url().includes("/daftar/donatur")) await page.goto("/daftar/donatur");
  await page.getByLabel("Nama Anda").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi").fill(password);
  await page.getByRole("button", { name: "Daftar" }).click();
  // Registration hashes a password and signs in (scrypt twice): allow for a busy machine.
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });
}
