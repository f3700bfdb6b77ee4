import { describe, expect, it } from "vitest";
import {
  checkImport,
  detectDelimiter,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  needKey,
  templateCsv,
  type ImportCheck,
  type ImportContext,
} from "./import.ts";

// The CSV import's rules, without a database: every refusal names its line and reason,
// and a file yields rows only when every line is valid.

const HEADER = "kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas,rw,keterangan";
const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  category: "PANGAN",
  today: "2026-11-28",
  programEndsOn: "2027-06-30",
  kelurahan: new Map([
    ["31.71.01.1001", { kecamatanCode: "31.71.01", kotaCode: "31.71" }],
    ["31.74.01.1001", { kecamatanCode: "31.74.01", kotaCode: "31.74" }],
  ]),
  existingKeys: new Set(),
  ...overrides,
});
const utf8 = (text: string) => new TextEncoder().encode(text);
const check = (text: string, ctx = context()) => checkImport(utf8(text), ctx);
const row = (fields: Partial<Record<string, string>> = {}) => {
  const values = {
    kode_kelurahan: "31.71.01.1001",
    barang: "Paket sembako",
    satuan: "FOOD_PACKAGE",
    target: "100",
    jumlah_penerima: "100",
    jenis_penerima: "HOUSEHOLD",
    tenggat: "2027-01-31",
    prioritas: "HIGH",
    rw: "",
    keterangan: "",
    ...fields,
  };
  return HEADER.split(",")
    .map((column) => values[column as keyof typeof values])
    .join(",");
};
const file = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

function failure(result: ImportCheck) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.rows.length} rows`);
  return result;
}
const codesAt = (result: ImportCheck, line: number) =>
  failure(result)
    .lines.find((l) => l.line === line)
    ?.problems.map((p) => p.code) ?? [];
const fileCodes = (result: ImportCheck) => failure(result).file.map((p) => p.code);

describe("a valid file", () => {
  it("gives one row per line with the region path from the context, not from the file", () => {
    const result = check(
      file(row(), row({ kode_kelurahan: "31.74.01.1001", barang: "Paket lansia", rw: "07", keterangan: "Untuk lansia" })),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[1]).toMatchObject({
      line: 3,
      kelurahanCode: "31.74.01.1001",
      kecamatanCode: "31.74.01",
      kotaCode: "31.74",
      rw: 7,
      item: "Paket lansia",
      unit: "FOOD_PACKAGE",
      targetQuantity: 100,
      beneficiaryCount: 100,
      beneficiaryKind: "HOUSEHOLD",
      deadline: "2027-01-31",
      priority: "HIGH",
      description: "Untuk lansia",
    });
  });

  it("accepts columns in any order, header names in any case, codes in lower case, and optional columns left out", () => {
    const text =
      "Prioritas,TENGGAT,barang,kode_kelurahan,satuan,target,jumlah_penerima,jenis_penerima\nurgent,2027-02-01,Beras,31.71.01.1001,food_package,5,5,household\n";
    const result = check(text);
    expect(result.ok && result.rows[0]).toMatchObject({
      priority: "URGENT",
      unit: "FOOD_PACKAGE",
      beneficiaryKind: "HOUSEHOLD",
      rw: null,
      description: null,
    });
  });

  it("accepts a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(file(row()))]);
    const result = checkImport(bytes, context());
    expect(result.ok && result.rows).toHaveLength(1);
  });

  it("accepts semicolons (Excel in Indonesian), with commas inside fields", () => {
    const text = file(row({ keterangan: "Beras, minyak" }))
      .replaceAll(",", ";")
      .replace("Beras; minyak", "Beras, minyak");
    const result = check(text);
    expect(result.ok && result.delimiter).toBe(";");
    expect(result.ok && result.rows[0]!.description).toBe("Beras, minyak");
  });

  it("accepts quoted fields: separators, doubled quotes and line breaks inside; later line numbers stay right", () => {
    const text = file(
      row({ barang: '"Paket ""Sehat"", isi 10"', keterangan: '"baris satu\nbaris dua"' }),
      row({ barang: "Paket kedua", target: "x" }),
    );
    const result = check(text);
    expect(codesAt(result, 4)).toEqual(["numberInvalid"]);
    const good = check(file(row({ barang: '"Paket ""Sehat"", isi 10"', keterangan: '"baris satu\nbaris dua"' })));
    expect(good.ok && good.rows[0]).toMatchObject({ item: 'Paket "Sehat", isi 10', description: "baris satu\nbaris dua" });
  });

  it("skips blank lines and rows of empty separators (Excel leaves them), and Windows line ends", () => {
    const text = [HEADER, row(), "", ",,,,,,,,,", row({ barang: "Paket dua" })].join("\r\n");
    const result = check(text);
    expect(result.ok && result.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("accepts exactly the maximum number of rows", () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => row({ barang: `Paket ${i}` }));
    const result = check(file(...rows));
    expect(result.ok && result.rows).toHaveLength(IMPORT_MAX_ROWS);
  });

  it("the downloadable template imports cleanly for every active category", () => {
    for (const category of ["PANGAN", "UMKM", "PENDIDIKAN", "PERMUKIMAN"] as const) {
      const result = check(`\uFEFF${templateCsv(category, "2027-01-31")}`, context({ category }));
      expect(result.ok && result.rows.length, category).toBe(2);
    }
  });
});

describe("each row problem is reported with its line", () => {
  it.each([
    ["an unknown kelurahan code", { kode_kelurahan: "31.71.01.9999" }, "kelurahanUnknown"],
    ["a kecamatan code instead of a kelurahan", { kode_kelurahan: "31.71.01" }, "kelurahanUnknown"],
    ["an empty item", { barang: "" }, "itemMissing"],
    ["an item with markup", { barang: "<b>Paket</b>" }, "markup"],
    ["an item over 200 characters", { barang: "x".repeat(201) }, "itemTooLong"],
    ["an unknown unit", { satuan: "KARUNG" }, "unitUnknown"],
    ["a unit of another category", { satuan: "DEVICE" }, "unitNotInCategory"],
    ["a target with letters", { target: "12a" }, "numberInvalid"],
    ["a target with a thousands separator", { target: "1.000" }, "numberInvalid"],
    ["a zero target", { target: "0" }, "numberInvalid"],
    ["a negative beneficiary count", { jumlah_penerima: "-5" }, "numberInvalid"],
    ["a fractional beneficiary count", { jumlah_penerima: "2.5" }, "numberInvalid"],
    ["a target above ten million", { target: "10000001" }, "numberTooLarge"],
    ["an unknown beneficiary kind", { jenis_penerima: "KUCING" }, "kindUnknown"],
    ["a beneficiary kind of another category", { jenis_penerima: "STUDENT" }, "kindNotInCategory"],
    ["a date in another format", { tenggat: "31/01/2027" }, "dateInvalid"],
    ["a date that does not exist", { tenggat: "2027-02-30" }, "dateInvalid"],
    ["a deadline in the past", { tenggat: "2026-11-27" }, "deadlinePast"],
    ["a deadline after the program ends", { tenggat: "2027-07-01" }, "deadlineAfterProgram"],
    ["an unknown priority", { prioritas: "SANGAT" }, "priorityUnknown"],
    ["an RW of 0", { rw: "0" }, "rwInvalid"],
    ["an RW of 100", { rw: "100" }, "rwInvalid"],
    ["a description over 2,000 characters", { keterangan: "x".repeat(2001) }, "descriptionTooLong"],
  ])("%s", (_label, fields, code) => {
    const result = check(file(row({ barang: "Paket satu" }), row(fields as Record<string, string>)));
    expect(codesAt(result, 3)).toEqual([code]);
    expect(failure(result).lines.map((l) => l.line)).toEqual([3]);
  });

  it("a deadline of today is fine", () => {
    expect(check(file(row({ tenggat: "2026-11-28" }))).ok).toBe(true);
  });

  it("several problems on one line are all listed", () => {
    const result = check(file(row({ kode_kelurahan: "99.99.99.9999", target: "banyak", prioritas: "?" })));
    expect(codesAt(result, 2).sort()).toEqual(["kelurahanUnknown", "numberInvalid", "priorityUnknown"]);
  });

  it("a duplicate row (same kelurahan, item in any case and spacing, unit and RW) names the first line", () => {
    const result = check(file(row({ rw: "3" }), row({ barang: "Paket lain" }), row({ barang: "  paket   SEMBAKO ", rw: "03" })));
    expect(failure(result).lines).toEqual([{ line: 4, problems: [{ code: "duplicateRow", params: { line: 2 } }] }]);
    // Another RW is another need.
    expect(check(file(row({ rw: "3" }), row({ rw: "4" }))).ok).toBe(true);
  });

  it("a need the program already has is refused, so a file imported twice does not double", () => {
    const existing = needKey({ kelurahanCode: "31.71.01.1001", item: "Paket sembako", unit: "FOOD_PACKAGE", rw: null });
    expect(codesAt(check(file(row()), context({ existingKeys: new Set([existing]) })), 2)).toEqual(["alreadyExists"]);
  });

  it("a row with too few or too many fields", () => {
    const result = check(file("31.71.01.1001,Paket,FOOD_PACKAGE", `${row()},extra`, `${row({ barang: "Paket dua" })},`));
    expect(codesAt(result, 2)).toEqual(["fieldCount"]);
    expect(codesAt(result, 3)).toEqual(["fieldCount"]);
    // A trailing separator with nothing after it is harmless.
    expect(codesAt(result, 4)).toEqual([]);
  });

  it("every bad row of a large file is reported, with exact line numbers", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row({ barang: `Paket ${i}`, target: i % 1000 === 999 ? "nol" : "10" }));
    const result = failure(check(file(...rows)));
    expect(result.lines.map((l) => l.line)).toEqual([1001, 2001, 3001]);
  });
});

describe("file problems", () => {
  it.each([
    ["an empty file", new Uint8Array(), "empty"],
    ["only whitespace", utf8(" \n\r\n  "), "empty"],
    ["only a byte order mark", new Uint8Array([0xef, 0xbb, 0xbf]), "empty"],
    ["a header and no rows", utf8(`${HEADER}\n`), "noRows"],
    ["a PNG image", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]), "binary"],
    ["random bytes with control characters", new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42, 0x0a]), "binary"],
    ["an Excel workbook (.xlsx)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), "spreadsheet"],
    ["an old Excel workbook (.xls)", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "spreadsheet"],
    [
      "Windows-1252 text",
      new Uint8Array([...utf8(`${HEADER}\n31.71.01.1001,Caf`), 0xe9, ...utf8(",FOOD_PACKAGE,1,1,HOUSEHOLD,2027-01-31,LOW,,\n")]),
      "notUtf8",
    ],
    ["UTF-16 text", new Uint8Array([0xff, 0xfe, 0x6b, 0x00, 0x6f, 0x00]), "notUtf8"],
    ["an unclosed quote", utf8(file(row({ barang: '"Paket' }))), "malformed"],
  ])("%s", (_label, bytes, code) => {
    expect(fileCodes(checkImport(bytes, context()))).toEqual([code]);
  });

  it("a missing, an unknown and a doubled column are each named", () => {
    const result = check("kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas,catatan,rw,rw\n");
    expect(failure(result).file).toEqual([
      { code: "unknownColumns", params: { columns: "catatan" } },
      { code: "duplicateColumns", params: { columns: "rw" } },
    ]);
    const missing = check("kode_kelurahan;barang;satuan;target\n31.71.01.1001;Paket;FOOD_PACKAGE;1\n");
    expect(failure(missing).file).toEqual([
      { code: "missingColumns", params: { columns: "jumlah_penerima, jenis_penerima, tenggat, prioritas" } },
    ]);
  });

  it("a file without a header (data on the first line) is refused for its columns", () => {
    expect(fileCodes(check(`${row()}\n${row()}\n`))).toEqual(["missingColumns", "unknownColumns"]);
  });

  it(`more than ${IMPORT_MAX_ROWS} rows is refused without checking them`, () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => "31.71.01.1001,P,FOOD_PACKAGE,1,1,HOUSEHOLD,2027-01-31,LOW,,");
    expect(failure(check(file(...rows))).file).toEqual([{ code: "tooManyRows", params: { max: IMPORT_MAX_ROWS } }]);
  });

  it("50,000 rows (over the byte limit too) are refused quickly", () => {
    const text = file(
      ...Array.from({ length: 50_000 }, (_, i) =>
        row({ barang: `Paket nomor ${i}`, keterangan: "Keterangan panjang untuk mengisi baris ini" }),
      ),
    );
    expect(text.length).toBeGreaterThan(IMPORT_MAX_BYTES);
    const started = performance.now();
    expect(fileCodes(check(text))).toEqual(["tooLarge"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("delimiter detection", () => {
  it("reads the header line only and ignores separators inside quotes", () => {
    expect(detectDelimiter("a,b,c\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,2,3,4,5")).toBe(";");
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(";");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });
});
