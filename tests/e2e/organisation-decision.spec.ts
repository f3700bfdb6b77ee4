import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { allMails, latestMail, MAIL_HTTP_PORT } from "./support/mail.ts";

// Issue 15: an organisation hears of the city's verification decision in the app and by
// mail, in its own language, with the reason; and no mail the portal sends carries a
// message key or a link that only works inside the portal.

const TEXT = {
  id: {
    kind: "Mendaftar sebagai",
    company: "Perusahaan",
    organisation: "Nama organisasi",
    name: "Nama Anda",
    email: "Email",
    password: "Kata sandi",
    repeat: "Ulangi kata sandi",
    register: "Daftar",
    checkTitle: "Periksa email Anda",
    notices: "Pemberitahuan",
    rejected: (org: string) => `Verifikasi organisasi ${org} ditolak.`,
    subject: (org: string) => `[KSBB] Verifikasi organisasi ${org} ditolak`,
    reasonLine: "Alasan dari petugas:",
  },
  en: {
    kind: "Registering as",
    company: "Company",
    organisation: "Organisation name",
    name: "Your name",
    email: "E-mail",
    password: "Password",
    repeat: "Repeat the password",
    register: "Register",
    checkTitle: "Check your e-mail",
    notices: "Notifications",
    rejected: (org: string) => `The verification of ${org} was declined.`,
    subject: (org: string) => `[KSBB] The verification of ${org} was declined`,
    reasonLine: "Reason given by the city:",
  },
} as const;

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
] as const;

/** A message key ("pledge.APPROVED", "notice.next…") or a link starting with "/" instead of the portal's address. */
const MESSAGE_KEY = /\b(pledge|organisation|notifications|mail|notice)\.[A-Za-z_]+\b/;
const RELATIVE_LINK = /(^|[\s"'(=])\/(janji|akun|staf|kebutuhan|pemberitahuan|konfirmasi|masuk|verifikasi)\b/;

let visitor = 0;

for (const locale of ["id", "en"] as const) {
  for (const viewport of VIEWPORTS) {
    test(`an organisation hears of its rejection in the app and by mail, with the reason (${locale}, ${viewport.width} px)`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const text = TEXT[locale];
      visitor += 1;
      const organisation = `PT Uji Keputusan ${randomUUID().slice(0, 6)}`;
      const email = `keputusan-${randomUUID().slice(0, 8)}@contoh.test`;
      const reason = `Akta pendirian tidak terbaca (${locale}, ${viewport.width})`;

      // A company registers, in its own language.
      const member = await browser.newContext({
        viewport,
        extraHTTPHeaders: { "x-forwarded-for": `198.51.103.${((process.pid + visitor * 11) % 200) + 1}` },
      });
      await member.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      const page = await member.newPage();
      await page.goto("/daftar/donatur");
      await page.getByLabel(text.kind).selectOption("COMPANY");
      await page.getByRole("textbox", { name: text.organisation }).fill(organisation);
      await page.getByLabel(text.name).fill("Wulan Pratiwi");
      await page.getByLabel(text.email, { exact: true }).fill(email);
      await page.getByLabel(text.password, { exact: true }).fill("Sandi-keputusan-2026");
      await page.getByLabel(text.repeat).fill("Sandi-keputusan-2026");
      await page.getByRole("main").getByRole("button", { name: text.register }).click();
      await expect(page.getByRole("heading", { level: 1, name: text.checkTitle })).toBeVisible({ timeout: 30_000 });

      // City staff find it by name and decline it with a reason.
      const staff = await browser.newPage({ storageState: authFile("staff") });
      await staff.goto(`/staf/organisasi?status=PENDING&q=${encodeURIComponent(organisation)}`);
      const card = staff.getByRole("article", { name: organisation });
      await card.getByLabel("Alasan, dapat dibaca organisasi (wajib)").fill(reason);
      await card.getByRole("button", { name: "Tolak" }).click();
      await expect(staff.getByRole("status").filter({ hasText: "Organisasi ditolak." })).toBeVisible();
      await staff.context().close();

      // In the app: the notice, in the member's language, leading to the account page with the reason.
      await page.goto("/pemberitahuan");
      await page.getByRole("link", { name: text.rejected(organisation) }).click();
      await expect(page).toHaveURL(/\/akun$/);
      await expect(page.getByRole("main")).toContainText(reason);

      // By mail: its own subject, the reason, an absolute link, a text and an HTML part.
      const mail = await latestMail(email, new RegExp(text.subject(organisation).replace(/[[\]]/g, "\\$&")));
      expect(mail.subject).toBe(text.subject(organisation));
      expect(mail.text).toContain(`${text.reasonLine} ${reason}`);
      expect(mail.text).toContain(`${baseURL}/akun`);
      expect(mail.html).toContain(`href="${baseURL}/akun"`);
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part).not.toMatch(MESSAGE_KEY);
        expect(part).not.toMatch(RELATIVE_LINK);
      }
      await member.close();
    });
  }
}

test("no mail the portal sent during the tests carries a message key or a relative link", async () => {
  const mails = await allMails();
  expect(mails.length, `mails caught on port ${MAIL_HTTP_PORT}`).toBeGreaterThan(0);
  const bad = mails.filter((mail) =>
    [mail.subject, mail.text, mail.html].some((part) => MESSAGE_KEY.test(part) || RELATIVE_LINK.test(part)),
  );
  expect(
    bad.map((mail) => mail.subject),
    "mails with a message key or a relative link",
  ).toEqual([]);
});
