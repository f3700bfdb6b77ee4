import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { changePledgeStatusAction, createPledgeAction, recordDeliveryAction } from "@/lib/pledges/actions.ts";
import { expireOverduePledges } from "@/lib/pledges/service.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { portalLink } from "@/lib/notifications/mail.ts";
import { LocalDiskStore, setFileStore } from "@/lib/storage/index.ts";
import { sql } from "@/tests/helpers/db.ts";
import { approvalTotalsFromPledges, freshNeed, needTotals, pledgeState } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { settle } from "@/tests/helpers/actions.ts";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-uploads-"));
const ids: Record<string, string> = {};

beforeAll(async () => {
  setFileStore(new LocalDiskStore(uploads));
  ids.donor = await userIdByEmail("donor@ksbb.test");
  ids.aggregator = await userIdByEmail("agregator@ksbb.test");
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.aggregatorOrg = (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE id = $1`, [ids.aggregator]))[0]!.o;
});

/** Submits a pledge as the demo donor; returns the new pledge id when one was created (the form then opens it). */
async function pledge(needId: string, fields: Record<string, string> = {}) {
  actAs(ids.donor!);
  const result = await createPledgeAction(
    null,
    form({ needId, quantity: "10", deliveryMode: "DIRECT", plannedDeliveryOn: jakartaToday(), idempotencyKey: randomUUID(), ...fields }),
  );
  if (result?.ok) {
    expect(result.data?.href).toBe(`/janji/${result.data?.pledgeId}?baru=1`);
    expect(result.message).toMatch(/Janji terkirim\. Kode janji Anda: KSBB-/);
  }
  return { result, id: result?.ok ? result.data?.pledgeId : undefined };
}

async function step(userId: string, pledgeId: string, to: string, reason?: string) {
  actAs(userId);
  const { version } = await pledgeState(pledgeId);
  return settle(changePledgeStatusAction(null, form({ pledgeId, version: String(version), to, ...(reason ? { reason } : {}) })));
}

const jpegWithGps = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#c05621" } })
    .jpeg()
    .withExif({ IFD0: { Make: "KameraUji" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 10/1 0/1" } })
    .toBuffer();

describe("pledging refuses bad input and writes nothing", () => {
  it.each([
    ["zero", "0"],
    ["minus one", "-1"],
    ["a fraction", "1.5"],
    ["10^12", "1000000000000"],
    ["more than remains", "51"],
  ])("a quantity of %s", async (_label, quantity) => {
    const need = await freshNeed(50);
    const { result, id } = await pledge(need.id, { quantity });
    expect(id).toBeUndefined();
    expect(result && !result.ok && result.fieldErrors?.quantity).toBeTruthy();
    expect(await needTotals(need.id)).toMatchObject({ pledged: 0 });
    expect(await sql(`SELECT 1 FROM pledge WHERE need_id = $1`, [need.id])).toEqual([]);
  });

  it("a need whose deadline has passed", async () => {
    const need = await freshNeed(50, { deadlineDays: -1 });
    const { result } = await pledge(need.id, { plannedDeliveryOn: jakartaToday() });
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.message).toMatch(/tenggat|tanggal/i);
    expect(await needTotals(need.id)).toMatchObject({ pledged: 0 });
  });

  it("an aggregator that does not serve the kelurahan", async () => {
    const need = await freshNeed(50);
    const [other] = await sql<{ id: string }>(
      `SELECT o.id FROM organisation o WHERE o.kind = 'AGGREGATOR' AND o.verification_status = 'VERIFIED'
      AND NOT EXISTS (SELECT 1 FROM aggregator_area a WHERE a.organisation_id = o.id AND a.region_code = $1) LIMIT 1`,
      [need.kelurahan],
    );
    const { result } = await pledge(need.id, { deliveryMode: "AGGREGATOR", aggregatorId: other!.id });
    expect(result && !result.ok && result.fieldErrors?.aggregatorId).toMatch(/tidak melayani/);
    expect(await needTotals(need.id)).toMatchObject({ pledged: 0 });
  });

  it("an unknown pledge id", async () => {
    actAs(ids.staff!);
    expect(await changePledgeStatusAction(null, form({ pledgeId: "plg_nope", version: "0", to: "APPROVED" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("the same form sent twice makes one pledge", async () => {
    const need = await freshNeed(50);
    const key = randomUUID();
    const first = await pledge(need.id, { idempotencyKey: key });
    const second = await pledge(need.id, { idempotencyKey: key });
    expect(first.id).toBeDefined();
    expect(second.id).toBe(first.id);
    expect(await needTotals(need.id)).toMatchObject({ pledged: 10 });
  });
});

describe("a new pledge", () => {
  it("claims its quantity and writes its audit event, and tells the owning office's staff (mail only to who asked), in one go", async () => {
    const need = await freshNeed(50);
    // An item with markup: it must stay text in the HTML part.
    await sql(`UPDATE need SET item = 'Paket <b>sembako</b> & "air"' WHERE id = $1`, [need.id]);
    const [area] = await sql<{ id: string }>(
      `SELECT a.organisation_id AS id FROM aggregator_area a JOIN organisation o ON o.id = a.organisation_id
      WHERE a.region_code = $1 AND o.kind = 'AGGREGATOR' AND o.verification_status = 'VERIFIED' LIMIT 1`,
      [need.kelurahan],
    );
    const [{ office, otherOffice }] = (await sql<{ office: string; otherOffice: string }>(
      `SELECT p.owner_organisation_id AS office,
              (SELECT id FROM organisation WHERE kind = 'CITY_OFFICE' AND id <> p.owner_organisation_id ORDER BY id LIMIT 1) AS "otherOffice"
         FROM need n JOIN program p ON p.id = n.program_id WHERE n.id = $1`,
      [need.id],
    )) as [{ office: string; otherOffice: string }];
    const newStaff = async (organisationId: string, extra: { active?: boolean; staffMail?: string; locale?: string } = {}) => {
      const id = `usr_t${randomUUID().replaceAll("-", "").slice(0, 12)}`;
      await sql(
        `INSERT INTO app_user (id, email, name, role, organisation_id, active, staff_mail, locale, updated_at)
         VALUES ($1, $2, 'Petugas Uji', 'CITY_STAFF', $3, $4, $5::"StaffMail", $6, now())`,
        [id, `${id}@ksbb.test`, organisationId, extra.active ?? true, extra.staffMail ?? "DAILY_DIGEST", extra.locale ?? "id"],
      );
      return { id, email: `${id}@ksbb.test` };
    };
    // A deactivated staff member and another office's staff hear nothing; one colleague asked for a mail per notice, in English.
    const gone = await newStaff(office, { active: false, staffMail: "IMMEDIATE" });
    const elsewhere = await newStaff(otherOffice, { staffMail: "IMMEDIATE" });
    const eager = await newStaff(office, { staffMail: "IMMEDIATE", locale: "en" });
    const officeStaff = await sql<{ id: string }>(
      `SELECT id FROM app_user WHERE role = 'CITY_STAFF' AND active AND organisation_id = $1 ORDER BY id`,
      [office],
    );
    expect(officeStaff.length).toBeGreaterThan(1);
    const fields: Record<string, string> = {
      quantity: "7",
      note: "Dikirim Sabtu pagi",
      ...(area && { deliveryMode: "AGGREGATOR", aggregatorId: area.id }),
    };
    const { result, id } = await pledge(need.id, fields);
    expect(result).toMatchObject({ ok: true });
    const [row] = await sql<{
      reference: string;
      quantity: number;
      status: string;
      delivery_mode: string;
      aggregator_organisation_id: string | null;
      note: string;
      planned: string;
    }>(
      `SELECT reference, quantity, status::text AS status, delivery_mode::text AS delivery_mode, aggregator_organisation_id, note, planned_delivery_on::text AS planned FROM pledge WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({
      quantity: 7,
      status: "SUBMITTED",
      delivery_mode: area ? "AGGREGATOR" : "DIRECT",
      aggregator_organisation_id: area?.id ?? null,
      note: "Dikirim Sabtu pagi",
      planned: jakartaToday(),
    });
    expect(result && result.ok && result.message).toContain(row!.reference);
    expect(await needTotals(need.id)).toMatchObject({ pledged: 7, status: "OPEN" });
    expect(
      await sql(`SELECT actor_user_id, action, to_status, metadata FROM audit_event WHERE entity_type = 'pledge' AND entity_id = $1`, [id]),
    ).toEqual([{ actor_user_id: ids.donor, action: "pledge.created", to_status: "SUBMITTED", metadata: { quantity: 7 } }]);
    const notices = await sql<{ user_id: string; kind: string; params: unknown }>(
      `SELECT user_id, kind, params FROM notification WHERE pledge_id = $1 ORDER BY user_id`,
      [id],
    );
    expect(notices.map((notice) => notice.user_id)).toEqual(officeStaff.map((user) => user.id));
    for (const notice of notices)
      expect(notice).toMatchObject({
        kind: "pledge.SUBMITTED",
        params: { reference: row!.reference, item: 'Paket <b>sembako</b> & "air"' },
      });
    for (const user of [gone, elsewhere]) expect(notices.some((notice) => notice.user_id === user.id)).toBe(false);
    const mails = await sql<{ to_address: string; subject: string; body: string; html: string }>(
      `SELECT to_address, subject, body, html FROM email_outbox WHERE body LIKE $1 ORDER BY to_address`,
      [`%/janji/${id}%`],
    );
    expect(mails.map((mail) => mail.to_address)).toEqual([eager.email]);
    const [mail] = mails;
    expect(mail!.subject).toBe(`[KSBB] New pledge ${row!.reference} for Paket <b>sembako</b> & "air" waits for review`);
    expect(mail!.body).toContain(`${portalLink(`/janji/${id}`)}\n`);
    expect(mail!.body).toContain("Review this pledge in the portal");
    expect(mail!.html).toContain(`href="${portalLink(`/janji/${id}`)}"`);
    expect(mail!.html).toContain("Paket &#60;b&#62;sembako&#60;/b&#62; &#38; &#34;air&#34;");
    expect(mail!.html).not.toContain("<b>sembako");
    expect(`${mail!.subject} ${mail!.body} ${mail!.html}`).not.toMatch(/pledge\.SUBMITTED|__ksbb_/);
  });

  it("the last units fill the need", async () => {
    const need = await freshNeed(10);
    expect((await pledge(need.id, { quantity: "10" })).id).toBeDefined();
    expect(await needTotals(need.id)).toMatchObject({ pledged: 10, status: "FULFILLED" });
    const { result } = await pledge(need.id, { quantity: "1" });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("a delivery date after the need's deadline is refused next to the date", async () => {
    const need = await freshNeed(50, { deadlineDays: 3 });
    const late = new Date(Date.parse(jakartaToday()) + 5 * 86_400_000).toISOString().slice(0, 10);
    const { result } = await pledge(need.id, { plannedDeliveryOn: late });
    expect(result && !result.ok && result.fieldErrors?.plannedDeliveryOn).toBeTruthy();
    expect(await needTotals(need.id)).toMatchObject({ pledged: 0 });
  });
});

describe("the pledge lifecycle", () => {
  it("goes from pledge to confirmed delivery, with partial deliveries, photos without location, and a full audit trail", async () => {
    const need = await freshNeed(100);
    await sql(`INSERT INTO aggregator_area (organisation_id, region_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      ids.aggregatorOrg,
      need.kelurahan,
    ]);
    const { id } = await pledge(need.id, { quantity: "40", deliveryMode: "AGGREGATOR", aggregatorId: ids.aggregatorOrg! });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 40, delivered: 0 });

    expect(await step(ids.donor!, id!, "APPROVED")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await needTotals(need.id)).toMatchObject({ approved: 0, confirmed: 0 });
    expect(await step(ids.staff!, id!, "APPROVED")).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ approved: 40, confirmed: 0 });
    expect(await step(ids.aggregator!, id!, "SCHEDULED")).toMatchObject({ ok: true });

    const deliver = async (quantity: string, files: File[] = []) => {
      actAs(ids.aggregator!);
      const { version } = await pledgeState(id!);
      const data = form({
        pledgeId: id!,
        version: String(version),
        deliveredOn: jakartaToday(),
        quantity,
        recipientGroup: "RW 05",
        recipientCount: "15",
      });
      for (const file of files) data.append("photos[]", file);
      return settle(recordDeliveryAction(null, data));
    };
    // A .jpg that is really HTML is refused, and nothing is recorded.
    const fake = await deliver("15", [new File(["<html><script>alert(1)</script></html>"], "bukti.jpg", { type: "image/jpeg" })]);
    expect(fake && !fake.ok && fake.fieldErrors?.["photos[]"]).toMatch(/JPEG atau PNG/);
    expect(await sql(`SELECT 1 FROM delivery_update WHERE pledge_id = $1`, [id])).toEqual([]);
    const huge = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "besar.jpg", { type: "image/jpeg" });
    const oversized = await deliver("15", [huge]);
    expect(oversized && !oversized.ok && oversized.fieldErrors?.["photos[]"]).toMatch(/maksimal 5 MB/);
    expect(await deliver("41")).toMatchObject({ ok: false, fieldErrors: { quantity: expect.stringMatching(/Melebihi/) } });

    const photo = new File([new Uint8Array(await jpegWithGps())], "foto.jpg", { type: "image/jpeg" });
    expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).exif).toBeDefined();
    expect(await deliver("15", [photo])).toMatchObject({ ok: true });
    expect(await pledgeState(id!)).toMatchObject({ status: "IN_DELIVERY", delivered: 15 });
    const [stored] = await sql<{ storage_key: string }>(
      `SELECT p.storage_key FROM delivery_photo p JOIN delivery_update d ON d.id = p.delivery_update_id WHERE d.pledge_id = $1`,
      [id],
    );
    const saved = fs.readFileSync(path.join(uploads, stored!.storage_key));
    expect((await sharp(saved).metadata()).exif).toBeUndefined();

    expect(await deliver("25")).toMatchObject({ ok: true });
    expect(await pledgeState(id!)).toMatchObject({ status: "DELIVERED", delivered: 40 });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 40, delivered: 40 });
    expect(await step(ids.donor!, id!, "CANCELLED", "berubah pikiran")).toMatchObject({ ok: false });
    expect(await step(ids.staff!, id!, "CONFIRMED")).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 40, delivered: 40, approved: 40, confirmed: 40 });
    expect(await needTotals(need.id)).toMatchObject(await approvalTotalsFromPledges(need.id));

    const events = await sql<{ to_status: string | null; action: string }>(
      `SELECT action, to_status FROM audit_event WHERE entity_type = 'pledge' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.map((e) => e.to_status ?? e.action)).toEqual([
      "SUBMITTED",
      "APPROVED",
      "SCHEDULED",
      "IN_DELIVERY",
      "pledge.delivery_recorded",
      // The second, last delivery is recorded before the pledge is delivered.
      "pledge.delivery_recorded",
      "DELIVERED",
      "CONFIRMED",
    ]);
    const notices = await sql<{ kind: string }>(`SELECT kind FROM notification WHERE pledge_id = $1 AND user_id = $2 ORDER BY created_at`, [
      id,
      ids.donor,
    ]);
    expect(notices.map((n) => n.kind)).toEqual([
      "pledge.APPROVED",
      "pledge.SCHEDULED",
      "pledge.IN_DELIVERY",
      "pledge.DELIVERED",
      "pledge.CONFIRMED",
    ]);
    // The office that owns the program hears of the pledge and of the full delivery to confirm; other offices do not.
    const [officeMember, outsider] = await sql<{ id: string }>(
      `SELECT (SELECT u.id FROM app_user u JOIN program p ON p.owner_organisation_id = u.organisation_id JOIN need n ON n.program_id = p.id
                WHERE n.id = $1 AND u.role = 'CITY_STAFF' AND u.active AND u.id <> $2 ORDER BY u.id LIMIT 1) AS id
       UNION ALL
       SELECT (SELECT u.id FROM app_user u JOIN need n ON n.id = $1 JOIN program p ON p.id = n.program_id
                WHERE u.role = 'CITY_STAFF' AND u.active AND u.organisation_id <> p.owner_organisation_id ORDER BY u.id LIMIT 1)`,
      [need.id, ids.staff],
    );
    const kindsFor = async (userId: string) =>
      (
        await sql<{ kind: string }>(`SELECT kind FROM notification WHERE pledge_id = $1 AND user_id = $2 ORDER BY created_at`, [id, userId])
      ).map((n) => n.kind);
    expect(officeMember!.id).toBeTruthy();
    expect(await kindsFor(officeMember!.id)).toEqual(["pledge.SUBMITTED", "pledge.DELIVERED"]);
    expect(await kindsFor(outsider!.id)).toEqual([]);
  });

  it("refuses a change made on a stale version", async () => {
    const need = await freshNeed(30);
    const { id } = await pledge(need.id);
    actAs(ids.staff!);
    expect(await settle(changePledgeStatusAction(null, form({ pledgeId: id!, version: "0", to: "APPROVED" })))).toMatchObject({ ok: true });
    const stale = await changePledgeStatusAction(null, form({ pledgeId: id!, version: "0", to: "REJECTED", reason: "terlambat" }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/diubah orang lain/) });
    expect(await pledgeState(id!)).toMatchObject({ status: "APPROVED", version: 1 });
  });

  it("releases the quantity when a pledge is rejected, cancelled or expires", async () => {
    const need = await freshNeed(30);
    const a = (await pledge(need.id)).id!;
    const b = (await pledge(need.id)).id!;
    const c = (await pledge(need.id)).id!;
    expect(await needTotals(need.id)).toMatchObject({ pledged: 30, status: "FULFILLED" });
    expect(await step(ids.staff!, a, "REJECTED")).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await step(ids.staff!, a, "REJECTED", "Gudang penuh")).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 20, approved: 0, status: "OPEN" });
    // Approved pledges count as approved until they are released.
    expect(await step(ids.staff!, b, "APPROVED")).toMatchObject({ ok: true });
    expect(await step(ids.staff!, c, "APPROVED")).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 20, approved: 20 });
    expect(await step(ids.donor!, b, "CANCELLED", "Dana dialihkan")).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 10, approved: 10 });
    await sql(`UPDATE pledge SET planned_delivery_on = planned_delivery_on - 30 WHERE id = $1`, [c]);
    expect(await expireOverduePledges()).toBeGreaterThanOrEqual(1);
    expect(await pledgeState(c)).toMatchObject({ status: "EXPIRED" });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 0, approved: 0, confirmed: 0 });
    expect(await needTotals(need.id)).toMatchObject(await approvalTotalsFromPledges(need.id));
  });
});
