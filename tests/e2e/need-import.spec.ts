import { expect, test } from "@playwright/test";
import { authFile, unique } from "./support/accounts.ts";

// City staff import needs from a CSV file: a file with one bad row is refused with a
// report naming that row and nothing is imported; the fixed file goes in whole and the
// needs appear in the public catalogue.

const HEADER = "kode_kelurahan;barang;satuan;target;jumlah_penerima;jenis_penerima;tenggat;prioritas;rw;keterangan";

function deadlineIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

test("staff import a CSV: a bad row is named and nothing imported; the fixed file imports and shows in the catalogue", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const staff = await browser.newContext({ storageState: authFile("staff") });
  const page = await staff.newPage();
  const tag = `Impor ${unique()}`;
  const deadline = deadlineIn(30);
  const rows = (badCode: string) =>
    [
      HEADER,
      `31.71.01.1001;Paket sembako ${tag} A;FOOD_PACKAGE;120;120;HOUSEHOLD;${deadline};HIGH;3;"Beras 5 kg; minyak 1 L"`,
      `${badCode};Paket sembako ${tag} B;FOOD_PACKAGE;80;80;HOUSEHOLD;${deadline};MEDIUM;;`,
      `31.74.01.1001;Paket sembako ${tag} C;FOOD_PACKAGE;40;40;HOUSEHOLD;${deadline};LOW;7;`,
    ].join("\r\n");

  await page.goto("/akun");
  await page.getByRole("link", { name: "Kelola kebutuhan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kelola kebutuhan" })).toBeVisible();
  await page.getByRole("link", { name: "Impor CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Impor kebutuhan dari CSV" })).toBeVisible();

  await page.getByLabel("Program").selectOption({ label: "KSBB Pangan 2026" });
  await page
    .getByLabel("Berkas CSV")
    .setInputFiles({ name: "kebutuhan.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${rows("31.71.01.9999")}`, "utf8") });
  await page.getByRole("button", { name: "Periksa dan impor" }).click();

  const report = page.getByRole("main").getByRole("alert");
  await expect(report).toContainText("1 baris bermasalah. Tidak ada yang diimpor");
  await expect(report.getByRole("listitem")).toHaveCount(1);
  await expect(report.getByRole("listitem")).toHaveText('Baris 3: Kode kelurahan "31.71.01.9999" tidak dikenal.');
  // The program choice survives the refusal.
  await expect(page.getByLabel("Program")).toHaveValue(/.+/);

  // Nothing of the refused file reached the catalogue.
  const catalogue = await page.context().newPage();
  await catalogue.goto(`/kebutuhan?q=${encodeURIComponent(tag)}`);
  await expect(catalogue.getByText("Tidak ada kebutuhan yang cocok", { exact: false })).toBeVisible();

  await page
    .getByLabel("Berkas CSV")
    .setInputFiles({ name: "kebutuhan.csv", mimeType: "text/csv", buffer: Buffer.from(rows("31.71.01.1002"), "utf8") });
  await page.getByRole("button", { name: "Periksa dan impor" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 kebutuhan diimpor." })).toBeVisible();
  await expect(page).toHaveURL(/\/staf\/kebutuhan\?program=.+&berubah=imported&jumlah=3/);

  await catalogue.goto(`/kebutuhan?q=${encodeURIComponent(tag)}`);
  const cards = catalogue.getByRole("main").getByRole("article");
  await expect(cards).toHaveCount(3);
  for (const suffix of ["A", "B", "C"]) await expect(catalogue.getByRole("link", { name: `Paket sembako ${tag} ${suffix}` })).toBeVisible();
  await expect(cards.filter({ hasText: `${tag} B` })).toContainText("Cideng");
  await staff.close();
});

test("the template downloads for staff only", async ({ browser, request }) => {
  expect((await request.get("/staf/kebutuhan/impor/template.csv")).status()).toBe(401);
  const donor = await browser.newContext({ storageState: authFile("donor") });
  expect((await donor.request.get("/akun", { maxRedirects: 0 })).status(), "the donor is signed in").toBe(200);
  expect((await donor.request.get("/staf/kebutuhan/impor/template.csv")).status()).toBe(404);
  await donor.close();
  const page = await browser.newPage({ storageState: authFile("staff") });
  await page.goto("/staf/kebutuhan/impor");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh templat CSV" }).click();
  const file = await download;
  const text = (await (await file.createReadStream()).toArray()).join("");
  expect(text.split(/\r\n/).filter(Boolean)).toHaveLength(3);
  expect(text).toContain("kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas,rw,keterangan");
  await page.close();
});
