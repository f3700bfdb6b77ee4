import { firstLink } from "./serve.ts";

// One example URL of every public page type, for the measuring scripts (budget,
// lighthouse) and the accessibility suite. Pages whose URL depends on data are found
// by following a link, so the list never names a seeded id.
export interface PublicPage {
  name: string;
  url: string;
}

export async function resolvePublicPages(base: string): Promise<PublicPage[]> {
  return [
    { name: "home", url: "/" },
    { name: "catalogue", url: "/kebutuhan" },
    { name: "catalogue-filtered", url: "/kebutuhan?category=PANGAN&kota=31.71&q=beras" },
    { name: "catalogue-map", url: "/kebutuhan?view=map&category=PANGAN" },
    { name: "catalogue-table", url: "/kebutuhan?view=table" },
    { name: "need", url: await firstLink(base, "/kebutuhan", /^\/kebutuhan\/[^/?]+$/) },
    { name: "open-data", url: "/data" },
    { name: "transparency", url: "/transparansi" },
    { name: "transparency-kelurahan", url: await firstLink(base, "/transparansi", /^\/transparansi\/kelurahan\/[^/?]+/) },
    { name: "sign-in", url: "/masuk" },
    { name: "register-donor", url: "/daftar/donatur" },
  ];
}
