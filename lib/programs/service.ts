import "server-only";
import { ActionError } from "@/lib/actions/errors.ts";
import { NotFoundError } from "@/lib/auth/errors.ts";
import { assertStaff, type Caller } from "@/lib/auth/guards.ts";
import { recordAudit } from "@/lib/audit/record.ts";
import { dateOnly, isoDate } from "@/lib/dates.ts";
import { db } from "@/lib/db/index.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { slugify, type CreateProgramInput, type UpdateProgramInput } from "./schema.ts";

// Programs are written by city staff only. The slug is made once, from the Indonesian
// name, and never changes (links keep working); the unique index decides a race
// between two programs of the same name. An edit names the updatedAt the person saw.

const isSlugTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes("slug");

async function assertCityOffice(organisationId: string) {
  const office = await db.organisation.findFirst({ where: { id: organisationId, kind: "CITY_OFFICE" }, select: { id: true } });
  if (!office)
    throw new ActionError("INVALID", "programAdmin.errors.ownerNotCityOffice", {
      ownerOrganisationId: "programAdmin.errors.ownerNotCityOffice",
    });
}

/** The first free slug of base, base-2, base-3… */
async function freeSlug(base: string): Promise<string> {
  const taken = new Set((await db.program.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function fields(input: CreateProgramInput) {
  return {
    category: input.category,
    nameId: input.nameId,
    nameEn: input.nameEn,
    descriptionId: input.descriptionId,
    descriptionEn: input.descriptionEn,
    startsOn: dateOnly(input.startsOn),
    endsOn: dateOnly(input.endsOn),
    status: input.status,
    ownerOrganisationId: input.ownerOrganisationId,
  };
}

export async function createProgram(caller: Caller, input: CreateProgramInput) {
  assertStaff(caller, "NOT_FOUND");
  await assertCityOffice(input.ownerOrganisationId);
  const base = slugify(input.nameId);
  for (let attempt = 0; ; attempt += 1) {
    const slug = await freeSlug(base);
    try {
      return await db.$transaction(async (tx) => {
        const program = await tx.program.create({ data: { ...fields(input), slug }, select: { id: true, slug: true } });
        await recordAudit(tx, {
          actor: caller,
          entityType: "program",
          entityId: program.id,
          action: "program.created",
          toStatus: input.status,
          metadata: { slug },
        });
        return program;
      });
    } catch (error) {
      // Someone took the slug between the look-up and the insert: take the next one.
      if (isSlugTaken(error) && attempt < 5) continue;
      throw error;
    }
  }
}

type Comparable = Record<string, string | Date>;

function changes(before: Comparable, after: Comparable) {
  const show = (value: string | Date) => (value instanceof Date ? isoDate(value) : value);
  return Object.fromEntries(
    Object.keys(after)
      .filter((key) => show(before[key]!) !== show(after[key]!))
      .map((key) => [key, [show(before[key]!), show(after[key]!)]]),
  );
}

export async function updateProgram(caller: Caller, input: UpdateProgramInput) {
  assertStaff(caller, "NOT_FOUND");
  const current = await db.program.findUnique({
    where: { id: input.id },
    select: {
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
    },
  });
  if (!current) throw new NotFoundError();
  const stale = () =>
    new ActionError("CONFLICT", "programAdmin.errors.changed", undefined, { values: { seen: current.updatedAt.toISOString() } });
  if (current.updatedAt.toISOString() !== new Date(input.seen).toISOString()) throw stale();
  if (input.category !== current.category && (await db.need.count({ where: { programId: input.id } })) > 0) {
    throw new ActionError("INVALID", "programAdmin.errors.categoryLocked", { category: "programAdmin.errors.categoryLocked" });
  }
  if (
    input.status === "DRAFT" &&
    current.status !== "DRAFT" &&
    (await db.need.count({ where: { programId: input.id, status: { not: "DRAFT" } } })) > 0
  ) {
    throw new ActionError("INVALID", "programAdmin.errors.draftWithPublicNeeds", { status: "programAdmin.errors.draftWithPublicNeeds" });
  }
  if (input.ownerOrganisationId !== current.ownerOrganisationId) await assertCityOffice(input.ownerOrganisationId);

  const { updatedAt, ...before } = current;
  const after = fields(input);
  await db.$transaction(async (tx) => {
    const updated = await tx.program.updateMany({ where: { id: input.id, updatedAt }, data: after });
    if (updated.count !== 1) throw stale();
    await recordAudit(tx, {
      actor: caller,
      entityType: "program",
      entityId: input.id,
      action: "program.updated",
      fromStatus: current.status,
      toStatus: input.status,
      metadata: { changes: changes(before, after) },
    });
  });
}
