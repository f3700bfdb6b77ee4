import { fileURLToPath } from "node:url";
import { expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "../../../lib/auth/demo.ts";
import { totpCode } from "../../../lib/auth/totp.ts";

// The demo accounts of the seed (prisma/seed/catalogue.ts), and sign-in through the UI.
export const DEMO_PASSWORD = "KsbbDemo#2026";
export const DEMO = {
  donor: "donor@ksbb.test",
  aggregator: "agregator@ksbb.test",
  staff: "staf@ksbb.test",
  admin: "admin@ksbb.test",
} as const;

export type Role = keyof typeof DEMO;
export const ROLES = Object.keys(DEMO) as Role[];

/**
 * The stored session of a demo role, written once per run by tests/e2e/auth.setup.ts.
 * A spec that only needs "a signed-in X" uses it (test.use({ storageState: authFile("staff") })
 * or browser.newContext({ storageState })) instead of signing in through the UI. Every
 * spec shares these sessions, so a test that signs out must sign in on its own (signIn).
 */
export const authFile = (role: Role) => fileURLToPath(new URL(`../../../.auth/${role}.json`, import.meta.url));

/** Demo accounts that sign in with a second factor (prisma/seed/demo.ts). */
const SECOND_FACTOR: ReadonlySet<string> = new Set([DEMO.staff, DEMO.admin]);
// Each authenticator code works once, so a worker keeps the session of a staff or admin
// sign-in and gives it to the next test that signs in as them, until a test signs out.
const kept = new Map<string, Cookie[]>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { keep?: boolean } = {}) {
  const keep = options.keep ?? true;
  const saved = keep ? kept.get(email) : undefined;
  if (saved && password === DEMO_PASSWORD) {
    await page.context().addCookies(saved);
    await page.goto("/akun");
    if (new URL(page.url()).pathname === "/akun") return;
    kept.delete(email);
  }
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  if (SECOND_FACTOR.has(email)) {
    await enterDemoCode(page);
    if (keep) kept.set(email, await page.context().cookies());
  }
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
}

/**
 * On /masuk/kode: the demo key's code. A code taken by a parallel test is refused as used,
 * so it tries the step before, this one and the next, as the server accepts, and waits
 * for the next step if all three are taken.
 */
export async function enterDemoCode(page: Page, options: { keyboard?: boolean } = {}) {
  await expect(page.getByRole("heading", { level: 1, name: "Kode verifikasi" })).toBeVisible();
  const codePage = page.url();
  await expect(async () => {
    for (const offset of [-30_000, 0, 30_000]) {
      if (page.url() !== codePage) await page.goto(codePage);
      const code = totpCode(DEMO_TOTP_SECRET, Date.now() + offset);
      if (options.keyboard) {
        // The code field has the focus when the page opens.
        await expect(page.getByLabel("Kode", { exact: true })).toBeFocused();
        await page.keyboard.type(code);
        await page.keyboard.press("Enter");
      } else {
        await page.getByLabel("Kode", { exact: true }).fill(code);
        await page.getByRole("button", { name: "Verifikasi" }).click();
      }
      const signedIn = page
        .waitForURL((url) => url.pathname !== "/masuk/kode")
        .then(
          () => true,
          () => false,
        );
      // Only the form's own message: Next.js's route announcer is an alert too.
      const refused = page
        .getByRole("alert")
        .filter({ hasText: "Kode salah" })
        .waitFor()
        .then(
          () => false,
          () => false,
        );
      if (await Promise.race([signedIn, refused])) return;
      await page.goto(codePage);
    }
    throw new Error("every code of this minute was used by other tests");
  }).toPass({ timeout: 45_000, intervals: [2_000, 5_000, 10_000] });
}

export async function signOut(page: Page) {
  const url = new URL(page.url());
  for (const cookie of await page.context().cookies(url.origin)) {
    if (cookie.name.includes("authjs.session-token"))
      for (const [email, saved] of kept) if (saved.some((c) => c.value === cookie.value)) kept.delete(email);
  }
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
