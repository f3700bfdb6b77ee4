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

/** A kelurahan with its kecamatan and kota, or null when the code is not a kelurahan. */
export async function kelurahanPath(code: string) {
  const kelurahan = await db.region.findFirst({
    where: { code, level: "KELURAHAN" },
    select: { code: true, name: true, parent: { select: { code: true, name: true, parent: { select: { code: true, name: true } } } } },
  });
  if (!kelurahan?.parent?.parent) return null;
  return {
    kelurahan: { code: kelurahan.code, name: kelurahan.name },
    kecamatan: { code: kelurahan.parent.code, name: kelurahan.parent.name },
    kota: { code: kelurahan.parent.parent.code, name: kelurahan.parent.parent.name },
  };
}

/** A kota or kecamatan (for drill-down pages), or null when the code is not one. */
export async function areaOf(code: string) {
  return db.region.findFirst({
    where: { code, level: { in: ["KOTA", "KECAMATAN"] } },
    select: { code: true, name: true, level: true, parent: { select: { code: true, name: true, level: true } } },
  });
}
