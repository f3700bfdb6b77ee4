import { GuardError, requireRole } from "@/lib/auth/guards.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { csvCell, csvLines } from "@/lib/open-data/downloads.ts";
import { confirmedInYear, issueStatement } from "@/lib/receipts/queries.ts";
import { statementYear } from "@/lib/receipts/schema.ts";

// The yearly statement as CSV, for the donor organisation's own members: the rows of
// /akun/laporan with the statement's verification code on each.
export async function GET(request: Request) {
  let caller;
  try {
    caller = await requireRole("DONOR");
  } catch (error) {
    if (error instanceof GuardError)
      return new Response(error.code === "UNAUTHENTICATED" ? "Unauthorized" : "Not found", {
        status: error.code === "UNAUTHENTICATED" ? 401 : 404,
      });
    throw error;
  }
  const year = statementYear(new URL(request.url).searchParams.get("tahun"));
  const rows = await confirmedInYear(caller, year);
  const statement = rows.length > 0 ? await issueStatement(caller, year, rows.length) : null;
  const header = ["confirmed_on", "pledge_code", "receipt_code", "item", "quantity", "unit", "kelurahan", "program", "statement_code"];
  const body = rows.map((row) =>
    [
      jakartaToday(row.confirmed_at),
      row.reference,
      row.receipt_code,
      row.item,
      row.quantity,
      row.unit,
      row.kelurahan,
      row.program_id,
      statement?.code ?? "",
    ].map(csvCell),
  );
  // The byte order mark makes Excel read the file as UTF-8.
  return new Response(`\uFEFF${csvLines([header, ...body])}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="ksbb-kontribusi-${year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
