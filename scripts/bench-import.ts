// npm run bench:import: how long the CSV import of 5,000 needs takes, validation and
// the one-transaction insert together, on an embedded database built like the test
// template (migrations, regions, demo data). Not a test: it prints the time and exits
// non-zero above 10 s, the budget for a staff member waiting on the upload.
import { PGlite } from "@electric-sql/pglite";
import { connectPGlite } from "@/lib/db/connect.ts";
import { addDays, dateOnly, isoDate, jakartaToday } from "@/lib/dates.ts";
import { checkImport } from "@/lib/needs/import.ts";
import { importContext, importNeeds } from "@/lib/needs/service.ts";
import { buildTemplate } from "@/tests/setup/template.ts";

const ROWS = 5_000;
const BUDGET_MS = 10_000;
const PROGRAM = "prg_00001"; // KSBB Pangan 2026 in the demo data

const handle = connectPGlite(new PGlite());
globalThis.__ksbbDb = handle;
const prisma = handle.prisma;

try {
  const setupStarted = performance.now();
  await buildTemplate(handle);
  const deadline = isoDate(addDays(dateOnly(jakartaToday()), 90));
  await prisma.program.update({ where: { id: PROGRAM }, data: { endsOn: addDays(dateOnly(jakartaToday()), 400) } });
  const kelurahan = (await prisma.region.findMany({ where: { level: "KELURAHAN" }, select: { code: true }, orderBy: { code: "asc" } })).map(
    (r) => r.code,
  );
  const caller = await prisma.user.findUniqueOrThrow({
    where: { email: "staf@ksbb.test" },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      organisationId: true,
      organisation: { select: { id: true, name: true, kind: true, verificationStatus: true } },
    },
  });
  const lines = ["kode_kelurahan;barang;satuan;target;jumlah_penerima;jenis_penerima;tenggat;prioritas;rw;keterangan"];
  for (let i = 0; i < ROWS; i += 1) {
    lines.push(
      `${kelurahan[i % kelurahan.length]};Paket sembako tolok ukur ${i};FOOD_PACKAGE;${50 + (i % 200)};${50 + (i % 200)};HOUSEHOLD;${deadline};${["LOW", "MEDIUM", "HIGH", "URGENT"][i % 4]};${(i % 12) + 1};"Beras 5 kg; minyak 1 L"`,
    );
  }
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
  const before = await prisma.need.count();
  console.log(
    `[bench] database ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; file: ${ROWS} rows, ${(bytes.length / 1024).toFixed(0)} KiB`,
  );

  const program = await prisma.program.findUniqueOrThrow({
    where: { id: PROGRAM },
    select: { id: true, category: true, status: true, endsOn: true },
  });
  const validateStarted = performance.now();
  const check = checkImport(bytes, await importContext(program));
  const validateMs = performance.now() - validateStarted;
  if (!check.ok) throw new Error(`the generated file was refused: ${JSON.stringify(check).slice(0, 500)}`);

  const started = performance.now();
  const outcome = await importNeeds(
    { ...caller, emailVerified: true, sessionId: "bench", mustEnrolSecondFactor: false },
    { programId: PROGRAM, status: "OPEN", fileName: "bench.csv", bytes },
  );
  const totalMs = performance.now() - started;
  const created = (await prisma.need.count()) - before;
  if (!outcome.ok || created !== ROWS) throw new Error(`expected ${ROWS} new needs, got ${created}`);

  console.log(`[bench] validation alone: ${validateMs.toFixed(0)} ms`);
  console.log(`[bench] validate + import of ${ROWS} needs: ${totalMs.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  if (totalMs > BUDGET_MS) {
    console.error("[bench] over budget");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`[bench] failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
