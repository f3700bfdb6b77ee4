import fs from "node:fs";
import path from "node:path";

// Figures per target, the budgets of issue 6, and the table and JSON the bench writes.

export interface Measured {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** The Next.js server's CPU time per response (not the database's): steady on a busy machine. */
  serverCpuMsPerRequest: number | null;
  /** Pledge submission only: pledges created and refused (need full), as the server answered. */
  accepted?: number;
  refused?: number;
  acceptedPerSec?: number;
  /** Pledge rows added to the database, including requests that finished after the run stopped. */
  stored?: number;
}

export interface Skipped {
  name: string;
  path: string;
  skipped: string;
}

export interface Budget {
  name: string;
  limit: string;
  actual: string;
  pass: boolean;
}

/** Exact percentile (nearest rank) of latencies in ms. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function budgets(results: Measured[], overPledged: number, inconsistent: number): Budget[] {
  const byName = new Map(results.map((result) => [result.name, result]));
  const catalogue = byName.get("catalogue");
  const reference = byName.get("static");
  const pledge = byName.get("pledge");
  const list: Budget[] = [];
  if (catalogue)
    list.push({
      name: `catalogue p95 at ${catalogue.connections} connections`,
      limit: "≤ 150 ms",
      actual: `${catalogue.p95.toFixed(1)} ms`,
      pass: catalogue.requests > 0 && catalogue.connections >= 20 && catalogue.p95 <= 150,
    });
  if (catalogue && reference) {
    const share = catalogue.requestsPerSec / reference.requestsPerSec;
    list.push({ name: "catalogue throughput vs static page", limit: "≥ 25%", actual: `${(share * 100).toFixed(0)}%`, pass: share >= 0.25 });
  }
  if (pledge) {
    list.push({
      name: "pledges created per second",
      limit: "≥ 100/s",
      actual: `${(pledge.acceptedPerSec ?? 0).toFixed(0)}/s`,
      pass: (pledge.acceptedPerSec ?? 0) >= 100,
    });
    list.push({ name: "needs pledged over target after the bench", limit: "0", actual: String(overPledged), pass: overPledged === 0 });
    list.push({ name: "needs whose totals differ from their pledges", limit: "0", actual: String(inconsistent), pass: inconsistent === 0 });
  }
  // The uncached runs say what one render costs; the portal is deployed with the cache.
  for (const result of results.filter((result) => !result.name.endsWith("(uncached)"))) {
    if (result.requests === 0)
      list.push({ name: `${result.name}: responses`, limit: "> 0", actual: "0 (none within the run)", pass: false });
    if (result.errors + result.non2xx > 0)
      list.push({ name: `${result.name}: failed requests`, limit: "0", actual: String(result.errors + result.non2xx), pass: false });
  }
  return list;
}

const pad = (value: string, width: number, right = false) => (right ? value.padStart(width) : value.padEnd(width));

export function printTable(results: (Measured | Skipped)[], list: Budget[]) {
  const header = ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "errors", "cpu ms/req", "note"];
  const widths = [23, 8, 8, 8, 8, 8, 7, 10, 0];
  const line = (cells: string[]) => console.log(cells.map((cell, i) => pad(cell, widths[i]!, i > 0 && i < 8)).join("  "));
  line(header);
  for (const result of results) {
    if ("skipped" in result) {
      line([result.name, "-", "-", "-", "-", "-", "-", "-", `skipped: ${result.skipped}`]);
      continue;
    }
    const note =
      result.accepted !== undefined
        ? `${result.accepted} created (${result.acceptedPerSec!.toFixed(0)}/s), ${result.refused} refused as full`
        : result.path;
    line([
      result.name,
      result.requestsPerSec.toFixed(0),
      result.p50.toFixed(1),
      result.p95.toFixed(1),
      result.p99.toFixed(1),
      String(result.non2xx),
      String(result.errors),
      result.serverCpuMsPerRequest?.toFixed(1) ?? "-",
      note,
    ]);
  }
  console.log("");
  for (const budget of list) console.log(`${budget.pass ? "PASS" : "FAIL"}  ${budget.name}: ${budget.actual} (budget ${budget.limit})`);
}

export function writeResults(dir: string, report: object): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `bench-${new Date()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z")
      .replaceAll(":", "-")}.json`,
  );
  const text = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, "latest.json"), text);
  return file;
}
