import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, DEMO, signIn, signOut, unique } from "./support/accounts.ts";

// Each test registers from its own address, as different people would.
let n = 0;
test.beforeEach(async ({ context }) => {
  n += 1;
  await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(process.pid % 100) + n}` });
});

const ROLE_LABEL = { donor: "Donatur", aggregator: "Agregator", staff: "Petugas Pemprov", admin: "Admin" } as const;

for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
  // The donor's (no second factor) is in the quick smoke set (npm run test:quick).
  test(`the ${role} demo account signs in and out`, { tag: role === "donor" ? ["@smoke"] : [] }, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page.getByText(ROLE_LABEL[role], { exact: true }).first()).toBeVisible();
    const staffLink = page.getByRole("link", { name: "Verifikasi" });
    if (role === "staff" || role === "admin") await expect(staffLink).toBeVisible();
    else await expect(staffLink).toHaveCount(0);
    await signOut(page);
    await page.goto("/akun");
    await expect(page).toHaveURL(/\/masuk\?next=%2Fakun/);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(DEMO.donor);
  await page.getByLabel("Kata sandi").fill("not the password");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.donor);
});

test("a donor registers, sees bad input explained without losing it, and lands in their account", async ({ page }) => {
  const email = `donor-${unique()}@contoh.test`;
  await page.goto("/daftar");
  await page.getByRole("link", { name: /Donatur/ }).click();
  await page.getByLabel("Mendaftar sebagai").selectOption({ label: "Perusahaan" });
  await page.getByLabel("Nama organisasi", { exact: true }).fill("PT <b>Contoh</b> Sejahtera");
  await page.getByLabel("Nama Anda").fill("Sari Wulandari");
  await page.getByLabel("Email").fill(DEMO.donor);
  await page.getByLabel("Kata sandi", { exact: true }).fill("password");
  await page.getByLabel("Ulangi kata sandi").fill("password");
  await page.getByRole("button", { name: "Daftar" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Periksa kembali" })).toBeVisible();
  await expect(page.getByLabel("Nama organisasi", { exact: true })).toHaveAccessibleDescription(/tanda < atau >/);
  await expect(page.getByLabel("Kata sandi", { exact: true })).toHaveAccessibleDescription(/terlalu umum/);
  await expect(page.getByLabel("Nama Anda")).toHaveValue("Sari Wulandari");
  await expect(page.getByLabel("Mendaftar sebagai")).toHaveValue("COMPANY");

  await page.getByLabel("Nama organisasi", { exact: true }).fill("PT Contoh Sejahtera");
  await page.getByLabel("Kata sandi", { exact: true }).fill("kopi tubruk di kemayoran");
  await page.getByLabel("Ulangi kata sandi").fill("kopi tubruk di kemayoran");
  await page.getByRole("button", { name: "Daftar" }).click();
  // A taken address is not revealed: the same page as any registration (the owner gets an e-mail).
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/daftar/donatur");
  await page.getByLabel("Mendaftar sebagai").selectOption({ label: "Perusahaan" });
  await page.getByLabel("Nama organisasi", { exact: true }).fill("PT Contoh Sejahtera");
  await page.getByLabel("Nama Anda").fill("Sari Wulandari");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill("kopi tubruk di kemayoran");
  await page.getByLabel("Ulangi kata sandi").fill("kopi tubruk di kemayoran");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Ke akun saya" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
  await expect(page.getByText(`Konfirmasi alamat email Anda (${email})`)).toBeVisible();
  await expect(page.getByText("Menunggu verifikasi")).toBeVisible();
  await expect(page.getByRole("heading", { name: "PT Contoh Sejahtera" })).toBeVisible();
});

async function registerAggregator(page: Page, name: string, email: string) {
  await page.goto("/daftar/agregator");
  await page.getByLabel("Nama organisasi", { exact: true }).fill(name);
  await page.getByLabel("Nama narahubung").fill("Rudi Hartono");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Nomor telepon").fill("0812 3456 7890");
  await page.getByLabel("Kelurahan yang dilayani").selectOption(["31.71.01.1001", "31.71.01.1002"]);
  await page.getByLabel("Kapasitas penyaluran").fill("500");
  await page.getByLabel("Kata sandi", { exact: true }).fill("beras untuk warga gambir");
  await page.getByLabel("Ulangi kata sandi").fill("beras untuk warga gambir");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/akun");
  await expect(page.getByText("Menunggu verifikasi")).toBeVisible();
  await expect(page.getByText("Agregator", { exact: true }).first()).toBeVisible();
  await signOut(page);
}

/** The demo staff member decides, in a browser of their own (the stored session of auth.setup.ts). */
async function staffDecides(browser: Browser, organisation: string, decision: "Verifikasi" | "Tolak", reason?: string) {
  const page = await browser.newPage({ storageState: authFile("staff") });
  await page.goto("/akun");
  await page.getByRole("link", { name: "Verifikasi" }).click();
  const card = page.getByRole("article", { name: organisation });
  await expect(card).toBeVisible();
  const form = card.locator("form").filter({ has: page.getByRole("button", { name: decision }) });
  if (reason) await form.getByLabel("Alasan").fill(reason);
  await form.getByRole("button", { name: decision }).click();
  await expect(page.getByRole("status").filter({ hasText: organisation })).toContainText(
    decision === "Verifikasi" ? "diverifikasi" : "ditolak",
  );
  await expect(card).toHaveCount(0);
  await page.close();
}

test("an aggregator registers and is verified by city staff", async ({ page, browser }) => {
  // Registration, two sign-ins and a review, each hashing a password (scrypt): room for a busy machine.
  test.setTimeout(90_000);
  const name = `Yayasan Uji Salur ${unique()}`;
  const email = `agg-${unique()}@contoh.test`;
  await registerAggregator(page, name, email);
  await staffDecides(browser, name, "Verifikasi");
  await signIn(page, email, "beras untuk warga gambir");
  await expect(page.getByText("Terverifikasi", { exact: true })).toBeVisible();
});

test("a rejected aggregator reads the reason", async ({ page, browser }) => {
  // Registration, two sign-ins and a review, each hashing a password (scrypt): room for a busy machine.
  test.setTimeout(90_000);
  const name = `Lembaga Uji Tolak ${unique()}`;
  const email = `tolak-${unique()}@contoh.test`;
  const reason = "Dokumen legalitas belum dilampirkan.";
  await registerAggregator(page, name, email);
  await staffDecides(browser, name, "Tolak", reason);
  await signIn(page, email, "beras untuk warga gambir");
  await expect(page.getByText("Ditolak", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "ditolak" })).toContainText(reason);
});

test("a donor cannot open the staff or admin workspace", async ({ browser }) => {
  const page = await browser.newPage({ storageState: authFile("donor") });
  await page.goto("/akun");
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
  for (const path of ["/staf/organisasi", "/admin/pengguna"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});
