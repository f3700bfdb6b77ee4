import { parse } from "csv-parse/sync";
import { BeneficiaryKind, NeedPriority, NeedUnit, type ProgramCategory } from "@/lib/generated/prisma/enums.ts";
import { isCalendarDate } from "@/lib/dates.ts";
import { hasBidiControl, hasMarkup } from "@/lib/input/text.ts";
import { CATEGORIES } from "@/lib/programs/categories.ts";
import { DESCRIPTION_MAX, ITEM_MAX, MAX_QUANTITY } from "./staff-schema.ts";

// The CSV import of needs, as pure functions: bytes in, either valid rows or every
// problem found, each with its line number. No database and no Next.js here, so the
// rules are tested directly; lib/needs/service.ts supplies the regions and the
// program, and writes the rows. Format and limits: docs/decisions/0008-need-import.md.

/** More rows than a kota's needs for a whole program; a bigger file is split. */
export const IMPORT_MAX_ROWS = 10_000;
/** 10,000 rows with a 200-character description each fit; a server action body allows 16 MB. */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024;
/** The report lists this many lines with problems, then says how many more there are. */
export const IMPORT_MAX_REPORTED_LINES = 500;

export const REQUIRED_COLUMNS = [
  "kode_kelurahan",
  "barang",
  "satuan",
  "target",
  "jumlah_penerima",
  "jenis_penerima",
  "tenggat",
  "prioritas",
] as const;
export const OPTIONAL_COLUMNS = ["rw", "keterangan"] as const;
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export type FileProblemCode =
  | "empty"
  | "tooLarge"
  | "binary"
  | "spreadsheet"
  | "notUtf8"
  | "malformed"
  | "missingColumns"
  | "unknownColumns"
  | "duplicateColumns"
  | "noRows"
  | "tooManyRows";

export type RowProblemCode =
  | "fieldCount"
  | "kelurahanUnknown"
  | "itemMissing"
  | "itemTooLong"
  | "markup"
  | "bidiControl"
  | "unitUnknown"
  | "unitNotInCategory"
  | "numberInvalid"
  | "numberTooLarge"
  | "kindUnknown"
  | "kindNotInCategory"
  | "dateInvalid"
  | "deadlinePast"
  | "deadlineAfterProgram"
  | "priorityUnknown"
  | "rwInvalid"
  | "descriptionTooLong"
  | "duplicateRow"
  | "alreadyExists";

export interface Problem<C extends string = FileProblemCode | RowProblemCode> {
  code: C;
  params?: Record<string, string | number>;
}

export interface LineReport {
  line: number;
  problems: Problem<RowProblemCode>[];
}

export interface ImportContext {
  category: ProgramCategory;
  /** Today in Jakarta, YYYY-MM-DD: no deadline before it. */
  today: string;
  /** The program's last day, YYYY-MM-DD: no deadline after it. */
  programEndsOn: string;
  /** Every kelurahan by code, with the kecamatan and kota it lies in. */
  kelurahan: ReadonlyMap<string, { kecamatanCode: string; kotaCode: string }>;
  /** needKey() of the program's needs that are not closed, so a file is not imported twice. */
  existingKeys: ReadonlySet<string>;
}

export interface ImportRow {
  line: number;
  kelurahanCode: string;
  kecamatanCode: string;
  kotaCode: string;
  rw: number | null;
  item: string;
  description: string | null;
  unit: NeedUnit;
  targetQuantity: number;
  beneficiaryCount: number;
  beneficiaryKind: BeneficiaryKind;
  deadline: string;
  priority: NeedPriority;
}

export type ImportCheck =
  { ok: true; rows: ImportRow[]; delimiter: string } | { ok: false; file: Problem<FileProblemCode>[]; lines: LineReport[] };

interface RawRecord {
  line: number;
  values: string[];
}

/** Identifies "the same need" within a program: kelurahan, item (case and spacing aside), unit and RW. */
export function needKey(need: { kelurahanCode: string; item: string; unit: string; rw: number | null }): string {
  return [need.kelurahanCode, need.item.trim().replace(/\s+/g, " ").toLocaleLowerCase("id"), need.unit, need.rw ?? ""].join("|");
}

/** Checks a whole file; rows are returned only when every line is valid. */
export function checkImport(bytes: Uint8Array, context: ImportContext): ImportCheck {
  const read = readCsv(bytes);
  if (!read.ok) return { ok: false, file: read.problems, lines: [] };
  const { rows, lines } = validateRecords(read.header, read.records, context);
  return lines.length === 0 ? { ok: true, rows, delimiter: read.delimiter } : { ok: false, file: [], lines };
}

type ReadResult =
  { ok: true; header: Column[]; records: RawRecord[]; delimiter: string } | { ok: false; problems: Problem<FileProblemCode>[] };

const fail = (code: FileProblemCode, params?: Problem["params"]): ReadResult => ({
  ok: false,
  problems: [{ code, ...(params && { params }) }],
});

/** Bytes to header and records: size, encoding, binary content, delimiter, header and row count. */
export function readCsv(bytes: Uint8Array): ReadResult {
  if (bytes.length > IMPORT_MAX_BYTES) return fail("tooLarge", { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.code);
  const text = decoded.text;
  if (text.trim() === "") return fail("empty");

  const delimiter = detectDelimiter(text);
  let parsed: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
      raw: true,
      // The header, the allowed rows and one more to tell that there are too many.
      to: IMPORT_MAX_ROWS + 2,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail("malformed", { line: line ?? 1 });
  }
  const [first, ...rest] = parsed;
  if (!first) return fail("empty");

  const header = first.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((name) => !COLUMNS.includes(name));
  const duplicated = header.filter((name, index) => COLUMNS.includes(name) && header.indexOf(name) !== index);
  const problems: Problem<FileProblemCode>[] = [];
  if (missing.length) problems.push({ code: "missingColumns", params: { columns: missing.join(", ") } });
  if (unknown.length) problems.push({ code: "unknownColumns", params: { columns: unknown.map((name) => name || '""').join(", ") } });
  if (duplicated.length) problems.push({ code: "duplicateColumns", params: { columns: [...new Set(duplicated)].join(", ") } });
  if (problems.length) return { ok: false, problems };
  if (rest.length === 0) return fail("noRows");
  if (rest.length > IMPORT_MAX_ROWS) return fail("tooManyRows", { max: IMPORT_MAX_ROWS });

  const records = rest.map(({ record, info, raw }) => ({ line: startLine(info.lines, raw), values: record }));
  return { ok: true, header: header as Column[], records, delimiter };
}

type Decoded = { ok: true; text: string } | { ok: false; code: "binary" | "spreadsheet" | "notUtf8" };

function decode(bytes: Uint8Array): Decoded {
  const startsWith = (...magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  // .xlsx is a zip archive, .xls an OLE compound file: saved as a workbook, not as CSV.
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) return { ok: false, code: "spreadsheet" };
  // UTF-16 ("Unicode text" in Excel) starts with its byte order mark.
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) return { ok: false, code: "notUtf8" };
  if (bytes.includes(0)) return { ok: false, code: "binary" };
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 (e.g. Windows-1252 "é") is refused, not
    // silently replaced. A UTF-8 byte order mark is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The fatal decoder throws only for bytes that are not UTF-8.
    return { ok: false, code: "notUtf8" };
  }
  // Control characters other than tab and line breaks do not occur in a text file.
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { ok: false, code: "binary" };
  return { ok: true, text };
}

/** The header line's most frequent separator outside quotes: "," or ";" (Excel in Indonesian), or a tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** The line a record starts on: csv-parse reports where it ends; a quoted field may span lines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, "").replace(/\r?\n$/, "");
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function validateRecords(
  header: Column[],
  records: RawRecord[],
  context: ImportContext,
): { rows: ImportRow[]; lines: LineReport[] } {
  const category = CATEGORIES[context.category];
  const units = category.units.join(", ");
  const kinds = category.beneficiaryKinds.join(", ");
  const firstLineOf = new Map<string, number>();
  const rows: ImportRow[] = [];
  const lines: LineReport[] = [];

  for (const { line, values } of records) {
    const problems: Problem<RowProblemCode>[] = [];
    const add = (code: RowProblemCode, params?: Problem["params"]) => problems.push({ code, ...(params && { params }) });
    // A trailing empty field (a separator at the end of the line) is harmless; anything else shifts the columns.
    const extra = values.slice(header.length);
    if (values.length < header.length || extra.some((value) => value !== "")) {
      add("fieldCount", { expected: header.length, found: values.length });
      lines.push({ line, problems });
      continue;
    }
    const cell = (column: Column) => {
      const index = header.indexOf(column);
      return index < 0 ? "" : values[index]!.trim();
    };

    // Checked on every cell: a direction override makes a line read differently from what is stored.
    for (const column of header) if (hasBidiControl(cell(column))) add("bidiControl", { column });

    const kelurahanCode = cell("kode_kelurahan");
    const region = context.kelurahan.get(kelurahanCode);
    if (!region) add("kelurahanUnknown", { value: shown(kelurahanCode) });

    const item = cell("barang").replace(/\s+/g, " ");
    if (item.length < 2) add("itemMissing");
    else if (item.length > ITEM_MAX) add("itemTooLong", { max: ITEM_MAX });
    else if (hasMarkup(item)) add("markup", { column: "barang" });

    const unitText = cell("satuan").toUpperCase();
    const unit = Object.hasOwn(NeedUnit, unitText) ? (unitText as NeedUnit) : null;
    if (!unit) add("unitUnknown", { value: shown(cell("satuan")), allowed: units });
    else if (!category.units.includes(unit)) add("unitNotInCategory", { value: unit, allowed: units });

    const quantity = (column: "target" | "jumlah_penerima") => {
      const value = cell(column);
      if (!/^\d{1,12}$/.test(value) || Number(value) < 1) {
        add("numberInvalid", { column, value: shown(value) });
        return null;
      }
      if (Number(value) > MAX_QUANTITY) {
        add("numberTooLarge", { column, max: MAX_QUANTITY });
        return null;
      }
      return Number(value);
    };
    const targetQuantity = quantity("target");
    const beneficiaryCount = quantity("jumlah_penerima");

    const kindText = cell("jenis_penerima").toUpperCase();
    const kind = Object.hasOwn(BeneficiaryKind, kindText) ? (kindText as BeneficiaryKind) : null;
    if (!kind) add("kindUnknown", { value: shown(cell("jenis_penerima")), allowed: kinds });
    else if (!category.beneficiaryKinds.includes(kind)) add("kindNotInCategory", { value: kind, allowed: kinds });

    const deadline = cell("tenggat");
    if (!isCalendarDate(deadline)) add("dateInvalid", { value: shown(deadline) });
    else if (deadline < context.today) add("deadlinePast", { value: deadline });
    else if (deadline > context.programEndsOn) add("deadlineAfterProgram", { value: deadline, end: context.programEndsOn });

    const priorityText = cell("prioritas").toUpperCase();
    const priority = Object.hasOwn(NeedPriority, priorityText) ? (priorityText as NeedPriority) : null;
    if (!priority) add("priorityUnknown", { value: shown(cell("prioritas")), allowed: Object.keys(NeedPriority).join(", ") });

    const rwText = cell("rw");
    const rw = rwText === "" ? null : /^\d{1,2}$/.test(rwText) && Number(rwText) >= 1 ? Number(rwText) : undefined;
    if (rw === undefined) add("rwInvalid", { value: shown(rwText) });

    const description = cell("keterangan");
    if (description.length > DESCRIPTION_MAX) add("descriptionTooLong", { max: DESCRIPTION_MAX });
    else if (hasMarkup(description)) add("markup", { column: "keterangan" });

    if (region && unit && item.length >= 2 && rw !== undefined) {
      const key = needKey({ kelurahanCode, item, unit, rw });
      const first = firstLineOf.get(key);
      if (first !== undefined) add("duplicateRow", { line: first });
      else firstLineOf.set(key, line);
      if (context.existingKeys.has(key)) add("alreadyExists");
    }

    if (problems.length > 0) {
      lines.push({ line, problems });
      continue;
    }
    rows.push({
      line,
      kelurahanCode,
      kecamatanCode: region!.kecamatanCode,
      kotaCode: region!.kotaCode,
      rw: rw ?? null,
      item,
      description: description || null,
      unit: unit!,
      targetQuantity: targetQuantity!,
      beneficiaryCount: beneficiaryCount!,
      beneficiaryKind: kind!,
      deadline,
      priority: priority!,
    });
  }
  return { rows, lines };
}

/** The template's header line, in the documented order. */
export const TEMPLATE_HEADER = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(",");

const EXAMPLE_ITEMS: Record<ProgramCategory, [string, string]> = {
  PANGAN: ["Paket sembako keluarga", "Paket sembako lansia"],
  UMKM: ["Paket usaha warung", "Modal kerja pedagang kaki lima"],
  PENDIDIKAN: ["Tablet belajar siswa SD", "Kuota belajar guru"],
  PERMUKIMAN: ["Perbaikan atap rumah", "Perbaikan MCK warga"],
  PERSAMPAHAN: ["-", "-"],
  TENAGA_KERJA: ["-", "-"],
};

/**
 * A template with two example rows in real kelurahan (Gambir, Jakarta Pusat and Tebet
 * Timur, Jakarta Selatan), for a category and a deadline; the second row shows an
 * optional column left empty and the first a quoted field with a comma.
 */
export function templateCsv(category: ProgramCategory, deadline: string): string {
  const info = CATEGORIES[category];
  const unit = (index: number) => info.units[index % info.units.length] ?? "";
  const kind = (index: number) => info.beneficiaryKinds[index % info.beneficiaryKinds.length] ?? "";
  const [first, second] = EXAMPLE_ITEMS[category];
  const rows = [
    TEMPLATE_HEADER,
    ["31.71.01.1001", first, unit(0), "120", "120", kind(0), deadline, "HIGH", "3", '"Untuk warga RW 03, dibagikan di balai RW"'].join(","),
    ["31.74.01.1001", second, unit(1), "40", "40", kind(1), deadline, "MEDIUM", "", ""].join(","),
  ];
  return `${rows.join("\r\n")}\r\n`;
}
