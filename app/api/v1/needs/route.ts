import { ENDPOINT_PARAMS, LIMIT_DEFAULT } from "@/lib/api/endpoints.ts";
import { invalidParameter } from "@/lib/api/errors.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, pageOf, publicEndpoint } from "@/lib/api/respond.ts";
import { publicNeedsAfter, publicProgramId } from "@/lib/open-data/queries.ts";

// GET /api/v1/needs. Access: public; public need statuses and public columns only.
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (_request, url) => {
  const { program, limit = LIMIT_DEFAULT, cursor, ...filters } = parseQuery(url, ENDPOINT_PARAMS.needs);
  const programId = program ? await publicProgramId(program) : undefined;
  if (programId === null) throw invalidParameter("program", "unknown_program");
  const rows = await publicNeedsAfter({ ...filters, programId }, cursor, limit + 1);
  return jsonResponse(pageOf(rows, limit, "needs", (row) => String(row.id), url));
});
