import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, type Role } from "./support/accounts.ts";
import { seriousViolations as axeFindings } from "./support/axe.ts";
import { openNeedWithRoom, pledgeHere } from "./support/pledges.ts";

// Issue 15: a donor opens and prints the receipt (tanda terima) of a confirmed pledge, and
// a guest checks its code at /verifikasi; the yearly statement lists it, as a page and CSV.
test.describe.configure({ mode: "serial" });

const TEXT = {
  id: {
    receipt: "Tanda terima",
    check: "Periksa",
    code: "Kode verifikasi",
    genuine: /^Asli:/,
    unknown: /Kode ini tidak dikenal/,
    print: /Cetak/,
  },
  en: {
    receipt: "Receipt",
    check: "Check",
    code: "Verification code",
    genuine: /^Genuine:/,
    unknown: /This code is not known/,
    print: /Print/,
  },
} as const;

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
] as const;

let pledgePath = "";
let reference = "";

/** A browser in the language and size, as a guest or (from its stored session) as a demo role. */
async function contextFor(
  browser: Browser,
  baseURL: string,
  locale: "id" | "en",
  viewport: { width: number; height: number },
  role?: Role,
) {
  const context = await browser.newContext({ viewport, storageState: role ? authFile(role) : undefined });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
  return context;
}

/** axe's serious and critical findings (WCAG 2.2 A/AA), as the accessibility suite counts them. */
async function seriousViolations(page: Page) {
  return (await axeFindings(page)).serious.map((v) => v.id);
}

async function pressAction(page: Page, name: string, done: RegExp) {
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: done })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // A direct pledge of the demo donor, approved, delivered by the donor and confirmed by staff.
  const donor = await (await browser.newContext({ storageState: authFile("donor") })).newPage();
  await openNeedWithRoom(donor, "/kebutuhan?kota=31.72&status=OPEN&sort=deadline", 1);
  await pledgeHere(donor, 1);
  await donor.waitForURL(/\/janji\/[^/?]+/);
  pledgePath = new URL(donor.url()).pathname;
  reference = (await donor.getByRole("heading", { level: 1 }).textContent())!.match(/KSBB-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];

  const staff = await (await browser.newContext({ storageState: authFile("staff") })).newPage();
  await staff.goto(pledgePath);
  await pressAction(staff, "Setujui", /disetujui/i);

  await donor.goto(pledgePath);
  await pressAction(donor, "Jadwalkan", /dijadwalkan/i);
  const delivery = donor.getByRole("region", { name: "Catat penyaluran" });
  await delivery.getByLabel(/Jumlah tersalurkan/).fill("1");
  await delivery.getByLabel("Kelompok penerima").fill("RW 02");
  await delivery.getByRole("button", { name: "Simpan penyaluran" }).click();
  await expect(donor.getByRole("status").filter({ hasText: "Penyaluran tercatat." })).toBeVisible();

  await staff.goto(pledgePath);
  await pressAction(staff, "Konfirmasi", /dikonfirmasi/i);
  await donor.context().close();
  await staff.context().close();
});

for (const locale of ["id", "en"] as const) {
  for (const viewport of VIEWPORTS) {
    test(`a donor prints the receipt and a guest checks its code (${locale}, ${viewport.width} px)`, async ({ browser, baseURL }) => {
      const text = TEXT[locale];
      const donorContext = await contextFor(browser, baseURL!, locale, viewport, "donor");
      const donor = await donorContext.newPage();
      await donor.goto(pledgePath);
      await donor.getByRole("link", { name: text.receipt, exact: true }).click();

      const receipt = donor.getByRole("article", { name: /Tanda terima kontribusi/ });
      await expect(receipt).toContainText(reference);
      await expect(receipt).toContainText("Contribution receipt");
      await expect(receipt).toContainText("Hendra Saputra");
      const code = (await donor.getByTestId("receipt-code").textContent())!.trim();
      expect(code).toMatch(/^TT-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await expect(receipt.getByRole("img", { name: /verifikasi/ })).toBeVisible();
      await expect(donor.getByRole("button", { name: text.print })).toBeVisible();
      expect(await seriousViolations(donor)).toEqual([]);
      expect(await donor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      // On paper: the receipt alone, without the site's header, footer or the print button.
      await donor.emulateMedia({ media: "print" });
      await expect(donor.getByRole("banner")).toBeHidden();
      await expect(donor.getByRole("contentinfo")).toBeHidden();
      await expect(donor.getByRole("button", { name: text.print })).toBeHidden();
      await expect(receipt).toBeVisible();
      await expect(donor.getByTestId("receipt-code")).toBeVisible();
      await donorContext.close();

      // A guest checks the code as it was typed from paper.
      const guestContext = await contextFor(browser, baseURL!, locale, viewport);
      const guest = await guestContext.newPage();
      await guest.goto("/verifikasi");
      await guest.getByLabel(text.code).fill(code.toLowerCase().replaceAll("-", " "));
      await guest.getByRole("button", { name: text.check }).click();
      await expect(guest.getByRole("status").filter({ hasText: text.genuine })).toBeVisible();
      await expect(guest.getByRole("main")).toContainText(reference);
      await expect(guest.getByRole("main")).not.toContainText("Hendra");
      await expect(guest.getByRole("main")).not.toContainText("RW 02");
      expect(await seriousViolations(guest)).toEqual([]);
      // A code nobody issued.
      await guest.getByLabel(text.code).fill("TT-2222-3333-4444");
      await guest.getByRole("button", { name: text.check }).click();
      await expect(guest.getByRole("alert").filter({ hasText: text.unknown })).toBeVisible();
      await guestContext.close();
    });
  }
}

test("the yearly statement lists the pledge, as a page and as CSV, and its code checks out", async ({ browser, request }) => {
  const page = await (await browser.newContext({ storageState: authFile("donor") })).newPage();
  await page.goto("/akun");
  await page.getByRole("link", { name: "Laporan kontribusi tahunan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Laporan kontribusi tahunan \d{4}/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText(reference);
  const statementCode = (await page.getByTestId("statement-code").textContent())!.trim();
  expect(statementCode).toMatch(/^LT-/);

  const csv = await page.request.get("/akun/laporan/csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.text();
  expect(body).toContain(reference);
  expect(body).toContain(statementCode);
  // Only the organisation's own members get it.
  expect((await request.get("/akun/laporan/csv")).status()).toBe(401);

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/verifikasi?kode=${statementCode}`);
  await expect(guest.getByRole("status").filter({ hasText: /^Asli:/ })).toBeVisible();
  await expect(guest.getByRole("main")).toContainText("Laporan kontribusi tahunan");
  await guest.context().close();
  await page.context().close();
});
