import { publicEndpoint } from "@/lib/api/respond.ts";
import { downloadHandler } from "@/lib/open-data/downloads.ts";

// Public open-data download (no session is read; agreed and later collaborations only, see lib/collaborations/queries.ts).
export const { GET, OPTIONS, POST, PUT, PATCH, DELETE } = publicEndpoint(downloadHandler("kolaborasi", "json"));
