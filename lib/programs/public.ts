import "server-only";
import { db } from "@/lib/db/index.ts";
import type { NeedUnit } from "@/lib/generated/prisma/enums.ts";
import { PUBLIC_NEED_STATUSES } from "@/lib/needs/schema.ts";
import { PUBLIC_NAME_FIELDS, publicOrganisationName } from "@/lib/organisations/public-name.ts";

// A program's public page (/program/[slug], issue 16): what it is, who runs it, and how far
// its needs are covered per unit. Draft programs have no public page.

export interface ProgramProgress {
  unit: NeedUnit;
  needs: number;
  target: number;
  pledged: number;
  delivered: number;
  /** Confirmed by recipients' representatives (lib/deliveries/community.ts). */
  communityConfirmed: number;
}

export async function publicProgram(slug: string) {
  const program = await db.program.findFirst({
    where: { slug, status: { not: "DRAFT" } },
    select: {
      id: true,
      slug: true,
      category: true,
      nameId: true,
      nameEn: true,
      descriptionId: true,
      descriptionEn: true,
      startsOn: true,
      endsOn: true,
      status: true,
      ownerOrganisation: { select: PUBLIC_NAME_FIELDS },
    },
  });
  if (!program) return null;
  const rows = await db.$queryRaw<
    { unit: NeedUnit; needs: bigint; target: bigint; pledged: bigint; delivered: bigint; community: bigint }[]
  >`
    SELECT n.unit, count(*) AS needs, sum(n.target_quantity) AS target, sum(n.pledged_quantity) AS pledged, sum(n.delivered_quantity) AS delivered,
           coalesce(sum((SELECT sum(c.quantity_received) FROM community_confirmation c JOIN delivery_update d ON d.id = c.delivery_update_id
                         JOIN pledge pl ON pl.id = d.pledge_id WHERE pl.need_id = n.id AND c.confirmed_at IS NOT NULL)), 0) AS community
    FROM need n
    WHERE n.program_id = ${program.id} AND n.status::text = ANY(${[...PUBLIC_NEED_STATUSES]})
    GROUP BY n.unit ORDER BY n.unit`;
  const { ownerOrganisation, ...rest } = program;
  return {
    ...rest,
    ownerName: publicOrganisationName(ownerOrganisation),
    progress: rows.map((row): ProgramProgress => ({
      unit: row.unit,
      needs: Number(row.needs),
      target: Number(row.target),
      pledged: Number(row.pledged),
      delivered: Number(row.delivered),
      communityConfirmed: Number(row.community),
    })),
  };
}
