import "server-only";
import { assertStaff, NotFoundError, type Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { ACTIVE_CATEGORIES } from "./categories.ts";

// Reads for the program pages of city staff. Every function takes the caller and
// answers "not found" to anyone else, so a page cannot forget the check.

export const PROGRAM_PAGE_SIZE = 20;

export async function programsForStaff(caller: Caller, page: number) {
  assertStaff(caller, "NOT_FOUND");
  const [total, programs] = await Promise.all([
    db.program.count(),
    db.program.findMany({
      orderBy: [{ startsOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * PROGRAM_PAGE_SIZE,
      take: PROGRAM_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        category: true,
        nameId: true,
        nameEn: true,
        status: true,
        startsOn: true,
        endsOn: true,
        ownerOrganisation: { select: { name: true } },
        _count: { select: { needs: true } },
      },
    }),
  ]);
  return { total, programs, pageCount: Math.max(1, Math.ceil(total / PROGRAM_PAGE_SIZE)) };
}

export async function programForEdit(caller: Caller, id: string) {
  assertStaff(caller, "NOT_FOUND");
  const program = await db.program.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      category: true,
      nameId: true,
      nameEn: true,
      descriptionId: true,
      descriptionEn: true,
      startsOn: true,
      endsOn: true,
      status: true,
      ownerOrganisationId: true,
      updatedAt: true,
      _count: { select: { needs: true } },
    },
  });
  if (!program) throw new NotFoundError();
  return program;
}

export async function programName(caller: Caller, id: string) {
  assertStaff(caller, "NOT_FOUND");
  return db.program.findUnique({ where: { id }, select: { nameId: true, nameEn: true } });
}

/** City offices that can own a program. */
export async function cityOffices(caller: Caller) {
  assertStaff(caller, "NOT_FOUND");
  return db.organisation.findMany({ where: { kind: "CITY_OFFICE" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Programs needs can be added to: an active category, not closed. */
export async function programsAcceptingNeeds(caller: Caller) {
  assertStaff(caller, "NOT_FOUND");
  return db.program.findMany({
    where: { category: { in: ACTIVE_CATEGORIES }, status: { in: ["DRAFT", "OPEN"] } },
    select: { id: true, category: true, nameId: true, nameEn: true, status: true, endsOn: true },
    orderBy: [{ category: "asc" }, { nameId: "asc" }],
  });
}

/** Every program of an active category, for list filters. */
export async function programOptions(caller: Caller) {
  assertStaff(caller, "NOT_FOUND");
  return db.program.findMany({
    where: { category: { in: ACTIVE_CATEGORIES } },
    select: { id: true, nameId: true, nameEn: true },
    orderBy: [{ category: "asc" }, { nameId: "asc" }],
  });
}

/** Category and last day of a program, for the import template; null when absent. */
export async function programForTemplate(caller: Caller, id: string) {
  assertStaff(caller, "NOT_FOUND");
  return db.program.findUnique({ where: { id }, select: { category: true, endsOn: true } });
}
