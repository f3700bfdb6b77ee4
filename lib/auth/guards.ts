import "server-only";
import { db } from "@/lib/db/index.ts";
import { cache } from "react";
import type { OrganisationKind, Role, VerificationStatus } from "@/lib/generated/prisma/enums.ts";
import { GuardError, NotFoundError, STAFF_ROLES } from "./errors.ts";
import { sessionIdentity, type SessionIdentity } from "./session.ts";

// The guards: the first line of every server action, route handler and protected
// page. They re-read the user and organisation from the database on every call, so a
// demoted, deactivated or suspended user loses access on the next request.

export interface Caller {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  organisationId: string;
  /** The person confirmed their e-mail address (needed to pledge). */
  emailVerified: boolean;
  /** The server-side session this request came with. */
  sessionId: string;
  /** Staff or admin who has not yet enrolled the second factor: nothing but enrolment is open. */
  mustEnrolSecondFactor: boolean;
  organisation: { id: string; name: string; kind: OrganisationKind; verificationStatus: VerificationStatus };
}

export { GuardError, NotFoundError, STAFF_ROLES };

// Every request of a signed-in person runs this, so it is one plain query (Prisma would
// send three, and compile them each time). A session that was signed out, revoked or has
// expired finds no row: the cookie is then worth nothing, on every instance at once.
async function loadCaller({ userId, sessionId }: SessionIdentity): Promise<Caller | null> {
  const [row] = await db.$queryRaw<
    (Omit<Caller, "organisation" | "sessionId"> & { orgName: string; orgKind: OrganisationKind; orgStatus: VerificationStatus })[]
  >`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.organisation_id AS "organisationId",
           (u.role IN ('CITY_STAFF', 'ADMIN') AND u.totp_enabled_at IS NULL) AS "mustEnrolSecondFactor",
           u.email_verified_at IS NOT NULL AS "emailVerified",
           o.name AS "orgName", o.kind::text AS "orgKind", o.verification_status::text AS "orgStatus"
      FROM user_session s
      JOIN app_user u ON u.id = s.user_id
      JOIN organisation o ON o.id = u.organisation_id
     WHERE s.id = ${sessionId} AND s.user_id = ${userId} AND s.revoked_at IS NULL AND s.expires_at > now()`;
  if (!row) return null;
  const { orgName, orgKind, orgStatus, ...user } = row;
  return { ...user, sessionId, organisation: { id: user.organisationId, name: orgName, kind: orgKind, verificationStatus: orgStatus } };
}

/**
 * The signed-in, active user, or null. For pages that show something different to
 * guests. Read once per request: the header and the page's guard share it.
 */
export const currentUser = cache(async (): Promise<Caller | null> => {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const user = await loadCaller(identity);
  return user?.active ? user : null;
});

/**
 * Any signed-in, active user; suspended organisations only when allowSuspended (to read
 * their status); staff without a second factor only when allowEnrolment (to enrol it).
 */
export async function requireUser(options: { allowSuspended?: boolean; allowEnrolment?: boolean } = {}): Promise<Caller> {
  const user = await currentUser();
  if (!user) throw new GuardError("UNAUTHENTICATED");
  if (!options.allowEnrolment && user.mustEnrolSecondFactor) throw new GuardError("SECOND_FACTOR_REQUIRED");
  if (!options.allowSuspended && user.organisation.verificationStatus === "SUSPENDED") throw new GuardError("SUSPENDED");
  return user;
}

export async function requireRole(...roles: Role[]): Promise<Caller> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new GuardError("FORBIDDEN");
  return user;
}

/** The caller belongs to the organisation, or it answers 404 (never 403 across organisations). */
export async function requireOrgMember(organisationId: string): Promise<Caller> {
  const user = await requireUser();
  if (user.organisationId !== organisationId) throw new NotFoundError();
  return user;
}

/**
 * For services and queries given a caller already signed in: city staff and admins only.
 * Others are refused as FORBIDDEN, or as a 404 where even the page's existence is staff-only.
 */
export function assertStaff(caller: Pick<Caller, "role">, refusal: "FORBIDDEN" | "NOT_FOUND" = "FORBIDDEN") {
  if (STAFF_ROLES.includes(caller.role)) return;
  throw refusal === "NOT_FOUND" ? new NotFoundError() : new GuardError("FORBIDDEN");
}
