import "server-only";
import { randomBytes } from "node:crypto";
import { ActionError } from "@/lib/actions/errors.ts";
import { hashPassword, verifyPassword } from "@/lib/auth/password.ts";
import { revokeUserSessions } from "@/lib/auth/session-store.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { db } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { z } from "zod";
import { queueEmailConfirmation, tellOwnerOfRegistration } from "@/lib/recovery/service.ts";
import type { aggregatorRegistrationSchema, donorRegistrationSchema } from "./schema.ts";
import { tokenHash } from "@/lib/recovery/tokens.ts";

type DonorInput = z.infer<typeof donorRegistrationSchema>;
type AggregatorInput = z.infer<typeof aggregatorRegistrationSchema>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const emailTaken = () => new ActionError("CONFLICT", "emailTaken", { email: "emailTaken" });

async function assertEmailFree(email: string) {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
}

/** Runs an account-creating transaction; a concurrent sign-up with the same e-mail loses cleanly. */
async function createAccount<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/**
 * A new organisation and its first user, pending verification, with its audit event and
 * the link that confirms the address. An address that already has an account gets an
 * e-mail instead and nothing is created: the answer (null) must not tell the visitor.
 */
async function registerOrganisation(
  organisation: Prisma.OrganisationCreateInput,
  person: { email: string; name: string; password: string; role: Role; next?: string; locale?: string },
  metadata?: Prisma.InputJsonValue,
) {
  // Hashed before the check, so a taken address answers as slowly as a free one.
  const passwordHash = await hashPassword(person.password);
  if (await db.user.findUnique({ where: { email: person.email }, select: { id: true } })) {
    await tellOwnerOfRegistration(person.email);
    return null;
  }
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.organisation.create({ data: organisation });
      const user = await tx.user.create({
        // The language the person registered in is the one their mails are written in.
        data: {
          email: person.email,
          name: person.name,
          passwordHash,
          role: person.role,
          organisationId: created.id,
          locale: person.locale,
        },
      });
      await recordAudit(tx, {
        actor: { id: user.id, organisationId: created.id },
        entityType: "organisation",
        entityId: created.id,
        action: "organisation.registered",
        toStatus: "PENDING",
        metadata,
      });
      await queueEmailConfirmation(tx, user, person.next);
      return user;
    });
  } catch (error) {
    // A concurrent sign-up with the same address won: answer as for any taken address.
    if (!isUniqueViolation(error)) throw error;
    await tellOwnerOfRegistration(person.email);
    return null;
  }
}

/** A donor and their organisation (for an individual, an organisation of one). */
export async function registerDonor(input: DonorInput, next?: string, locale?: string) {
  return registerOrganisation(
    {
      name: input.kind === "INDIVIDUAL" ? input.name : input.organisationName!,
      kind: input.kind,
      contactEmail: input.email,
      contactPhone: input.phone ?? null,
      showPublicly: input.showPublicly,
    },
    { email: input.email, name: input.name, password: input.password, role: "DONOR", next, locale },
  );
}

/** An aggregator organisation with the kelurahan it serves. */
export async function registerAggregator(input: AggregatorInput, locale?: string) {
  const codes = [...new Set(input["kelurahan[]"])];
  const known = await db.region.count({ where: { code: { in: codes }, level: "KELURAHAN" } });
  if (known !== codes.length) throw new ActionError("INVALID", "unknownKelurahan", { "kelurahan[]": "unknownKelurahan" });
  return registerOrganisation(
    {
      name: input.organisationName,
      kind: "AGGREGATOR",
      contactEmail: input.email,
      contactPhone: input.phone,
      deliveryCapacity: input.capacity,
      serviceAreas: { create: codes.map((regionCode) => ({ region: { connect: { code: regionCode } } })) },
    },
    { email: input.email, name: input.name, password: input.password, role: "AGGREGATOR", locale },
    { kelurahan: codes.length },
  );
}

/** A new password; every other session of the user ends, the caller's own stays. */
export async function changePassword(caller: { id: string; sessionId: string }, currentPassword: string, newPassword: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.id }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new ActionError("INVALID", "currentPasswordWrong", { currentPassword: "currentPasswordWrong" });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.id }, data: { passwordHash } });
    await revokeUserSessions(caller.id, { except: caller.sessionId }, tx);
  });
}

export const INVITATION_DAYS = 7;

export { tokenHash };

/** The organisation's first user may invite members; returns the one-time token (only its hash is kept). */
export async function inviteMember(caller: { id: string; organisationId: string }, email: string): Promise<string> {
  const first = await db.user.findFirst({
    where: { organisationId: caller.organisationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (first?.id !== caller.id) throw new ActionError("FORBIDDEN", "onlyFirstUserInvites");
  await assertEmailFree(email);
  const token = randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        organisationId: caller.organisationId,
        email,
        tokenHash: tokenHash(token),
        invitedById: caller.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, {
      actor: caller,
      entityType: "invitation",
      entityId: invitation.id,
      action: "invitation.created",
      metadata: { email },
    });
  });
  return token;
}

/** Turns a valid, unused invitation into an account in the inviting organisation. */
export async function acceptInvitation(token: string, name: string, password: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: tokenHash(token) },
    include: { organisation: { select: { kind: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) throw new ActionError("INVALID", "invitationInvalid");
  await assertEmailFree(invitation.email);
  const passwordHash = await hashPassword(password);
  const role =
    invitation.organisation.kind === "AGGREGATOR" ? "AGGREGATOR" : invitation.organisation.kind === "CITY_OFFICE" ? "CITY_STAFF" : "DONOR";
  return createAccount(() =>
    db.$transaction(async (tx) => {
      // Conditional update: of two people racing with one link, only one gets the account.
      const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
      if (claimed.count !== 1) throw new ActionError("INVALID", "invitationInvalid");
      const user = await tx.user.create({
        data: { email: invitation.email, name, passwordHash, role, organisationId: invitation.organisationId, emailVerifiedAt: new Date() },
      });
      await recordAudit(tx, {
        actor: { id: user.id, organisationId: invitation.organisationId },
        entityType: "invitation",
        entityId: invitation.id,
        action: "invitation.accepted",
      });
      return user;
    }),
  );
}
