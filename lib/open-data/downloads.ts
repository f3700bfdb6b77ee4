import "server-only";
import { stringify } from "csv-stringify/sync";
import { flagParam, parseQuery } from "@/lib/api/params.ts";
import { CORS_HEADERS } from "@/lib/api/respond.ts";
import { jakartaToday } from "@/lib/dates.ts";
import { DATASETS, downloadFileName, OPEN_DATA_LICENCE, REGION_ATTRIBUTION, type DatasetName } from "./datasets.ts";
import { publicCollaborationBatches } from "@/lib/collaborations/queries.ts";
import { deliveryRecords, publicNeedBatches } from "./queries.ts";

// The open-data downloads as streamed responses: the needs are read from the database
// in id-ordered batches and written out batch by batch, so memory stays flat however
// many needs the city lists.

/** Downloads may be cached for five minutes by browsers and shared caches. */
export const DOWNLOAD_CACHE = "public, max-age=300, s-maxage=300, stale-while-revalidate=600";

export type Cell = string | number | null;
type Row = Record<string, Cell>;

async function* batchesOf(dataset: DatasetName): AsyncGenerator<Row[]> {
  if (dataset === "kebutuhan") yield* publicNeedBatches();
  else if (dataset === "kolaborasi") yield* publicCollaborationBatches();
  else yield await deliveryRecords();
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe in CSV (OWASP's CSV-injection advice); JSON keeps the raw value.
 */
export function csvCell(value: Cell): string | number {
  if (value === null) return "";
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const csvLines = (rows: (string | number)[][]) => stringify(rows, { record_delimiter: "windows" });

function streamOf(
  first: IteratorResult<Row[]>,
  rest: AsyncGenerator<Row[]>,
  head: string,
  line: (rows: Row[], index: number) => string,
  tail: string,
) {
  const encoder = new TextEncoder();
  let pending: IteratorResult<Row[]> | null = first;
  let batches = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const next = pending ?? (await rest.next());
      pending = null;
      if (next.done) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(line(next.value, batches++)));
    },
    async cancel() {
      await rest.return(undefined);
    },
  });
}

/** The handler of one download, e.g. /data/kebutuhan.csv?hxl=1. Access: public (no session is read). */
export function downloadHandler(dataset: DatasetName, format: "csv" | "json") {
  return async (_request: Request, url: URL): Promise<Response> => {
    let hxl = false;
    if (format === "csv") hxl = parseQuery(url, { hxl: flagParam() }).hxl ?? false;
    else parseQuery(url, {});
    const columns = DATASETS[dataset].columns;
    const rows = batchesOf(dataset);
    // The first batch is read before answering, so a database failure is a clean 500 rather than a cut-off 200.
    const first = await rows.next();
    const fileName = downloadFileName(dataset, format, jakartaToday(), hxl);
    const body =
      format === "csv"
        ? streamOf(
            first,
            rows,
            csvLines([columns.map((c) => c.name), ...(hxl ? [columns.map((c) => c.hxl ?? "")] : [])]),
            (batch) => csvLines(batch.map((row) => columns.map((c) => csvCell(row[c.name] ?? null)))),
            "",
          )
        : streamOf(
            first,
            rows,
            `{"dataset":${JSON.stringify(dataset)},"generated_at":${JSON.stringify(new Date().toISOString())},` +
              `"licence":${JSON.stringify(OPEN_DATA_LICENCE)},"attribution":${JSON.stringify(REGION_ATTRIBUTION)},` +
              `"columns":${JSON.stringify(columns)},"data":[`,
            (batch, index) => (index > 0 ? ",\n" : "\n") + batch.map((row) => JSON.stringify(row)).join(",\n"),
            "\n]}\n",
          );
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": DOWNLOAD_CACHE,
        ...CORS_HEADERS,
      },
    });
  };
}
