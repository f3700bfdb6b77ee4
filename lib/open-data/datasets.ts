// The open datasets: their columns (the same names in CSV, JSON and the API) and the
// HXL hashtag of each column. Column meanings are in the message files under
// openData.column; docs/decisions/0010-open-data-api.md explains the HXL choices.

/** The licence the city publishes the data under. Change it here; the data page, the downloads and the API index follow. */
export const OPEN_DATA_LICENCE = {
  id: "CC-BY-4.0",
  name: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
} as const;

/** Where the region codes and names come from (MIT licence: the notice must travel with the data). */
export const REGION_ATTRIBUTION =
  "Region codes and names: cahyadsn/wilayah, MIT License, Copyright (c) 2017-2025 Cahya DSN; codes as set by Kepmendagri 300.2.2-2138/2025.";

export const API_SCHEMA_VERSION = "1.0";

export interface DatasetColumn {
  name: string;
  /** HXL hashtag and attributes; null leaves the column untagged. */
  hxl: string | null;
}

const REGION_COLUMNS: DatasetColumn[] = [
  { name: "kota_code", hxl: "#adm2+code" },
  { name: "kota_name", hxl: "#adm2+name" },
  { name: "kecamatan_code", hxl: "#adm3+code" },
  { name: "kecamatan_name", hxl: "#adm3+name" },
  { name: "kelurahan_code", hxl: "#adm4+code" },
  { name: "kelurahan_name", hxl: "#adm4+name" },
];

export const NEED_COLUMNS = [
  { name: "id", hxl: "#meta+id" },
  { name: "program", hxl: "#activity+code" },
  { name: "category", hxl: "#sector+code" },
  { name: "item", hxl: "#item+name" },
  { name: "unit", hxl: "#indicator+unit" },
  { name: "target_quantity", hxl: "#indicator+num+target" },
  { name: "pledged_quantity", hxl: "#indicator+num+pledged" },
  { name: "delivered_quantity", hxl: "#indicator+num+delivered" },
  // What recipients' representatives confirmed receiving (issue 16), its own figure.
  { name: "community_confirmed_quantity", hxl: "#indicator+num+confirmed+community" },
  { name: "beneficiary_count", hxl: "#targeted+num" },
  { name: "beneficiary_kind", hxl: "#beneficiary+type" },
  { name: "priority", hxl: "#priority" },
  { name: "status", hxl: "#status" },
  { name: "deadline", hxl: "#date+deadline" },
  ...REGION_COLUMNS,
  // RW numbers repeat in every kelurahan and are no Kemendagri code: left untagged.
  { name: "rw", hxl: null },
] as const satisfies readonly DatasetColumn[];

export const DELIVERY_COLUMNS = [
  ...REGION_COLUMNS,
  { name: "category", hxl: "#sector+code" },
  { name: "unit", hxl: "#indicator+unit" },
  { name: "needs", hxl: "#indicator+num+needs" },
  { name: "target_quantity", hxl: "#indicator+num+target" },
  { name: "pledged_quantity", hxl: "#indicator+num+pledged" },
  { name: "approved_quantity", hxl: "#indicator+num+approved" },
  { name: "delivered_quantity", hxl: "#indicator+num+delivered" },
  { name: "confirmed_quantity", hxl: "#indicator+num+confirmed" },
  { name: "community_confirmed_quantity", hxl: "#indicator+num+confirmed+community" },
] as const satisfies readonly DatasetColumn[];

// JDCN collaborations (issue 16): agreed, running and completed ones only.
export const COLLABORATION_COLUMNS = [
  { name: "reference", hxl: "#meta+id" },
  { name: "title", hxl: "#activity+name" },
  { name: "topic", hxl: "#sector+code" },
  { name: "status", hxl: "#status" },
  { name: "partner", hxl: "#org+partner+name" },
  { name: "office", hxl: "#org+impl+name" },
  { name: "kota_code", hxl: "#adm2+code" },
  { name: "kelurahan_code", hxl: "#adm4+code" },
  { name: "place_name", hxl: "#loc+name" },
  { name: "offer", hxl: "#description+offer" },
  { name: "starts_on", hxl: "#date+start" },
  { name: "ends_on", hxl: "#date+end" },
  { name: "mou_reference", hxl: "#meta+mou" },
  { name: "mou_signed_on", hxl: "#date+mou" },
] as const satisfies readonly DatasetColumn[];

export type NeedColumn = (typeof NEED_COLUMNS)[number]["name"];
export type DeliveryColumn = (typeof DELIVERY_COLUMNS)[number]["name"];
export type NeedRecord = Record<NeedColumn, string | number | null>;
export type DeliveryRecord = Record<DeliveryColumn, string | number>;

export const DATASETS = {
  kebutuhan: { columns: NEED_COLUMNS as readonly DatasetColumn[] },
  penyaluran: { columns: DELIVERY_COLUMNS as readonly DatasetColumn[] },
  kolaborasi: { columns: COLLABORATION_COLUMNS as readonly DatasetColumn[] },
} as const;

export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** e.g. ksbb-kebutuhan-2026-11-28.csv, ksbb-kebutuhan-hxl-2026-11-28.csv */
export function downloadFileName(dataset: DatasetName, format: "csv" | "json", date: string, hxl = false): string {
  return `ksbb-${dataset}${hxl ? "-hxl" : ""}-${date}.${format}`;
}
