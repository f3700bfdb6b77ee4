import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { authFile } from "./support/accounts.ts";
import { seriousViolations } from "./support/axe.ts";

// Issue 16: a verified partner proposes a JDCN collaboration; staff pass it to the owning
// office and take it to "agreed" with its MoU; it then shows on /kolaborasi (on a phone,
// in both languages), in the dataset and in the API, and the partner sees each step.

const REFERENCE = /KL-[2-9A-Z]{4}-[2-9A-Z]{4}/;

test("a partner proposes a collaboration, staff take it to agreed, and the public, the dataset and the API show it", async ({
  browser,
  request,
}) => {
  // Three people, two axe runs and eight form posts: longer than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const title = `Perpustakaan keliling ${randomUUID().slice(0, 8)}`;
  const mou = `PKS-JDCN/${randomUUID().slice(0, 6).toUpperCase()}`;

  // The partner (the demo donor's verified company) proposes.
  const partnerContext = await browser.newContext({ storageState: authFile("donor") });
  const partner = await partnerContext.newPage();
  await partner.goto("/akun");
  await partner.getByRole("link", { name: "Kolaborasi organisasi saya" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Kolaborasi organisasi saya" })).toBeVisible();
  // Bad input is explained field by field, and nothing typed is lost.
  await partner.getByLabel("Judul kolaborasi").fill(title);
  await partner.getByRole("button", { name: "Kirim usulan" }).click();
  await expect(partner.getByText("Pilih topik JDCN.")).toBeVisible();
  await expect(partner.getByLabel("Judul kolaborasi")).toHaveValue(title);
  await partner.getByLabel("Topik JDCN").selectOption({ label: "Pendidikan" });
  await partner.getByLabel("Lokasi (bila lokal)").selectOption("31.71.01.1001");
  await partner.getByLabel("Yang Anda tawarkan").fill("Dua mobil perpustakaan dan relawan pendongeng setiap Sabtu selama setahun.");
  await partner.getByLabel("Yang Anda minta dari Pemprov").fill("Titik parkir di kantor kelurahan dan jadwal bersama dinas.");
  await partner.getByLabel("Mulai").fill("2027-02-01");
  await partner.getByLabel("Selesai").fill("2027-12-31");
  await partner.getByRole("button", { name: "Kirim usulan" }).click();
  const sent = partner.getByRole("main").getByRole("status").filter({ hasText: "Usulan terkirim" });
  await expect(sent).toBeVisible();
  const reference = REFERENCE.exec(await sent.innerText())![0];
  await expect(partner.locator(`[data-collaboration="${reference}"]`)).toContainText("Diterima");

  // Staff (Dinas Sosial) pass it to their own office, then discuss and agree it.
  const staffContext = await browser.newContext({ storageState: authFile("staff") });
  const staff = await staffContext.newPage();
  await staff.goto("/staf/kolaborasi");
  let item = staff.locator(`[data-collaboration="${reference}"]`);
  await expect(item).toContainText(title);
  await expect(item).toContainText("Titik parkir di kantor kelurahan");
  await item.getByLabel("Teruskan ke perangkat daerah", { exact: true }).selectOption({ label: "Dinas Sosial Provinsi DKI Jakarta" });
  await item.getByRole("button", { name: "Teruskan" }).click();
  await expect(staff.getByRole("status").filter({ hasText: reference })).toContainText("Diteruskan ke perangkat daerah.");
  item = staff.locator(`[data-collaboration="${reference}"]`);
  await item.getByLabel("Alasan, dibaca mitra").fill("Sejalan dengan program literasi kelurahan.");
  await item.getByRole("button", { name: "Mulai pembahasan" }).click();
  await expect(staff.getByRole("status").filter({ hasText: reference })).toContainText("Pembahasan dimulai.");

  await staff.goto("/staf/kolaborasi?status=IN_DISCUSSION");
  item = staff.locator(`[data-collaboration="${reference}"]`);
  await item.getByLabel("Alasan, dibaca mitra").fill("Nota kesepahaman ditandatangani kedua pihak.");
  // Agreeing needs the MoU: refused, explained, and the reason is kept.
  await item.getByRole("button", { name: "Sepakati" }).click();
  await expect(item.getByText("Tulis nomor nota kesepahaman (minimal 3 karakter).")).toBeVisible();
  await expect(item.getByLabel("Alasan, dibaca mitra")).toHaveValue("Nota kesepahaman ditandatangani kedua pihak.");
  await item.getByLabel("Nomor nota kesepahaman (MoU)").fill(mou);
  await item.getByLabel("Tanggal MoU ditandatangani").fill("2026-11-30");
  await item.getByRole("button", { name: "Sepakati" }).click();
  await expect(staff.getByRole("status").filter({ hasText: reference })).toContainText("Kolaborasi disepakati");
  expect((await seriousViolations(staff)).serious).toEqual([]);

  // The public page, on a phone: under its topic, with the partner, the office and the MoU.
  const guestContext = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const guest = await guestContext.newPage();
  await guest.goto("/kolaborasi?topik=education");
  const card = guest.locator(`[data-collaboration="${reference}"]`);
  await expect(card).toContainText(title);
  await expect(card.getByRole("link", { name: "PT Cahaya Timur Makmur" })).toBeVisible();
  await expect(card).toContainText("Dinas Sosial Provinsi DKI Jakarta");
  await expect(card).toContainText(mou);
  await expect(card).toContainText("Disepakati");
  // What was asked of the city and the reasons stay between the partner and the city.
  await expect(guest.locator("body")).not.toContainText("Titik parkir di kantor kelurahan");
  await expect(guest.locator("body")).not.toContainText("Nota kesepahaman ditandatangani kedua pihak.");
  expect((await seriousViolations(guest)).serious).toEqual([]);
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // On the partner's directory page too.
  await card.getByRole("link", { name: "PT Cahaya Timur Makmur" }).click();
  await expect(guest.locator(`[data-collaboration="${reference}"]`)).toContainText(title);

  // In English.
  await guestContext.addCookies([{ name: "NEXT_LOCALE", value: "en", domain: "localhost", path: "/" }]);
  await guest.goto("/kolaborasi?topik=education");
  await expect(guest.getByRole("heading", { level: 1, name: "JDCN collaborations" })).toBeVisible();
  await expect(guest.locator(`[data-collaboration="${reference}"]`)).toContainText("Agreed");

  // The dataset and the API.
  const csv = await (await request.get("/data/kolaborasi.csv")).text();
  const line = csv.split("\r\n").find((row) => row.startsWith(reference));
  expect(line).toContain(title);
  expect(line).toContain(mou);
  const api = await (await request.get("/api/v1/collaborations?topic=EDUCATION&limit=500")).json();
  expect(api.data.find((row: { reference: string }) => row.reference === reference)).toMatchObject({
    title,
    status: "AGREED",
    partner: "PT Cahaya Timur Makmur",
    office: "Dinas Sosial Provinsi DKI Jakarta",
    kelurahan_code: "31.71.01.1001",
    mou_reference: mou,
    mou_signed_on: "2026-11-30",
  });

  // The partner sees where it stands, with the office's reason, and was told.
  await partner.goto("/akun/kolaborasi");
  const own = partner.locator(`[data-collaboration="${reference}"]`);
  await expect(own).toContainText("Disepakati");
  await expect(own).toContainText("Nota kesepahaman ditandatangani kedua pihak.");
  await partner.goto("/pemberitahuan");
  await expect(partner.getByRole("link", { name: `Kolaborasi ${reference} disepakati.` })).toBeVisible();
  await Promise.all([partnerContext.close(), staffContext.close(), guestContext.close()]);
});
