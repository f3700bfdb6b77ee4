import "server-only";
import { db } from "@/lib/db/index.ts";
import type { VerificationStatus } from "@/lib/generated/prisma/enums.ts";

export const REVIEW_PAGE_SIZE = 20;

/** Organisations in one verification status, oldest first, for city staff (not city offices). */
export async function organisationsForReview(status: VerificationStatus, page: number) {
  const where = { verificationStatus: status, kind: { not: "CITY_OFFICE" as const } };
  const [total, organisations] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        kind: true,
        contactEmail: true,
        contactPhone: true,
        deliveryCapacity: true,
        verificationReason: true,
        suspensionReason: true,
        createdAt: true,
        _count: { select: { serviceAreas: true } },
        users: { select: { name: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    }),
  ]);
  return { total, organisations, pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}

/** The name of an organisation other than a city office, for staff confirmations. */
export async function organisationName(id: string): Promise<string | null> {
  const organisation = await db.organisation.findFirst({ where: { id, kind: { not: "CITY_OFFICE" } }, select: { name: true } });
  return organisation?.name ?? null;
}
