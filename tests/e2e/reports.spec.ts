import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";
import { latestMail } from "./support/mail.ts";

// Issue 16: anyone reports a problem ("Laporkan") from a public page, with no account;
// a burst from one address passes only the limit; staff triage the report and the reply
// reaches the reporter; the public monthly counts follow.

// In order, in one worker: the burst files reports too, and the first test counts this month's.
test.describe.configure({ mode: "default" });

const REFERENCE = /LP-[2-9A-Z]{4}-[2-9A-Z]{4}/;
/** The per-address limit (lib/reports/schema.ts REPORTS_PER_ADDRESS_PER_HOUR). */
const LIMIT = 5;

/** A visitor of their own: each test run and visitor reports from its own address. */
async function visitor(browser: Browser, n: number, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({
    viewport,
    extraHTTPHeaders: { "x-forwarded-for": `198.51.105.${((process.pid * 13 + n * 17) % 250) + 1}` },
  });
  return context;
}

async function counts(page: Page, month: string) {
  await page.goto("/laporkan");
  const row = page.locator(`tr[data-month="${month}"]`);
  const [received, resolved] = await row.getByRole("cell").allInnerTexts();
  return { received: Number(received!.replace(/\D/g, "")), resolved: Number(resolved!.replace(/\D/g, "")) };
}

const thisMonth = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

test("a guest reports a problem from a need page on a phone, and staff resolve it with a reply that is mailed", async ({ browser }) => {
  // Two people, two axe runs, a mail and three visits to the counts: longer than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const contact = `pelapor-${randomUUID().slice(0, 8)}@contoh.test`;
  const guestContext = await visitor(browser, 1, { width: 360, height: 800 });
  const guest = await guestContext.newPage();
  const before = await counts(guest, thisMonth());

  await guest.goto("/kebutuhan");
  await guest.getByRole("article").first().getByRole("link").first().click();
  await guest.waitForURL(/\/kebutuhan\/[^/?]+$/);
  const item = (await guest.getByRole("heading", { level: 1 }).innerText()).trim();
  await guest.getByRole("main").getByRole("link", { name: "Laporkan masalah", exact: true }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Laporkan masalah" })).toBeVisible();
  await expect(guest.getByRole("region", { name: "Yang Anda laporkan" })).toContainText(item);
  expect((await seriousViolations(guest)).serious).toEqual([]);
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Bad input is explained and nothing typed is lost.
  await guest.getByLabel("Uraian").fill("pendek");
  await guest.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(guest.getByRole("main").getByRole("alert")).toContainText("Periksa kembali");
  await expect(guest.getByText("Pilih jenis masalah.")).toBeVisible();
  await expect(guest.getByLabel("Uraian")).toHaveValue("pendek");

  await guest.getByLabel("Jenis masalah").selectOption({ label: "Informasi keliru" });
  await guest.getByLabel("Uraian").fill("Jumlah sasaran di RW kami sudah berubah sejak bulan lalu.");
  await guest.getByLabel("Kontak untuk jawaban (opsional)").fill(contact);
  await guest.getByRole("button", { name: "Kirim laporan" }).click();
  const confirmation = guest.getByRole("main").getByRole("status");
  await expect(confirmation).toContainText("Laporan terkirim");
  const reference = REFERENCE.exec(await confirmation.innerText())![0];
  // The contact is never shown back.
  await expect(guest.locator("body")).not.toContainText(contact);

  const after = await counts(guest, thisMonth());
  expect(after.received).toBe(before.received + 1);

  // Staff: the report is in the queue of new reports, with its contact (staff only).
  const staff = await browser.newPage({ storageState: authFile("staff") });
  await staff.goto("/staf/laporan");
  const report = staff.locator(`[data-report="${reference}"]`);
  await expect(report).toContainText("Informasi keliru");
  await expect(report).toContainText(item);
  await expect(report).toContainText(contact);
  expect((await seriousViolations(staff)).serious).toEqual([]);

  // Closing needs a reply.
  await report.getByRole("button", { name: "Selesaikan" }).click();
  await expect(report.getByText("Tulis jawaban untuk pelapor sebelum menutup laporan.")).toBeVisible();
  await report.getByRole("button", { name: "Tinjau" }).click();
  await expect(staff.getByRole("main").getByRole("status")).toContainText(`${reference}: Laporan sedang ditinjau.`);
  await expect(staff.locator(`[data-report="${reference}"]`)).toHaveCount(0);

  await staff.goto("/staf/laporan?status=IN_REVIEW");
  const inReview = staff.locator(`[data-report="${reference}"]`);
  await inReview.getByLabel("Jawaban untuk pelapor").fill("Terima kasih, sasaran sudah kami perbarui bersama kelurahan.");
  await inReview.getByRole("button", { name: "Selesaikan" }).click();
  await expect(staff.getByRole("main").getByRole("status")).toContainText(
    `${reference}: Laporan diselesaikan. Jawaban dikirim ke email pelapor.`,
  );

  const mail = await latestMail(contact, new RegExp(reference));
  expect(mail.text).toContain("Terima kasih, sasaran sudah kami perbarui bersama kelurahan.");

  const closed = await counts(guest, thisMonth());
  expect(closed.resolved).toBe(after.resolved + 1);
  await guestContext.close();
  await staff.close();
});

test("20 reports at once from one address: only the limit passes", async ({ browser }) => {
  const context = await visitor(browser, 2);
  const page = await context.newPage();
  await page.goto("/laporkan?tentang=kelurahan&id=31.71.01.1001");
  await page.getByLabel("Jenis masalah").selectOption("OTHER");
  await page.getByLabel("Uraian").fill("Laporan serentak dari satu jaringan, dua puluh sekaligus.");
  // The form's own request (its server action, as the browser sends it) is held back once,
  // then sent 20 times at once from the same address: 20 tabs would each have to load and
  // hydrate first, which on a busy two-core machine spreads the "burst" over many seconds.
  await page.route("**/laporkan**", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  const posted = page.waitForRequest((request) => request.method() === "POST");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  const request = await posted;
  const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => name !== "content-length"));
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => context.request.post(request.url(), { headers, data: request.postDataBuffer()! })),
  );
  const outcomes = await Promise.all(answers.map((answer) => answer.text()));
  expect(answers.every((answer) => answer.status() === 200)).toBe(true);
  expect(outcomes.filter((text) => REFERENCE.test(text))).toHaveLength(LIMIT);
  expect(outcomes.filter((text) => text.includes("Terlalu banyak laporan dari jaringan ini"))).toHaveLength(20 - LIMIT);
  await context.close();
});

test("the report page works in English, and refuses a subject that is not public", async ({ browser, baseURL }) => {
  const context = await visitor(browser, 3);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto("/laporkan?tentang=kelurahan&id=31.71.01.1001");
  await expect(page.getByRole("heading", { level: 1, name: "Report a problem" })).toBeVisible();
  await expect(page.getByLabel("Kind of problem")).toBeVisible();
  await expect(page.getByRole("table", { name: "Reports received and resolved per month, newest first" })).toBeVisible();
  // A subject that is not public is not reported on.
  await page.goto("/laporkan?tentang=organisation&id=org_tidak_ada");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not found or is not public");
  await expect(page.getByLabel("Kind of problem")).toHaveCount(0);
  await context.close();
});

// Community confirmation (issue 16), in this file because a shortfall files a report: run
// in order with the tests above, the monthly counts they read move only by their own reports.
// The aggregator records a delivery; its pledge page shows a single-use link and QR code; a
// representative opens it on a phone without an account and confirms less than was
// recorded; the need page and the API show the community figure; the link then refuses a
// second use; the shortfall is a case in the staff queue.

/** Opens a pledge of the aggregator's queue with at least `room` units left to deliver. */
async function pledgeWithRoom(page: Page, room: number): Promise<void> {
  for (const tab of ["in-delivery", "today", "schedule"]) {
    await page.goto(`/agregator/penyaluran?tab=${tab}`);
    const links = await page
      .locator("main a[href^='/janji/']")
      .evaluateAll((anchors) => [...new Set(anchors.map((a) => a.getAttribute("href")!))]);
    for (const href of links) {
      await page.goto(href);
      if ((await page.getByRole("button", { name: "Jadwalkan" }).count()) > 0) {
        await page.getByRole("button", { name: "Jadwalkan" }).click();
        await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Penyaluran dijadwalkan." })).toBeVisible();
      }
      const label = page.getByRole("region", { name: "Catat penyaluran" }).getByLabel(/Jumlah tersalurkan/);
      if ((await label.count()) === 0) continue;
      const remaining = Number(
        /sisa ([\d.]+)/.exec((await page.getByText(/Jumlah tersalurkan \(sisa/).innerText()) ?? "")?.[1]?.replace(/\./g, ""),
      );
      if (remaining >= room) return;
    }
  }
  throw new Error(`no pledge of the demo aggregator with ${room} units left to deliver`);
}

test("a representative confirms a delivery from its link on a phone; a shortfall reaches staff; the link works once", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const aggregator = await browser.newPage({ storageState: authFile("aggregator") });
  await pledgeWithRoom(aggregator, 3);
  const needHref = await aggregator.locator("main a[href^='/kebutuhan/']").first().getAttribute("href");
  const delivery = aggregator.getByRole("region", { name: "Catat penyaluran" });
  await delivery.getByLabel(/Jumlah tersalurkan/).fill("2");
  await delivery.getByLabel("Kelompok penerima").fill("Posko RW 02");
  await delivery.getByLabel(/Jumlah penerima/).fill("2");
  await delivery.getByRole("button", { name: "Simpan penyaluran" }).click();
  await expect(aggregator.getByRole("main").getByRole("status").filter({ hasText: "Penyaluran tercatat." })).toBeVisible();

  // The newest delivery carries its link and QR code.
  const open = aggregator.locator("[data-community='open']").last();
  await expect(open.getByRole("img", { name: "Kode QR tautan konfirmasi warga" })).toBeVisible();
  const link = new URL((await open.locator("[data-community-link]").getAttribute("href"))!);
  expect(link.pathname).toMatch(/^\/konfirmasi-warga\/[A-Za-z0-9_-]{43}$/);

  const needId = needHref!.split("/").pop()!;
  const apiFigure = async (page: Page) => {
    let cursor: string | undefined;
    for (;;) {
      const body = (await (await page.request.get(`/api/v1/needs?limit=100${cursor ? `&cursor=${cursor}` : ""}`)).json()) as {
        data: { id: string; community_confirmed_quantity: number }[];
        next_cursor: string | null;
      };
      const found = body.data.find((need) => need.id === needId);
      if (found) return found.community_confirmed_quantity;
      if (!body.next_cursor) throw new Error(`need ${needId} not in the API`);
      cursor = body.next_cursor;
    }
  };

  // The representative: a phone, no account.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 780 },
    extraHTTPHeaders: { "x-forwarded-for": "198.51.106.7" },
  });
  const representative = await phone.newPage();
  const before = await apiFigure(representative);
  await representative.goto(link.pathname);
  await expect(representative.getByRole("heading", { level: 1, name: "Konfirmasi penerimaan bantuan" })).toBeVisible();
  // Counts only: the recipient group written by the aggregator is not shown.
  const shown = representative.getByRole("region", { name: "Penyaluran yang dikonfirmasi" });
  await expect(shown).toContainText("Jumlah yang dicatat tersalurkan");
  await expect(shown).not.toContainText("Posko RW 02");
  expect((await seriousViolations(representative)).serious).toEqual([]);
  expect(await representative.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const quantity = representative.getByLabel(/Jumlah yang diterima/);
  await expect(quantity).toHaveValue("2");
  // More than delivered is explained, and nothing typed is lost.
  await quantity.fill("5");
  await representative.getByLabel("Catatan (opsional)").fill("Satu paket tertinggal di gudang.");
  await representative.getByRole("button", { name: "Kirim konfirmasi" }).click();
  await expect(representative.getByRole("main").getByRole("alert")).toContainText("Tidak boleh lebih dari yang dicatat tersalurkan (2).");
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(representative.getByLabel("Catatan (opsional)")).toHaveValue("Satu paket tertinggal di gudang.");
  await quantity.fill("1");
  await representative.getByRole("button", { name: "Kirim konfirmasi" }).click();
  await expect(representative.getByRole("main").getByRole("status")).toContainText("Kekurangan yang Anda laporkan sudah diteruskan");

  // Public figures: the need page and the API.
  await representative.goto(needHref!);
  await expect(representative.locator("[data-community-confirmed]")).toContainText("Dikonfirmasi warga");
  expect(await apiFigure(representative)).toBe(before + 1);

  // The link works once.
  await representative.goto(link.pathname);
  await expect(representative.getByRole("main").getByRole("alert")).toContainText("Tautan ini sudah dipakai");
  await expect(representative.getByRole("button", { name: "Kirim konfirmasi" })).toHaveCount(0);
  await phone.close();

  // The pledge page says what the community confirmed.
  await aggregator.reload();
  await expect(aggregator.locator("[data-community='used']").last()).toContainText("Dikonfirmasi warga: 1 dari 2 diterima.");
  await aggregator.close();

  // The shortfall is a case in the staff queue, about the delivery.
  const staff = await browser.newPage({ storageState: authFile("staff") });
  await staff.goto("/staf/laporan");
  const report = staff.locator("[data-report]").filter({ hasText: "Satu paket tertinggal di gudang." });
  await expect(report).toContainText("Bantuan tidak sampai");
  await expect(report).toContainText("diterima 1 dari 2");
  await staff.close();
});

test("an unknown confirmation link says so", async ({ page }) => {
  await page.goto(`/konfirmasi-warga/${"A".repeat(43)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Tautan konfirmasi ini tidak dikenal");
  await page.goto("/konfirmasi-warga/pendek");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Tautan konfirmasi ini tidak dikenal");
});
