import { expect, type Browser, type Page } from "@playwright/test";
import { unique } from "../../e2e/support/accounts.ts";
import { freshPage, pageAs, submitPayloads, type View } from "./support/xss-kit.ts";

// Every free-text field a person can type into, in one list: how to fill it in through
// the real form (as the person who may), and the pages that show what was stored.
// tests/security/e2e/xss.spec.ts runs each entry. A new form with free text (program
// names and descriptions, need items and descriptions, …) adds an entry here.

export interface FreeTextEntry {
  name: string;
  /** Stores payloads in the fields; returns the values stored (by field) and where to look. */
  run(browser: Browser, marker: string): Promise<{ stored: Record<string, string>; views: View[] }>;
}

const PASSWORD = "sayur asem betawi segar";

/** A new company donor with plain names, signed in on its own page. */
async function registerCompany(
  browser: Browser,
  organisation = `PT Uji Aman ${unique()}`,
): Promise<{ page: Page; email: string; organisation: string }> {
  const page = await freshPage(browser);
  const email = `xss-${unique()}@contoh.test`;
  await page.goto("/daftar/donatur");
  await page.getByLabel("Mendaftar sebagai").selectOption({ label: "Perusahaan" });
  await page.getByLabel("Nama organisasi", { exact: true }).fill(organisation);
  await page.getByLabel("Nama Anda").fill("Sari Uji");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ulangi kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Daftar" }).click();
  // Every registration ends on the "check your e-mail" page; the new donor is signed in.
  await expect(page.getByRole("heading", { level: 1, name: "Periksa email Anda" })).toBeVisible({ timeout: 30_000 });
  // The forms these entries fill are on the account page.
  await page.goto("/akun");
  await expect(page.getByRole("heading", { level: 1, name: "Akun saya" })).toBeVisible();
  return { page, email, organisation };
}

/** Staff take a decision on an organisation from the verification queue. */
async function staffDecides(
  browser: Browser,
  organisation: string,
  tab: "PENDING" | "VERIFIED",
  decision: "Verifikasi" | "Tolak" | "Tangguhkan",
  marker?: string,
) {
  const staff = await pageAs(browser, "staff");
  for (let n = 1; n <= 30; n += 1) {
    await staff.goto(`/staf/organisasi?status=${tab}&page=${n}`);
    if (await staff.getByRole("article", { name: organisation }).count()) break;
  }
  const form = staff
    .getByRole("article", { name: organisation })
    .locator("form")
    .filter({ has: staff.getByRole("button", { name: decision }) });
  if (!marker) {
    await form.getByRole("button", { name: decision }).click();
    await expect(staff.getByRole("status").filter({ hasText: organisation })).toBeVisible();
    return {};
  }
  return submitPayloads(staff, {
    fields: { reason: form.getByLabel("Alasan") },
    marker,
    submit: () => form.getByRole("button", { name: decision }).click(),
    done: staff.getByRole("status").filter({ hasText: organisation }),
  });
}

/** A pledge by the demo donor, delivered directly, on an open need with room; returns its page path. */
async function demoPledge(browser: Browser, note?: { marker: string }): Promise<{ path: string; stored: Record<string, string> }> {
  const donor = await pageAs(browser, "donor");
  await donor.goto("/kebutuhan?status=OPEN&sort=deadline");
  const needs = await donor
    .getByRole("main")
    .getByRole("article")
    .getByRole("heading")
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  for (const need of needs.slice(3)) {
    await donor.goto(need);
    await expect(donor.getByRole("heading", { level: 1 })).toBeVisible();
    const room = donor.getByText(/^Maksimal \d+ lagi\.$/);
    if ((await room.count()) && Number((await room.textContent())?.match(/\d+/)?.[0] ?? 0) >= 1) break;
  }
  const panel = donor.getByRole("region", { name: "Janji bantuan" });
  await panel.getByLabel(/^Jumlah/).fill("1");
  await panel.getByLabel("Cara penyaluran").selectOption("DIRECT");
  const today = await panel.getByLabel("Rencana tanggal penyaluran").getAttribute("min");
  await panel.getByLabel("Rencana tanggal penyaluran").fill(today!);
  const done = donor.getByRole("status").filter({ hasText: "Janji terkirim" });
  const submit = () => panel.getByRole("button", { name: "Kirim janji" }).click();
  const stored = note
    ? await submitPayloads(donor, { fields: { pledgeNote: panel.getByLabel("Catatan (opsional)") }, marker: note.marker, submit, done })
    : {};
  if (!note) {
    await submit();
    await expect(done).toBeVisible();
  }
  // The form confirms in place, then opens the new pledge's page.
  await donor.waitForURL(/\/janji\/[^/?]+/);
  return { path: new URL(donor.url()).pathname, stored };
}

/** On a pledge's page, one step (with a reason when `marker` is given) by the given viewer. */
async function pledgeStep(browser: Browser, as: "donor" | "staff", path: string, button: string, done: string, marker?: string) {
  const page = await pageAs(browser, as);
  await page.goto(path);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });
  const status = page.getByRole("status").filter({ hasText: done });
  if (!marker) {
    await form.getByRole("button", { name: button, exact: true }).click();
    await expect(status).toBeVisible();
    return {};
  }
  return submitPayloads(page, {
    fields: { pledgeReason: form.getByLabel("Alasan") },
    marker,
    submit: () => form.getByRole("button", { name: button, exact: true }).click(),
    done: status,
  });
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A guest's page, in English when asked (the English program name and description). */
async function guest(browser: Browser, locale: "id" | "en" = "id"): Promise<Page> {
  const page = await freshPage(browser);
  if (locale === "en") {
    await page.goto("/");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  }
  return page;
}

export const FREE_TEXT_FIELDS: FreeTextEntry[] = [
  {
    name: "donor registration: organisation name and the person's name",
    async run(browser, marker) {
      const page = await freshPage(browser);
      await page.goto("/daftar/donatur");
      await page.getByLabel("Mendaftar sebagai").selectOption({ label: "Perusahaan" });
      await page.getByLabel("Email").fill(`xss-${unique()}@contoh.test`);
      await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Ulangi kata sandi").fill(PASSWORD);
      const stored = await submitPayloads(page, {
        fields: { organisationName: page.getByLabel("Nama organisasi", { exact: true }), name: page.getByLabel("Nama Anda") },
        marker,
        submit: async () => {
          // React clears the password fields after a refused submission.
          await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
          await page.getByLabel("Ulangi kata sandi").fill(PASSWORD);
          await page.getByRole("button", { name: "Daftar" }).click();
        },
        done: page.getByRole("heading", { level: 1, name: "Periksa email Anda" }),
      });
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["organisationName", "name"] },
          { as: "staff", path: "/staf/organisasi?status=PENDING", shows: ["organisationName", "name"], paginated: true },
          { as: "admin", path: "/admin/pengguna", shows: ["name"], paginated: true },
        ],
      };
    },
  },
  {
    name: "aggregator registration: organisation name and contact name",
    async run(browser, marker) {
      const page = await freshPage(browser);
      await page.goto("/daftar/agregator");
      await page.getByLabel("Email").fill(`xss-${unique()}@contoh.test`);
      await page.getByLabel("Nomor telepon").fill("0812 3456 7890");
      await page.getByLabel("Kelurahan yang dilayani").selectOption(["31.71.01.1001"]);
      await page.getByLabel("Kapasitas penyaluran").fill("50");
      const stored = await submitPayloads(page, {
        fields: { organisationName: page.getByLabel("Nama organisasi", { exact: true }), name: page.getByLabel("Nama narahubung") },
        marker,
        submit: async () => {
          await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
          await page.getByLabel("Ulangi kata sandi").fill(PASSWORD);
          await page.getByRole("button", { name: "Daftar" }).click();
        },
        done: page.getByRole("heading", { level: 1, name: "Periksa email Anda" }),
      });
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["organisationName", "name"] },
          { as: "staff", path: "/staf/organisasi?status=PENDING", shows: ["organisationName", "name"], paginated: true },
        ],
      };
    },
  },
  {
    name: "account page: own name and organisation name",
    async run(browser, marker) {
      const { page } = await registerCompany(browser);
      const profile = page.getByRole("region", { name: "Profil saya" });
      const name = await submitPayloads(page, {
        fields: { profileName: profile.getByLabel("Nama Anda") },
        marker,
        submit: () => profile.getByRole("button", { name: "Simpan" }).click(),
        done: profile.getByRole("status").filter({ hasText: "Perubahan tersimpan." }),
      });
      const organisation = page.getByRole("region", { name: "Organisasi", exact: true });
      const org = await submitPayloads(page, {
        fields: { organisationName: organisation.getByLabel("Nama organisasi", { exact: true }) },
        marker,
        submit: () => organisation.getByRole("button", { name: "Simpan" }).click(),
        done: organisation.getByRole("status").filter({ hasText: "Perubahan tersimpan." }),
      });
      return {
        stored: { ...name, ...org },
        views: [
          { as: page, path: "/akun", shows: ["profileName", "organisationName"] },
          { as: "admin", path: "/admin/pengguna", shows: ["profileName"], paginated: true },
        ],
      };
    },
  },
  {
    name: "staff: reason for rejecting an organisation",
    async run(browser, marker) {
      const { page, organisation } = await registerCompany(browser);
      const stored = await staffDecides(browser, organisation, "PENDING", "Tolak", marker);
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["reason"] },
          { as: "staff", path: "/staf/organisasi?status=REJECTED", shows: ["reason"], paginated: true },
        ],
      };
    },
  },
  {
    name: "staff: reason for suspending an organisation",
    async run(browser, marker) {
      const { page, organisation } = await registerCompany(browser);
      await staffDecides(browser, organisation, "PENDING", "Verifikasi");
      const stored = await staffDecides(browser, organisation, "VERIFIED", "Tangguhkan", marker);
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["reason"] },
          { as: "staff", path: "/staf/organisasi?status=SUSPENDED", shows: ["reason"], paginated: true },
        ],
      };
    },
  },
  {
    name: "pledge: the donor's note, and staff's reason for rejecting it",
    async run(browser, marker) {
      // The note is not shown on any page yet; the views still load it (it travels in the page data).
      const { path, stored: note } = await demoPledge(browser, { marker });
      const reason = await pledgeStep(browser, "staff", path, "Tolak", "Janji ditolak.", marker);
      return {
        stored: { ...note, ...reason },
        views: [
          { as: "donor", path, shows: ["pledgeReason"] },
          { as: "staff", path, shows: ["pledgeReason"] },
          { as: "donor", path: "/janji", shows: [] },
          { as: "staff", path: "/staf/janji?status=REJECTED", shows: [] },
          { as: "donor", path: "/pemberitahuan", shows: [] },
        ],
      };
    },
  },
  {
    name: "pledge: the donor's reason for cancelling",
    async run(browser, marker) {
      const { path } = await demoPledge(browser);
      const stored = await pledgeStep(browser, "donor", path, "Batalkan janji", "Janji dibatalkan.", marker);
      return {
        stored,
        views: [
          { as: "donor", path, shows: ["pledgeReason"] },
          { as: "staff", path, shows: ["pledgeReason"] },
        ],
      };
    },
  },
  {
    name: "delivery: recipient group and notes",
    async run(browser, marker) {
      const { path } = await demoPledge(browser);
      await pledgeStep(browser, "staff", path, "Setujui", "Janji disetujui.");
      await pledgeStep(browser, "donor", path, "Jadwalkan", "Penyaluran dijadwalkan.");
      const donor = await pageAs(browser, "donor");
      const delivery = donor.getByRole("region", { name: "Catat penyaluran" });
      const stored = await submitPayloads(donor, {
        fields: { recipientGroup: delivery.getByLabel("Kelompok penerima"), deliveryNotes: delivery.getByLabel("Catatan (opsional)") },
        marker,
        submit: () => delivery.getByRole("button", { name: "Simpan penyaluran" }).click(),
        done: donor.getByRole("status").filter({ hasText: "Penyaluran tercatat." }),
      });
      return {
        stored,
        views: [
          { as: "donor", path, shows: ["recipientGroup", "deliveryNotes"] },
          { as: "staff", path, shows: ["recipientGroup", "deliveryNotes"] },
        ],
      };
    },
  },
  {
    name: "staff: program names and descriptions, need item and description",
    async run(browser, marker) {
      const staff = await pageAs(browser, "staff");
      await staff.goto("/staf/program/baru");
      await staff.getByLabel("Kategori").selectOption("PANGAN");
      await staff.getByLabel("Status").selectOption("OPEN");
      await staff.getByLabel("Mulai").fill(inDays(0));
      await staff.getByLabel("Berakhir").fill(inDays(60));
      await staff.getByLabel("Dinas pemilik").selectOption({ index: 1 });
      const program = await submitPayloads(staff, {
        fields: {
          programNameId: staff.getByLabel("Nama (Bahasa Indonesia)"),
          programNameEn: staff.getByLabel("Nama (English)"),
          programDescriptionId: staff.getByLabel("Deskripsi (Bahasa Indonesia)"),
          programDescriptionEn: staff.getByLabel("Deskripsi (English)"),
        },
        marker,
        submit: () => staff.getByRole("button", { name: "Buat program" }).click(),
        done: staff.getByRole("status").filter({ hasText: "dibuat" }),
      });
      const programId = new URL(staff.url()).searchParams.get("program")!;
      await staff.goto("/staf/kebutuhan/baru");
      await staff.getByLabel("Program").selectOption(programId);
      await staff.getByLabel("Kelurahan").selectOption("31.71.01.1001");
      await staff.getByLabel("Target").fill("10");
      await staff.getByLabel("Jumlah penerima").fill("5");
      await staff.getByLabel("Tenggat").fill(inDays(30));
      await staff.getByLabel("Status").selectOption("OPEN");
      const need = await submitPayloads(staff, {
        fields: { needItem: staff.getByLabel("Barang"), needDescription: staff.getByLabel("Keterangan") },
        marker,
        submit: () => staff.getByRole("button", { name: "Buat kebutuhan" }).click(),
        done: staff.getByRole("status").filter({ hasText: "Kebutuhan dibuat." }),
      });
      const needPath = `/kebutuhan/${new URL(staff.url()).pathname.split("/").pop()}`;
      const visitor = await guest(browser);
      return {
        stored: { ...program, ...need },
        views: [
          { as: "staff", path: "/staf/program", shows: ["programNameId"], paginated: true },
          { as: "staff", path: `/staf${needPath}`, shows: ["needItem", "programNameId"] },
          { as: visitor, path: needPath, shows: ["needItem", "needDescription", "programNameId", "programDescriptionId"] },
          { as: await guest(browser, "en"), path: needPath, shows: ["needItem", "programNameEn", "programDescriptionEn"] },
          { as: visitor, path: `/kebutuhan?q=${encodeURIComponent(marker)}`, shows: ["needItem"] },
          { as: "donor", path: needPath, shows: ["needItem", "programNameId"] },
        ],
      };
    },
  },
  {
    name: "admin: a new staff account's name",
    async run(browser, marker) {
      const admin = await pageAs(browser, "admin");
      await admin.goto("/admin/pengguna");
      const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Buat akun" }) });
      await form.getByLabel("Email").fill(`petugas-${unique()}@contoh.test`);
      await form.getByLabel("Dinas").selectOption({ index: 1 });
      const stored = await submitPayloads(admin, {
        fields: { staffName: form.getByLabel("Nama", { exact: true }) },
        marker,
        submit: async () => {
          await form.getByLabel("Kata sandi sementara").fill(PASSWORD);
          await form.getByRole("button", { name: "Buat akun" }).click();
        },
        done: form.getByRole("status").filter({ hasText: "Akun petugas dibuat." }),
      });
      return { stored, views: [{ as: "admin", path: "/admin/pengguna", shows: ["staffName"], paginated: true }] };
    },
  },
  {
    name: "invitation: the new member's name",
    async run(browser, marker) {
      const { page } = await registerCompany(browser);
      await page.getByLabel("Email anggota baru").fill(`anggota-${unique()}@contoh.test`);
      await page.getByRole("button", { name: "Buat undangan" }).click();
      const link = (await page.getByTestId("invitation-link").textContent())!.trim();
      const guest = await freshPage(browser);
      await guest.goto(new URL(link).pathname);
      const stored = await submitPayloads(guest, {
        fields: { memberName: guest.getByLabel("Nama Anda") },
        marker,
        submit: async () => {
          await guest.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
          await guest.getByLabel("Ulangi kata sandi").fill(PASSWORD);
          await guest.getByRole("button", { name: "Buat akun" }).click();
        },
        done: guest.getByRole("heading", { level: 1, name: "Akun saya" }),
      });
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["memberName"] },
          { as: guest, path: "/akun", shows: ["memberName"] },
        ],
      };
    },
  },
  {
    name: "public profile: an organisation's description, on /akun and its collaborator page",
    async run(browser, marker) {
      // The demo donor's organisation is verified and public, so its page shows the description.
      const page = await pageAs(browser, "donor");
      await page.goto("/akun");
      const profile = page.getByRole("region", { name: "Profil publik" });
      const stored = await submitPayloads(page, {
        fields: { publicDescription: profile.getByLabel("Deskripsi singkat (opsional)") },
        marker,
        submit: () => profile.getByRole("button", { name: "Simpan" }).click(),
        done: profile.getByRole("status").filter({ hasText: "Profil publik tersimpan." }),
      });
      const collaboratorPage = (await profile.getByRole("link", { name: "Lihat halaman publik" }).getAttribute("href"))!;
      return {
        stored,
        views: [
          { as: page, path: "/akun", shows: ["publicDescription"] },
          { as: await guest(browser), path: collaboratorPage, shows: ["publicDescription"] },
        ],
      };
    },
  },
  {
    name: "public report: description and contact, read by staff",
    async run(browser, marker) {
      const page = await freshPage(browser);
      await page.goto("/laporkan?tentang=kelurahan&id=31.71.01.1001");
      await page.getByLabel("Jenis masalah").selectOption("OTHER");
      const stored = await submitPayloads(page, {
        fields: { reportDescription: page.getByLabel("Uraian"), reportContact: page.getByLabel("Kontak untuk jawaban (opsional)") },
        marker,
        submit: () => page.getByRole("button", { name: "Kirim laporan" }).click(),
        done: page.getByRole("main").getByRole("status").filter({ hasText: "Laporan terkirim" }),
      });
      return {
        stored,
        views: [{ as: "staff", path: "/staf/laporan?status=NEW", shows: ["reportDescription", "reportContact"], paginated: true }],
      };
    },
  },
  {
    name: "JDCN collaboration proposal: title, offer and ask, read by the partner and by staff",
    async run(browser, marker) {
      const page = await pageAs(browser, "donor");
      await page.goto("/akun/kolaborasi");
      await page.getByLabel("Topik JDCN").selectOption("EDUCATION");
      await page.getByLabel("Mulai").fill("2027-03-01");
      await page.getByLabel("Selesai").fill("2027-06-30");
      const stored = await submitPayloads(page, {
        fields: {
          collaborationTitle: page.getByLabel("Judul kolaborasi"),
          collaborationOffer: page.getByLabel("Yang Anda tawarkan"),
          collaborationAsk: page.getByLabel("Yang Anda minta dari Pemprov"),
        },
        marker,
        submit: () => page.getByRole("button", { name: "Kirim usulan" }).click(),
        done: page.getByRole("main").getByRole("status").filter({ hasText: "Usulan terkirim" }),
      });
      return {
        stored,
        views: [
          { as: "donor", path: "/akun/kolaborasi", shows: ["collaborationTitle"] },
          {
            as: "staff",
            path: "/staf/kolaborasi?status=RECEIVED",
            shows: ["collaborationTitle", "collaborationOffer", "collaborationAsk"],
            paginated: true,
          },
        ],
      };
    },
  },
];
