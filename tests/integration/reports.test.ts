import { describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/state.ts";
import { sql } from "@/tests/helpers/db.ts";
import { settle } from "@/tests/helpers/actions.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// Public reports (issue 16): anyone files one; the address limit holds under a burst; a
// honeypot stores nothing; staff move it along with an audit event, and closing it mails
// the reply to a reporter who gave an e-mail address; the public counts follow.

const { fileReportAction, changeReportStatusAction } = await import("@/lib/reports/actions.ts");
const { monthlyReportCounts } = await import("@/lib/reports/queries.ts");
const { REPORTS_PER_ADDRESS_PER_HOUR } = await import("@/lib/reports/schema.ts");

const NEED = async () => (await sql<{ id: string }>(`SELECT id FROM need WHERE status = 'OPEN' ORDER BY id LIMIT 1`))[0]!.id;

async function file(fields: Record<string, string>, ip: string): Promise<ActionState> {
  actAs(null, ip);
  return fileReportAction(null, form(fields));
}

/** A staff decision; on success the action redirects to the queue with its confirmation ({ ok, location }). */
async function as(email: string, fields: Record<string, string>) {
  actAs(await userIdByEmail(email));
  return settle(changeReportStatusAction(null, form(fields)));
}

describe("public reports", () => {
  it("files a report with a database reference, keeps the contact out of the audit trail", async () => {
    const needId = await NEED();
    const result = await file(
      {
        subjectKind: "NEED",
        subjectId: needId,
        category: "WRONG_INFORMATION",
        description: "Jumlah sasaran tidak sesuai data RW.",
        contact: "warga@contoh.test",
      },
      "203.0.113.10",
    );
    expect(result).toMatchObject({ ok: true });
    const reference = /LP-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(result!.message!)![0];
    const [row] = await sql<{ id: string; status: string; contact: string }>(
      `SELECT id, status, contact FROM public_report WHERE reference = $1`,
      [reference],
    );
    expect(row).toMatchObject({ status: "NEW", contact: "warga@contoh.test" });
    const audit = await sql<{ metadata: unknown }>(`SELECT metadata FROM audit_event WHERE entity_type = 'report' AND entity_id = $1`, [
      row!.id,
    ]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.metadata)).not.toContain("warga@contoh.test");
  });

  it("refuses an unknown or non-public subject, and bad input keeps what was typed", async () => {
    const unknown = await file(
      { subjectKind: "NEED", subjectId: "need_tidak_ada", category: "OTHER", description: "Kebutuhan ini tidak ada." },
      "203.0.113.11",
    );
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const short = await file(
      { subjectKind: "KELURAHAN", subjectId: "31.71.01.1001", category: "OTHER", description: "pendek" },
      "203.0.113.11",
    );
    expect(short).toMatchObject({ ok: false, code: "INVALID", values: { description: "pendek" } });
    expect(short && !short.ok && short.fieldErrors?.description).toBeTruthy();
  });

  it("stores nothing when the honeypot is filled in, yet answers like a success", async () => {
    const before = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM public_report`))[0]!.n;
    const result = await file(
      {
        subjectKind: "KELURAHAN",
        subjectId: "31.71.01.1001",
        category: "OTHER",
        description: "Beli obat murah di sini sekarang.",
        website: "http://spam.test",
      },
      "203.0.113.12",
    );
    expect(result).toMatchObject({ ok: true });
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM public_report`))[0]!.n).toBe(before);
  });

  it("lets a burst of 20 from one address pass exactly the limit", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        file(
          { subjectKind: "KELURAHAN", subjectId: "31.71.01.1002", category: "OTHER", description: `Laporan beruntun nomor ${i + 1}.` },
          "203.0.113.20",
        ),
      ),
    );
    expect(results.filter((r) => r?.ok)).toHaveLength(REPORTS_PER_ADDRESS_PER_HOUR);
    expect(results.filter((r) => r && !r.ok && r.code === "RATE_LIMITED")).toHaveLength(20 - REPORTS_PER_ADDRESS_PER_HOUR);
  });

  it("staff review and resolve with a reply that is mailed, audited and counted; closed stays closed", async () => {
    const result = await file(
      {
        subjectKind: "KELURAHAN",
        subjectId: "31.71.01.1003",
        category: "NOT_DELIVERED",
        description: "Paket belum sampai di RW 03.",
        contact: "pelapor@contoh.test",
      },
      "203.0.113.30",
    );
    const reference = /LP-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(result!.message!)![0];
    const [{ id }] = (await sql<{ id: string }>(`SELECT id FROM public_report WHERE reference = $1`, [reference])) as [{ id: string }];
    const [month] = await monthlyReportCounts(1);

    const noReply = await as("staf@ksbb.test", { reportId: id, from: "NEW", to: "RESOLVED" });
    expect(noReply).toMatchObject({ ok: false, code: "INVALID" });
    expect(await as("donor@ksbb.test", { reportId: id, from: "NEW", to: "IN_REVIEW" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    expect(await as("staf@ksbb.test", { reportId: id, from: "NEW", to: "IN_REVIEW" })).toMatchObject({
      ok: true,
      location: `/staf/laporan?status=NEW&diubah=IN_REVIEW&ref=${reference}`,
    });
    const resolved = await as("staf@ksbb.test", {
      reportId: id,
      from: "IN_REVIEW",
      to: "RESOLVED",
      reply: "Paket sudah diantar ulang pada hari Senin.",
    });
    expect(resolved).toMatchObject({ ok: true, location: `/staf/laporan?status=IN_REVIEW&diubah=RESOLVED&ref=${reference}&surel=1` });

    const mails = await sql<{ body: string }>(`SELECT body FROM email_outbox WHERE to_address = 'pelapor@contoh.test'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(reference);
    expect(mails[0]!.body).toContain("Paket sudah diantar ulang pada hari Senin.");
    const steps = await sql<{ to_status: string }>(
      `SELECT to_status FROM audit_event WHERE entity_type = 'report' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(steps.map((s) => s.to_status)).toEqual(["NEW", "IN_REVIEW", "RESOLVED"]);
    const [after] = await monthlyReportCounts(1);
    expect(after!.resolved).toBe(month!.resolved + 1);

    const again = await as("staf@ksbb.test", { reportId: id, from: "IN_REVIEW", to: "REJECTED", reply: "Coba tutup dua kali." });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("holds the closing rule in the database too", async () => {
    await expect(
      sql(
        `INSERT INTO public_report (subject_kind, subject_id, category, description, status) VALUES ('KELURAHAN', '31.71.01.1001', 'OTHER', 'Ditutup tanpa jawaban.', 'RESOLVED')`,
      ),
    ).rejects.toThrow(/public_report_closed/);
  });
});
