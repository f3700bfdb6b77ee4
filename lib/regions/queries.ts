import "server-only";
import { db } from "@/lib/db/index.ts";

export interface RegionOption {
  code: string;
  name: string;
}

/** Options for the catalogue's region filters: kota always; kecamatan and kelurahan under the chosen parent. */
export async function regionFilterOptions(selected: { kota?: string; kecamatan?: string }) {
  const select = { code: true, name: true } as const;
  const [kota, kecamatan, kelurahan] = await Promise.all([
    db.region.findMany({ where: { level: "KOTA" }, select, orderBy: { code: "asc" } }),
    selected.kota
      ? db.region.findMany({ where: { level: "KECAMATAN", parentCode: selected.kota }, select, orderBy: { name: "asc" } })
      : Promise.resolve([]),
    selected.kecamatan
      ? db.region.findMany({ where: { level: "KELURAHAN", parentCode: selected.kecamatan }, select, orderBy: { name: "asc" } })
      : Promise.resolve([]),
  ]);
  return { kota, kecamatan, kelurahan };
}

export async function getRegion(code: string) {
  return db.region.findUnique({ where: { code }, select: { code: true, name: true, level: true, parentCode: true } });
}

/** Every kelurahan grouped by kecamatan (with its kota), for pickers such as an aggregator's service area. */
export async function kelurahanByKecamatan() {
  const kecamatan = await db.region.findMany({
    where: { level: "KECAMATAN" },
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      parent: { select: { name: true } },
      children: { select: { code: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  return kecamatan.map((k) => ({ code: k.code, name: k.name, kota: k.parent?.name ?? "", kelurahan: k.children }));
}
