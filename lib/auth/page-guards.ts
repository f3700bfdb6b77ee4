import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { currentUser, type Caller } from "./guards.ts";

export const SECOND_FACTOR_PATH = "/akun/keamanan";

/**
 * The first line of every protected page: a guest goes to sign-in and comes back
 * afterwards; a signed-in user without the role sees "not found", as for anything
 * else that is not theirs.
 */
export async function requirePageUser(path: string, roles?: readonly Role[]): Promise<Caller> {
  const user = await currentUser();
  if (!user) redirect(`/masuk?next=${encodeURIComponent(path)}`);
  // Staff and admins enrol their authenticator app before anything else opens.
  if (user.mustEnrolSecondFactor && path !== SECOND_FACTOR_PATH) redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(path)}`);
  if (roles && !roles.includes(user.role)) notFound();
  if (roles && user.organisation.verificationStatus === "SUSPENDED") notFound();
  return user;
}
