import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, registerDonor, unique } from "./support/accounts.ts";
import { confirmEmail, latestMail, linkIn } from "./support/mail.ts";

// Getting back into an account and proving an address, read from the e-mails the
// portal really sent (tests/e2e/support/mail-catcher.ts).

let visitor = 0;
/** A browser context of its own, from its own address, as a different visitor would be. */
async function newVisitor(browser: Browser): Promise<Page> {
  visitor += 1;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.51.101.${(process.pid % 100) + visitor}` } });
  return context.newPage();
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

test("a forgotten password is reset through the e-mailed link, which works once and signs out every device", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = `lupa-${unique()}@contoh.test`;
  const [oldPassword, newPassword] = ["soto betawi pakai santan", "kerak telor di monas"];
  const before = await newVisitor(browser);
  await registerDonor(before, email, oldPassword);

  const page = await newVisitor(browser);
  await page.goto("/masuk");
  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lupa kata sandi" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await expect(page.getByRole("status")).toContainText("Jika ada akun dengan alamat itu");

  const link = linkIn(await latestMail(email, /Atur ulang kata sandi/), "/masuk/atur-ulang/");
  await page.goto(link);
  await page.getByLabel("Kata sandi", { exact: true }).fill(newPassword);
  await page.getByLabel("Ulangi kata sandi").fill(newPassword);
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(page).toHaveURL(/\/masuk\?sandi=baru$/);
  await expect(page.getByRole("status")).toContainText("Kata sandi Anda sudah diganti");

  await signInWith(page, email, oldPassword);
  await expect(page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." })).toBeVisible();
  await signInWith(page, email, newPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible({ timeout: 30_000 });

  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Tautan ini tidak berlaku lagi");
  await expect(page.getByRole("button", { name: "Simpan kata sandi baru" })).toHaveCount(0);

  // The browser that was signed in before the reset has lost its session.
  await before.goto("/akun");
  await expect(before).toHaveURL(/\/masuk\?next=%2Fakun/);
});

test("a new donor confirms their e-mail address before the first pledge, and comes back to the need", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = `janji-${unique()}@contoh.test`;
  const page = await newVisitor(browser);
  await page.goto("/kebutuhan?status=OPEN&sort=deadline");
  await page.getByRole("main").getByRole("article").first().getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/kebutuhan\/[^/?]+$/);
  const needPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Masuk sebagai donatur untuk berjanji membantu." }).click();
  await expect(page).toHaveURL(/\/masuk\?next=/);
  await page.getByRole("main").getByRole("link", { name: "Daftar", exact: true }).click();
  await expect(page).toHaveURL(/\/daftar\?next=/);
  await page.getByRole("link", { name: /Donatur/ }).click();
  await expect(page).toHaveURL(/\/daftar\/donatur\?next=/);
  await registerDonor(page, email, "gado gado boplo menteng");

  await page.goto(needPath);
  const panel = page.getByRole("region", { name: "Janji bantuan", exact: true });
  await expect(panel).toContainText(`Konfirmasi alamat email Anda (${email})`);
  await expect(panel.getByRole("button", { name: "Kirim janji" })).toHaveCount(0);
  await panel.getByRole("button", { name: "Kirim ulang email konfirmasi" }).click();
  await expect(panel.getByRole("status")).toContainText("Email konfirmasi dikirim lagi");

  // The link (sent again from the need page) leads back to the need once the address is confirmed.
  await confirmEmail(page, email);
  // Back on the need, at its pledge form.
  await expect(page).toHaveURL(new RegExp(`${needPath}#janji$`));
  await expect(panel.getByRole("button", { name: "Kirim janji" })).toBeVisible();
  await panel.getByLabel(/^Jumlah/).fill("1");
  await panel.getByLabel("Cara penyaluran").selectOption("DIRECT");
  const date = panel.getByLabel("Rencana tanggal penyaluran");
  await date.fill((await date.getAttribute("min"))!);
  await panel.getByRole("button", { name: "Kirim janji" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Janji terkirim" })).toBeVisible();
});

test("registering with an address that has an account looks like any registration, and tells the owner", async ({ browser }) => {
  test.setTimeout(90_000);
  const fresh = await newVisitor(browser);
  await registerDonor(fresh, `baru-${unique()}@contoh.test`, "es selendang mayang segar");
  const taken = await newVisitor(browser);
  await registerDonor(taken, DEMO.aggregator, "es selendang mayang segar", "Orang Lain");

  expect(await taken.getByRole("main").innerText()).toBe(await fresh.getByRole("main").innerText());
  await expect(taken).toHaveURL(/\/daftar\/periksa-email$/);
  const mail = await latestMail(DEMO.aggregator, /Percobaan pendaftaran/);
  expect(mail.text).toContain("Tidak ada akun baru yang dibuat");
  expect(linkIn(mail, "/masuk/lupa")).toBe("/masuk/lupa");
});
