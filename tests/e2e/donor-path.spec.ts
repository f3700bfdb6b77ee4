import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { latestMail, linkIn } from "./support/mail.ts";

// Issue 15: a guest who starts from a need keeps their place through sign-in,
// registration and the e-mail confirmation, and lands on that need's pledge form.

const TEXT = {
  id: {
    panel: "Janji bantuan",
    signIn: "Masuk sebagai donatur untuk berjanji membantu.",
    register: "Daftar",
    donor: /^Donatur/,
    name: "Nama Anda",
    email: "Email",
    password: "Kata sandi",
    repeat: "Ulangi kata sandi",
    checkTitle: "Periksa email Anda",
    backStep: "Anda langsung kembali ke formulir janji untuk kebutuhan yang tadi Anda pilih.",
    confirm: "Konfirmasi alamat email",
    quantity: /^Jumlah/,
    send: "Kirim janji",
  },
  en: {
    panel: "Pledge",
    signIn: "Sign in as a donor to pledge.",
    register: "Register",
    donor: /^Donor/,
    name: "Your name",
    email: "E-mail",
    password: "Password",
    repeat: "Repeat the password",
    checkTitle: "Check your e-mail",
    backStep: "You go straight back to the pledge form of the need you chose.",
    confirm: "Confirm e-mail address",
    quantity: /^Quantity/,
    send: "Send pledge",
  },
} as const;

const VIEWPORTS = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

let visitor = 0;

for (const locale of ["id", "en"] as const) {
  for (const viewport of VIEWPORTS) {
    test(`a guest goes from a need through registration and confirmation back to its pledge form (${locale}, ${viewport.width} px)`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const text = TEXT[locale];
      // Each run is its own visitor (address), so the per-address registration limit counts it alone.
      visitor += 1;
      const context = await browser.newContext({
        viewport,
        extraHTTPHeaders: { "x-forwarded-for": `198.51.102.${((process.pid + visitor * 7) % 200) + 1}` },
      });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      const page = await context.newPage();

      await page.goto("/kebutuhan?kota=31.71&status=OPEN");
      await page.getByRole("main").getByRole("article").first().getByRole("heading").getByRole("link").click();
      await expect(page).toHaveURL(/\/kebutuhan\/[^/?#]+$/);
      const needPath = new URL(page.url()).pathname;
      const panel = page.getByRole("region", { name: text.panel, exact: true });
      await panel.getByRole("link", { name: text.signIn }).click();

      await expect(page).toHaveURL(/\/masuk\?next=/);
      await page.getByRole("main").getByRole("link", { name: text.register, exact: true }).click();
      await page.getByRole("link", { name: text.donor }).click();
      await expect(page).toHaveURL(/\/daftar\/donatur\?next=/);

      const email = `jalur-${randomUUID().slice(0, 8)}@contoh.test`;
      await page.getByLabel(text.name).fill("Dewi Anggraini");
      await page.getByLabel(text.email, { exact: true }).fill(email);
      await page.getByLabel(text.password, { exact: true }).fill("Sandi-jalur-donatur-2026");
      await page.getByLabel(text.repeat).fill("Sandi-jalur-donatur-2026");
      await page.getByRole("main").getByRole("button", { name: text.register }).click();

      // One clear next step: the mail, and where its link leads.
      await expect(page.getByRole("heading", { level: 1, name: text.checkTitle })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText(text.backStep)).toBeVisible();

      const mail = await latestMail(email, /Konfirmasi alamat email/);
      await page.goto(linkIn(mail, "/konfirmasi/"));
      await page.getByRole("button", { name: text.confirm }).click();

      await expect(page).toHaveURL((url) => url.pathname === needPath);
      const form = page.getByRole("region", { name: text.panel, exact: true });
      await expect(form.getByLabel(text.quantity)).toBeVisible();
      await expect(form.getByRole("button", { name: text.send })).toBeVisible();
      // The form is in view on arrival (the link leads to it), on a phone too.
      await expect(form).toBeInViewport();
      await context.close();
    });
  }
}
