import type * as Guards from "@/lib/auth/guards.ts";

/**
 * The guards with the caller's database row read once per acting user. Every action reads
 * it first; at 10,000 runs per action that lookup alone would take most of the suite's
 * time. The fuzz never changes the acting users (their ids are kept out of its inputs),
 * so the cached row stays true. The real guards are tested by the authorization matrix.
 */
export async function cachedGuards(importOriginal: () => Promise<typeof Guards>): Promise<typeof Guards> {
  const real = await importOriginal();
  const rows = new Map<string, ReturnType<typeof real.currentUser>>();
  const currentUser: typeof real.currentUser = () => {
    const id = globalThis.__ksbbTestUserId;
    if (!id) return Promise.resolve(null);
    if (!rows.has(id)) rows.set(id, real.currentUser());
    return rows.get(id)!;
  };
  // The same rules as lib/auth/guards.ts, on the cached row.
  const requireUser: typeof real.requireUser = async (options = {}) => {
    const user = await currentUser();
    if (!user) throw new real.GuardError("UNAUTHENTICATED");
    if (!options.allowSuspended && user.organisation.verificationStatus === "SUSPENDED") throw new real.GuardError("SUSPENDED");
    return user;
  };
  const requireRole: typeof real.requireRole = async (...roles) => {
    const user = await requireUser();
    if (!roles.includes(user.role)) throw new real.GuardError("FORBIDDEN");
    return user;
  };
  return { ...real, currentUser, requireUser, requireRole };
}
