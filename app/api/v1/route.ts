import { createTranslator } from "next-intl";
import { ENDPOINT_NAMES, ENDPOINT_PARAMS, type EndpointName } from "@/lib/api/endpoints.ts";
import { apiLocale } from "@/lib/api/locale.ts";
import { parseQuery } from "@/lib/api/params.ts";
import { jsonResponse, publicEndpoint } from "@/lib/api/respond.ts";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";
import { API_SCHEMA_VERSION, DATASET_NAMES, OPEN_DATA_LICENCE, REGION_ATTRIBUTION } from "@/lib/open-data/datasets.ts";

// GET /api/v1: the machine-readable index. Access: public; it reads no data at all.
// Parameter descriptions come from the same specs the endpoints validate with.

const PARAM_TEXT: Record<EndpointName, Record<string, string>> = {
  needs: {
    category: "category",
    program: "program",
    kota: "kota",
    kecamatan: "kecamatan",
    kelurahan: "kelurahan",
    status: "needStatus",
    q: "q",
    limit: "limit",
    cursor: "cursor",
  },
  programs: { category: "category", status: "programStatus", limit: "limit", cursor: "cursor" },
  regions: { level: "regionLevel", parent: "parent", limit: "limit", cursor: "cursor" },
  coverage: { level: "coverageLevel", category: "category", program: "program", within: "within", limit: "limit", cursor: "cursor" },
  collaborations: { topic: "topic", status: "collaborationStatus", limit: "limit", cursor: "cursor" },
};

export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(async (request, url) => {
  parseQuery(url, {});
  const locale = apiLocale(request);
  const t = createTranslator({ locale, messages: locale === "en" ? en : id, namespace: "api.index" });
  return jsonResponse(
    {
      name: t("title"),
      schema_version: API_SCHEMA_VERSION,
      licence: OPEN_DATA_LICENCE,
      attribution: REGION_ATTRIBUTION,
      documentation: "/data",
      pagination: t("pagination"),
      errors: t("errors"),
      downloads: DATASET_NAMES.map((dataset) => ({
        dataset,
        csv: `/data/${dataset}.csv`,
        csv_hxl: `/data/${dataset}.csv?hxl=1`,
        json: `/data/${dataset}.json`,
      })),
      endpoints: ENDPOINT_NAMES.map((name) => ({
        path: `/api/v1/${name}`,
        method: "GET",
        description: t(`endpoint.${name}`),
        paginated: true,
        parameters: Object.entries(ENDPOINT_PARAMS[name]).map(([parameter, spec]) => ({
          name: parameter,
          description: t(`param.${PARAM_TEXT[name][parameter] as keyof typeof en.api.index.param}`),
          ...spec.doc,
        })),
      })),
    },
    { headers: { "Content-Language": locale, Vary: "Accept-Language" } },
  );
});
