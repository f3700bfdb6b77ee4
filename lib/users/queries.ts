import "server-only";
import { db } from "@/lib/db/index.ts";

export const USERS_PAGE_SIZE = 25;

/** Users for the admin, newest first, with their organisation. Admin pages only. */
export async function usersForAdmin(page: number) {
  const [total, users, offices] = await Promise.all([
    db.user.count(),
    db.user.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, active: true, organisation: { select: { name: true, kind: true } } },
    }),
    db.organisation.findMany({ where: { kind: "CITY_OFFICE" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { users, offices, total, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}
