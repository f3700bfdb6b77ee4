import { cache } from "react";
import { KELURAHAN_CODE } from "@/lib/coverage/schema.ts";
import { kelurahanPath } from "@/lib/regions/queries.ts";

/** The kelurahan of the URL, read once per request by the layout, the metadata and the page. */
export const loadKelurahan = cache(async (raw: string) => {
  const code = decodeURIComponent(raw);
  return KELURAHAN_CODE.test(code) ? kelurahanPath(code) : null;
});
