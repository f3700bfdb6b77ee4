import "server-only";
import { ActionError } from "@/lib/actions/errors.ts";
import { NotFoundError } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { db } from "@/lib/db/index.ts";
import { notify, organisationMembers } from "@/lib/notifications/service.ts";
import type { VerificationStatus } from "@/lib/generated/prisma/enums.ts";

// Verification decisions by city staff, as a small state machine. Each decision is a
// conditional update on the status the staff member saw, plus its audit event, in one
// transaction: two staff deciding at once cannot both win. The organisation's members are
// told in the same transaction.

export type OrganisationDecision = "verify" | "reject" | "suspend" | "reinstate";

const TRANSITIONS: Record<OrganisationDecision, { from: VerificationStatus[]; to: VerificationStatus }> = {
  verify: { from: ["PENDING", "REJECTED"], to: "VERIFIED" },
  reject: { from: ["PENDING"], to: "REJECTED" },
  suspend: { from: ["VERIFIED"], to: "SUSPENDED" },
  reinstate: { from: ["SUSPENDED"], to: "VERIFIED" },
};

export async function decideOrganisation(caller: Caller, organisationId: string, decision: OrganisationDecision, reason?: string) {
  const { from, to } = TRANSITIONS[decision];
  await db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({
      where: { id: organisationId },
      select: { verificationStatus: true, kind: true, name: true },
    });
    // City offices are part of the city, not verified by it.
    if (!organisation || organisation.kind === "CITY_OFFICE") throw new NotFoundError();
    const updated = await tx.organisation.updateMany({
      where: { id: organisationId, verificationStatus: { in: from } },
      data: {
        verificationStatus: to,
        verifiedAt: to === "VERIFIED" ? new Date() : undefined,
        verificationReason: decision === "reject" ? reason : decision === "verify" ? null : undefined,
        suspensionReason: decision === "suspend" ? reason : null,
      },
    });
    if (updated.count !== 1) throw new ActionError("CONFLICT", "statusChanged");
    await recordAudit(tx, {
      actor: caller,
      entityType: "organisation",
      entityId: organisationId,
      action: `organisation.${decision}`,
      fromStatus: organisation.verificationStatus,
      toStatus: to,
      reason: reason ?? null,
    });
    // Its members hear of every decision, in the app and by mail, with the city's reason.
    await notify(tx, {
      userIds: await organisationMembers(tx, [organisationId]),
      kind: `organisation.${to}`,
      params: { organisation: organisation.name },
      reason,
    });
  });
}
