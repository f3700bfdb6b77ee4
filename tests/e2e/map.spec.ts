import fs from "node:fs";
import zlib from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { authFile } from "./support/accounts.ts";

// The catalogue's map view (components/map): shapes, numbers, keyboard, and phone width.
const map = (page: Page) => page.locator("[data-kelurahan-map]");
const shapes = (page: Page) => map(page).locator("svg a[data-code]");
const view = (page: Page, name: string) => page.getByRole("navigation", { name: "Tampilan" }).getByRole("link", { name, exact: true });
const cards = (page: Page) =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("article") });

/** Waits until the shapes' sprite has loaded and drawn: a <use> has a size only then. */
async function expectShapesDrawn(page: Page) {
  await expect
    .poll(() =>
      map(page)
        .locator("svg a[data-code] use")
        .first()
        .evaluate((use) => (use as SVGGraphicsElement).getBBox().width),
    )
    .toBeGreaterThan(0);
}

test("the map draws every kelurahan, with a legend, the attribution and a table of the same numbers", async ({ page }) => {
  await page.goto("/kebutuhan?view=map");
  await expect(view(page, "Peta")).toHaveAttribute("aria-current", "page");
  await expect(shapes(page)).toHaveCount(267);
  await expect(map(page).locator("svg a[data-code] use")).toHaveCount(267);
  await expectShapesDrawn(page);
  // Kepulauan Seribu is in the inset, and drawn too.
  await expect(
    shapes(page)
      .filter({ has: page.locator("use") })
      .and(page.locator("[data-code^='31.01.']")),
  ).toHaveCount(6);
  await expect(page.getByText("Kepulauan Seribu", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Tidak ada kebutuhan terbuka", { exact: true })).toBeVisible();
  await expect(page.getByText(/Batas kelurahan: cahyadsn\/wilayah_boundaries/)).toBeVisible();

  // Every kelurahan is a link with a name that carries its numbers, reachable by Tab.
  const gambir = page.getByRole("link", { name: /^Kelurahan Gambir, Kecamatan Gambir: \d+% belum tertutup; \d+ kebutuhan terbuka/ });
  await expect(gambir).toHaveCount(1);
  expect(
    await shapes(page).evaluateAll((links) => links.filter((a) => !a.getAttribute("href") || a.getAttribute("tabindex") === "-1").length),
  ).toBe(0);

  // Hover shows the kelurahan's name, kecamatan and numbers.
  await page.getByRole("link", { name: "Jakarta Pusat", exact: true }).click();
  await expect(page).toHaveURL(/kota=31\.71/);
  await expectShapesDrawn(page);
  await gambir.hover();
  const card = map(page).locator("[data-map-card]");
  await expect(card).toContainText("Kelurahan Gambir, Kecamatan Gambir");
  await expect(card).toContainText(/\d+% belum tertutup/);
  await expect(card).toContainText(/\d+ kebutuhan terbuka/);

  // The table view has the same numbers, least covered first, for the kota in view.
  const inPusat = await shapes(page).evaluateAll((links) => links.filter((a) => a.getAttribute("data-code")!.startsWith("31.71.")).length);
  const label = (await gambir.getAttribute("aria-label"))!;
  const share = /(\d+)% belum tertutup/.exec(label)![1];
  await page.getByRole("link", { name: "Tabel angka per kelurahan" }).click();
  await expect(view(page, "Tabel")).toHaveAttribute("aria-current", "page");
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(inPusat);
  await expect(page.locator("table tbody tr[data-code='31.71.01.1001']")).toContainText(`${share}%`);
  // The figures per unit, which the map's names leave out, are in the table.
  await expect(page.locator("table tbody tr[data-code='31.71.01.1001']")).toContainText(/\d+ dari \d+ |—/);
  const shares = await rows.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ""));
  const numbers = shares.filter((text) => /^\d+%$/.test(text)).map((text) => Number.parseInt(text, 10));
  expect(numbers.length).toBeGreaterThan(inPusat / 2);
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  // Its kelurahan links open the list, like the map's.
  await page.getByRole("rowheader", { name: "Gambir", exact: true }).getByRole("link").click();
  await expect(page).toHaveURL(/kelurahan=31\.71\.01\.1001/);
  await expect(view(page, "Daftar")).toHaveAttribute("aria-current", "page");
});

test("clicking a kelurahan filters the catalogue to it", async ({ page }) => {
  await page.goto("/kebutuhan?view=map&kota=31.71");
  await expectShapesDrawn(page);
  const gambir = shapes(page).and(page.locator("[data-code='31.71.01.1001']"));
  const open = Number(/(\d+) kebutuhan terbuka/.exec((await gambir.getAttribute("aria-label"))!)![1]);
  await gambir.click();

  await expect(page).toHaveURL(/kelurahan=31\.71\.01\.1001/);
  await expect(view(page, "Daftar")).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Kelurahan")).toHaveValue("31.71.01.1001");
  await expect(page.getByLabel("Kecamatan")).toHaveValue("31.71.01");
  await expect(cards(page).first()).toBeVisible();
  // The list shows public needs of every status; the map counted the open ones.
  expect(await cards(page).count()).toBeGreaterThanOrEqual(open);
  for (const item of await cards(page).all()) await expect(item.getByText("Gambir · Kota Administrasi Jakarta Pusat")).toBeVisible();
});

test("the keyboard reaches a kelurahan, shows it, and opens it", async ({ page }) => {
  await page.goto("/kebutuhan?view=map&kota=31.71&category=PENDIDIKAN");
  await expectShapesDrawn(page);
  await expect(map(page)).toHaveAttribute("data-enhanced", "true");
  await view(page, "Peta").focus();
  let code: string | null = null;
  for (let presses = 0; presses < 20 && !code; presses++) {
    await page.keyboard.press("Tab");
    code = await page.evaluate(() => document.activeElement?.getAttribute("data-code") ?? null);
  }
  expect(code).toMatch(/^31\.71\./);
  const focused = shapes(page).and(page.locator(`[data-code='${code}']`));
  // A visible outline (ink, not the white border), and the card with the numbers.
  expect(await focused.locator("use").evaluate((use) => getComputedStyle(use).stroke)).toBe("rgb(20, 33, 61)");
  const name = (await focused.getAttribute("aria-label"))!.split(":")[0]!;
  await expect(map(page).locator("[data-map-card]")).toContainText(name);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`kelurahan=${code!.replaceAll(".", "\\.")}`));
  await expect(page).toHaveURL(/category=PENDIDIKAN/);
  await expect(page.getByLabel("Kelurahan")).toHaveValue(code!);
});

test("the map adds almost no JavaScript to the page", async ({ page }) => {
  // Every script the page loads until it is interactive: both pages mark their client
  // components once hydrated (data-enhanced), which needs every script they load first.
  const gzipped = async (url: string, hydrated: ReturnType<Page["locator"]>) => {
    const sizes = new Map<string, Promise<number>>();
    const onResponse = (response: import("@playwright/test").Response) => {
      if (response.request().resourceType() === "script")
        sizes.set(
          response.url(),
          response.body().then((body) => zlib.gzipSync(body).length),
        );
    };
    page.on("response", onResponse);
    await page.goto(url);
    await expect(hydrated).toHaveAttribute("data-enhanced", "true");
    page.off("response", onResponse);
    return (await Promise.all(sizes.values())).reduce((sum, n) => sum + n, 0);
  };
  const list = await gzipped("/kebutuhan", page.getByRole("search"));
  const withMap = await gzipped("/kebutuhan?view=map", map(page));
  test.info().annotations.push({ type: "first-load JS (gzip)", description: `list ${list} B, map ${withMap} B` });
  expect(withMap - list).toBeLessThan(5_000);
});

// One test per language, each width in turn (a page loaded at each width, as a phone would).
// The screenshots are for looking at (tests/artifacts/map-*.png, as npm run screenshots
// makes of every page); the assertions are what the test checks.
for (const locale of ["id", "en"]) {
  test(`the map fits 360 and 1280 px and is drawn whole (${locale}), with screenshots`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/kebutuhan?view=map");
      await expectShapesDrawn(page);
      await expect(shapes(page)).toHaveCount(267);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${width} px`).toBeLessThanOrEqual(0);
      fs.mkdirSync("tests/artifacts", { recursive: true });
      await map(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/artifacts/map-${locale}-${width}.png`, fullPage: true });
    }
  });
}

test("the transparency page and a kelurahan page show the map; a kelurahan opens its page", async ({ page }) => {
  await page.goto("/transparansi?category=PANGAN");
  await expect(shapes(page)).toHaveCount(267);
  await expectShapesDrawn(page);
  await shapes(page).and(page.locator("[data-code='31.71.01.1001']")).click();
  await expect(page).toHaveURL(/\/transparansi\/kelurahan\/31\.71\.01\.1001\?category=PANGAN/);
  // The kelurahan's own page zooms to its kota (Jakarta Pusat: 44 kelurahan) and outlines it.
  await expect(shapes(page)).toHaveCount(44);
  await expect(shapes(page).and(page.locator("[data-code='31.71.01.1001']"))).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Tabel angka per kelurahan" })).toHaveAttribute("href", /view=table/);
});

test("staff switch the dashboard map to pledges waiting for review", async ({ browser }) => {
  const page = await browser.newPage({ storageState: authFile("staff") });
  await page.goto("/staf");
  await expect(shapes(page)).toHaveCount(267);
  await expect(page.getByText("Tidak ada kebutuhan terbuka", { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Yang ditampilkan peta" }).getByRole("link", { name: "Menunggu tinjauan" }).click();
  await expect(page).toHaveURL(/peta=tinjauan/);
  await expect(page.getByRole("heading", { name: "Peta janji yang menunggu tinjauan" })).toBeVisible();
  await expect(shapes(page)).toHaveCount(267);
  // Some kelurahan have pledges waiting in the seed, and their names say how many.
  await expect(page.getByRole("link", { name: /janji menunggu tinjauan/ }).first()).toBeVisible();
  await page.close();
});
