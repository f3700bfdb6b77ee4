import "server-only";
import { NotFoundError, STAFF_ROLES } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { publicOrganisationName, PUBLIC_NAME_FIELDS } from "@/lib/organisations/public-name.ts";

// Receipts (tanda terima) for confirmed pledges and yearly statements of an organisation's
// confirmed contributions (issue 15). Both carry a public code; /verifikasi checks a code
// and shows only what the receipt itself states about the aid, never a person, and the
// organisation's name only when it agreed to be shown publicly.

const receiptSelect = {
  id: true,
  reference: true,
  receiptCode: true,
  quantity: true,
  deliveredQuantity: true,
  createdAt: true,
  donorOrganisationId: true,
  donorOrganisation: { select: { name: true, kind: true } },
  aggregatorOrganisation: { select: { name: true } },
  need: {
    select: {
      item: true,
      unit: true,
      kelurahan: { select: { name: true } },
      kecamatan: { select: { name: true } },
      kota: { select: { name: true } },
      program: { select: { nameId: true, nameEn: true, ownerOrganisation: { select: { name: true } } } },
    },
  },
  deliveryUpdates: {
    orderBy: [{ deliveredOn: "asc" as const }, { createdAt: "asc" as const }],
    select: { deliveredOn: true, quantity: true },
  },
};

/** The receipt of a confirmed pledge, for a member of the donor organisation or city staff. */
export async function receiptFor(caller: Caller, pledgeId: string) {
  const pledge = await db.pledge.findFirst({ where: { id: pledgeId, status: "CONFIRMED" }, select: receiptSelect });
  const allowed = pledge && (pledge.donorOrganisationId === caller.organisationId || STAFF_ROLES.includes(caller.role));
  if (!pledge || !allowed || !pledge.receiptCode) throw new NotFoundError();
  // Each step's date, and who confirmed, from the pledge's append-only history.
  const events = await db.auditEvent.findMany({
    where: { entityType: "pledge", entityId: pledge.id, action: "pledge.status_changed" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { toStatus: true, createdAt: true, actorUser: { select: { name: true } }, actorOrganisation: { select: { name: true } } },
  });
  const at = (status: string) => events.find((event) => event.toStatus === status)?.createdAt ?? null;
  const confirmation = events.find((event) => event.toStatus === "CONFIRMED");
  return {
    ...pledge,
    receiptCode: pledge.receiptCode,
    steps: {
      submitted: pledge.createdAt,
      approved: at("APPROVED"),
      scheduled: at("SCHEDULED"),
      delivered: at("DELIVERED"),
      confirmed: confirmation?.createdAt ?? null,
    },
    confirmedBy: { person: confirmation?.actorUser?.name ?? null, office: confirmation?.actorOrganisation?.name ?? null },
  };
}

export type Receipt = Awaited<ReturnType<typeof receiptFor>>;

interface StatementRow {
  id: string;
  reference: string;
  receipt_code: string;
  item: string;
  unit: string;
  quantity: number;
  kelurahan: string;
  program_id: string;
  program_en: string;
  confirmed_at: Date;
}

/** The caller's organisation's pledges confirmed in a (Jakarta) year, oldest first. */
export async function confirmedInYear(caller: Caller, year: number) {
  const rows = await db.$queryRaw<StatementRow[]>`
    SELECT p.id, p.reference, p.receipt_code, n.item, n.unit::text AS unit, p.delivered_quantity AS quantity, r.name AS kelurahan,
           pr.name_id AS program_id, pr.name_en AS program_en, e.created_at AS confirmed_at
      FROM pledge p
      JOIN need n ON n.id = p.need_id
      JOIN region r ON r.code = n.kelurahan_code
      JOIN program pr ON pr.id = n.program_id
      JOIN LATERAL (SELECT created_at FROM audit_event
                     WHERE entity_type = 'pledge' AND entity_id = p.id AND to_status = 'CONFIRMED'
                     ORDER BY id LIMIT 1) e ON true
     WHERE p.donor_organisation_id = ${caller.organisationId}
       AND p.status = 'CONFIRMED'
       AND extract(year FROM e.created_at AT TIME ZONE 'Asia/Jakarta') = ${year}
     ORDER BY e.created_at, p.id`;
  return rows;
}

/**
 * The statement's code for this organisation, year and number of contributions: issued
 * once (the unique key), so every print of the same statement carries the same code.
 */
export async function issueStatement(caller: Caller, year: number, pledgeCount: number): Promise<{ code: string; createdAt: Date }> {
  const key = { organisationId: caller.organisationId, year, pledgeCount };
  // The code comes from the same generator as a receipt's (ksbb_receipt_code), with the statement's prefix.
  await db.$executeRaw`
    INSERT INTO contribution_statement (code, organisation_id, year, pledge_count)
    VALUES ('LT' || substr(ksbb_receipt_code(), 3), ${caller.organisationId}, ${year}, ${pledgeCount})
    ON CONFLICT DO NOTHING`;
  return db.contributionStatement.findUniqueOrThrow({
    where: { organisationId_year_pledgeCount: key },
    select: { code: true, createdAt: true },
  });
}

/** Normalises a typed code: case, spaces, and dashes or none. */
export function normaliseCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const match = /^(TT|LT)([2-9A-HJ-NP-Z]{12})$/.exec(compact);
  if (!match) return null;
  const [, kind, chars] = match as unknown as [string, string, string];
  return `${kind}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What a public code stands for, without anything private; null when no such code was issued. */
export async function verifyCode(input: string) {
  const code = normaliseCode(input);
  if (!code) return null;
  if (code.startsWith("TT-")) {
    const pledge = await db.pledge.findUnique({
      where: { receiptCode: code },
      select: {
        id: true,
        reference: true,
        deliveredQuantity: true,
        donorOrganisation: { select: PUBLIC_NAME_FIELDS },
        need: {
          select: {
            item: true,
            unit: true,
            kelurahan: { select: { name: true } },
            kecamatan: { select: { name: true } },
            program: { select: { nameId: true, nameEn: true } },
          },
        },
      },
    });
    if (!pledge) return null;
    const confirmed = await db.auditEvent.findFirst({
      where: { entityType: "pledge", entityId: pledge.id, toStatus: "CONFIRMED" },
      orderBy: { id: "asc" },
      select: { createdAt: true },
    });
    return {
      kind: "receipt" as const,
      code,
      reference: pledge.reference,
      quantity: pledge.deliveredQuantity,
      item: pledge.need.item,
      unit: pledge.need.unit,
      place: `${pledge.need.kelurahan.name}, ${pledge.need.kecamatan.name}`,
      program: pledge.need.program,
      confirmedAt: confirmed?.createdAt ?? null,
      organisation: publicOrganisationName(pledge.donorOrganisation),
    };
  }
  const statement = await db.contributionStatement.findUnique({
    where: { code },
    select: { year: true, pledgeCount: true, createdAt: true, organisation: { select: PUBLIC_NAME_FIELDS } },
  });
  if (!statement) return null;
  return {
    kind: "statement" as const,
    code,
    year: statement.year,
    pledgeCount: statement.pledgeCount,
    issuedAt: statement.createdAt,
    organisation: publicOrganisationName(statement.organisation),
  };
}
