import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  acceptInvitationAction,
  registerAggregatorAction,
  registerDonorAction,
  updateOrganisationAction,
  updateProfileAction,
} from "@/lib/accounts/actions.ts";
import type { GuardedAction } from "@/lib/actions/define.ts";
import type { ActionState } from "@/lib/actions/state.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { closeNeedAction, createNeedAction, importNeedsAction, updateNeedAction } from "@/lib/needs/actions.ts";
import { rejectOrganisationAction, suspendOrganisationAction } from "@/lib/organisations/actions.ts";
import { bulkReviewPledgesAction, changePledgeStatusAction, createPledgeAction, recordDeliveryAction } from "@/lib/pledges/actions.ts";
import { MAX_PHOTO_BYTES } from "@/lib/pledges/limits.ts";
import { createProgramAction, updateProgramAction } from "@/lib/programs/actions.ts";
import { createStaffAction } from "@/lib/users/actions.ts";
import { sql } from "@/tests/helpers/db.ts";
import { freshNeed, pledgeState } from "@/tests/helpers/pledges.ts";
import { actAs, form, userIdByEmail } from "@/tests/helpers/session.ts";
import { settle } from "@/tests/helpers/actions.ts";

// Issue 12, input: every form's dates, whole numbers and text, through the real server
// actions on the seeded database. Each form's fields are first shown to be accepted as
// built, so a refusal below is the bad value's doing, with that field's own message.

const inDays = (days: number) => isoDate(addDays(dateOnly(jakartaToday()), days));
const ids: Record<string, string> = {};
type Fields = Record<string, string | string[]>;
type Who = "anonymous" | "donor" | "aggregator" | "staff" | "admin";

const BAD_DATES = ["2026-02-31", "2027-02-31", "0001-01-01", "9999-12-31"];
const BAD_NUMBERS = ["0x10", "1e3", "+5", "1.5"];
const BAD_TEXTS = ["Beras\u202Egnp.exe", "Beras \u2066palsu\u2069", "Beras\u200F"];
const PASSWORD = "Uji-Sandi-Kuat-2026!";
let ipCounter = 10;

async function pledgeFor(mode: "DIRECT" | "AGGREGATOR"): Promise<string> {
  const need = await freshNeed(50);
  if (mode === "AGGREGATOR")
    await sql(`INSERT INTO aggregator_area (organisation_id, region_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      ids.aggregatorOrg,
      need.kelurahan,
    ]);
  actAs(ids.donor!);
  const result = await createPledgeAction(
    null,
    form({
      needId: need.id,
      quantity: "20",
      deliveryMode: mode,
      ...(mode === "AGGREGATOR" && { aggregatorId: ids.aggregatorOrg! }),
      plannedDeliveryOn: jakartaToday(),
      idempotencyKey: randomUUID(),
    }),
  );
  const id = result?.ok ? result.data?.pledgeId : undefined;
  if (!id) throw new Error(`pledge refused: ${JSON.stringify(result)}`);
  return id;
}

async function step(who: Who, pledgeId: string, to: string) {
  actAs(ids[who]!);
  const result = await settle(
    changePledgeStatusAction(null, form({ pledgeId, version: String((await pledgeState(pledgeId)).version), to })),
  );
  if (!result?.ok) throw new Error(`${to} refused: ${JSON.stringify(result)}`);
}

async function needFields(id: string): Promise<Fields> {
  const [n] = await sql<Record<string, string | number | null>>(
    `SELECT program_id, kelurahan_code, unit::text AS unit, beneficiary_kind::text AS kind, priority::text AS priority, version FROM need WHERE id = $1`,
    [id],
  );
  return {
    id,
    version: String(n!.version),
    programId: String(n!.program_id),
    kelurahanCode: String(n!.kelurahan_code),
    rw: "3",
    item: `Paket sembako ${randomUUID().slice(0, 8)}`,
    description: "Beras 5 kg dan minyak",
    unit: String(n!.unit),
    targetQuantity: "60",
    beneficiaryCount: "60",
    beneficiaryKind: String(n!.kind),
    deadline: inDays(30),
    priority: String(n!.priority),
  };
}

const programFields = (): Fields => ({
  category: "PANGAN",
  nameId: "KSBB Pangan Uji",
  nameEn: "KSBB Food Test",
  descriptionId: "Paket pangan.",
  descriptionEn: "Food packages.",
  startsOn: inDays(0),
  endsOn: inDays(200),
  ownerOrganisationId: ids.office!,
  status: "DRAFT",
});

interface FormCase {
  who: Who;
  action: GuardedAction;
  fields: () => Promise<Fields>;
  dates?: string[];
  numbers?: string[];
  texts: string[];
  /** False when the form cannot be accepted in a test (an invitation needs a real token). */
  acceptable?: boolean;
}

const FORMS: Record<string, FormCase> = {
  createPledge: {
    who: "donor",
    action: createPledgeAction,
    dates: ["plannedDeliveryOn"],
    numbers: ["quantity"],
    texts: ["note"],
    fields: async () => ({
      needId: (await freshNeed(50)).id,
      quantity: "5",
      deliveryMode: "DIRECT",
      plannedDeliveryOn: inDays(3),
      note: "Dikirim pagi",
      idempotencyKey: randomUUID(),
    }),
  },
  recordDelivery: {
    who: "aggregator",
    action: recordDeliveryAction,
    dates: ["deliveredOn"],
    numbers: ["quantity", "recipientCount", "version"],
    texts: ["recipientGroup", "notes"],
    fields: async () => {
      const pledgeId = await pledgeFor("AGGREGATOR");
      await step("staff", pledgeId, "APPROVED");
      await step("aggregator", pledgeId, "SCHEDULED");
      return {
        pledgeId,
        version: String((await pledgeState(pledgeId)).version),
        deliveredOn: jakartaToday(),
        quantity: "5",
        recipientGroup: "RW 05",
        recipientCount: "15",
        notes: "Diterima ketua RW",
      };
    },
  },
  cancelPledge: {
    who: "donor",
    action: changePledgeStatusAction,
    numbers: ["version"],
    texts: ["reason"],
    fields: async () => {
      const pledgeId = await pledgeFor("DIRECT");
      return { pledgeId, version: String((await pledgeState(pledgeId)).version), to: "CANCELLED", reason: "Stok habis" };
    },
  },
  bulkReview: {
    who: "staff",
    action: bulkReviewPledgesAction,
    texts: ["reason"],
    fields: async () => {
      const pledgeId = await pledgeFor("DIRECT");
      return { "pledge[]": [`${pledgeId}:${(await pledgeState(pledgeId)).version}`], to: "REJECTED", reason: "Data tidak lengkap" };
    },
  },
  createProgram: {
    who: "staff",
    action: createProgramAction,
    dates: ["startsOn", "endsOn"],
    texts: ["nameId", "nameEn", "descriptionId", "descriptionEn"],
    fields: async () => programFields(),
  },
  updateProgram: {
    who: "staff",
    action: updateProgramAction,
    dates: ["startsOn", "endsOn"],
    texts: ["nameId", "nameEn", "descriptionId", "descriptionEn"],
    fields: async () => {
      const [program] = await sql<{ id: string; updated_at: Date }>(`SELECT id, updated_at FROM program WHERE id = 'prg_00001'`);
      return {
        ...programFields(),
        id: program!.id,
        seen: program!.updated_at.toISOString(),
        nameId: "KSBB Pangan 2026",
        status: "OPEN",
        endsOn: inDays(400),
      };
    },
  },
  createNeed: {
    who: "staff",
    action: createNeedAction,
    dates: ["deadline"],
    numbers: ["targetQuantity", "beneficiaryCount", "rw"],
    texts: ["item", "description"],
    fields: async () => {
      const fields = await needFields((await freshNeed(10)).id);
      delete fields.id;
      delete fields.version;
      return { ...fields, status: "OPEN" };
    },
  },
  updateNeed: {
    who: "staff",
    action: updateNeedAction,
    dates: ["deadline"],
    numbers: ["targetQuantity", "beneficiaryCount", "rw", "version"],
    texts: ["item", "description"],
    fields: async () => needFields((await freshNeed(10)).id),
  },
  closeNeed: {
    who: "staff",
    action: closeNeedAction,
    numbers: ["version"],
    texts: ["reason"],
    fields: async () => {
      const { id, version } = await needFields((await freshNeed(10)).id);
      return { id: id!, version: version!, reason: "Sudah dipenuhi dinas" };
    },
  },
  registerDonor: {
    who: "anonymous",
    action: registerDonorAction,
    texts: ["name", "organisationName"],
    fields: async () => ({
      kind: "COMPANY",
      organisationName: "PT Uji Masukan",
      name: "Dewi Lestari",
      email: `uji-${randomUUID().slice(0, 8)}@contoh.test`,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    }),
  },
  registerAggregator: {
    who: "anonymous",
    action: registerAggregatorAction,
    numbers: ["capacity"],
    texts: ["name", "organisationName"],
    fields: async () => ({
      organisationName: "Yayasan Uji Masukan",
      name: "Budi Santoso",
      email: `uji-${randomUUID().slice(0, 8)}@contoh.test`,
      phone: "0812 3456 7890",
      "kelurahan[]": ["31.71.01.1001"],
      capacity: "250",
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    }),
  },
  updateProfile: { who: "donor", action: updateProfileAction, texts: ["name"], fields: async () => ({ name: "Rina Donatur" }) },
  updateOrganisation: {
    who: "donor",
    action: updateOrganisationAction,
    texts: ["organisationName"],
    fields: async () => ({ organisationName: "PT Cahaya Timur Makmur" }),
  },
  acceptInvitation: {
    who: "anonymous",
    action: acceptInvitationAction,
    texts: ["name"],
    acceptable: false,
    fields: async () => ({ token: "a".repeat(40), name: "Sari Anggota", password: PASSWORD, passwordConfirm: PASSWORD }),
  },
  createStaff: {
    who: "admin",
    action: createStaffAction,
    texts: ["name"],
    fields: async () => ({
      name: "Staf Baru",
      email: `staf-${randomUUID().slice(0, 8)}@contoh.test`,
      organisationId: ids.office!,
      role: "CITY_STAFF",
      temporaryPassword: PASSWORD,
    }),
  },
  rejectOrganisation: {
    who: "staff",
    action: rejectOrganisationAction,
    texts: ["reason"],
    fields: async () => ({ organisationId: ids.pendingOrg!, status: "PENDING", reason: "Dokumen tidak lengkap" }),
  },
  suspendOrganisation: {
    who: "staff",
    action: suspendOrganisationAction,
    texts: ["reason"],
    fields: async () => ({ organisationId: ids.verifiedOrg!, status: "VERIFIED", reason: "Laporan penyaluran palsu" }),
  },
};

async function submit(name: string, overrides: Fields = {}): Promise<ActionState> {
  const entry = FORMS[name]!;
  const fields = { ...(await entry.fields()), ...overrides };
  actAs(entry.who === "anonymous" ? null : ids[entry.who]!, `203.0.113.${(ipCounter += 1) % 250}`);
  return settle(entry.action(null, form(fields)));
}

beforeAll(async () => {
  for (const [who, email] of [
    ["donor", "donor@ksbb.test"],
    ["aggregator", "agregator@ksbb.test"],
    ["staff", "staf@ksbb.test"],
    ["admin", "admin@ksbb.test"],
  ] as const)
    ids[who] = await userIdByEmail(email);
  ids.aggregatorOrg = (await sql<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE id = $1`, [ids.aggregator]))[0]!.o;
  ids.office = (await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'CITY_OFFICE' ORDER BY id LIMIT 1`))[0]!.id;
  ids.pendingOrg = (
    await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'PENDING' AND kind <> 'CITY_OFFICE' ORDER BY id LIMIT 1`,
    )
  )[0]!.id;
  // Not the demo users' own organisations: suspending one of those would lock out the other tests.
  ids.verifiedOrg = (
    await sql<{ id: string }>(
      `SELECT id FROM organisation WHERE verification_status = 'VERIFIED' AND kind <> 'CITY_OFFICE' AND id NOT IN (SELECT organisation_id FROM app_user WHERE id = ANY($1) AND organisation_id IS NOT NULL) ORDER BY id LIMIT 1`,
      [[ids.donor, ids.aggregator, ids.staff, ids.admin]],
    )
  )[0]!.id;
  await sql(`UPDATE program SET ends_on = (now() AT TIME ZONE 'Asia/Jakarta')::date + 400 WHERE status = 'OPEN'`);
});

describe("every form is accepted as these tests build it", () => {
  it.each(Object.keys(FORMS).filter((name) => FORMS[name]!.acceptable !== false))("%s", async (name) => {
    expect(await submit(name)).toMatchObject({ ok: true });
  });
});

/** Hidden fields the form fills in itself (a version): refused, with the general message. */
const HIDDEN = new Set(["version"]);

const ROWS = Object.entries(FORMS).flatMap(([name, entry]) => [
  ...(entry.dates ?? []).flatMap((field) => BAD_DATES.map((value) => [name, field, value] as const)),
  ...(entry.numbers ?? []).flatMap((field) => BAD_NUMBERS.map((value) => [name, field, value] as const)),
  ...entry.texts.flatMap((field) => BAD_TEXTS.map((value) => [name, field, value] as const)),
]);

describe("bad input is refused next to its field, never with the generic error", () => {
  it.each(ROWS)("%s: %s = %j", async (name, field, value) => {
    const result = await submit(name, { [field]: value });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const message = result && !result.ok ? result.fieldErrors?.[field] : undefined;
    expect(message, JSON.stringify(result)).toBeTruthy();
    if (!HIDDEN.has(field)) expect(message).not.toMatch(/^Isian tidak valid\.$/);
  });
});

describe("files", () => {
  it("a delivery photo over the limit is refused next to the photos, and nothing is recorded", async () => {
    const big = new File([new Uint8Array(MAX_PHOTO_BYTES + 1)], "besar.jpg", { type: "image/jpeg" });
    const fields = await FORMS.recordDelivery!.fields();
    const data = form(fields);
    data.append("photos[]", big);
    actAs(ids.aggregator!);
    const refused = await settle(recordDeliveryAction(null, data));
    expect(refused).toMatchObject({ ok: false, code: "INVALID", values: { recipientGroup: "RW 05", notes: "Diterima ketua RW" } });
    expect(refused && !refused.ok && refused.fieldErrors?.["photos[]"]).toMatch(/maksimal 5 MB/);
    expect(await sql(`SELECT 1 FROM delivery_update WHERE pledge_id = $1`, [fields.pledgeId])).toEqual([]);
  });

  it("a CSV line with a direction override is reported by line and column, and nothing is imported", async () => {
    const csv = [
      "kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas",
      `31.71.01.1001,Paket sembako,FOOD_PACKAGE,10,10,HOUSEHOLD,${inDays(20)},HIGH`,
      `31.71.01.1002,Paket\u202Eokabmes,FOOD_PACKAGE,10,10,HOUSEHOLD,${inDays(20)},HIGH`,
    ].join("\n");
    const data = form({ programId: "prg_00001", status: "DRAFT" });
    data.append("file", new File([csv], "kebutuhan.csv", { type: "text/csv" }));
    actAs(ids.staff!);
    const before = await sql(`SELECT id FROM need`);
    const result = await settle(importNeedsAction(null, data));
    expect(result).toMatchObject({ ok: false, lines: [{ line: 3 }] });
    expect(result && !result.ok && result.lines?.[0]?.messages.join(" ")).toMatch(/Kolom barang .*pengatur arah/);
    expect(await sql(`SELECT id FROM need`)).toHaveLength(before.length);
  });
});
