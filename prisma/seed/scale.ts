import type { DbHandle, SqlSession } from "@/lib/db/connect.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import type { NeedPriority, OrganisationKind, PledgeStatus, VerificationStatus } from "@/lib/generated/prisma/enums.ts";
import { pledgeReference } from "@/lib/pledges/reference.ts";
import { RELEASING } from "@/lib/pledges/state-machine.ts";
import { DEMO_PASSWORD, NEED_TEMPLATES } from "./catalogue.ts";
import { PATHS, PLEDGE_STATUS_WEIGHTS, PRIORITY_WEIGHTS } from "./generate.ts";
import { createRandom, type Random } from "./random.ts";

// Scale data on top of the demo data: generated in memory with the seeded PRNG, written
// with one INSERT … SELECT FROM unnest(…) per chunk, so 100,000 pledges take seconds,
// not the minutes row-by-row Prisma calls would. Audit events and delivery updates are
// derived from the pledge rows in SQL. Quantities are chosen here so that every need stays
// within its target; the need rows start at zero and the pledge triggers move their totals
// and open/fulfilled status, as they do for every pledge the app writes.
// Dates are relative to the day it runs, so the needs are open and pledgeable today.

export const SCALE = { needs: 10_000, organisations: 2_000, pledges: 100_000 } as const;
/** Verified donor organisations whose member can sign in (bench-donor-NN@ksbb.test). */
export const BENCH_DONORS = 40;
export const benchDonorEmail = (n: number) => `bench-donor-${String(n).padStart(2, "0")}@ksbb.test`;

const CHUNK = 20_000;

interface NeedRow {
  id: string;
  programId: string;
  kelurahan: string;
  rw: number | null;
  item: string;
  unit: string;
  target: number;
  pledged: number;
  delivered: number;
  beneficiaries: number;
  beneficiaryKind: string;
  priority: NeedPriority;
  deadline: string;
  status: "DRAFT" | "OPEN" | "FULFILLED" | "CLOSED";
  createdAt: string;
  description: string | null;
}

// As in the demo data, except that an expired scale pledge may have delivered part of
// its quantity, so it expires from IN_DELIVERY.
const PATH_STEPS: Record<PledgeStatus, PledgeStatus[]> = { ...PATHS, EXPIRED: ["APPROVED", "SCHEDULED", "IN_DELIVERY", "EXPIRED"] };

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** INSERT INTO table (columns) SELECT … FROM unnest($1::type[], …), in chunks. */
async function insertRows(session: SqlSession, table: string, columns: [name: string, type: string][], rows: unknown[][]) {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  // Enum columns travel as text arrays and are cast per row.
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type.startsWith('"') ? "text" : type}[]`).join(", ");
  const casts = columns.map(([, type], i) => (type.startsWith('"') ? `c${i}::${type}` : `c${i}`)).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${arrays}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await session.query(
      sql,
      columns.map((_, i) => chunk.map((row) => row[i] ?? null)),
    );
  }
}

async function one<T>(session: SqlSession, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await session.query<T>(sql, params);
  return row as T;
}

const ORG_WORDS = [
  "Sinar",
  "Mitra",
  "Karya",
  "Bumi",
  "Cahaya",
  "Nusa",
  "Bina",
  "Harapan",
  "Sejahtera",
  "Mandiri",
  "Abadi",
  "Lestari",
  "Makmur",
  "Bersama",
  "Pelita",
  "Citra",
];
const DONOR_KINDS: [OrganisationKind, number][] = [
  ["COMPANY", 30],
  ["FOUNDATION", 15],
  ["COMMUNITY_GROUP", 20],
  ["INDIVIDUAL", 35],
];
const KIND_PREFIX: Partial<Record<OrganisationKind, string>> = {
  COMPANY: "PT",
  FOUNDATION: "Yayasan",
  COMMUNITY_GROUP: "Komunitas",
  AGGREGATOR: "Lumbung",
};

function organisationName(random: Random, kind: OrganisationKind, n: number) {
  if (kind === "INDIVIDUAL") return `Donatur Perorangan ${pad(n, 4)}`;
  return `${KIND_PREFIX[kind]} ${random.pick(ORG_WORDS)} ${random.pick(ORG_WORDS)} ${pad(n, 4)}`;
}

export interface ScaleSummary {
  organisations: number;
  users: number;
  needs: number;
  pledges: number;
  deliveryUpdates: number;
  auditEvents: number;
}

/** Adds organisations, needs and pledges to a database that holds the demo data, up to SCALE. */
export async function seedScale(handle: DbHandle, today = jakartaToday()): Promise<ScaleSummary> {
  const random = createRandom(2026_11_28);
  const day = dateOnly(today);
  const dateAt = (offset: number) => isoDate(addDays(day, offset));
  const timeAt = (offset: number) => addDays(day, offset).toISOString();

  return handle.session(async (sql) => {
    const kelurahan = await sql.query<{ code: string; parent_code: string }>(
      `SELECT code, parent_code FROM region WHERE level = 'KELURAHAN' ORDER BY code`,
    );
    const programs = await sql.query<{ id: string; category: string }>(
      `SELECT id, category::text FROM program WHERE status = 'OPEN' ORDER BY id`,
    );
    const staff = await one<{ id: string; organisation_id: string }>(
      sql,
      `SELECT id, organisation_id FROM app_user WHERE email = 'staf@ksbb.test'`,
    );
    const existing = await one<{ orgs: number; needs: number; pledges: number }>(
      sql,
      `SELECT (SELECT count(*)::int FROM organisation) AS orgs, (SELECT count(*)::int FROM need) AS needs, (SELECT count(*)::int FROM pledge) AS pledges`,
    );

    // Organisations: aggregators serving one or two kecamatan, and donors of every kind.
    const kecamatan = [...new Set(kelurahan.map((k) => k.parent_code))];
    const newOrgs = SCALE.organisations - existing.orgs;
    const aggregatorCount = 60;
    const orgRows: unknown[][] = [];
    const userRows: unknown[][] = [];
    const areaRows: unknown[][] = [];
    const donorOrgs: { id: string; userId: string }[] = [];
    const servedBy = new Map<string, string[]>();
    const benchHash = await hashPassword(DEMO_PASSWORD);
    let benchDonors = 0;
    for (let n = 1; n <= newOrgs; n++) {
      const id = `org_sc_${pad(n, 4)}`;
      const userId = `usr_sc_${pad(n, 4)}`;
      const kind: OrganisationKind = n <= aggregatorCount ? "AGGREGATOR" : random.weighted(DONOR_KINDS);
      // The first donors are the bench accounts: verified, so they can pledge.
      const bench = kind !== "AGGREGATOR" && benchDonors < BENCH_DONORS;
      const status: VerificationStatus = bench
        ? "VERIFIED"
        : random.weighted<VerificationStatus>([
            ["VERIFIED", 75],
            ["PENDING", 15],
            ["REJECTED", 5],
            ["SUSPENDED", 5],
          ]);
      const createdAt = timeAt(-random.int(30, 400));
      orgRows.push([
        id,
        organisationName(random, kind, n),
        kind,
        status,
        status === "REJECTED" ? "Dokumen legalitas tidak dapat diverifikasi." : null,
        status === "VERIFIED" || status === "SUSPENDED" ? createdAt : null,
        kind !== "INDIVIDUAL" && status === "VERIFIED" && random.next() < 0.6,
        status === "SUSPENDED" ? "Laporan penyaluran tidak lengkap." : null,
        kind === "AGGREGATOR" ? random.int(200, 5000) : null,
        createdAt,
        createdAt,
      ]);
      let email = `skala-${pad(n, 4)}@ksbb.test`;
      if (bench) email = benchDonorEmail(++benchDonors);
      userRows.push([
        userId,
        email,
        kind === "INDIVIDUAL" ? `Donatur ${pad(n, 4)}` : `Kontak ${pad(n, 4)}`,
        bench ? benchHash : null,
        kind === "AGGREGATOR" ? "AGGREGATOR" : "DONOR",
        id,
        createdAt,
        createdAt,
        createdAt,
      ]);
      if (kind === "AGGREGATOR") {
        const served = new Set([random.pick(kecamatan), ...(random.next() < 0.5 ? [random.pick(kecamatan)] : [])]);
        for (const kel of kelurahan.filter((k) => served.has(k.parent_code))) {
          areaRows.push([id, kel.code]);
          if (status === "VERIFIED") servedBy.set(kel.code, [...(servedBy.get(kel.code) ?? []), id]);
        }
      } else if (status === "VERIFIED" || status === "PENDING") {
        donorOrgs.push({ id, userId });
      }
    }
    await insertRows(
      sql,
      "organisation",
      [
        ["id", "text"],
        ["name", "text"],
        ["kind", '"OrganisationKind"'],
        ["verification_status", '"VerificationStatus"'],
        ["verification_reason", "text"],
        ["verified_at", "timestamp(3)"],
        ["show_publicly", "boolean"],
        ["suspension_reason", "text"],
        ["delivery_capacity", "int"],
        ["created_at", "timestamp(3)"],
        ["updated_at", "timestamp(3)"],
      ],
      orgRows,
    );
    await insertRows(
      sql,
      "app_user",
      [
        ["id", "text"],
        ["email", "text"],
        ["name", "text"],
        ["password_hash", "text"],
        ["role", '"Role"'],
        ["organisation_id", "text"],
        ["created_at", "timestamp(3)"],
        ["updated_at", "timestamp(3)"],
        ["email_verified_at", "timestamp(3)"],
      ],
      userRows,
    );
    await insertRows(
      sql,
      "aggregator_area",
      [
        ["organisation_id", "text"],
        ["region_code", "text"],
      ],
      areaRows,
    );

    // The demo's verified aggregators and donors take part too.
    for (const row of await sql.query<{ organisation_id: string; region_code: string }>(
      `SELECT a.organisation_id, a.region_code FROM aggregator_area a JOIN organisation o ON o.id = a.organisation_id
        WHERE o.verification_status = 'VERIFIED' AND o.id NOT LIKE 'org_sc_%' ORDER BY 1, 2`,
    )) {
      servedBy.set(row.region_code, [...(servedBy.get(row.region_code) ?? []), row.organisation_id]);
    }
    for (const row of await sql.query<{ id: string; user_id: string }>(
      `SELECT o.id, min(u.id) AS user_id FROM organisation o JOIN app_user u ON u.organisation_id = o.id
        WHERE o.kind IN ('COMPANY', 'FOUNDATION', 'COMMUNITY_GROUP', 'INDIVIDUAL') AND o.verification_status = 'VERIFIED' AND o.id NOT LIKE 'org_sc_%'
        GROUP BY o.id ORDER BY o.id`,
    )) {
      donorOrgs.push({ id: row.id, userId: row.user_id });
    }
    const deliverer = new Map(userRows.map((row) => [row[5] as string, row[0] as string]));
    for (const row of await sql.query<{ organisation_id: string; id: string }>(
      `SELECT organisation_id, min(id) AS id FROM app_user GROUP BY 1`,
    )) {
      if (!deliverer.has(row.organisation_id)) deliverer.set(row.organisation_id, row.id);
    }

    // Needs: every open program, every kelurahan, deadlines from last month to next year.
    const needs: NeedRow[] = [];
    for (let n = 1; n <= SCALE.needs - existing.needs; n++) {
      const kel = random.pick(kelurahan);
      const program = random.pick(programs);
      const template = random.pick(NEED_TEMPLATES[program.category as keyof typeof NEED_TEMPLATES]);
      const target = random.int(...template.target);
      const deadlineOffset = random.next() < 0.05 ? -random.int(1, 30) : random.int(14, 365);
      const status = random.next() < 0.02 ? "DRAFT" : deadlineOffset < 0 || random.next() < 0.03 ? "CLOSED" : "OPEN";
      needs.push({
        id: `need_sc_${pad(n, 5)}`,
        programId: program.id,
        kelurahan: kel.code,
        rw: random.next() < 0.5 ? random.int(1, 15) : null,
        item: template.item,
        unit: template.unit,
        target,
        pledged: 0,
        delivered: 0,
        beneficiaries: target * template.beneficiariesPerUnit,
        beneficiaryKind: template.beneficiaryKind,
        priority: random.weighted(PRIORITY_WEIGHTS),
        deadline: dateAt(deadlineOffset),
        status,
        createdAt: timeAt(-random.int(20, 120)),
        description: random.next() < 0.3 ? `Kebutuhan warga RW setempat, didata oleh kelurahan ${kel.code}.` : null,
      });
    }

    // Pledges in every state, each never above what its need still lacks at the time.
    const pledgeable = needs.filter((need) => need.status !== "DRAFT");
    const references = new Set((await sql.query<{ reference: string }>(`SELECT reference FROM pledge`)).map((row) => row.reference));
    const pledgeRows: unknown[][] = [];
    const wanted = SCALE.pledges - existing.pledges;
    for (let attempts = 0; pledgeRows.length < wanted; attempts++) {
      if (attempts > wanted * 20) throw new Error(`could only place ${pledgeRows.length} of ${wanted} pledges: the needs are full`);
      const need = random.pick(pledgeable);
      const remaining = need.target - need.pledged;
      if (remaining <= 0) continue;
      const quantity = Math.min(remaining, Math.max(1, Math.round((need.target * random.int(1, 8)) / 100)));
      const status = random.weighted(PLEDGE_STATUS_WEIGHTS);
      const delivered =
        status === "DELIVERED" || status === "CONFIRMED"
          ? quantity
          : status === "IN_DELIVERY" || (status === "EXPIRED" && random.next() < 0.3)
            ? Math.floor(quantity / 2)
            : 0;
      const aggregators = servedBy.get(need.kelurahan) ?? [];
      const aggregator = aggregators.length > 0 && random.next() < 0.65 ? random.pick(aggregators) : null;
      const donor = random.pick(donorOrgs);
      let reference = pledgeReference(random.next);
      while (references.has(reference)) reference = pledgeReference(random.next);
      references.add(reference);
      const createdOffset = -random.int(1, 19);
      const open = !RELEASING.has(status) && status !== "DELIVERED" && status !== "CONFIRMED";
      const planned = open ? need.deadline : dateAt(Math.min(createdOffset + random.int(3, 14), 0));
      pledgeRows.push([
        `plg_sc_${pad(pledgeRows.length + 1, 6)}`,
        reference,
        need.id,
        donor.id,
        donor.userId,
        quantity,
        delivered,
        aggregator ? "AGGREGATOR" : "DIRECT",
        aggregator,
        planned,
        status,
        status === "REJECTED"
          ? "Jumlah melebihi kapasitas gudang kelurahan."
          : status === "CANCELLED"
            ? "Donatur membatalkan janji."
            : null,
        PATH_STEPS[status].length,
        timeAt(createdOffset),
        timeAt(Math.min(createdOffset + PATH_STEPS[status].length, 0)),
      ]);
      // The need counts live pledges in full and released ones by what they delivered.
      need.pledged += RELEASING.has(status) ? delivered : quantity;
      need.delivered += delivered;
    }

    await insertRows(
      sql,
      "need",
      [
        ["id", "text"],
        ["program_id", "text"],
        ["kota_code", "text"],
        ["kecamatan_code", "text"],
        ["kelurahan_code", "text"],
        ["rw", "int"],
        ["item", "text"],
        ["description", "text"],
        ["unit", '"NeedUnit"'],
        ["target_quantity", "int"],
        ["beneficiary_count", "int"],
        ["beneficiary_kind", '"BeneficiaryKind"'],
        ["priority", '"NeedPriority"'],
        ["deadline", "date"],
        ["status", '"NeedStatus"'],
        ["created_at", "timestamp(3)"],
        ["updated_at", "timestamp(3)"],
      ],
      needs.map((n) => [
        n.id,
        n.programId,
        n.kelurahan.slice(0, 5),
        n.kelurahan.slice(0, 8),
        n.kelurahan,
        n.rw,
        n.item,
        n.description,
        n.unit,
        n.target,
        n.beneficiaries,
        n.beneficiaryKind,
        n.priority,
        n.deadline,
        n.status,
        n.createdAt,
        n.createdAt,
      ]),
    );
    await insertRows(
      sql,
      "pledge",
      [
        ["id", "text"],
        ["reference", "text"],
        ["need_id", "text"],
        ["donor_organisation_id", "text"],
        ["created_by_id", "text"],
        ["quantity", "int"],
        ["delivered_quantity", "int"],
        ["delivery_mode", '"DeliveryMode"'],
        ["aggregator_organisation_id", "text"],
        ["planned_delivery_on", "date"],
        ["status", '"PledgeStatus"'],
        ["status_reason", "text"],
        ["version", "int"],
        ["created_at", "timestamp(3)"],
        ["updated_at", "timestamp(3)"],
      ],
      pledgeRows,
    );

    // History derived from the pledges: who did each step, one day apart.
    const steps = Object.entries(PATH_STEPS).flatMap(([status, path]) =>
      path.map((to, i) => `('${status}', ${i + 1}, '${i === 0 ? "SUBMITTED" : path[i - 1]}', '${to}')`),
    );
    const delivererUsers = [...deliverer].map(([org, user]) => `('${org}', '${user}')`).join(", ");
    await sql.exec(`
      BEGIN;
      CREATE TEMP TABLE deliverer_user (organisation_id text PRIMARY KEY, user_id text) ON COMMIT DROP;
      INSERT INTO deliverer_user VALUES ${delivererUsers};
      INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, action, to_status, metadata, created_at)
        SELECT created_by_id, donor_organisation_id, 'pledge', id, 'pledge.created', 'SUBMITTED', jsonb_build_object('quantity', quantity), created_at
          FROM pledge WHERE id LIKE 'plg_sc_%' ORDER BY id;
      INSERT INTO audit_event (actor_user_id, actor_organisation_id, entity_type, entity_id, action, from_status, to_status, reason, created_at)
        SELECT CASE WHEN s.to_status IN ('APPROVED', 'REJECTED', 'CONFIRMED') THEN '${staff.id}'
                    WHEN s.to_status = 'CANCELLED' THEN p.created_by_id
                    WHEN s.to_status = 'EXPIRED' THEN NULL
                    ELSE d.user_id END,
               CASE WHEN s.to_status IN ('APPROVED', 'REJECTED', 'CONFIRMED') THEN '${staff.organisation_id}'
                    WHEN s.to_status = 'CANCELLED' THEN p.donor_organisation_id
                    WHEN s.to_status = 'EXPIRED' THEN NULL
                    ELSE COALESCE(p.aggregator_organisation_id, p.donor_organisation_id) END,
               'pledge', p.id, 'pledge.status_changed', s.from_status, s.to_status,
               CASE WHEN s.to_status IN ('REJECTED', 'CANCELLED') THEN p.status_reason END,
               p.created_at + s.step * interval '1 day'
          FROM pledge p
          JOIN (VALUES ${steps.join(", ")}) AS s(status, step, from_status, to_status) ON s.status = p.status::text
          LEFT JOIN deliverer_user d ON d.organisation_id = COALESCE(p.aggregator_organisation_id, p.donor_organisation_id)
         WHERE p.id LIKE 'plg_sc_%'
         ORDER BY p.id, s.step;
      INSERT INTO delivery_update (id, pledge_id, recorded_by_id, delivered_on, quantity, recipient_group, recipient_count, created_at)
        SELECT 'dlv_' || substr(p.id, 5), p.id, d.user_id, (p.created_at + interval '2 days')::date, p.delivered_quantity,
               'RW ' || lpad(COALESCE(n.rw, 1 + abs(hashtext(p.id)) % 12)::text, 2, '0'), p.delivered_quantity, p.created_at + interval '2 days'
          FROM pledge p JOIN need n ON n.id = p.need_id
          JOIN deliverer_user d ON d.organisation_id = COALESCE(p.aggregator_organisation_id, p.donor_organisation_id)
         WHERE p.id LIKE 'plg_sc_%' AND p.delivered_quantity > 0
         ORDER BY p.id;
      COMMIT;`);

    return one<ScaleSummary>(
      sql,
      `SELECT (SELECT count(*)::int FROM organisation) AS organisations, (SELECT count(*)::int FROM app_user) AS users,
      (SELECT count(*)::int FROM need) AS needs, (SELECT count(*)::int FROM pledge) AS pledges,
      (SELECT count(*)::int FROM delivery_update) AS "deliveryUpdates", (SELECT count(*)::int FROM audit_event) AS "auditEvents"`,
    );
  });
}
