import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { authFile, type Role } from "./support/accounts.ts";
import { openNeedWithRoom } from "./support/pledges.ts";

// One pledge from start to finish, by the three parties, in the browser: each party in a
// browser of its own, signed in from the stored session (signing in and out is tested in
// accounts.spec.ts).
test.describe.configure({ mode: "serial" });

async function coveredPercent(page: Page): Promise<string> {
  return (await page
    .getByText(/% tertutup janji/)
    .first()
    .textContent())!;
}

test("a donor pledges, staff approve, the aggregator delivers in two parts with a photo, staff confirm", async ({ browser }) => {
  test.setTimeout(120_000);
  const as = async (role: Role) => (await browser.newContext({ storageState: authFile(role) })).newPage();
  const donor = await as("donor");
  let page = donor;
  // A need in Jakarta Pusat (served by the demo aggregator) with room for 4 more.
  const needUrl = await openNeedWithRoom(page, "/kebutuhan?kota=31.71&status=OPEN&sort=deadline", 4);
  const before = await coveredPercent(page);

  const panel = page.getByRole("region", { name: "Janji bantuan" });
  await panel.getByLabel(/^Jumlah/).fill("4");
  await panel.getByLabel("Cara penyaluran").selectOption("AGGREGATOR");
  // No aggregator is chosen for the donor, and the form says who they are (issue 15).
  await expect(panel.getByLabel("Agregator")).toHaveValue("");
  await panel.getByText(/agregator yang melayani kelurahan ini\?$/).click();
  await expect(panel.getByRole("listitem").filter({ hasText: "Yayasan Amal Bersama Ibukota" })).toContainText("melayani");
  await panel.getByLabel("Agregator").selectOption({ label: "Yayasan Amal Bersama Ibukota" });
  const today = await panel.getByLabel("Rencana tanggal penyaluran").getAttribute("min");
  await panel.getByLabel("Rencana tanggal penyaluran").fill(today!);
  await panel.getByRole("button", { name: "Kirim janji" }).click();

  const created = page.getByRole("status").filter({ hasText: "Janji terkirim" });
  await expect(created).toBeVisible();
  const reference = (await created.textContent())!.match(/KSBB-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
  await expect(page.getByText("Menunggu tinjauan petugas Pemprov.")).toBeVisible();
  // The donor may cancel, with a reason the form marks as required (issue 15).
  await expect(page.getByRole("textbox", { name: "Alasan (wajib)" })).toHaveAttribute("required", "");
  await page.goto(needUrl);
  expect(await coveredPercent(page)).not.toBe(before);

  // Staff approve from the review queue.
  const staff = await as("staff");
  page = staff;
  await page.goto("/akun");
  await page.getByRole("link", { name: "Tinjauan janji" }).click();
  await page.getByLabel("Kode janji").fill(reference);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.getByLabel(`Pilih ${reference}`).check();
  await page.getByRole("button", { name: "Setujui yang dipilih" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 janji diproses" })).toBeVisible();

  // The aggregator schedules, then delivers 1 with a photo, then the remaining 3.
  page = await as("aggregator");
  await page.goto("/akun");
  await page.getByRole("link", { name: "Penyaluran" }).click();
  // The queue's card also has "Jadwalkan KSBB-…", which leads to the same page.
  await page.getByRole("link", { name: reference, exact: true }).click();
  await page.getByRole("button", { name: "Jadwalkan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Penyaluran dijadwalkan." })).toBeVisible();
  const delivery = page.getByRole("region", { name: "Catat penyaluran" });
  await delivery.getByLabel(/Jumlah tersalurkan/).fill("1");
  await delivery.getByLabel("Kelompok penerima").fill("RW 03");
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: "#2f855a" } })
    .jpeg()
    .toBuffer();
  await delivery.getByLabel(/Foto bukti/).setInputFiles({ name: "bukti.jpg", mimeType: "image/jpeg", buffer: photo });
  await delivery.getByRole("button", { name: "Simpan penyaluran" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Penyaluran tercatat." })).toBeVisible();
  await expect(page.getByText(/^1 dari 4 /)).toBeVisible();
  const photoUrl = await page.getByRole("img", { name: "Foto bukti penyaluran 1" }).getAttribute("src");
  expect((await page.request.get(photoUrl!)).headers()["content-type"]).toBe("image/jpeg");
  await page.getByRole("region", { name: "Catat penyaluran" }).getByLabel("Kelompok penerima").fill("RW 04");
  await page.getByRole("region", { name: "Catat penyaluran" }).getByRole("button", { name: "Simpan penyaluran" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Penyaluran tercatat." })).toBeVisible();
  await page.context().close();

  // The photo is private: a guest gets 401, another donor 404.
  const guest = await browser.newContext();
  expect((await guest.request.get(new URL(photoUrl!, donor.url()).toString())).status()).toBe(401);
  await guest.close();

  // Staff confirm, finding the pledge by its code among the deliveries (the demo staff member
  // is not necessarily in the office that owns this need's program, so no notice reached them).
  page = staff;
  await page.goto(`/staf/janji?status=DELIVERED&reference=${reference}`);
  await page.getByRole("link", { name: reference }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Janji ${reference}` })).toBeVisible();
  await page.getByRole("button", { name: "Konfirmasi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Penyaluran dikonfirmasi." })).toBeVisible();
  await staff.context().close();

  // The donor sees the whole timeline.
  page = donor;
  await page.goto("/akun");
  await page.getByRole("link", { name: "Janji saya" }).click();
  await page.getByRole("link", { name: reference }).click();
  const timeline = page.getByRole("region", { name: "Riwayat" });
  for (const status of ["Diajukan", "Disetujui", "Dijadwalkan", "Dalam pengiriman", "Tersalurkan", "Dikonfirmasi"]) {
    await expect(timeline.getByText(status, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText("Selesai dan dikonfirmasi. Terima kasih!")).toBeVisible();
});
