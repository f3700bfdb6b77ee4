import "server-only";
import { NotFoundError, STAFF_ROLES, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { likeLiteral } from "@/lib/db/like.ts";
import type { VerificationStatus } from "@/lib/generated/prisma/enums.ts";

export const REVIEW_PAGE_SIZE = 20;

const inStatus = (status: VerificationStatus) => ({ verificationStatus: status, kind: { not: "CITY_OFFICE" as const } });
// An organisation is PENDING only from its registration until the first decision, so it
// has waited since it was created; the review list and the staff inbox share this order.
const oldestFirst = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Organisations in one verification status, oldest first, for city staff (not city offices). */
export async function organisationsForReview(status: VerificationStatus, page: number, search?: string) {
  // A name (or part of one) a staff member looks for; matched literally, any case.
  const where = { ...inStatus(status), ...(search && { name: { contains: likeLiteral(search), mode: "insensitive" as const } }) };
  const [total, organisations] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy: oldestFirst,
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

/** How many organisations wait for verification, and the `take` that registered first, for the staff inbox. */
export async function organisationsWaiting(caller: Caller, take: number) {
  if (!STAFF_ROLES.includes(caller.role)) throw new NotFoundError();
  const where = inStatus("PENDING");
  const [total, organisations] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({ where, orderBy: oldestFirst, take, select: { id: true, name: true, kind: true, createdAt: true } }),
  ]);
  return { total, organisations };
}

/** The name of an organisation other than a city office, for staff confirmations. */
export async function organisationName(id: string): Promise<string | null> {
  const organisation = await db.organisation.findFirst({ where: { id, kind: { not: "CITY_OFFICE" } }, select: { name: true } });
  return organisation?.name ?? null;
}
