import "server-only";
import { db } from "@/lib/db/index.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { GuardError, NotFoundError, STAFF_ROLES } from "./errors.ts";
import { sessionUserId } from "./session.ts";

// The guards: the first line of every server action, route handler and protected
// page. They re-read the user and organisation from the database on every call, so a
// demoted, deactivated or suspended user loses access on the next request.

export type Caller = NonNullable<Awaited<ReturnType<typeof loadCaller>>>;

export { GuardError, NotFoundError, STAFF_ROLES };

async function loadCaller(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      organisationId: true,
      organisation: { select: { id: true, name: true, kind: true, verificationStatus: true } },
    },
  });
}

/** The signed-in, active user, or null. For pages that show something different to guests. */
export async function currentUser(): Promise<Caller | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await loadCaller(id);
  return user?.active ? user : null;
}

/** Any signed-in, active user; suspended organisations only when allowSuspended (to read their status). */
export async function requireUser(options: { allowSuspended?: boolean } = {}): Promise<Caller> {
  const user = await currentUser();
  if (!user) throw new GuardError("UNAUTHENTICATED");
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
