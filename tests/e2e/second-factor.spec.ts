import { expect, test } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp.ts";
import { authFile, DEMO, signOut, unique } from "./support/accounts.ts";

// Issue 12: staff and admin accounts need an authenticator app. A new staff member
// enrols it on first sign-in, then signs in with a code, or with a recovery code once.
// The codes are made here from the key the page shows, at a time the test chooses.

test("a new staff member enrols an authenticator app on first sign-in, then signs in with codes", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = `petugas-${unique()}@ksbb.test`;
  const password = "nasi uduk kebon kacang";

  // The demo staff account (Dinas Sosial's first user) invites the new colleague.
  const page = await browser.newPage({ storageState: authFile("staff") });
  await page.goto("/akun");
  await page.getByLabel("Email anggota baru").fill(email);
  await page.getByRole("button", { name: "Buat undangan" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  await page.close();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("Nama Anda").fill("Sri Wahyuni");
  await newcomer.getByLabel("Kata sandi", { exact: true }).fill(password);
  await newcomer.getByLabel("Ulangi kata sandi").fill(password);
  await newcomer.getByRole("button", { name: "Buat akun" }).click();

  // Nothing opens before enrolment: the staff pages send them to it.
  await expect(newcomer.getByRole("heading", { level: 1, name: "Keamanan akun" })).toBeVisible();
  await newcomer.goto("/staf/janji");
  await expect(newcomer).toHaveURL(/\/akun\/keamanan\?next=%2Fstaf%2Fjanji/);
  await expect(newcomer.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
  const secret = (await newcomer.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");

  await newcomer.getByLabel("Kode", { exact: true }).fill("000000");
  await newcomer.getByRole("button", { name: "Aktifkan" }).click();
  await expect(newcomer.getByText("Kode salah atau sudah dipakai").first()).toBeVisible();

  const enrolledAt = Date.now();
  await newcomer.getByLabel("Kode", { exact: true }).fill(totpCode(secret, enrolledAt));
  await newcomer.getByRole("button", { name: "Aktifkan" }).click();
  // Shown once, after the action answers: wait for the list before reading it.
  const listed = newcomer.getByTestId("recovery-codes").getByRole("listitem");
  await expect(listed).toHaveCount(10);
  const codes = (await listed.allTextContents()).map((c) => c.trim());
  await newcomer.getByRole("link", { name: "Lanjutkan" }).click();
  await expect(newcomer).toHaveURL(/\/staf\/janji$/);

  // Next sign-in: password, then a code. The enrolment's own code is used up; the next step's is not.
  await signOut(newcomer);
  const signInWithPassword = async () => {
    await newcomer.goto("/masuk");
    await newcomer.getByLabel("Email").fill(email);
    await newcomer.getByLabel("Kata sandi").fill(password);
    await newcomer.getByRole("button", { name: "Masuk" }).click();
    await expect(newcomer.getByRole("heading", { level: 1, name: "Kode verifikasi" })).toBeVisible();
  };
  await signInWithPassword();
  await newcomer.getByLabel("Kode", { exact: true }).fill(totpCode(secret, enrolledAt));
  await newcomer.getByRole("button", { name: "Verifikasi" }).click();
  await expect(newcomer.getByRole("alert").filter({ hasText: "Kode salah atau sudah dipakai" })).toBeVisible();
  await newcomer.getByLabel("Kode", { exact: true }).fill(totpCode(secret, enrolledAt + 30_000));
  await newcomer.getByRole("button", { name: "Verifikasi" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();

  // A lost phone: a recovery code signs in once.
  await signOut(newcomer);
  await signInWithPassword();
  await newcomer.getByLabel("Kode", { exact: true }).fill(codes[0]!);
  await newcomer.getByRole("button", { name: "Verifikasi" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
  await signOut(newcomer);
  await signInWithPassword();
  await newcomer.getByLabel("Kode", { exact: true }).fill(codes[0]!);
  await newcomer.getByRole("button", { name: "Verifikasi" }).click();
  await expect(newcomer.getByRole("alert").filter({ hasText: "Kode salah atau sudah dipakai" })).toBeVisible();
  await context.close();
});

test("a password alone never opens a staff account that has a second factor", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()).csrfToken as string;
  await request.post("/api/auth/callback/credentials", {
    form: { email: DEMO.staff, password: "KsbbDemo#2026", csrfToken: csrf },
    maxRedirects: 0,
  });
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
  const staffPage = await request.get("/staf", { maxRedirects: 0 });
  expect(staffPage.status()).toBe(307);
  expect(staffPage.headers().location).toContain("/masuk");
});
