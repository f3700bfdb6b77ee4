import { ENDPOINT_PARAMS, LIMIT_DEFAULT } from "@/lib/api/endpoints.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, pageOf, publicEndpoint } from "@/lib/api/respond.ts";
import { publicCollaborationsAfter } from "@/lib/collaborations/queries.ts";

// GET /api/v1/collaborations. Access: public; only agreed, running and completed collaborations.
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (_request, url) => {
  const { limit = LIMIT_DEFAULT, cursor, ...filter } = parseQuery(url, ENDPOINT_PARAMS.collaborations);
  const rows = await publicCollaborationsAfter(filter, cursor, limit + 1);
  return jsonResponse(pageOf(rows, limit, "collaborations", (row) => row.reference, url));
});
