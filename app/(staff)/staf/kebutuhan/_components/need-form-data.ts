import "server-only";
import type { Caller } from "@/lib/auth/guards.ts";
import { isoDate } from "@/lib/dates.ts";
import { programsAcceptingNeeds } from "@/lib/programs/queries.ts";
import { kelurahanByKecamatan } from "@/lib/regions/queries.ts";
import type { ProgramChoice } from "./need-form.tsx";

/** What the need form offers: programs that take needs (plus the need's own) and every kelurahan. */
export async function needFormOptions(
  caller: Caller,
  locale: string,
  current?: { id: string; category: ProgramChoice["category"]; nameId: string; nameEn: string; status: string; endsOn: Date },
) {
  const [accepting, regions] = await Promise.all([programsAcceptingNeeds(caller), kelurahanByKecamatan()]);
  const all = current && !accepting.some((program) => program.id === current.id) ? [current, ...accepting] : accepting;
  const programs: ProgramChoice[] = all.map((program) => ({
    id: program.id,
    name: `${locale === "en" ? program.nameEn : program.nameId} (${isoDate(program.endsOn).slice(0, 4)})`,
    category: program.category,
    open: program.status === "OPEN",
  }));
  return { programs, regions };
}
