import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import id from "../../lib/i18n/messages/id.json" with { type: "json" };
import { openNeedWithRoom, pledgeHere } from "./support/pledges.ts";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";

// The aggregator's delivery queue, in both languages and at phone and desktop widths: a
// pledge made and approved through the app is scheduled for today, shows up in "today and
// this week" with its delivery manifest (checked as printed), is delivered in two parts on
// a phone, and moves on to "waiting for confirmation".

const MESSAGES = { id, en } as const;
type Locale = keyof typeof MESSAGES;
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A tab's accessible name: its label and, in brackets, how many pledges it holds. */
const counted = (label: string, count: number) => new RegExp(`^${escape(label)}\\s*\\(${count}\\)$`);

/** A pledge of 3 units by the demo donor, through the demo aggregator, for today; approved by staff. Returns its code. */
async function approvedPledgeForToday(browser: Browser): Promise<string> {
  // The donor and the staff member each in their own browser, from their stored sessions.
  const donorContext = await browser.newContext({ storageState: authFile("donor") });
  const page = await donorContext.newPage();
  // A need in Jakarta Pusat (served by the demo aggregator) with room for 3 more.
  await openNeedWithRoom(page, "/kebutuhan?kota=31.71&status=OPEN&sort=deadline", 3, { reverse: true });
  const reference = await pledgeHere(page, 3, "Yayasan Amal Bersama Ibukota");
  await donorContext.close();

  const staffContext = await browser.newContext({ storageState: authFile("staff") });
  const staff = await staffContext.newPage();
  await staff.goto(`/staf/janji?reference=${reference}`);
  await staff.getByLabel(`Pilih ${reference}`).check();
  await staff.getByRole("button", { name: "Setujui yang dipilih" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "1 janji diproses" })).toBeVisible();
  await staffContext.close();
  return reference;
}

async function expectNoSeriousViolations(page: Page) {
  expect((await seriousViolations(page)).serious, page.url()).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const locale of ["id", "en"] as Locale[]) {
  test(`an aggregator works through today's deliveries (${locale})`, async ({ browser, baseURL }) => {
    // A pledge, an approval, axe four times and two deliveries on a busy two-core machine.
    test.setTimeout(240_000);
    const m = MESSAGES[locale];
    const w = m.aggregatorWork;
    const reference = await approvedPledgeForToday(browser);

    const context = await browser.newContext({ viewport: DESKTOP, storageState: authFile("aggregator") });
    const page = await context.newPage();
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    const tab = (name: keyof typeof w.tabs) =>
      page.getByRole("navigation", { name: w.tabsLabel }).getByRole("link", { name: new RegExp(`^${escape(w.tabs[name])}`) });
    const card = () => page.getByRole("article", { name: new RegExp(reference) });

    // The approved pledge waits in "to schedule"; found by its code typed loosely.
    await page.goto("/agregator/penyaluran");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
    await page.getByLabel(w.search).fill(reference.toLowerCase().replaceAll("-", ""));
    await page.getByRole("button", { name: w.apply }).click();
    await expect(tab("schedule")).toHaveAttribute("aria-current", "page");
    await expect(tab("schedule")).toHaveAccessibleName(counted(w.tabs.schedule, 1));
    await card()
      .getByRole("link", { name: `${w.next.schedule} ${reference}` })
      .click();
    await page.getByRole("button", { name: m.pledge.action.SCHEDULED, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: m.pledge.changed.SCHEDULED })).toBeVisible();

    // Today's tab holds it, under today's group for its kelurahan, with that group's manifest.
    await page.goto("/agregator/penyaluran");
    await tab("today").click();
    await expect(tab("today")).toHaveAttribute("aria-current", "page");
    await page.getByLabel(w.search).fill(reference);
    await page.getByRole("button", { name: w.apply }).click();
    await expect(tab("today")).toHaveAccessibleName(counted(w.tabs.today, 1));
    await expect(tab("schedule")).toHaveAccessibleName(counted(w.tabs.schedule, 0));
    const group = page.getByRole("region", { name: new RegExp(`^${escape(w.todayLabel)} · `) });
    await expect(group.getByRole("article", { name: new RegExp(reference) })).toBeVisible();
    await expect(card()).not.toContainText("Yayasan Amal Bersama Ibukota");
    const queueUrl = page.url();
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto(queueUrl);
      await expectNoSeriousViolations(page);
      await expectNoSidewaysScroll(page);
    }

    await page.setViewportSize(DESKTOP);
    await group.getByRole("link", { name: new RegExp(`^${escape(w.manifestLink)}`) }).click();
    await expect(page).toHaveURL(/\/agregator\/penyaluran\/surat-jalan\?tanggal=\d{4}-\d{2}-\d{2}&kelurahan=\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
    const manifestUrl = page.url();
    const table = page.getByRole("table");
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ media: "screen" });
      await page.goto(manifestUrl);
      await expect(page.getByRole("heading", { level: 1, name: m.manifest.title })).toBeVisible();
      await expect(page.getByRole("button", { name: m.manifest.print })).toBeVisible();
      await expect(page.getByRole("banner")).toBeVisible();
      await expectNoSeriousViolations(page);
      await expectNoSidewaysScroll(page);

      // As printed: no site header, menu, footer or buttons; the table and room to sign, black on white.
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("navigation", { name: m.nav.mainMenu })).toBeHidden();
      await expect(page.getByRole("contentinfo")).toBeHidden();
      await expect(page.getByRole("button", { name: m.manifest.print })).toBeHidden();
      await expect(table).toBeVisible();
      await expect(table.getByRole("columnheader", { name: m.manifest.col.signature })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: m.manifest.col.officer })).toBeVisible();
      const row = table.getByRole("row").filter({ hasText: reference });
      await expect(row).toBeVisible();
      await expect(row).toContainText("PT Cahaya Timur Makmur");
      const signature = row.getByRole("cell").nth(6);
      expect((await signature.boundingBox())!.height, "room for a signature").toBeGreaterThanOrEqual(48);
      await expect(page.getByText(m.manifest.sign.received)).toBeVisible();
      const colours = await page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector("main table td")!).color,
      }));
      expect(colours).toEqual({ page: "rgb(255, 255, 255)", text: "rgb(0, 0, 0)" });
    }
    await page.emulateMedia({ media: "screen" });

    // On a phone: a partial delivery, then the rest.
    await page.setViewportSize(PHONE);
    await page.goto(queueUrl);
    await card()
      .getByRole("link", { name: `${w.next.record} ${reference}` })
      .click();
    const form = page.getByRole("region", { name: m.pledge.deliveryForm });
    await expect(form).toBeInViewport();
    const quantity = form.getByLabel(new RegExp(`^${escape(m.pledge.deliveryQuantity.split(" (")[0]!)}`));
    for (const field of [
      form.getByLabel(m.pledge.deliveredOn),
      quantity,
      form.getByLabel(new RegExp(`^${escape(m.pledge.photosLabel.split(" (")[0]!)}`)),
    ]) {
      const box = (await field.boundingBox())!;
      expect(box.x, "inside the screen").toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, "inside the screen").toBeLessThanOrEqual(PHONE.width);
      expect(box.width, "full width").toBeGreaterThanOrEqual(PHONE.width - 80);
      expect(box.height, "a large tap target").toBeGreaterThanOrEqual(44);
    }
    await expectNoSidewaysScroll(page);
    await quantity.fill("1");
    await form.getByLabel(m.pledge.recipientGroup).fill("RW 03");
    const save = form.getByRole("button", { name: m.pledge.recordDelivery });
    expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: m.pledge.deliveryRecorded })).toBeVisible();

    await page.goto(queueUrl);
    await expect(card()).toContainText(w.card.delivered.replace("{delivered}", "1").replace("{total}", "3").split(" {unit}")[0]!);
    await expect(tab("today")).toHaveAccessibleName(counted(w.tabs.today, 1));
    await expect(tab("inDelivery")).toHaveAccessibleName(counted(w.tabs.inDelivery, 1));
    await tab("inDelivery").click();
    await expect(card()).toBeVisible();
    await card()
      .getByRole("link", { name: `${w.next.record} ${reference}` })
      .click();
    // The quantity offered is what remains.
    await expect(quantity).toHaveValue("2");
    await form.getByLabel(m.pledge.recipientGroup).fill("RW 04");
    await form.getByRole("button", { name: m.pledge.recordDelivery }).click();
    await expect(page.getByRole("status").filter({ hasText: m.pledge.deliveryRecorded })).toBeVisible();

    // Fully delivered: out of today and in delivery, waiting for the city's confirmation.
    await page.goto(`/agregator/penyaluran?tab=today&q=${reference}`);
    await expect(tab("waiting")).toHaveAttribute("aria-current", "page");
    await expect(tab("today")).toHaveAccessibleName(counted(w.tabs.today, 0));
    await expect(tab("inDelivery")).toHaveAccessibleName(counted(w.tabs.inDelivery, 0));
    await expect(tab("waiting")).toHaveAccessibleName(counted(w.tabs.waiting, 1));
    await expect(card()).toContainText(w.next.waiting);
    await page.goto(manifestUrl);
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: reference })).toHaveCount(0);
    await context.close();
  });
}
