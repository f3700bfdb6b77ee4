import type { Prisma } from "@/lib/generated/prisma/client.ts";

export interface AuditInput {
  actor: { id: string; organisationId: string } | null;
  entityType: "organisation" | "user" | "pledge" | "need" | "invitation" | "program" | "email" | "report" | "collaboration";
  entityId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  metadata?: Prisma.InputJsonValue;
}

/** Writes an audit event inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  await tx.auditEvent.create({
    data: {
      actorUserId: event.actor?.id ?? null,
      actorOrganisationId: event.actor?.organisationId ?? null,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      reason: event.reason ?? null,
      metadata: event.metadata,
    },
  });
}
