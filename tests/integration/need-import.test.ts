import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { importNeedsAction } from "@/lib/needs/actions.ts";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/needs/import.ts";
import { sql } from "@/tests/helpers/db.ts";
import { actAs, userIdByEmail } from "@/tests/helpers/session.ts";
import { settle, type Outcome } from "@/tests/helpers/actions.ts";

// The CSV import through its server action: nothing or everything, a report in the
// user's language naming every bad line, and a clear answer for malformed files.

const ids: Record<string, string> = {};
const PROGRAM = "prg_00001"; // KSBB Pangan 2026 (seed)
const HEADER = "kode_kelurahan,barang,satuan,target,jumlah_penerima,jenis_penerima,tenggat,prioritas,rw,keterangan";
let deadline = "";
let run = 0;

const needCount = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM need`))[0]!.n);
const importEvents = async () =>
  sql<{ metadata: { rows: number; fileName: string }; to_status: string; actor_user_id: string }>(
    `SELECT metadata, to_status, actor_user_id FROM audit_event WHERE entity_type = 'program' AND action = 'needs.imported' ORDER BY id`,
  );

/** Rows with item names unique to this call, so files never collide with each other. */
function rows(count: number, overrides: (index: number) => string | null = () => null) {
  run += 1;
  return Array.from(
    { length: count },
    (_, i) =>
      overrides(i) ??
      `31.71.01.100${1 + (i % 6)},Paket uji ${run}-${i},FOOD_PACKAGE,${10 + i},${10 + i},HOUSEHOLD,${deadline},MEDIUM,${i % 5 === 0 ? "" : (i % 9) + 1},${i % 2 ? "" : `Keterangan ${i}`}`,
  );
}

async function upload(
  content: string | Uint8Array<ArrayBuffer>,
  options: { name?: string; status?: string; program?: string; as?: string } = {},
): Promise<Outcome> {
  actAs(options.as ?? ids.staff!);
  const data = new FormData();
  data.append("programId", options.program ?? PROGRAM);
  data.append("status", options.status ?? "OPEN");
  data.append("file", new File([content], options.name ?? "kebutuhan.csv", { type: "text/csv" }));
  return settle(importNeedsAction(null, data));
}
const refusal = (result: Outcome) => {
  if (!result || result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
};

beforeAll(async () => {
  ids.staff = await userIdByEmail("staf@ksbb.test");
  ids.donor = await userIdByEmail("donor@ksbb.test");
  await sql(`UPDATE program SET ends_on = (now() AT TIME ZONE 'Asia/Jakarta')::date + 400 WHERE id = $1`, [PROGRAM]);
  deadline = isoDate(addDays(dateOnly(jakartaToday()), 45));
});

describe("all or nothing", () => {
  it("one bad row among many: zero needs created, and the report names that line in Indonesian", async () => {
    const before = await needCount();
    const lines = rows(40, (i) => (i === 26 ? `31.71.01.9999,Paket salah,FOOD_PACKAGE,5,5,HOUSEHOLD,${deadline},LOW,,` : null));
    const result = refusal(await upload([HEADER, ...lines].join("\n")));
    expect(result.message).toBe("1 baris bermasalah. Tidak ada yang diimpor: perbaiki baris di bawah lalu unggah lagi.");
    // Line 1 is the header, so the 27th row is line 28.
    expect(result.lines).toEqual([{ line: 28, messages: ['Kode kelurahan "31.71.01.9999" tidak dikenal.'] }]);
    expect(result.values).toMatchObject({ programId: PROGRAM, status: "OPEN" });
    expect(await needCount()).toBe(before);
    expect(await sql(`SELECT 1 FROM need WHERE item LIKE $1`, [`Paket uji ${run}-%`])).toEqual([]);
  });

  it("a valid file goes in whole, in one transaction, with one audit event naming the file and the count", async () => {
    const before = await needCount();
    const eventsBefore = (await importEvents()).length;
    const lines = rows(25);
    const result = await upload([HEADER, ...lines].join("\n"), { name: "C:\\Users\\staf\\Desktop\\kebutuhan-gambir.csv" });
    expect(result).toMatchObject({ ok: true, location: `/staf/kebutuhan?program=${PROGRAM}&berubah=imported&jumlah=25` });
    expect(await needCount()).toBe(before + 25);
    const created = await sql<{ kota_code: string; kecamatan_code: string; status: string; version: number; program_id: string }>(
      `SELECT kota_code, kecamatan_code, status::text AS status, version, program_id FROM need WHERE item LIKE $1`,
      [`Paket uji ${run}-%`],
    );
    expect(created).toHaveLength(25);
    for (const need of created)
      expect(need).toEqual({ kota_code: "31.71", kecamatan_code: "31.71.01", status: "OPEN", version: 0, program_id: PROGRAM });
    const [first] = await sql<{
      rw: number | null;
      description: string | null;
      target_quantity: number;
      deadline: string;
      kelurahan_code: string;
    }>(`SELECT rw, description, target_quantity, to_char(deadline, 'YYYY-MM-DD') AS deadline, kelurahan_code FROM need WHERE item = $1`, [
      `Paket uji ${run}-0`,
    ]);
    expect(first).toEqual({ rw: null, description: "Keterangan 0", target_quantity: 10, deadline, kelurahan_code: "31.71.01.1001" });
    const [second] = await sql<{ rw: number | null; description: string | null }>(`SELECT rw, description FROM need WHERE item = $1`, [
      `Paket uji ${run}-1`,
    ]);
    expect(second).toEqual({ rw: 2, description: null });
    const events = await importEvents();
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({
      to_status: "OPEN",
      actor_user_id: ids.staff,
      metadata: { rows: 25, fileName: "kebutuhan-gambir.csv" },
    });
  });

  it("imports as drafts when asked, which the public catalogue does not show", async () => {
    await upload([HEADER, ...rows(3)].join("\n"), { status: "DRAFT" });
    const statuses = await sql<{ status: string }>(`SELECT DISTINCT status::text AS status FROM need WHERE item LIKE $1`, [
      `Paket uji ${run}-%`,
    ]);
    expect(statuses).toEqual([{ status: "DRAFT" }]);
  });

  it("the same file twice: the second is refused line by line, so nothing doubles", async () => {
    const file = [HEADER, ...rows(4)].join("\n");
    expect(await upload(file)).toMatchObject({ ok: true });
    const before = await needCount();
    const again = refusal(await upload(file));
    expect(again.lines?.map((l) => l.line)).toEqual([2, 3, 4, 5]);
    expect(again.lines?.[0]?.messages).toEqual(["Kebutuhan yang sama (kelurahan, barang, satuan dan RW) sudah ada di program ini."]);
    expect(await needCount()).toBe(before);
  });

  it("every reason on a line is listed, in the user's language", async () => {
    const bad = `31.71.01.1001,Laptop,DEVICE,sepuluh,10,STUDENT,2020-01-01,HIGH,,`;
    const result = refusal(await upload([HEADER, bad].join("\n")));
    expect(result.lines).toEqual([
      {
        line: 2,
        messages: [
          "Satuan DEVICE bukan untuk kategori program ini; gunakan FOOD_PACKAGE.",
          'Kolom target: "sepuluh" bukan bilangan bulat positif.',
          "Jenis penerima STUDENT bukan untuk kategori program ini; gunakan HOUSEHOLD.",
          "Tenggat 2020-01-01 sudah lewat.",
        ],
      },
    ]);
  });
});

describe("malformed files get a clear answer, never an error page, and import nothing", () => {
  it.each([
    ["an empty file", "", "Berkasnya kosong."],
    ["a binary file", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "Ini bukan berkas teks CSV."],
    ["an Excel workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), /buku kerja Excel/],
    [
      "a Windows-1252 file",
      new Uint8Array([...new TextEncoder().encode(`${HEADER}\n31.71.01.1001,Caf`), 0xe9, 0x0a]),
      /tidak berkode UTF-8/,
    ],
    ["a header only", `${HEADER}\n`, "Berkas hanya berisi judul kolom, tanpa kebutuhan."],
    ["a wrong header", "kelurahan,barang\n31.71.01.1001,Beras\n", /Kolom wajib tidak ada: kode_kelurahan, satuan, target/],
    ["an unclosed quote", `${HEADER}\n31.71.01.1001,"Paket,FOOD_PACKAGE\n`, /rusak di sekitar baris/],
  ])("%s", async (_label, content, message) => {
    const before = await needCount();
    const result = refusal(await upload(content as string | Uint8Array<ArrayBuffer>));
    expect(result.code).toBe("INVALID");
    expect(result.message).toMatch(message);
    expect(await needCount()).toBe(before);
  });

  it("a file over the byte limit is refused before it is read", async () => {
    const big = new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41);
    expect(refusal(await upload(big)).message).toBe("Berkas lebih dari 4 MB. Bagi menjadi beberapa berkas.");
  });

  it(`more than ${IMPORT_MAX_ROWS.toLocaleString("en")} rows is refused`, async () => {
    const before = await needCount();
    const short = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `31.71.01.1001,P${i},FOOD_PACKAGE,1,1,HOUSEHOLD,${deadline},LOW,,`);
    expect(refusal(await upload([HEADER, ...short].join("\n"))).message).toBe(
      "Berkas berisi lebih dari 10.000 baris. Bagi menjadi beberapa berkas.",
    );
    expect(await needCount()).toBe(before);
  });

  it("BOM, semicolons and quoted fields from an Indonesian Excel export are accepted", async () => {
    run += 1;
    const text = `\uFEFF${HEADER.replaceAll(",", ";")}\r\n31.71.01.1002;"Paket ""Sehat"" ${run}; isi beras";FOOD_PACKAGE;12;12;HOUSEHOLD;${deadline};HIGH;2;"Beras 5 kg; minyak"\r\n`;
    expect(await upload(text)).toMatchObject({ ok: true });
    const [need] = await sql<{ item: string; description: string; rw: number }>(`SELECT item, description, rw FROM need WHERE item = $1`, [
      `Paket "Sehat" ${run}; isi beras`,
    ]);
    expect(need).toEqual({ item: `Paket "Sehat" ${run}; isi beras`, description: "Beras 5 kg; minyak", rw: 2 });
  });

  it("no file chosen is a field error", async () => {
    actAs(ids.staff!);
    const data = new FormData();
    data.append("programId", PROGRAM);
    data.append("status", "OPEN");
    data.append("file", new File([], "", { type: "application/octet-stream" }));
    expect(refusal(await importNeedsAction(null, data)).fieldErrors?.file).toBe("Pilih berkas CSV.");
  });
});

describe("who and where", () => {
  it("a donor cannot import, and nothing is created", async () => {
    const before = await needCount();
    expect(refusal(await upload([HEADER, ...rows(2)].join("\n"), { as: ids.donor })).code).toBe("FORBIDDEN");
    expect(await needCount()).toBe(before);
  });

  it("a planned program takes no needs", async () => {
    expect(refusal(await upload([HEADER, ...rows(1)].join("\n"), { program: "prg_00005" })).fieldErrors?.programId).toMatch(
      /tidak menerima kebutuhan/,
    );
  });
});
