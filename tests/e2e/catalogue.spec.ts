import { expect, test, type Page } from "@playwright/test";

const cards = (page: Page) =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("article") });

test("a visitor goes from the home page to one kelurahan's needs and opens a need", { tag: "@smoke" }, async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Bersama menutup kebutuhan warga Jakarta" })).toBeVisible();
  // Live totals for each active category; planned ones say so.
  for (const name of ["KSBB Pangan", "KSBB UMKM", "KSBB Pendidikan", "KSBB Permukiman"]) {
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(card.getByText(/\d+ kebutuhan ·/)).toBeVisible();
  }
  await expect(page.getByRole("article").filter({ hasText: "KSBB Persampahan" }).getByText("Segera dibuka")).toBeVisible();

  await page.getByRole("link", { name: "Lihat kebutuhan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daftar kebutuhan" })).toBeVisible();
  const total = Number((await page.getByRole("heading", { name: /\d+ kebutuhan/ }).textContent())!.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(300);

  // Region filters narrow step by step; with JavaScript each choice applies at once.
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");
  await page.getByText("Saringan program, wilayah dan status").click();
  await page.getByLabel("Kota/Kabupaten").selectOption({ label: "Kota Administrasi Jakarta Pusat" });
  await expect(page).toHaveURL(/kota=31\.71/);
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");
  await page.getByLabel("Kecamatan").selectOption({ label: "Gambir" });
  await expect(page).toHaveURL(/kecamatan=31\.71\.01/);
  await expect(page.getByRole("search")).toHaveAttribute("data-enhanced", "true");
  await page.getByLabel("Kelurahan").selectOption({ label: "Gambir" });
  await expect(page).toHaveURL(/kelurahan=31\.71\.01\.1001/);

  const results = cards(page);
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(total);
  for (const card of await results.all()) await expect(card.getByText("Gambir · Kota Administrasi Jakarta Pusat")).toBeVisible();

  const firstTitle = (await results.first().getByRole("heading").textContent())!;
  await results.first().getByRole("link", { name: firstTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: firstTitle })).toBeVisible();
  const path = page.getByRole("navigation", { name: "Lokasi" });
  await expect(path).toContainText("Kota Administrasi Jakarta Pusat");
  await expect(path).toContainText("Gambir");
  await expect(page.getByRole("img", { name: /tersalurkan, .* dijanjikan dari sasaran/ })).toBeVisible();
});

test("a shared catalogue link keeps its filters", async ({ page }) => {
  await page.goto("/kebutuhan?kelurahan=31.71.01.1001&category=PANGAN");
  await expect(page.getByLabel("Kelurahan")).toHaveValue("31.71.01.1001");
  await expect(page.getByLabel("Kecamatan")).toHaveValue("31.71.01");
  await expect(page.getByLabel("Program")).toHaveValue("PANGAN");
  for (const card of await cards(page).all()) await expect(card.getByText("Pangan", { exact: true })).toBeVisible();
});

test("bad filter values get a clear message, never an error page", async ({ page }) => {
  const response = await page.goto(`/kebutuhan?page=-1&kelurahan=%3Cscript%3E&q=${"x".repeat(10_000)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "diabaikan" })).toContainText("nomor halaman");
  await expect(page.getByRole("alert").filter({ hasText: "diabaikan" })).toContainText("kelurahan");
  await expect(page.getByRole("alert").filter({ hasText: "diabaikan" })).toContainText("maksimal 100 karakter");

  await page.goto("/kebutuhan?kelurahan=31.71.01.9999");
  await expect(page.getByText("Tidak ada kebutuhan yang cocok")).toBeVisible();

  const missing = await page.goto("/kebutuhan/no_such_need");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Kebutuhan tidak ditemukan" })).toBeVisible();
});

test("pagination moves through the results without losing filters", async ({ page }) => {
  await page.goto("/kebutuhan?category=PENDIDIKAN");
  const firstPage = await cards(page).first().getByRole("heading").textContent();
  await page.getByRole("link", { name: "Berikutnya" }).click();
  await expect(page).toHaveURL(/category=PENDIDIKAN.*page=2|page=2.*category=PENDIDIKAN/);
  await expect(page.getByText(/Halaman 2 dari \d+/)).toBeVisible();
  await expect(page.getByText(/Menampilkan 21–40 dari/)).toBeVisible();
  expect(await cards(page).first().getByRole("heading").textContent()).not.toBe(firstPage);
});
