import { expect, type Page } from "@playwright/test";
import type { CaughtMail } from "./mail-catcher.ts";

// The e-mails the portal sent during the browser tests, from the mail catcher
// (tests/e2e/support/mail-catcher.ts, started by playwright.config.ts).

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_SMTP_PORT = E2E_PORT + 1000;
export const MAIL_HTTP_PORT = E2E_PORT + 1001;

/** Every mail the catcher holds, newest first. */
export async function allMails(): Promise<CaughtMail[]> {
  const response = await fetch(`http://127.0.0.1:${MAIL_HTTP_PORT}/messages`);
  return (await response.json()) as CaughtMail[];
}

async function mailsTo(to: string): Promise<CaughtMail[]> {
  const response = await fetch(`http://127.0.0.1:${MAIL_HTTP_PORT}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as CaughtMail[];
}

/** The newest e-mail to the address whose subject matches, waiting for it to arrive. */
export async function latestMail(to: string, subject: RegExp, options: { after?: number } = {}): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await mailsTo(to)).filter((mail) => subject.test(mail.subject));
        found = mails.length > (options.after ?? 0) ? mails[0] : undefined;
        return Boolean(found);
      },
      { message: `an e-mail to ${to} with subject ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** How many e-mails to the address have a subject that matches (to wait for the next one). */
export async function mailCount(to: string, subject: RegExp): Promise<number> {
  return (await mailsTo(to)).filter((mail) => subject.test(mail.subject)).length;
}

/** The path (and query) of the first portal link in the mail that starts with `path`. */
export function linkIn(mail: CaughtMail, path: string): string {
  const link = mail.text.match(new RegExp(`https?://[^\\s/]+(${path.replace(/\//g, "\\/")}[^\\s]*)`))?.[1];
  if (!link) throw new Error(`no ${path} link in the e-mail "${mail.subject}"`);
  return link;
}

/** Opens the confirmation link of the newest confirmation e-mail and confirms the address. */
export async function confirmEmail(page: Page, email: string) {
  const mail = await latestMail(email, /Konfirmasi alamat email/);
  await page.goto(linkIn(mail, "/konfirmasi/"));
  await page.getByRole("button", { name: "Konfirmasi alamat email" }).click();
}
