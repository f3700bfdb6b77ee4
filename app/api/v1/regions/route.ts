import { ENDPOINT_PARAMS, LIMIT_DEFAULT } from "@/lib/api/endpoints.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, pageOf, publicEndpoint } from "@/lib/api/respond.ts";
import { regionsAfter } from "@/lib/open-data/queries.ts";

// GET /api/v1/regions. Access: public (reference data: Kemendagri codes and names).
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (_request, url) => {
  const { limit = LIMIT_DEFAULT, cursor, ...filter } = parseQuery(url, ENDPOINT_PARAMS.regions);
  const rows = await regionsAfter(filter, cursor, limit + 1);
  return jsonResponse(pageOf(rows, limit, "regions", (row) => row.code, url));
});
