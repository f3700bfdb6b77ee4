import { publicEndpoint } from "@/lib/api/respond.ts";
import { downloadHandler } from "@/lib/open-data/downloads.ts";

// Public open-data download (no session is read; public columns only, see lib/open-data/queries.ts).
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(downloadHandler("penyaluran", "csv"));
