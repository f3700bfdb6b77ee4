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
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
}

/** A unique suffix, so a retried test never meets its own earlier registration. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
