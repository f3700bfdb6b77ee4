import "server-only";
import { ActionError } from "@/lib/actions/errors.ts";
import { NotFoundError } from "@/lib/auth/errors.ts";
import type { Caller } from "@/lib/auth/guards.ts";
import { hashPassword } from "@/lib/auth/password.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { db } from "@/lib/db/index.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { roleFits } from "./roles.ts";

export async function createStaff(
  caller: Caller,
  input: { name: string; email: string; organisationId: string; role: Role; temporaryPassword: string },
) {
  const office = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { kind: true } });
  if (!office || office.kind !== "CITY_OFFICE")
    throw new ActionError("INVALID", "cityOfficeRequired", { organisationId: "cityOfficeRequired" });
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ActionError("CONFLICT", "emailTaken", { email: "emailTaken" });
  }
  const passwordHash = await hashPassword(input.temporaryPassword);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, role: input.role, organisationId: input.organisationId, passwordHash },
    });
    await recordAudit(tx, { actor: caller, entityType: "user", entityId: user.id, action: "user.created", toStatus: input.role });
  });
}

export async function changeRole(caller: Caller, userId: string, role: Role) {
  if (userId === caller.id) throw new ActionError("FORBIDDEN", "cannotChangeOwnRole");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, organisation: { select: { kind: true } } } });
    if (!user) throw new NotFoundError();
    if (!roleFits(role, user.organisation.kind)) throw new ActionError("INVALID", "roleDoesNotFit", { role: "roleDoesNotFit" });
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, {
      actor: caller,
      entityType: "user",
      entityId: userId,
      action: "user.role_changed",
      fromStatus: user.role,
      toStatus: role,
    });
  });
}

export async function setUserActive(caller: Caller, userId: string, active: boolean) {
  if (userId === caller.id) throw new ActionError("FORBIDDEN", "cannotDeactivateSelf");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!user) throw new NotFoundError();
    await tx.user.update({ where: { id: userId }, data: { active } });
    await recordAudit(tx, {
      actor: caller,
      entityType: "user",
      entityId: userId,
      action: active ? "user.reactivated" : "user.deactivated",
      fromStatus: String(user.active),
      toStatus: String(active),
    });
  });
}
