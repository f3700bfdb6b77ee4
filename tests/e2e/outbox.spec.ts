import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { authFile, registerDonor } from "./support/accounts.ts";
import { latestMail, linkIn } from "./support/mail.ts";

// Issue 13: staff see the e-mail outbox at /staf/surel (failed mails first), with address,
// subject, status and times, and never a mail's body: the confirmation link in it would let
// anyone reading the page take over the new account. Retrying a FAILED mail is covered in
// tests/integration/mail-delivery.test.ts (failing one here would take hours of backoff).

test("staff see a sent mail's address and status, and not its link", async ({ page: newcomer, browser }) => {
  const email = `outbox-${randomUUID().slice(0, 8)}@ksbb.test`;
  await registerDonor(newcomer, email, "Sandi-panjang-sekali-2026");
  const mail = await latestMail(email, /Konfirmasi alamat email/);
  const token = linkIn(mail, "/konfirmasi/").split("/").pop()!;

  // The demo staff member, in a browser of their own (the stored session of auth.setup.ts).
  const page = await browser.newPage({ storageState: authFile("staff") });
  await page.goto("/staf/surel");
  await expect(page.getByRole("heading", { level: 1, name: "Surel keluar" })).toBeVisible();
  const filters = page.getByRole("navigation", { name: "Saring menurut status" });
  // Failed mails are what the page opens on.
  await expect(filters.getByRole("link", { name: /^Gagal/ })).toHaveAttribute("aria-current", "page");

  await filters.getByRole("link", { name: /^Terkirim/ }).click();
  await expect(filters.getByRole("link", { name: /^Terkirim/ })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: "Terkirim", exact: true })).toBeVisible();
  await expect(row).toContainText("Konfirmasi alamat email");
  expect(await page.content()).not.toContain(token);
  await page.close();
});

test("a donor cannot open the outbox", async ({ browser }) => {
  const page = await browser.newPage({ storageState: authFile("donor") });
  await page.goto("/staf/surel");
  await expect(page.getByRole("link", { name: "Akun saya" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Surel keluar" })).toHaveCount(0);
});
