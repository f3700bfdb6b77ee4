import { z } from "zod";
import { GuardError, requireRole, STAFF_ROLES } from "@/lib/auth/guards.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import type { ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { templateCsv } from "@/lib/needs/import.ts";
import { CATEGORIES } from "@/lib/programs/categories.ts";
import { programForTemplate } from "@/lib/programs/queries.ts";

const params = z.object({
  program: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/i)
    .optional()
    .catch(undefined),
});

// The CSV template for the need import, for city staff: the header and two example
// rows with units and a deadline that fit the chosen program (food aid otherwise).
export async function GET(request: Request) {
  let caller;
  try {
    caller = await requireRole(...STAFF_ROLES);
  } catch (error) {
    if (error instanceof GuardError)
      return new Response(error.code === "UNAUTHENTICATED" ? "Unauthorized" : "Not found", {
        status: error.code === "UNAUTHENTICATED" ? 401 : 404,
      });
    throw error;
  }
  const { program: programId } = params.parse(Object.fromEntries(new URL(request.url).searchParams));
  const program = programId ? await programForTemplate(caller, programId) : null;
  const category: ProgramCategory = program && CATEGORIES[program.category].active ? program.category : "PANGAN";
  const today = jakartaToday();
  const inTwoMonths = isoDate(addDays(dateOnly(today), 60));
  const end = program ? isoDate(program.endsOn) : inTwoMonths;
  const earlier = inTwoMonths < end ? inTwoMonths : end;
  const deadline = earlier < today ? today : earlier;
  // The byte order mark makes Excel read the file as UTF-8; the import accepts it.
  return new Response(`\uFEFF${templateCsv(category, deadline)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="templat-impor-kebutuhan.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
