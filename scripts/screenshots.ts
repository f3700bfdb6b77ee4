// npm run screenshots [-- baseUrl]: screenshots of the portal's pages in both languages,
// at 360 px and 1280 px, signed out and as each demo role, into
// tests/artifacts/screenshots/ (NAME-LANG-WIDTH.png full page, -top.png first screen).
// For looking at what a change did; not a test.
import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/helpers/chromium.ts";
import { DEMO_TOTP_SECRET } from "../lib/auth/demo.ts";
import { totpCode } from "../lib/auth/totp.ts";

const base = process.argv[2] ?? "http://localhost:3000";
const only = process.argv[3];
const PASSWORD = "KsbbDemo#2026";
/** Fills and sends the import form with a file that has two bad rows, to show the report. */
async function uploadBadCsv(page: Page) {
  await page.locator("select[name=programId]").selectOption({ index: 1 });
  const csv =
    "kode_kelurahan;barang;satuan;target;jumlah_penerima;jenis_penerima;tenggat;prioritas\n" +
    "31.71.01.1001;Paket sembako;FOOD_PACKAGE;100;100;HOUSEHOLD;2020-01-01;HIGH\n31.71.01.9999;Paket;KARUNG;sepuluh;10;HOUSEHOLD;2027-01-31;HIGH\n";
  await page.locator("input[name=file]").setInputFiles({ name: "kebutuhan.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator("main form button[type=submit]").click();
  await page.locator("main [role=alert] li").first().waitFor();
}

/** Opens the header's phone menu (only shown on narrow screens). */
async function openPhoneMenu(page: Page) {
  const summary = page.locator("header summary");
  if (await summary.isVisible()) await summary.click();
}

const pages: { name: string; url: string; as?: string; follow?: string; act?: (page: Page) => Promise<void> }[] = [
  { name: "home", url: "/" },
  { name: "catalogue", url: "/kebutuhan" },
  { name: "filtered", url: "/kebutuhan?kota=31.71&kecamatan=31.71.01" },
  { name: "invalid", url: "/kebutuhan?page=-1&kelurahan=abc" },
  { name: "map", url: "/kebutuhan?view=map" },
  { name: "map-kota", url: "/kebutuhan?view=map&category=PANGAN&kota=31.71" },
  { name: "map-table", url: "/kebutuhan?view=table&kota=31.71" },
  { name: "need", url: "/kebutuhan/need_00001" },
  { name: "missing", url: "/kebutuhan/does_not_exist" },
  { name: "sign-in", url: "/masuk" },
  { name: "register", url: "/daftar" },
  { name: "register-donor", url: "/daftar/donatur" },
  { name: "register-aggregator", url: "/daftar/agregator" },
  { name: "account-donor", url: "/akun", as: "donor@ksbb.test" },
  { name: "account-aggregator", url: "/akun", as: "agregator@ksbb.test" },
  { name: "staff-organisations", url: "/staf/organisasi", as: "staf@ksbb.test" },
  { name: "admin-users", url: "/admin/pengguna", as: "admin@ksbb.test" },
  { name: "need-donor", url: "/kebutuhan/need_00002", as: "donor@ksbb.test" },
  { name: "my-pledges", url: "/janji", as: "donor@ksbb.test" },
  { name: "pledge", url: "/janji", as: "donor@ksbb.test", follow: "main article a[href^='/janji/']" },
  { name: "review", url: "/staf/janji", as: "staf@ksbb.test" },
  { name: "aggregator-deliveries", url: "/agregator/penyaluran", as: "agregator@ksbb.test" },
  { name: "aggregator-pledge", url: "/agregator/penyaluran", as: "agregator@ksbb.test", follow: "main article a[href^='/janji/']" },
  { name: "notifications", url: "/pemberitahuan", as: "staf@ksbb.test" },
  { name: "open-data", url: "/data" },
  { name: "open-data-columns", url: "/data", follow: "main details summary" },
  { name: "staff-programs", url: "/staf/program", as: "staf@ksbb.test" },
  { name: "staff-program-new", url: "/staf/program/baru", as: "staf@ksbb.test" },
  { name: "staff-program-edit", url: "/staf/program/prg_00001", as: "staf@ksbb.test" },
  { name: "staff-needs", url: "/staf/kebutuhan", as: "staf@ksbb.test" },
  { name: "staff-needs-empty", url: "/staf/kebutuhan?q=tidak-ada-yang-cocok", as: "staf@ksbb.test" },
  { name: "staff-need-new", url: "/staf/kebutuhan/baru", as: "staf@ksbb.test" },
  { name: "staff-need-edit", url: "/staf/kebutuhan/need_00001", as: "staf@ksbb.test" },
  { name: "staff-outbox", url: "/staf/surel", as: "staf@ksbb.test" },
  { name: "staff-outbox-sent", url: "/staf/surel?status=SENT", as: "staf@ksbb.test" },
  { name: "staff-need-import", url: "/staf/kebutuhan/impor", as: "staf@ksbb.test" },
  { name: "staff-need-import-report", url: "/staf/kebutuhan/impor", as: "staf@ksbb.test", act: uploadBadCsv },
  { name: "admin-menu", url: "/staf/program", as: "admin@ksbb.test", act: openPhoneMenu },
  { name: "transparency", url: "/transparansi" },
  { name: "transparency-kota", url: "/transparansi?kota=31.71&category=PANGAN" },
  { name: "transparency-kecamatan", url: "/transparansi?kecamatan=31.71.01" },
  { name: "transparency-kelurahan", url: "/transparansi/kelurahan/31.71.01.1001" },
  { name: "transparency-missing", url: "/transparansi/kelurahan/31.71.01.9999" },
  { name: "dashboard", url: "/staf", as: "staf@ksbb.test" },
  { name: "check-email-from-need", url: "/daftar/periksa-email?next=%2Fkebutuhan%2Fneed_00002%23janji" },
  { name: "verify-unknown", url: "/verifikasi?kode=TT-2222-3333-4444" },
  { name: "statement", url: "/akun/laporan", as: "donor@ksbb.test" },
  { name: "statement-receipt", url: "/akun/laporan", as: "donor@ksbb.test", follow: "main a[href$='/tanda-terima']" },
  { name: "account-staff", url: "/akun", as: "staf@ksbb.test" },
  { name: "aggregator-today", url: "/agregator/penyaluran?tab=today", as: "agregator@ksbb.test" },
  { name: "dashboard-kecamatan", url: "/staf?program=prg_00001&kecamatan=31.71.01", as: "staf@ksbb.test" },
];
const out = path.resolve("tests/artifacts/screenshots");
fs.mkdirSync(out, { recursive: true });

// Each authenticator code works once, so a staff or admin session is kept and reused.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

async function signIn(context: BrowserContext, email: string) {
  const kept = sessions.get(email);
  // The language cookie stays the one this context was opened with.
  if (kept) return context.addCookies(kept.filter((cookie) => cookie.name !== "NEXT_LOCALE"));
  const page = await context.newPage();
  await page.goto(`${base}/masuk`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\/(akun|masuk\/kode)/);
  // Staff and admins: the demo key's second factor (the same one the browser tests use).
  if (page.url().includes("/masuk/kode")) {
    await page.locator("input[name=code]").fill(totpCode(DEMO_TOTP_SECRET, Date.now()));
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(/\/akun/);
  }
  sessions.set(email, await context.cookies());
  await page.close();
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const locale of ["id", "en"]) {
  for (const width of [360, 1280]) {
    for (const { name, url, as, follow, act } of pages.filter((p) => !only || p.name.includes(only))) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
      if (as) await signIn(context, as);
      const page = await context.newPage();
      await page.goto(base + url);
      // React reveals streamed content a moment after load: wait until no loading state (aria-busy) is left.
      await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"), null, { timeout: 15_000 }).catch(() => undefined);
      if (follow) {
        await page.locator(follow).first().click();
        await page.waitForLoadState("networkidle");
      }
      if (act) await act(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) console.warn(`${name} ${locale} ${width}px scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: path.join(out, `${name}-${locale}-${width}.png`), fullPage: true });
      await page.screenshot({ path: path.join(out, `${name}-${locale}-${width}-top.png`) });
      await context.close();
    }
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
