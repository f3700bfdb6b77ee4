import "server-only";
import { assertStaff, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { likeLiteral } from "@/lib/db/like.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { openPledgeCounts } from "./service.ts";
import type { NeedListFilters } from "./staff-schema.ts";

// Reads for the staff need pages, drafts included. Every function takes the caller
// and answers "not found" to anyone but city staff.

export const STAFF_NEED_PAGE_SIZE = 25;

const listSelect = {
  id: true,
  item: true,
  unit: true,
  rw: true,
  status: true,
  priority: true,
  deadline: true,
  targetQuantity: true,
  pledgedQuantity: true,
  deliveredQuantity: true,
  program: { select: { nameId: true, nameEn: true } },
  kelurahan: { select: { name: true } },
  kecamatan: { select: { name: true } },
  kota: { select: { name: true } },
} satisfies Prisma.NeedSelect;

export type StaffNeedRow = Prisma.NeedGetPayload<{ select: typeof listSelect }>;

export async function needsForStaff(caller: Caller, filters: NeedListFilters) {
  assertStaff(caller, "NOT_FOUND");
  const contains = (value: string) => ({ contains: likeLiteral(value), mode: "insensitive" as const });
  const where: Prisma.NeedWhereInput = {
    ...(filters.program && { programId: filters.program }),
    ...(filters.kota && { kotaCode: filters.kota }),
    ...(filters.status && { status: filters.status }),
    ...(filters.q && {
      OR: [
        { item: contains(filters.q) },
        { kelurahan: { name: contains(filters.q) } },
        { kecamatan: { name: contains(filters.q) } },
        { kelurahanCode: filters.q },
      ],
    }),
  };
  const [total, needs] = await Promise.all([
    db.need.count({ where }),
    db.need.findMany({
      where,
      select: listSelect,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * STAFF_NEED_PAGE_SIZE,
      take: STAFF_NEED_PAGE_SIZE,
    }),
  ]);
  return { total, needs, pageCount: Math.max(1, Math.ceil(total / STAFF_NEED_PAGE_SIZE)) };
}

export async function needForEdit(caller: Caller, id: string) {
  assertStaff(caller, "NOT_FOUND");
  const need = await db.need.findUnique({
    where: { id },
    select: {
      id: true,
      programId: true,
      kelurahanCode: true,
      rw: true,
      item: true,
      description: true,
      unit: true,
      targetQuantity: true,
      pledgedQuantity: true,
      deliveredQuantity: true,
      beneficiaryCount: true,
      beneficiaryKind: true,
      deadline: true,
      priority: true,
      status: true,
      version: true,
      program: { select: { id: true, category: true, nameId: true, nameEn: true, status: true, endsOn: true } },
      kelurahan: { select: { name: true } },
      kecamatan: { select: { name: true } },
      kota: { select: { name: true } },
      _count: { select: { pledges: true } },
    },
  });
  if (!need) throw new NotFoundError();
  return { need, openPledges: await openPledgeCounts(id) };
}
