import { ENDPOINT_PARAMS, LIMIT_DEFAULT } from "@/lib/api/endpoints.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, pageOf, publicEndpoint } from "@/lib/api/respond.ts";
import { publicProgramsAfter } from "@/lib/open-data/queries.ts";

// GET /api/v1/programs. Access: public; drafts are never listed.
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (_request, url) => {
  const { limit = LIMIT_DEFAULT, cursor, ...filter } = parseQuery(url, ENDPOINT_PARAMS.programs);
  const rows = await publicProgramsAfter(filter, cursor, limit + 1);
  return jsonResponse(pageOf(rows, limit, "programs", (row) => row.slug, url));
});
