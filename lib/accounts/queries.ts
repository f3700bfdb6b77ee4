import "server-only";
import { STAFF_ROLES } from "@/lib/auth/errors.ts";
import { db } from "@/lib/db/index.ts";
import type { Caller } from "@/lib/auth/guards.ts";

/** The caller's own account and organisation, scoped to the caller. */
export async function accountOverview(caller: Caller) {
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: caller.organisationId },
    select: {
      id: true,
      name: true,
      kind: true,
      verificationStatus: true,
      verificationReason: true,
      suspensionReason: true,
      contactPhone: true,
      showPublicly: true,
      deliveryCapacity: true,
      publicDescription: true,
      website: true,
      logoUpdatedAt: true,
      _count: { select: { serviceAreas: true } },
      users: {
        select: { id: true, name: true, email: true, role: true, active: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, email: true, expiresAt: true } },
    },
  });
  const staffMail = STAFF_ROLES.includes(caller.role)
    ? (await db.user.findUniqueOrThrow({ where: { id: caller.id }, select: { staffMail: true } })).staffMail
    : null;
  return { organisation, isFirstUser: organisation.users[0]?.id === caller.id, staffMail };
}
