import { describe, expect, it } from "vitest";
import { PledgeStatus, VerificationStatus } from "@/lib/generated/prisma/enums.ts";
import { digestMail } from "./digest.ts";
import { noticeMail, noticePath, portalLink } from "./mail.ts";

// Every event a notice can report becomes a mail people can read: its own subject and
// body in the recipient's language, absolute links, a text and an HTML part, and no
// message key anywhere.

const PLEDGE_KINDS = Object.values(PledgeStatus).map((status) => `pledge.${status}`);
const ORGANISATION_KINDS = (["VERIFIED", "REJECTED", "SUSPENDED"] as const satisfies VerificationStatus[]).map((s) => `organisation.${s}`);
const KEY = /\b(pledge|organisation|notice|mail)\.[A-Za-z_]+/;
const RELATIVE_LINK = /(^|[\s"(])\/(janji|akun|staf|pemberitahuan)\b/;

describe("notice mails", () => {
  const params = { reference: "KSBB-7YTP-5QPJ", item: "Paket sembako", organisation: "Yayasan Uji" };

  for (const locale of ["id", "en"] as const) {
    it(`gives every kind its own subject and body in ${locale}, with absolute links and no message key`, () => {
      const subjects = new Set<string>();
      const bodies = new Set<string>();
      for (const kind of [...PLEDGE_KINDS, ...ORGANISATION_KINDS]) {
        const path = noticePath(kind, kind.startsWith("pledge.") ? "pledge-1" : null);
        const mail = noticeMail({ kind, params, locale, path });
        subjects.add(mail.subject);
        bodies.add(mail.text);
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part, `${kind} (${locale})`).not.toMatch(KEY);
          expect(part, `${kind} (${locale})`).not.toMatch(RELATIVE_LINK);
        }
        expect(mail.subject).toMatch(/^\[KSBB\] \S/);
        expect(mail.text).toContain(portalLink(path));
        expect(mail.html).toContain(`href="${portalLink(path)}"`);
        expect(mail.html).toContain(`lang="${locale}"`);
      }
      expect(subjects.size).toBe(PLEDGE_KINDS.length + ORGANISATION_KINDS.length);
      expect(bodies.size).toBe(PLEDGE_KINDS.length + ORGANISATION_KINDS.length);
    });
  }

  it("writes in the recipient's language and says the city's reason", () => {
    const id = noticeMail({ kind: "pledge.REJECTED", params: { ...params, reason: "Stok tidak sesuai" }, locale: "id", path: "/janji/p1" });
    const en = noticeMail({
      kind: "pledge.REJECTED",
      params: { ...params, reason: "Stock does not match" },
      locale: "en",
      path: "/janji/p1",
    });
    expect(id.subject).toBe("[KSBB] Janji KSBB-7YTP-5QPJ ditolak");
    expect(id.text).toContain("Alasan dari petugas: Stok tidak sesuai");
    expect(en.subject).toBe("[KSBB] Pledge KSBB-7YTP-5QPJ was rejected");
    expect(en.text).toContain("Reason given by the city: Stock does not match");
    // Anything other than "en" (an old or empty setting) reads Indonesian.
    expect(noticeMail({ kind: "pledge.REJECTED", params, locale: "", path: "/janji/p1" }).subject).toBe(id.subject);
  });

  it("keeps values as text in the HTML part", () => {
    const mail = noticeMail({
      kind: "pledge.SUBMITTED",
      params: { reference: "KSBB-AAAA-BBBB", item: `<img src=x onerror="alert(1)">`, reason: "a & b" },
      locale: "id",
      path: "/janji/p1",
    });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
    expect(mail.html).toContain("a &#38; b");
    expect(mail.text).toContain(`<img src=x onerror="alert(1)">`);
  });

  it("sends organisation news to the account page", () => {
    expect(noticePath("organisation.VERIFIED", null)).toBe("/akun");
    expect(noticePath("pledge.APPROVED", "p9")).toBe("/janji/p9");
  });
});

describe("the staff digest mail", () => {
  it("gives the counts in words, in each language, with a link to the staff inbox", () => {
    const id = digestMail("id", "2026-12-03", { review: 3, confirm: 1, organisations: 0 });
    expect(id.subject).toBe("[KSBB] Ringkasan harian 3 Desember 2026: 4 hal menunggu Anda");
    expect(id.text).toContain("3 janji menunggu tinjauan");
    expect(id.text).toContain("1 penyaluran menunggu konfirmasi");
    expect(id.text).toContain("Tidak ada organisasi yang menunggu verifikasi");
    expect(id.text).toContain(portalLink("/staf"));
    const en = digestMail("en", "2026-12-03", { review: 1, confirm: 2, organisations: 5 });
    expect(en.subject).toBe("[KSBB] Daily summary 3 December 2026: 8 items waiting for you");
    expect(en.text).toContain("1 pledge waiting for review");
    expect(en.text).toContain("2 deliveries waiting for confirmation");
    expect(en.html).toContain(`href="${portalLink("/staf")}"`);
  });
});
