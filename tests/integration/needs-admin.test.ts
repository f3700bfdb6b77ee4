import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { closeNeedAction, createNeedAction, reopenNeedAction, updateNeedAction } from "@/lib/needs/actions.ts";
import { changePledgeStatusAction } from "@/lib/pledges/actions.ts";
import { createProgramAction, updateProgramAction } from "@/lib/programs/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed, needTotals, pledgeState, submitPledge } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { settle, type Outcome } from "@/tests/helpers/actions.ts";

// Program and need management by city staff, through the server actions.

const ids: Record<string, string> = {};
const inDays = (days: number) => isoDate(addDays(dateOnly(jakartaToday()), days));

async function step(userId: string, pledgeId: string, to: string) {
  actAs(userId);
  const { version } = await pledgeState(pledgeId);
  const result = await settle(changePledgeStatusAction(null, form({ pledgeId, version: String(version), to })));
  if (!result?.ok) throw new Error(`step ${to} refused: ${JSON.stringify(result)}`);
}

async function needRow(id: string) {
  const [row] = await sql<{
    status: string;
    version: number;
    target_quantity: number;
    pledged_quantity: number;
    item: string;
    kota_code: string;
    kecamatan_code: string;
  }>(`SELECT status::text AS status, version, target_quantity, pledged_quantity, item, kota_code, kecamatan_code FROM need WHERE id = $1`, [
    id,
  ]);
  return row!;
}

/** The need form's fields for an existing need, as its edit page would send them. */
async function editForm(id: string, overrides: Record<string, string> = {}) {
  const [n] = await sql<Record<string, string | number | null>>(
    `SELECT program_id, kelurahan_code, rw, item, description, unit::text AS unit, target_quantity, beneficiary_count, beneficiary_kind::text AS kind,
            to_char(deadline, 'YYYY-MM-DD') AS deadline, priority::text AS priority, version FROM need WHERE id = $1`,
    [id],
  );
  return form({
    id,
    version: String(n!.version),
    programId: String(n!.program_id),
    kelurahanCode: String(n!.kelurahan_code),
    rw: n!.rw === null ? "" : String(n!.rw),
    item: String(n!.item),
    description: String(n!.description ?? ""),
    unit: String(n!.unit),
    targetQuantity: String(n!.target_quantity),
    beneficiaryCount: String(n!.beneficiary_count),
    beneficiaryKind: String(n!.kind),
    deadline: String(n!.deadline),
    priority: String(n!.priority),
    ...overrides,
  });
}

const auditCount = async (entityId: string, action: string) =>
  Number(
    (await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE entity_id = $1 AND action = $2`, [entityId, action]))[0]!.n,
  );

beforeAll(async () => {
  ids.donor = await userIdByEmail("donor@ksbb.test");
  ids.aggregator = await userIdByEmail("agregator@ksbb.test");
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.admin = await userIdByEmail("admin@ksbb.test");
  ids.pangan = "prg_00001";
  ids.office = (await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'CITY_OFFICE' ORDER BY id LIMIT 1`))[0]!.id;
  ids.company = (await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'COMPANY' ORDER BY id LIMIT 1`))[0]!.id;
  // Keep the seeded programs running well past any deadline these tests choose.
  await sql(`UPDATE program SET ends_on = (now() AT TIME ZONE 'Asia/Jakarta')::date + 400 WHERE status = 'OPEN'`);
});

const newNeed = (fields: Record<string, string> = {}) =>
  form({
    programId: ids.pangan!,
    kelurahanCode: "31.74.01.1001",
    rw: "4",
    item: `Paket sembako uji ${randomUUID().slice(0, 8)}`,
    description: "",
    unit: "FOOD_PACKAGE",
    targetQuantity: "60",
    beneficiaryCount: "60",
    beneficiaryKind: "HOUSEHOLD",
    deadline: inDays(30),
    priority: "HIGH",
    status: "OPEN",
    ...fields,
  });

describe("creating a need", () => {
  it("takes the kecamatan and kota from the region table, never from the form", async () => {
    actAs(ids.staff!);
    const data = newNeed();
    data.append("kotaCode", "31.71");
    data.append("kecamatanCode", "31.71.01");
    const result = await settle(createNeedAction(null, data));
    const id = result?.ok && "location" in result ? result.location?.match(/\/staf\/kebutuhan\/([a-z0-9_]+)/i)?.[1] : undefined;
    expect(id, JSON.stringify(result)).toBeTruthy();
    expect(await needRow(id!)).toMatchObject({
      status: "OPEN",
      kota_code: "31.74",
      kecamatan_code: "31.74.01",
      target_quantity: 60,
      version: 0,
    });
    expect(await auditCount(id!, "need.created")).toBe(1);
  });

  it.each([
    ["a unit of another category", { unit: "DEVICE" }, "unit", /bukan satuan kategori program/],
    ["a beneficiary kind of another category", { beneficiaryKind: "STUDENT" }, "beneficiaryKind", /bukan untuk kategori program/],
    ["an unknown kelurahan", { kelurahanCode: "31.74.01.9999" }, "kelurahanCode", /Kelurahan tidak dikenal/],
    ["a deadline in the past", { deadline: inDays(-1) }, "deadline", /sebelum hari ini/],
    ["a deadline after the program", { deadline: inDays(500) }, "deadline", /setelah program berakhir/],
    ["a zero target", { targetQuantity: "0" }, "targetQuantity", /minimal 1/],
    ["an RW of 120", { rw: "120" }, "rw", /RW harus bilangan 1 sampai 99/],
  ])("refuses %s, in Indonesian, keeping what was typed", async (_label, fields, field, message) => {
    actAs(ids.staff!);
    const before = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM need`))[0]!.n);
    const result = await settle(createNeedAction(null, newNeed({ item: "Paket yang ditolak", ...fields })));
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.fieldErrors?.[field]).toMatch(message);
    expect(result && !result.ok && result.values?.item).toBe("Paket yang ditolak");
    expect(Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM need`))[0]!.n)).toBe(before);
  });

  it("a draft program takes draft needs only", async () => {
    await sql(
      `INSERT INTO program (id, slug, category, name_id, name_en, description_id, description_en, starts_on, ends_on, status, owner_organisation_id, updated_at)
      VALUES ('prg_draft_t', 'draf-uji', 'PANGAN', 'Draf uji', 'Draft test', 'd', 'd', current_date, current_date + 300, 'DRAFT', $1, now()) ON CONFLICT DO NOTHING`,
      [ids.office],
    );
    actAs(ids.staff!);
    const open = await settle(createNeedAction(null, newNeed({ programId: "prg_draft_t" })));
    expect(open && !open.ok && open.fieldErrors?.status).toMatch(/Program masih draf/);
    const draft = await settle(createNeedAction(null, newNeed({ programId: "prg_draft_t", status: "DRAFT" })));
    expect(draft).toMatchObject({ ok: true });
  });

  it("a planned program takes none", async () => {
    actAs(ids.staff!);
    const result = await settle(createNeedAction(null, newNeed({ programId: "prg_00005" })));
    expect(result && !result.ok && result.fieldErrors?.programId).toMatch(/tidak menerima kebutuhan/);
  });
});

describe("editing a need", () => {
  it("refuses a target below what is pledged, in the user's language, and accepts exactly the pledged amount", async () => {
    const need = await freshNeed(50);
    await submitPledge(need.id, 20);
    actAs(ids.staff!);
    const low = await settle(updateNeedAction(null, await editForm(need.id, { targetQuantity: "19" })));
    expect(low).toMatchObject({ ok: false, code: "INVALID" });
    expect(low && !low.ok && low.fieldErrors?.targetQuantity).toBe("Target tidak boleh di bawah 20 yang sudah dijanjikan donatur.");
    expect(low && !low.ok && low.values?.targetQuantity).toBe("19");
    expect(await needRow(need.id)).toMatchObject({ target_quantity: 50, version: 0, status: "OPEN" });

    const exact = await settle(updateNeedAction(null, await editForm(need.id, { targetQuantity: "20" })));
    expect(exact).toMatchObject({ ok: true });
    expect(await needRow(need.id)).toMatchObject({ target_quantity: 20, pledged_quantity: 20, status: "FULFILLED", version: 1 });
    // Raising it again opens the need to pledges.
    await settle(updateNeedAction(null, await editForm(need.id, { targetQuantity: "30" })));
    expect(await needRow(need.id)).toMatchObject({ target_quantity: 30, status: "OPEN", version: 2 });
    expect(await auditCount(need.id, "need.updated")).toBe(2);
  });

  it("a pledge landing between the check and the write gets the same answer, from the database CHECK", async () => {
    const need = await freshNeed(50);
    await submitPledge(need.id, 10);
    // Stand-in for a concurrent pledge: the row the edit writes carries more pledged than its new target.
    await sql(`CREATE OR REPLACE FUNCTION t_race() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${need.id}' AND NEW.target_quantity < OLD.target_quantity THEN NEW.pledged_quantity := NEW.target_quantity + 1; END IF; RETURN NEW; END $$`);
    await sql(`CREATE TRIGGER t_race BEFORE UPDATE ON need FOR EACH ROW EXECUTE FUNCTION t_race()`);
    try {
      actAs(ids.staff!);
      const result = await settle(updateNeedAction(null, await editForm(need.id, { targetQuantity: "12" })));
      expect(result && !result.ok && result.fieldErrors?.targetQuantity).toBe(
        "Target tidak boleh di bawah 10 yang sudah dijanjikan donatur.",
      );
    } finally {
      await sql(`DROP TRIGGER t_race ON need`);
    }
    expect(await needRow(need.id)).toMatchObject({ target_quantity: 50, pledged_quantity: 10, version: 0 });
  });

  it("a stale edit is refused with a clear message; the user's input comes back with the current version", async () => {
    const need = await freshNeed(40);
    actAs(ids.staff!);
    const seen = await editForm(need.id);
    expect(await settle(updateNeedAction(null, await editForm(need.id, { priority: "URGENT" })))).toMatchObject({ ok: true });
    seen.set("item", "Isian saya yang tidak boleh hilang");
    const stale = await settle(updateNeedAction(null, seen));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(stale && !stale.ok && stale.message).toMatch(/diubah orang lain/);
    expect(stale && !stale.ok && stale.values).toMatchObject({ item: "Isian saya yang tidak boleh hilang", version: "1" });
    expect((await needRow(need.id)).item).not.toBe("Isian saya yang tidak boleh hilang");
    // Sent again with the version it now carries, the edit goes through.
    seen.set("version", "1");
    expect(await settle(updateNeedAction(null, seen))).toMatchObject({ ok: true });
    expect((await needRow(need.id)).item).toBe("Isian saya yang tidak boleh hilang");
  });

  it("keeps program, kelurahan and unit once pledges exist", async () => {
    const need = await freshNeed(40);
    await submitPledge(need.id, 5);
    actAs(ids.staff!);
    const result = await settle(updateNeedAction(null, await editForm(need.id, { kelurahanCode: "31.74.01.1001" })));
    expect(result && !result.ok && result.fieldErrors?.kelurahanCode).toMatch(/sudah ada janji/);
  });
});

describe("closing and reopening a need", () => {
  async function needWithPledgesInEveryOpenStatus() {
    const need = await freshNeed(100);
    const submitted = await submitPledge(need.id, 5);
    const approved = await submitPledge(need.id, 6);
    const scheduled = await submitPledge(need.id, 7);
    const inDelivery = await submitPledge(need.id, 8);
    for (const id of [approved, scheduled, inDelivery]) await step(ids.staff!, id, "APPROVED");
    for (const id of [scheduled, inDelivery]) await step(ids.donor!, id, "SCHEDULED");
    await step(ids.donor!, inDelivery, "IN_DELIVERY");
    return { need, pledges: { submitted, approved, scheduled, inDelivery } };
  }

  it("asks what to do with pledges still under way", async () => {
    const { need } = await needWithPledgesInEveryOpenStatus();
    actAs(ids.staff!);
    const result = await settle(closeNeedAction(null, form({ id: need.id, version: "0" })));
    expect(result && !result.ok && result.fieldErrors?.pledges).toMatch(/Pilih apa yang terjadi/);
    const noReason = await settle(closeNeedAction(null, form({ id: need.id, version: "0", pledges: "cancel" })));
    expect(noReason && !noReason.ok && noReason.fieldErrors?.reason).toBeTruthy();
    expect((await needRow(need.id)).status).toBe("OPEN");
  });

  it("cancelling releases what the cancelled pledges held, through the pledge state machine, and tells the donor", async () => {
    const { need, pledges } = await needWithPledgesInEveryOpenStatus();
    expect((await needTotals(need.id)).pledged).toBe(5 + 6 + 7 + 8);
    const donorNoticesBefore = Number(
      (await sql<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE user_id = $1 AND kind = 'pledge.CANCELLED'`, [ids.donor]))[0]!
        .n,
    );
    actAs(ids.staff!);
    const result = await settle(
      closeNeedAction(null, form({ id: need.id, version: "0", pledges: "cancel", reason: "Bantuan sudah dipenuhi APBD." })),
    );
    expect(result).toMatchObject({ ok: true, location: `/staf/kebutuhan/${need.id}?berubah=closed&batal=3` });
    // Only the pledge already in delivery still counts.
    expect(await needTotals(need.id)).toMatchObject({ pledged: 8, status: "CLOSED" });
    for (const id of [pledges.submitted, pledges.approved, pledges.scheduled]) {
      expect((await pledgeState(id)).status).toBe("CANCELLED");
      const [event] = await sql<{ reason: string; actor_user_id: string }>(
        `SELECT reason, actor_user_id FROM audit_event WHERE entity_id = $1 AND to_status = 'CANCELLED'`,
        [id],
      );
      expect(event).toEqual({ reason: "Bantuan sudah dipenuhi APBD.", actor_user_id: ids.staff });
    }
    expect((await pledgeState(pledges.inDelivery)).status).toBe("IN_DELIVERY");
    const [closed] = await sql<{ from_status: string; metadata: { cancelled: number; pledges: string } }>(
      `SELECT from_status, metadata FROM audit_event WHERE entity_id = $1 AND action = 'need.closed'`,
      [need.id],
    );
    expect(closed).toMatchObject({ from_status: "OPEN", metadata: { cancelled: 3, pledges: "cancel" } });
    const donorNoticesAfter = Number(
      (await sql<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE user_id = $1 AND kind = 'pledge.CANCELLED'`, [ids.donor]))[0]!
        .n,
    );
    expect(donorNoticesAfter - donorNoticesBefore).toBe(3);
  });

  it("keeping them leaves every pledge and the pledged total as they were, and refuses new pledges", async () => {
    const { need, pledges } = await needWithPledgesInEveryOpenStatus();
    actAs(ids.staff!);
    expect(await settle(closeNeedAction(null, form({ id: need.id, version: "0", pledges: "keep" })))).toMatchObject({ ok: true });
    expect(await needTotals(need.id)).toMatchObject({ pledged: 26, status: "CLOSED" });
    expect((await pledgeState(pledges.submitted)).status).toBe("SUBMITTED");
    await expect(submitPledge(need.id, 1)).rejects.toThrow(/pledge refused/);
    // A kept pledge can still be delivered on.
    await step(ids.staff!, pledges.submitted, "APPROVED");
  });

  it("reopening makes it open again, or fulfilled when everything is pledged", async () => {
    const need = await freshNeed(10);
    await submitPledge(need.id, 4);
    actAs(ids.staff!);
    await settle(closeNeedAction(null, form({ id: need.id, version: "0", pledges: "keep" })));
    expect(await settle(reopenNeedAction(null, form({ id: need.id, version: "1" })))).toMatchObject({ ok: true });
    expect(await needRow(need.id)).toMatchObject({ status: "OPEN", version: 2 });
    expect(await auditCount(need.id, "need.reopened")).toBe(1);

    const full = await freshNeed(6);
    await submitPledge(full.id, 6);
    await settle(closeNeedAction(null, form({ id: full.id, version: "0", pledges: "keep" })));
    await settle(reopenNeedAction(null, form({ id: full.id, version: "1" })));
    expect((await needRow(full.id)).status).toBe("FULFILLED");
  });

  it("a closed need whose deadline passed is not reopened until the deadline moves", async () => {
    const need = await freshNeed(10, { deadlineDays: -2 });
    actAs(ids.staff!);
    await settle(closeNeedAction(null, form({ id: need.id, version: "0" })));
    const result = await settle(reopenNeedAction(null, form({ id: need.id, version: "1" })));
    expect(result && !result.ok && result.message).toMatch(/Tenggatnya sudah lewat/);
  });
});

describe("only city staff manage needs and programs", () => {
  it("donors, aggregators and guests are refused every action and change nothing", async () => {
    const need = await freshNeed(30);
    for (const who of [ids.donor!, ids.aggregator!, null]) {
      actAs(who);
      const results = [
        await settle(createNeedAction(null, newNeed())),
        await settle(updateNeedAction(null, await editForm(need.id, { targetQuantity: "1" }))),
        await settle(closeNeedAction(null, form({ id: need.id, version: "0", pledges: "keep" }))),
        await settle(reopenNeedAction(null, form({ id: need.id, version: "0" }))),
        await settle(
          createProgramAction(
            null,
            form({
              category: "PANGAN",
              nameId: "Program curian",
              nameEn: "Stolen",
              descriptionId: "x",
              descriptionEn: "x",
              startsOn: inDays(0),
              endsOn: inDays(10),
              ownerOrganisationId: ids.office!,
              status: "DRAFT",
            }),
          ),
        ),
        await settle(
          updateProgramAction(
            null,
            form({
              id: ids.pangan!,
              seen: new Date().toISOString(),
              category: "PANGAN",
              nameId: "Diambil alih",
              nameEn: "Taken",
              descriptionId: "x",
              descriptionEn: "x",
              startsOn: inDays(0),
              endsOn: inDays(10),
              ownerOrganisationId: ids.office!,
              status: "OPEN",
            }),
          ),
        ),
      ];
      for (const result of results) expect(result && !result.ok && result.code).toBe(who ? "FORBIDDEN" : "UNAUTHENTICATED");
    }
    expect(await needRow(need.id)).toMatchObject({ status: "OPEN", target_quantity: 30, version: 0 });
    expect(await sql(`SELECT 1 FROM program WHERE name_id IN ('Program curian', 'Diambil alih')`)).toEqual([]);
  });
});

describe("programs", () => {
  const programForm = (fields: Record<string, string> = {}) =>
    form({
      category: "PANGAN",
      nameId: "KSBB Pangan Tahap II",
      nameEn: "KSBB Food Phase II",
      descriptionId: "Paket pangan tahap kedua.",
      descriptionEn: "Second phase food packages.",
      startsOn: inDays(0),
      endsOn: inDays(200),
      ownerOrganisationId: ids.office!,
      status: "DRAFT",
      ...fields,
    });
  const created = (result: Outcome) =>
    result?.ok && "location" in result ? result.location?.match(/program=([a-z0-9_]+)/i)?.[1] : undefined;

  it("a new program gets a unique slug from its Indonesian name", async () => {
    actAs(ids.staff!);
    const first = created(await settle(createProgramAction(null, programForm())));
    actAs(ids.admin!);
    const second = created(await settle(createProgramAction(null, programForm({ nameEn: "Another" }))));
    const slugs = await sql<{ slug: string }>(`SELECT slug FROM program WHERE id IN ($1, $2) ORDER BY created_at, slug`, [first, second]);
    expect(slugs.map((s) => s.slug)).toEqual(["ksbb-pangan-tahap-ii", "ksbb-pangan-tahap-ii-2"]);
    expect(await auditCount(first!, "program.created")).toBe(1);
  });

  it.each([
    ["an end before the start", { startsOn: inDays(10), endsOn: inDays(9) }, "endsOn", /berakhir tidak boleh sebelum/],
    ["a planned category that is not planned", { category: "PERSAMPAHAN", status: "OPEN" }, "status", /masih direncanakan/],
    ["an active category marked planned", { status: "PLANNED" }, "status", /hanya untuk kategori yang direncanakan/],
    ["an owner that is not a city office", { ownerOrganisationId: "org_00012" }, "ownerOrganisationId", /dinas Pemprov/],
    ["an empty English name", { nameEn: " " }, "nameEn", /.+/],
  ])("refuses %s", async (_label, fields, field, message) => {
    actAs(ids.staff!);
    const result = await settle(createProgramAction(null, programForm({ nameId: "Program ditolak", ...fields })));
    expect(result && !result.ok && result.fieldErrors?.[field]).toMatch(message);
    expect(await sql(`SELECT 1 FROM program WHERE name_id = 'Program ditolak'`)).toEqual([]);
  });

  it("an edit made meanwhile by someone else is refused; the category stays once needs exist", async () => {
    const [program] = await sql<{ updated_at: Date }>(`SELECT updated_at FROM program WHERE id = $1`, [ids.pangan]);
    const seen = program!.updated_at.toISOString();
    const edit = (fields: Record<string, string>) =>
      programForm({ id: ids.pangan!, seen, nameId: "KSBB Pangan 2026", status: "OPEN", endsOn: inDays(400), ...fields });
    actAs(ids.staff!);
    const locked = await settle(updateProgramAction(null, edit({ category: "UMKM" })));
    expect(locked && !locked.ok && locked.fieldErrors?.category).toMatch(/sudah punya kebutuhan/);
    expect(await settle(updateProgramAction(null, edit({ nameEn: "KSBB Food 2026 (edited)" })))).toMatchObject({ ok: true });
    const stale = await settle(updateProgramAction(null, edit({ nameEn: "Lost update" })));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(stale && !stale.ok && stale.values?.nameEn).toBe("Lost update");
    expect((await sql<{ name_en: string }>(`SELECT name_en FROM program WHERE id = $1`, [ids.pangan]))[0]!.name_en).toBe(
      "KSBB Food 2026 (edited)",
    );
  });

  it("the database refuses a reversed period, a bad slug and an owner that is not a city office, whatever code path tries", async () => {
    await expect(sql(`UPDATE program SET ends_on = starts_on - 1 WHERE id = $1`, [ids.pangan])).rejects.toThrow(/program_period_ordered/);
    await expect(sql(`UPDATE program SET slug = 'Bukan Slug!' WHERE id = $1`, [ids.pangan])).rejects.toThrow(/program_slug_format/);
    await expect(sql(`UPDATE program SET owner_organisation_id = $2 WHERE id = $1`, [ids.pangan, ids.company])).rejects.toThrow(
      /not a city office/,
    );
  });
});
