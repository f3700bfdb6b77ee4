import { z } from "zod";
import { calendarDate, EARLIEST_DATE, shownText, yearsAhead } from "@/lib/input/schema.ts";
import { pageParam } from "@/lib/pagination.ts";
import { CATEGORIES, CATEGORY_KEYS } from "./categories.ts";
import { ACTIVE_PROGRAM_STATUSES, PROGRAM_STATUSES } from "./statuses.ts";

// One base for the program form; create and update derive from it. Messages are keys
// under "validation", or full paths into "programAdmin".

export { ACTIVE_PROGRAM_STATUSES, PROGRAM_STATUSES };

export const recordId = z.string().regex(/^[a-z0-9_]{1,64}$/i, "notFound");
const text = (min: number, max: number) =>
  shownText(
    z
      .string("required")
      .trim()
      .min(min, min <= 1 ? "required" : "tooSmall")
      .max(max, "tooBig"),
  );

/** A program's first or last day: programs started in 2020 at the earliest, and are planned at most five years ahead. */
const programDate = calendarDate({ from: EARLIEST_DATE, to: yearsAhead(5), outOfRange: "programAdmin.errors.dateOutOfRange" });

const programFields = z.object({
  category: z.enum(CATEGORY_KEYS, "required"),
  nameId: text(3, 200),
  nameEn: text(3, 200),
  descriptionId: text(1, 4000),
  descriptionEn: text(1, 4000),
  startsOn: programDate,
  endsOn: programDate,
  ownerOrganisationId: recordId,
  status: z.enum(PROGRAM_STATUSES, "required"),
});

type ProgramFields = z.infer<typeof programFields>;

function programRules(value: ProgramFields, ctx: z.RefinementCtx) {
  if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "programAdmin.errors.periodOrder" });
  const planned = !CATEGORIES[value.category].active;
  if (planned && value.status !== "PLANNED")
    ctx.addIssue({ code: "custom", path: ["status"], message: "programAdmin.errors.plannedCategory" });
  if (!planned && value.status === "PLANNED")
    ctx.addIssue({ code: "custom", path: ["status"], message: "programAdmin.errors.activeCategory" });
}

export const createProgramSchema = programFields.superRefine(programRules);

export const updateProgramSchema = programFields
  .extend({
    id: recordId,
    /** When the person opened the form (the program's updatedAt): a change meanwhile is refused. */
    seen: z.iso.datetime("invalid"),
  })
  .superRefine(programRules);

export type CreateProgramInput = z.infer<typeof createProgramSchema>;
export type UpdateProgramInput = z.infer<typeof updateProgramSchema>;

export const programListParams = z.object({
  page: pageParam,
  berubah: z.enum(["created", "updated"]).optional().catch(undefined),
  program: recordId.optional().catch(undefined),
});

/** A URL slug from a name: "KSBB Pangan 2027 (Tahap II)" → "ksbb-pangan-2027-tahap-ii". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70)
    .replace(/-+$/, "");
  return slug || "program";
}
