import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";

const percentOf = (text: string | null) => Number(text!.replace(/[^\d]/g, ""));
const numberIn = (text: string | null) => Number(text!.replace(/\D/g, ""));
const stillNeeded = (page: Page) => page.getByRole("region", { name: "Di mana bantuan masih dibutuhkan" }).getByRole("listitem");

/** The catalogue's own result count for a query (an independent read of the same needs). */
async function catalogueCount(page: Page, query: string) {
  await page.goto(`/kebutuhan${query}`);
  // "12 kebutuhan", or "Tidak ada kebutuhan" for none.
  return numberIn(await page.getByRole("heading", { level: 2, name: /\d+ kebutuhan|Tidak ada kebutuhan/ }).textContent());
}

test("the transparency page shows coverage per category and the kelurahan that need help most, in order", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  await page.getByRole("link", { name: "Lihat transparansi bantuan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transparansi bantuan" })).toBeVisible();

  // Per category: a coverage bar per unit and the uncovered share.
  const categories = page.getByRole("region", { name: "Cakupan per program di DKI Jakarta" });
  for (const name of ["KSBB Pangan", "KSBB UMKM", "KSBB Pendidikan", "KSBB Permukiman"]) {
    const card = categories.getByRole("article", { name });
    await expect(card.getByText(/\d+% penerima manfaat belum tertutup/)).toBeVisible();
    await expect(card.getByRole("img", { name: /tersalurkan, .* dijanjikan dari sasaran/ }).first()).toBeVisible();
  }
  // UMKM counts in two units: two bars, never one summed bar.
  await expect(categories.getByRole("article", { name: "KSBB UMKM" }).getByRole("img")).toHaveCount(2);

  // Live needs = every public need but the closed ones, as the catalogue counts them. (The
  // catalogue's "open" filter leaves out open needs past their deadline, which no one can
  // pledge to any more; the transparency figures still count them until they are closed.)
  const live = numberIn(await page.getByText("Kebutuhan aktif").locator("xpath=following-sibling::dd").textContent());
  const all = await catalogueCount(page, "");
  const closed = await catalogueCount(page, "?status=CLOSED");
  expect(live).toBe(all - closed);

  // "Where help is still needed": sorted by uncovered share, largest first, as the page shows it.
  await page.goto("/transparansi");
  const rows = stillNeeded(page);
  await expect(rows).toHaveCount(15);
  const sharesOnPage = async () => (await rows.locator("[data-value]").allTextContents()).map(percentOf);
  const firstShares = await sharesOnPage();
  // "Show more" lists more, continuing the same order; the longest list reaches kelurahan
  // that are partly covered, so the order is checked over different values.
  await page.getByRole("link", { name: "Tampilkan lebih banyak" }).click();
  await expect(page).toHaveURL(/lebih=2/);
  await expect(rows).toHaveCount(30);
  expect((await sharesOnPage()).slice(0, 15)).toEqual(firstShares);
  await page.goto("/transparansi?lebih=20");
  const shares = await sharesOnPage();
  expect(shares.length).toBeGreaterThan(100);
  expect(shares.every((share) => share >= 1 && share <= 100)).toBe(true); // a sliver shows as "<1%"
  for (let i = 1; i < shares.length; i++) expect(shares[i - 1]!, `row ${i}`).toBeGreaterThanOrEqual(shares[i]!);
  expect(new Set(shares).size).toBeGreaterThan(20);
  await expect(page.getByRole("link", { name: "Tampilkan lebih banyak" })).toHaveCount(0);

  // Each kelurahan links to the catalogue filtered to it.
  const first = rows.first();
  const name = (await first.getByRole("link").first().textContent())!;
  await first.getByRole("link", { name: `Kebutuhan di ${name}` }).click();
  await expect(page).toHaveURL(/\/kebutuhan\?kelurahan=31\.\d\d\.\d\d\.\d{4}&kecamatan=31\.\d\d\.\d\d&kota=31\.\d\d/);
  await expect(page.getByRole("heading", { level: 2, name: /[1-9]\d* kebutuhan/ })).toBeVisible();
});

test("the category filter applies to every section", async ({ page }) => {
  await page.goto("/transparansi");
  await page.getByRole("navigation", { name: "Saring menurut program" }).getByRole("link", { name: "Pendidikan" }).click();
  await expect(page).toHaveURL(/category=PENDIDIKAN/);
  const categories = page.getByRole("region", { name: /Cakupan per program/ });
  await expect(categories.getByRole("article")).toHaveCount(1);
  await expect(categories.getByRole("article", { name: "KSBB Pendidikan" })).toBeVisible();
  await expect(page.getByText(/catatan penyaluran Pendidikan/)).toBeVisible();
  // The kelurahan pages and the drill-down keep the filter.
  await expect(stillNeeded(page).first().getByRole("link").first()).toHaveAttribute("href", /category=PENDIDIKAN/);
  await page.getByRole("link", { name: "Kota Administrasi Jakarta Selatan" }).click();
  await expect(page).toHaveURL(/category=PENDIDIKAN/);
  await expect(page).toHaveURL(/kota=31\.74/);
});

test(
  "drill-down goes from kota to kecamatan to a kelurahan page with its needs and delivery record",
  { tag: "@smoke" },
  async ({ page }) => {
    await page.goto("/transparansi");
    const table = page.getByRole("table", { name: "Cakupan per kota" });
    await expect(table.getByRole("row")).toHaveCount(7); // header + 6 kota/kabupaten
    await table.getByRole("link", { name: "Kota Administrasi Jakarta Pusat" }).click();
    await expect(page).toHaveURL(/\?kota=31\.71$/);
    await expect(page.getByRole("heading", { level: 1, name: "Transparansi bantuan: Kota Administrasi Jakarta Pusat" })).toBeVisible();
    const kecamatan = page.getByRole("table", { name: "Cakupan per kecamatan" });
    await expect(kecamatan.getByRole("row")).toHaveCount(9); // header + 8 kecamatan
    await kecamatan.getByRole("link", { name: "Gambir" }).click();
    await expect(page).toHaveURL(/\?kecamatan=31\.71\.01$/);
    await expect(page.getByRole("navigation", { name: "Wilayah" })).toContainText("Kota Administrasi Jakarta Pusat");
    await page.getByRole("table", { name: "Cakupan per kelurahan" }).getByRole("link", { name: "Gambir" }).click();

    await expect(page).toHaveURL(/\/transparansi\/kelurahan\/31\.71\.01\.1001$/);
    await expect(page.getByRole("heading", { level: 1, name: "Kelurahan Gambir" })).toBeVisible();
    // Its needs, as many as the catalogue lists for the kelurahan, each linking to the need.
    const needs = numberIn(await page.getByRole("heading", { level: 2, name: /^Kebutuhan \(\d+\)$/ }).textContent());
    const needLinks = page.getByRole("region", { name: /^Kebutuhan \(/ }).getByRole("link", { name: /.+/ });
    expect(await needLinks.count()).toBe(Math.min(needs, 10));
    await expect(needLinks.first()).toHaveAttribute("href", /^\/kebutuhan\/need_\d+$/);
    expect(needs).toBe(await catalogueCount(page, "?kelurahan=31.71.01.1001"));
  },
);

test("a kelurahan's delivery record shows counts, and names only public deliverers", async ({ page }) => {
  // It walks kelurahan pages until both kinds of deliverer appear: a dozen renders on a busy machine.
  test.setTimeout(90_000);
  // Jakarta Barat is served by a public aggregator and by one that is verified but not public
  // (Lumbung Berbagi Jakarta); some donors deliver themselves and are not public either.
  // Walk its kelurahan until a named and an anonymous deliverer have both shown up.
  await page.goto("/transparansi?kota=31.73&lebih=4");
  const links = await stillNeeded(page)
    .locator("a[href^='/transparansi/kelurahan/']")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThan(10);
  const deliverers = new Set<string>();
  for (const href of links) {
    // What is read here is the server-rendered page: no need to wait for the map's drawing.
    await page.goto(href, { waitUntil: "domcontentloaded" });
    await expect(page.getByText("Foto penyaluran tidak ditampilkan")).toBeVisible();
    const record = page.getByRole("table", { name: /Catatan penyaluran di/ });
    if ((await record.count()) === 0) continue;
    await expect(record.getByRole("columnheader")).toHaveText(["Tanggal", "Kebutuhan", "Jumlah", "Penerima", "Penyalur"]);
    // The rendered table read in one go: a round trip per cell made this test the suite's slowest.
    const rows = await record.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")];
        return {
          recipients: cells[3]?.textContent?.trim() ?? "",
          need: cells[1]?.querySelector("a")?.getAttribute("href") ?? "",
          deliverer: cells[4]?.querySelector("[data-deliverer]")?.textContent ?? "",
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // A count, or "—" where the deliverer did not record one: never a name.
      expect(row.recipients).toMatch(/^(\d[\d.]*|—)$/);
      expect(row.need).toMatch(/^\/kebutuhan\/need_\d+$/);
      deliverers.add(row.deliverer.trim());
    }
    await expect(page.getByText("Lumbung Berbagi Jakarta")).toHaveCount(0);
    if (
      [...deliverers].some((d) => d === "Penyalur" || d === "Donatur") &&
      [...deliverers].some((d) => d !== "Penyalur" && d !== "Donatur")
    )
      break;
  }
  expect(
    [...deliverers].some((d) => d === "Penyalur" || d === "Donatur"),
    [...deliverers].join(", "),
  ).toBe(true);
  expect(
    [...deliverers].some(
      (d) =>
        ["Palang Kasih Nusantara", "Dompet Peduli Kampung", "Yayasan Amal Bersama Ibukota"].includes(d) ||
        d.startsWith("PT ") ||
        d.startsWith("Yayasan "),
    ),
    [...deliverers].join(", "),
  ).toBe(true);
});

test("unknown or malformed kelurahan codes answer the translated 404", async ({ page }) => {
  for (const code of ["31.71.01.9999", "abc", "31.71.01"]) {
    const response = await page.goto(`/transparansi/kelurahan/${code}`);
    expect(response?.status(), code).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Kelurahan tidak ditemukan" })).toBeVisible();
  }
  // An unknown region in the drill-down is dropped, and the page says so.
  await page.goto("/transparansi?kota=31.99");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Wilayah yang diminta tidak dikenal");
  await expect(page.getByRole("table", { name: "Cakupan per kota" })).toBeVisible();
});

test("the transparency pages work in English", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto("/transparansi");
  await expect(page.getByRole("heading", { level: 1, name: "Aid transparency" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Where help is still needed" })).toBeVisible();
  await expect(page.getByText(/\d+% of beneficiaries not yet covered/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Transparency" }).first()).toBeVisible();
  await page.getByRole("table", { name: "Coverage per city" }).getByRole("link", { name: "Kota Administrasi Jakarta Barat" }).click();
  await expect(page.getByRole("table", { name: "Coverage per district" })).toBeVisible();
  await page.goto("/transparansi/kelurahan/31.71.01.1001");
  await expect(page.getByRole("heading", { level: 2, name: "Delivery record" })).toBeVisible();
  await expect(
    page.getByText("Delivered by", { exact: true }).or(page.getByText("No deliveries have been recorded in this kelurahan yet.")),
  ).toBeVisible();
});

test("the transparency pages fit a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/transparansi", "/transparansi?kecamatan=31.71.01", "/transparansi/kelurahan/31.71.01.1001"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
  }
});

test("the weekly delivery chart has twelve weeks and a table of its numbers", async ({ page }) => {
  await page.goto("/transparansi");
  const chart = page.getByRole("region", { name: "Penyaluran per minggu" });
  await chart.getByText("Tampilkan angka sebagai tabel").click();
  const rows = chart.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(13);
  await expect(chart.getByRole("img", { name: /penyaluran dalam 12 minggu terakhir|Belum ada penyaluran/ })).toBeVisible();
});

test.describe("staff dashboard", () => {
  test("guests are sent to sign in and donors get not found", async ({ page, browser }) => {
    await page.goto("/staf");
    await expect(page).toHaveURL(/\/masuk\?next=%2Fstaf$/);
    const donor = await browser.newPage({ storageState: authFile("donor") });
    const response = await donor.goto("/staf");
    expect(response?.status()).toBe(404);
    await expect(donor.getByRole("link", { name: "Akun saya" })).toBeVisible();
    await expect(donor.getByRole("link", { name: "Dasbor" })).toHaveCount(0);
    await donor.close();
  });

  test.describe("as staff", () => {
    // The demo staff member's stored session (tests/e2e/auth.setup.ts).
    test.use({ storageState: authFile("staff") });

    test("shows the review backlog, matching the review page, with links to it", async ({ page }) => {
      await page.goto("/akun");
      await page.getByRole("link", { name: "Dasbor" }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "Dasbor cakupan" })).toBeVisible();
      const count = numberIn(await page.getByTestId("backlog-count").textContent());
      expect(count).toBeGreaterThan(0);
      const backlog = page.getByRole("table", { name: "Janji terlama yang menunggu tinjauan" });
      await expect(backlog.getByRole("row")).toHaveCount(Math.min(count, 10) + 1);
      await expect(backlog.getByRole("link").first()).toHaveAttribute("href", /^\/janji\/plg_\d+$/);
      const ages = await backlog.getByRole("row").locator("td:last-child").allTextContents();
      expect(ages.map(numberIn).every((days) => days >= 3)).toBe(true);

      // The review page with the same filter lists the same number of pledges.
      await page.getByRole("link", { name: "Buka tinjauan janji" }).click();
      await expect(page).toHaveURL(/\/staf\/janji\?status=SUBMITTED&age=3$/);
      await expect(page.getByLabel("Menunggu")).toHaveValue("3");
      // The staff inbox spec approves the oldest pledges, in parallel: when it did so between
      // the two reads, read both again.
      let waiting = count;
      await expect(async () => {
        const pager = page.getByText(/Halaman 1 dari \d+/);
        const pages = (await pager.count()) ? numberIn((await pager.textContent())!.replace(/^Halaman 1 dari /, "")) : 1;
        await page.goto(`/staf/janji?status=SUBMITTED&age=3&page=${pages}`);
        const onLast = await page.getByRole("main").getByRole("article").count();
        const listed = (pages - 1) * 20 + onLast;
        if (listed !== waiting) {
          await page.goto("/staf");
          waiting = numberIn(await page.getByTestId("backlog-count").textContent());
          await page.goto("/staf/janji?status=SUBMITTED&age=3");
        }
        expect(listed).toBe(waiting);
      }).toPass({ timeout: 60_000, intervals: [1_000] });
    });

    test("drills down per program and region, and lists the 20 least covered kelurahan", async ({ page }) => {
      await page.goto("/staf");
      await page.getByRole("combobox", { name: "Program" }).selectOption({ label: "KSBB Pendidikan 2026" });
      await page.getByRole("button", { name: "Tampilkan", exact: true }).click();
      await expect(page).toHaveURL(/program=prg_00003/);
      const programs = page.getByRole("table", { name: "Per program" });
      await expect(programs.getByRole("rowheader")).toHaveCount(1);
      await expect(programs.getByRole("cell", { name: "unit gawai" })).toBeVisible();
      await expect(programs.getByRole("cell", { name: "paket kuota" })).toBeVisible();
      await expect(programs.getByRole("columnheader")).toHaveText([
        "Program",
        "Satuan",
        "Sasaran",
        "Dijanjikan",
        "Disetujui",
        "Tersalurkan",
        "Dikonfirmasi",
        "Belum tertutup",
      ]);

      await page
        .getByRole("table", { name: "Per wilayah: DKI Jakarta" })
        .getByRole("link", { name: "Kota Administrasi Jakarta Timur" })
        .click();
      await expect(page).toHaveURL(/program=prg_00003&kota=31\.75/);
      await page.getByRole("table", { name: "Per wilayah: Kota Administrasi Jakarta Timur" }).getByRole("link").first().click();
      await expect(page).toHaveURL(/kecamatan=31\.75\.\d\d/);
      await expect(
        page
          .getByRole("table", { name: /^Per wilayah: / })
          .getByRole("link", { name: /.+/ })
          .first(),
      ).toHaveAttribute("href", /^\/transparansi\/kelurahan\//);

      const top = page.getByRole("table", { name: "20 kelurahan dengan bagian belum tertutup terbesar" });
      await expect(top.getByRole("row")).toHaveCount(21);
      const shares = (await top.getByRole("row").locator("td:nth-last-child(2)").allTextContents()).map(percentOf);
      for (let i = 1; i < shares.length; i++) expect(shares[i - 1]!).toBeGreaterThanOrEqual(shares[i]!);

      const chart = page.getByRole("region", { name: "Penyaluran per minggu" });
      await chart.getByText("Tampilkan angka sebagai tabel").click();
      await expect(chart.getByRole("table").getByRole("row")).toHaveCount(13);
    });

    test("the dashboard fits a 360 px phone", { tag: "@smoke" }, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto("/staf");
      await expect(page.getByRole("heading", { level: 1, name: "Dasbor cakupan" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  });
});
