import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/index.ts";
import { likeLiteral } from "@/lib/db/like.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { NeedUnit, OrganisationKind, ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { pageParam } from "@/lib/pagination.ts";
import { storedLogo } from "./profile.ts";

// The collaborator directory (/kolaborator, issue 16): verified organisations that chose
// to be shown, with what they contributed. A contribution is a pledge the city confirmed
// (delivered and checked), counted for the donor, and for the aggregator that delivered it.

export const DIRECTORY_KINDS = ["COMPANY", "FOUNDATION", "COMMUNITY_GROUP", "INDIVIDUAL", "AGGREGATOR"] as const;
export const DIRECTORY_PAGE_SIZE = 20;

export const directoryParams = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(DIRECTORY_KINDS).optional().catch(undefined),
  program: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
  page: pageParam,
});
export type DirectoryParams = z.infer<typeof directoryParams>;

export interface Contribution {
  programSlug: string;
  programNameId: string;
  programNameEn: string;
  category: ProgramCategory;
  unit: NeedUnit;
  /** Confirmed pledges given (as donor) and their quantity. */
  pledges: number;
  quantity: number;
  /** Confirmed pledges this organisation delivered as aggregator, and their quantity. */
  delivered: number;
  deliveredQuantity: number;
}

export interface Collaborator {
  id: string;
  name: string;
  kind: OrganisationKind;
  verifiedAt: Date | null;
  /** Its public profile (/akun): a short description, a website, and when its logo was uploaded (null: none). */
  description: string | null;
  website: string | null;
  logoUpdatedAt: Date | null;
  contributions: Contribution[];
}

type CollaboratorRow = {
  id: string;
  name: string;
  kind: OrganisationKind;
  verified_at: Date | null;
  public_description: string | null;
  website: string | null;
  logo_updated_at: Date | null;
};

const PROFILE_COLUMNS = Prisma.sql`o.id, o.name, o.kind, o.verified_at, o.public_description, o.website, o.logo_updated_at`;

const collaboratorFrom = (row: CollaboratorRow, contributions: Map<string, Contribution[]>): Collaborator => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  verifiedAt: row.verified_at,
  description: row.public_description,
  website: row.website,
  logoUpdatedAt: row.logo_updated_at,
  contributions: contributions.get(row.id) ?? [],
});

/** Only these organisations are ever listed: verified, public, and not a city office. */
const PUBLIC_COLLABORATOR = Prisma.sql`o.verification_status = 'VERIFIED' AND o.show_publicly AND o.kind <> 'CITY_OFFICE'`;

export async function collaboratorDirectory(params: DirectoryParams) {
  const search = params.q ? `%${likeLiteral(params.q)}%` : null;
  const kind = params.kind ?? null;
  const program = params.program ?? null;
  const rows = await db.$queryRaw<(CollaboratorRow & { confirmed: bigint; total: bigint })[]>`
    SELECT ${PROFILE_COLUMNS},
           (SELECT count(*) FROM pledge pl WHERE pl.status = 'CONFIRMED' AND (pl.donor_organisation_id = o.id OR pl.aggregator_organisation_id = o.id)) AS confirmed,
           count(*) OVER () AS total
    FROM organisation o
    WHERE ${PUBLIC_COLLABORATOR}
      AND (${search}::text IS NULL OR o.name ILIKE ${search})
      AND (${kind}::text IS NULL OR o.kind::text = ${kind})
      AND (${program}::text IS NULL OR EXISTS (
        SELECT 1 FROM pledge pl JOIN need n ON n.id = pl.need_id JOIN program p ON p.id = n.program_id
        WHERE p.slug = ${program} AND pl.status = 'CONFIRMED' AND (pl.donor_organisation_id = o.id OR pl.aggregator_organisation_id = o.id)))
    ORDER BY confirmed DESC, o.name, o.id
    LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(params.page - 1) * DIRECTORY_PAGE_SIZE}`;
  const total = Number(rows[0]?.total ?? 0);
  const contributions = await contributionsOf(rows.map((row) => row.id));
  return {
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    collaborators: rows.map((row) => collaboratorFrom(row, contributions)),
  };
}

/** One collaborator's page, or null when the organisation is not a public collaborator. */
export async function collaborator(id: string): Promise<Collaborator | null> {
  const [row] = await db.$queryRaw<CollaboratorRow[]>`
    SELECT ${PROFILE_COLUMNS} FROM organisation o WHERE o.id = ${id} AND ${PUBLIC_COLLABORATOR}`;
  if (!row) return null;
  return collaboratorFrom(row, await contributionsOf([row.id]));
}

/**
 * A public collaborator's logo, or null: an organisation that is not (or no longer) public
 * has no logo to show, by the same rule as the directory.
 */
export async function collaboratorLogo(id: string) {
  const [row] = await db.$queryRaw<{ logo_key: string | null }[]>`
    SELECT o.logo_key FROM organisation o WHERE o.id = ${id} AND ${PUBLIC_COLLABORATOR}`;
  return row?.logo_key ? storedLogo(row.logo_key) : null;
}

/** Where a collaborator's logo is served; the upload time in the address makes a new logo a new address. */
export const logoHref = (collaborator: Pick<Collaborator, "id" | "logoUpdatedAt">) =>
  collaborator.logoUpdatedAt ? `/kolaborator/${collaborator.id}/logo?v=${collaborator.logoUpdatedAt.getTime()}` : null;

/** Confirmed contributions per organisation, program and unit, in one query for a whole page. */
async function contributionsOf(ids: readonly string[]): Promise<Map<string, Contribution[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    {
      organisation_id: string;
      slug: string;
      name_id: string;
      name_en: string;
      category: ProgramCategory;
      unit: NeedUnit;
      pledges: bigint;
      quantity: bigint;
      delivered: bigint;
      delivered_quantity: bigint;
    }[]
  >`
    WITH mine AS (
      SELECT pl.donor_organisation_id AS organisation_id, pl.need_id, pl.quantity, true AS as_donor FROM pledge pl
      WHERE pl.status = 'CONFIRMED' AND pl.donor_organisation_id = ANY(${ids as string[]})
      UNION ALL
      SELECT pl.aggregator_organisation_id, pl.need_id, pl.quantity, false FROM pledge pl
      WHERE pl.status = 'CONFIRMED' AND pl.delivery_mode = 'AGGREGATOR' AND pl.aggregator_organisation_id = ANY(${ids as string[]})
    )
    SELECT m.organisation_id, p.slug, p.name_id, p.name_en, p.category, n.unit,
           count(*) FILTER (WHERE m.as_donor) AS pledges, coalesce(sum(m.quantity) FILTER (WHERE m.as_donor), 0) AS quantity,
           count(*) FILTER (WHERE NOT m.as_donor) AS delivered, coalesce(sum(m.quantity) FILTER (WHERE NOT m.as_donor), 0) AS delivered_quantity
    FROM mine m JOIN need n ON n.id = m.need_id JOIN program p ON p.id = n.program_id
    GROUP BY m.organisation_id, p.slug, p.name_id, p.name_en, p.category, n.unit
    ORDER BY m.organisation_id, p.category, p.slug, n.unit`;
  const map = new Map<string, Contribution[]>();
  for (const row of rows) {
    const list = map.get(row.organisation_id) ?? [];
    list.push({
      programSlug: row.slug,
      programNameId: row.name_id,
      programNameEn: row.name_en,
      category: row.category,
      unit: row.unit,
      pledges: Number(row.pledges),
      quantity: Number(row.quantity),
      delivered: Number(row.delivered),
      deliveredQuantity: Number(row.delivered_quantity),
    });
    map.set(row.organisation_id, list);
  }
  return map;
}

/** Programs that can be filtered on: every program that is not a draft. */
export async function directoryPrograms() {
  return db.program.findMany({
    where: { status: { not: "DRAFT" } },
    select: { slug: true, nameId: true, nameEn: true },
    orderBy: [{ category: "asc" }, { slug: "asc" }],
  });
}
