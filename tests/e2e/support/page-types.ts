import type { Page } from "@playwright/test";

// One example of every page type, per role, for the accessibility suite (and the
// measuring scripts). A page whose address depends on data is found by following the
// first matching link of a list page, so nothing here names a seeded id.

export type Viewer = "guest" | "donor" | "aggregator" | "staff" | "admin";

export interface PageType {
  name: string;
  /** A fixed address, or a list page and the CSS selector of the link to follow. */
  url: string;
  follow?: string;
}

export const PAGE_TYPES: Record<Viewer, PageType[]> = {
  guest: [
    { name: "home", url: "/" },
    { name: "catalogue", url: "/kebutuhan?category=PANGAN&kota=31.71" },
    { name: "catalogue-invalid-filter", url: "/kebutuhan?page=-1&kelurahan=abc" },
    { name: "catalogue-map", url: "/kebutuhan?view=map&category=PANGAN" },
    { name: "catalogue-map-kota", url: "/kebutuhan?view=map&kota=31.71" },
    { name: "catalogue-table", url: "/kebutuhan?view=table" },
    { name: "open-data", url: "/data" },
    { name: "transparency", url: "/transparansi" },
    { name: "transparency-kecamatan", url: "/transparansi?kecamatan=31.71.01&category=PANGAN" },
    { name: "transparency-kelurahan", url: "/transparansi", follow: "main a[href^='/transparansi/kelurahan/']" },
    { name: "need", url: "/kebutuhan", follow: "main a[href^='/kebutuhan/']" },
    { name: "not-found", url: "/kebutuhan/tidak-ada" },
    { name: "sign-in", url: "/masuk" },
    { name: "register-choice", url: "/daftar" },
    { name: "register-donor", url: "/daftar/donatur" },
    { name: "register-aggregator", url: "/daftar/agregator" },
    { name: "invitation-invalid", url: "/undangan/tidak-berlaku" },
    { name: "password-reset-request", url: "/masuk/lupa" },
    { name: "password-reset-invalid", url: "/masuk/atur-ulang/tautan-yang-tidak-berlaku-lagi" },
    { name: "registration-check-email", url: "/daftar/periksa-email" },
    { name: "email-confirm-invalid", url: "/konfirmasi/tautan-yang-tidak-berlaku-lagi" },
    { name: "registration-check-email-from-need", url: "/daftar/periksa-email?next=%2Fkebutuhan%2Fcontoh%23janji" },
    { name: "receipt-check", url: "/verifikasi" },
    { name: "receipt-check-unknown", url: "/verifikasi?kode=TT-2222-3333-4444" },
    { name: "report", url: "/laporkan?tentang=kelurahan&id=31.71.01.1001" },
    { name: "report-counts", url: "/laporkan" },
    { name: "collaborators", url: "/kolaborator" },
    { name: "collaborators-filtered", url: "/kolaborator?kind=AGGREGATOR" },
    { name: "collaborator", url: "/kolaborator", follow: "main a[href^='/kolaborator/']" },
    { name: "jdcn-collaborations", url: "/kolaborasi" },
    { name: "jdcn-collaborations-topic", url: "/kolaborasi?topik=housing" },
  ],
  donor: [
    { name: "account", url: "/akun" },
    { name: "need-with-pledge-form", url: "/kebutuhan?status=OPEN", follow: "main a[href^='/kebutuhan/']" },
    { name: "my-pledges", url: "/janji" },
    { name: "pledge", url: "/janji", follow: "main a[href^='/janji/']" },
    { name: "notifications", url: "/pemberitahuan" },
    { name: "contribution-statement", url: "/akun/laporan" },
    { name: "own-collaborations", url: "/akun/kolaborasi" },
  ],
  aggregator: [
    { name: "deliveries", url: "/agregator/penyaluran" },
    { name: "deliveries-today", url: "/agregator/penyaluran?tab=today" },
    { name: "pledge-to-deliver", url: "/agregator/penyaluran?tab=in-delivery", follow: "main a[href^='/janji/']" },
    { name: "delivery-manifest", url: "/agregator/penyaluran/surat-jalan" },
    { name: "account", url: "/akun" },
  ],
  staff: [
    { name: "dashboard", url: "/staf" },
    { name: "dashboard-waiting-map", url: "/staf?peta=tinjauan&kota=31.71" },
    { name: "review", url: "/staf/janji" },
    { name: "programs", url: "/staf/program" },
    { name: "program-new", url: "/staf/program/baru" },
    { name: "program-edit", url: "/staf/program", follow: "main a[href^='/staf/program/']:not([href$='/baru'])" },
    { name: "needs", url: "/staf/kebutuhan" },
    { name: "need-new", url: "/staf/kebutuhan/baru" },
    { name: "need-edit", url: "/staf/kebutuhan", follow: "main a[href^='/staf/kebutuhan/']:not([href$='/baru']):not([href*='/impor'])" },
    { name: "need-import", url: "/staf/kebutuhan/impor" },
    { name: "organisations", url: "/staf/organisasi" },
    { name: "pledge-review", url: "/staf/janji", follow: "main a[href^='/janji/']" },
    { name: "reports", url: "/staf/laporan" },
    { name: "reports-in-review", url: "/staf/laporan?status=IN_REVIEW" },
    { name: "collaboration-queue", url: "/staf/kolaborasi" },
    { name: "collaboration-queue-running", url: "/staf/kolaborasi?status=RUNNING" },
    { name: "notifications", url: "/pemberitahuan" },
  ],
  admin: [
    { name: "users", url: "/admin/pengguna" },
    { name: "account", url: "/akun" },
  ],
};

/** Opens the page type (following its link when it has one) and returns the final address. */
export async function openPageType(page: Page, type: PageType): Promise<string> {
  await page.goto(type.url);
  if (type.follow) {
    const href = await page.locator(type.follow).first().getAttribute("href");
    if (!href) throw new Error(`${type.name}: no link ${type.follow} on ${type.url}`);
    await page.goto(href);
  }
  return page.url();
}
