import { ENDPOINT_PARAMS, LIMIT_DEFAULT } from "@/lib/api/endpoints.ts";
import { invalidParameter } from "@/lib/api/errors.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, pageOf, publicEndpoint } from "@/lib/api/respond.ts";
import { coverageByRegion } from "@/lib/coverage/queries.ts";
import { publicProgramId } from "@/lib/open-data/queries.ts";

// GET /api/v1/coverage: lib/coverage's figures per region (OPEN and FULFILLED needs).
// Access: public; the figures are sums, no row names a person or a donor.
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (_request, url) => {
  const { level = "KOTA", category, program, within, limit = LIMIT_DEFAULT, cursor } = parseQuery(url, ENDPOINT_PARAMS.coverage);
  // within must be coarser than the level: a kota for kecamatan rows, a kota or kecamatan for kelurahan rows.
  if (within && (level === "KOTA" || (level === "KECAMATAN" && within.length !== 5))) throw invalidParameter("within", "within_level");
  const programId = program ? await publicProgramId(program) : undefined;
  if (programId === null) throw invalidParameter("program", "unknown_program");
  const rows = await coverageByRegion(level, { category, programId, within });
  // Code order in JavaScript's own comparison, the one the cursor is compared with.
  const ordered = rows.sort((a, b) => (a.code < b.code ? -1 : 1)).filter((row) => !cursor || row.code > cursor);
  const data = ordered.slice(0, limit + 1).map((row) => ({
    code: row.code,
    name: row.name,
    level,
    needs: row.needs,
    open_needs: row.openNeeds,
    beneficiaries: row.beneficiaries,
    uncovered_beneficiaries: Math.round(row.uncoveredBeneficiaries * 100) / 100,
    uncovered_share: row.uncoveredShare === null ? null : Math.round(row.uncoveredShare * 10_000) / 10_000,
    units: row.units,
  }));
  return jsonResponse(pageOf(data, limit, "coverage", (row) => row.code, url));
});
