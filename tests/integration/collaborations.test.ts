import { describe, expect, it } from "vitest";
import { sql } from "@/tests/helpers/db.ts";
import { settle } from "@/tests/helpers/actions.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";

// JDCN collaborations (issue 16): a verified partner proposes; staff route it to an office;
// only that office's staff (or an admin) take it through the workflow, each step with a
// reason, an audit event and a notice to the partner; agreed ones become public, with a
// partner named only when it chose to be; the database holds the workflow too.

const { proposeCollaborationAction, routeCollaborationAction, stepCollaborationAction } = await import("@/lib/collaborations/actions.ts");
const { publicCollaborations, publicCollaborationsAfter, partnerCollaborations } = await import("@/lib/collaborations/queries.ts");

const officeId = async (name: string) => (await sql<{ id: string }>(`SELECT id FROM organisation WHERE name = $1`, [name]))[0]!.id;
const DINSOS = () => officeId("Dinas Sosial Provinsi DKI Jakarta");
const DISDIK = () => officeId("Dinas Pendidikan Provinsi DKI Jakarta");

const PROPOSAL = {
  title: "Perpustakaan keliling untuk RW padat",
  topic: "EDUCATION",
  regionCode: "31.71.01.1001",
  offer: "Dua mobil perpustakaan dan relawan pendongeng setiap Sabtu selama setahun.",
  askOfCity: "Titik parkir di kantor kelurahan dan jadwal bersama perangkat daerah.",
  startsOn: "2027-01-10",
  endsOn: "2027-12-20",
};

async function as(email: string | null, action: typeof proposeCollaborationAction, fields: Record<string, string>) {
  actAs(email ? await userIdByEmail(email) : null);
  return settle(action(null, form(fields)));
}

async function propose(fields: Record<string, string> = PROPOSAL) {
  const result = await as("donor@ksbb.test", proposeCollaborationAction, fields);
  expect(result).toMatchObject({ ok: true });
  const reference = /KL-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec((result as { message: string }).message)![0];
  const [row] = await sql<{ id: string; status: string; partner_organisation_id: string }>(
    `SELECT id, status, partner_organisation_id FROM collaboration WHERE reference = $1`,
    [reference],
  );
  return { ...row!, reference };
}

const notices = async (kind: string, reference: string) =>
  (
    await sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND params->>'reference' = $2`, [kind, reference])
  )[0]!.n;

describe("JDCN collaborations", () => {
  it("a verified partner proposes for its own organisation; the partner is told, and the audit trail has the step", async () => {
    const donorOrg = (await sql<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'donor@ksbb.test'`))[0]!;
    // A partner id smuggled into the form is ignored: the proposal is the caller's organisation's.
    const { id, status, partner_organisation_id, reference } = await propose({ ...PROPOSAL, partnerOrganisationId: await DINSOS() });
    expect(status).toBe("RECEIVED");
    expect(partner_organisation_id).toBe(donorOrg.organisation_id);
    expect(await notices("collaboration.RECEIVED", reference)).toBeGreaterThan(0);
    const audit = await sql(`SELECT action FROM audit_event WHERE entity_type = 'collaboration' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ action: "collaboration.proposed" }]);
    // Not public before it is agreed.
    expect((await publicCollaborationsAfter({}, undefined, 500)).map((row) => row.reference)).not.toContain(reference);
  });

  it("refuses bad input field by field and keeps what was typed; an unverified organisation cannot propose", async () => {
    const bad = await as("donor@ksbb.test", proposeCollaborationAction, { ...PROPOSAL, endsOn: "2026-12-31", regionCode: "31.71.01" });
    expect(bad).toMatchObject({ ok: false, code: "INVALID", values: { title: PROPOSAL.title } });
    const fields = (bad as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["endsOn", "regionCode"]);

    const [unverified] = await sql<{ email: string }>(
      `SELECT u.email FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE o.verification_status = 'PENDING' AND u.role = 'DONOR' ORDER BY u.email LIMIT 1`,
    );
    const refused = await as(unverified!.email, proposeCollaborationAction, PROPOSAL);
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Staff and guests cannot propose at all.
    expect(await as("staf@ksbb.test", proposeCollaborationAction, PROPOSAL)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(null, proposeCollaborationAction, PROPOSAL)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("only the office it was routed to takes it further; agreeing needs the MoU; the agreed collaboration is public", async () => {
    const { id, reference } = await propose({ ...PROPOSAL, title: "Kelas literasi digital untuk guru" });
    // Not routed yet: nobody can step it.
    const early = await as("admin@ksbb.test", stepCollaborationAction, {
      collaborationId: id,
      from: "RECEIVED",
      to: "IN_DISCUSSION",
      reason: "Layak dibahas.",
    });
    expect(early).toMatchObject({ ok: false, code: "FORBIDDEN" });

    expect(await as("staf@ksbb.test", routeCollaborationAction, { collaborationId: id, officeId: await DISDIK() })).toMatchObject({
      ok: true,
    });
    expect(await notices("collaboration.ROUTED", reference)).toBeGreaterThan(0);
    // Staff of another office (Dinas Sosial) may not move Dinas Pendidikan's collaboration.
    const other = await as("staf@ksbb.test", stepCollaborationAction, {
      collaborationId: id,
      from: "RECEIVED",
      to: "IN_DISCUSSION",
      reason: "Layak dibahas.",
    });
    expect(other).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // Routed to Dinas Sosial instead, whose staff take it through.
    expect(await as("staf@ksbb.test", routeCollaborationAction, { collaborationId: id, officeId: await DINSOS() })).toMatchObject({
      ok: true,
    });
    const noReason = await as("staf@ksbb.test", stepCollaborationAction, {
      collaborationId: id,
      from: "RECEIVED",
      to: "IN_DISCUSSION",
      reason: "",
    });
    expect(noReason).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      await as("staf@ksbb.test", stepCollaborationAction, {
        collaborationId: id,
        from: "RECEIVED",
        to: "IN_DISCUSSION",
        reason: "Sejalan dengan program literasi.",
      }),
    ).toMatchObject({ ok: true });
    // A skipped step is refused.
    expect(
      await as("staf@ksbb.test", stepCollaborationAction, {
        collaborationId: id,
        from: "IN_DISCUSSION",
        to: "COMPLETED",
        reason: "Langsung selesai.",
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    const noMou = await as("staf@ksbb.test", stepCollaborationAction, {
      collaborationId: id,
      from: "IN_DISCUSSION",
      to: "AGREED",
      reason: "Disepakati.",
    });
    expect(noMou).toMatchObject({ ok: false, code: "INVALID" });
    expect(Object.keys((noMou as { fieldErrors: Record<string, string> }).fieldErrors).sort()).toEqual(["mouReference", "mouSignedOn"]);

    // Two staff members agree at once: exactly one step is taken.
    const step = {
      collaborationId: id,
      from: "IN_DISCUSSION",
      to: "AGREED",
      reason: "Nota kesepahaman ditandatangani.",
      mouReference: "PKS-JDCN/099/2026",
      mouSignedOn: "2026-11-30",
    };
    const [first, second] = await Promise.all([
      as("staf@ksbb.test", stepCollaborationAction, step),
      as("admin@ksbb.test", stepCollaborationAction, step),
    ]);
    expect([first, second].filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect([first, second].find((outcome) => !outcome?.ok)).toMatchObject({ code: "CONFLICT" });

    const steps = await sql<{ action: string; to_status: string | null; reason: string | null }>(
      `SELECT action, to_status, reason FROM audit_event WHERE entity_type = 'collaboration' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(steps.map((event) => event.action)).toEqual([
      "collaboration.proposed",
      "collaboration.routed",
      "collaboration.routed",
      "collaboration.status_changed",
      "collaboration.status_changed",
    ]);
    expect(steps.at(-1)).toMatchObject({ to_status: "AGREED", reason: "Nota kesepahaman ditandatangani." });
    expect(await notices("collaboration.AGREED", reference)).toBeGreaterThan(0);
    // Routing is closed once agreed.
    expect(await as("staf@ksbb.test", routeCollaborationAction, { collaborationId: id, officeId: await DISDIK() })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });

    const record = (await publicCollaborationsAfter({ topic: "EDUCATION" }, undefined, 500)).find((row) => row.reference === reference);
    expect(record).toMatchObject({
      title: "Kelas literasi digital untuk guru",
      status: "AGREED",
      partner: "PT Cahaya Timur Makmur",
      office: "Dinas Sosial Provinsi DKI Jakarta",
      kelurahan_code: "31.71.01.1001",
      kota_code: "31.71",
      mou_reference: "PKS-JDCN/099/2026",
      mou_signed_on: "2026-11-30",
    });
    // What was asked of the city and the reasons stay between partner and city.
    expect(JSON.stringify(record)).not.toContain("Titik parkir");
    const page = await publicCollaborations("EDUCATION", 1);
    expect(page.collaborations.map((row) => row.reference)).toContain(reference);
    const partnerId = (await sql<{ id: string }>(`SELECT id FROM organisation WHERE name = 'PT Cahaya Timur Makmur'`))[0]!.id;
    expect((await partnerCollaborations(partnerId)).map((row) => row.reference)).toContain(reference);
  });

  it("names a partner publicly only when it chose to be shown", async () => {
    const rows = await publicCollaborationsAfter({}, undefined, 500);
    const hidden = await sql<{ reference: string }>(
      `SELECT c.reference FROM collaboration c JOIN organisation o ON o.id = c.partner_organisation_id
        WHERE NOT o.show_publicly AND c.status IN ('AGREED', 'RUNNING', 'COMPLETED')`,
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const { reference } of hidden) expect(rows.find((row) => row.reference === reference)?.partner).toBeNull();
    expect(rows.every((row) => ["AGREED", "RUNNING", "COMPLETED"].includes(row.status))).toBe(true);
  });

  it("the database refuses a skipped step, a step without its reason, and an agreement without an MoU", async () => {
    const { id } = await propose({ ...PROPOSAL, title: "Uji batasan basis data kolaborasi" });
    const dinsos = await DINSOS();
    await expect(
      sql(`UPDATE collaboration SET status = 'COMPLETED', office_id = $2, status_reason = 'x' WHERE id = $1`, [id, dinsos]),
    ).rejects.toThrow(/cannot become/);
    await expect(sql(`UPDATE collaboration SET status = 'IN_DISCUSSION' WHERE id = $1`, [id])).rejects.toThrow();
    await sql(`UPDATE collaboration SET status = 'IN_DISCUSSION', office_id = $2, status_reason = 'dibahas' WHERE id = $1`, [id, dinsos]);
    await expect(sql(`UPDATE collaboration SET status = 'AGREED', status_reason = 'sepakat' WHERE id = $1`, [id])).rejects.toThrow(
      /collaboration_mou/,
    );
    await expect(sql(`UPDATE collaboration SET office_id = partner_organisation_id WHERE id = $1`, [id])).rejects.toThrow(/city office/);
  });
});
