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
  /** HTML with its inline RSC payload (or JSON) per answer, uncompressed, averaged over sampled addresses. */
  kbPerAnswer?: number;
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

// Issue 14's budgets, per case: the share of the static file's req/s in the same run, p95
// at 20 connections, and KB per answer (HTML plus inline payload).
const CASE_BUDGETS: Record<string, { share?: number; p95?: number; kb?: number }> = {
  "catalogue, varied": { share: 0.1, p95: 150, kb: 50 },
  "catalogue, varied, donor": { share: 0.1, p95: 150, kb: 50 },
  "need page, varied": { share: 0.12, p95: 120, kb: 35 },
  "need page, varied, donor": { share: 0.12, p95: 120, kb: 35 },
  "transparency, kelurahan": { share: 0.08, p95: 200 },
  "transparency overview": { kb: 150 },
  "staff review list": { p95: 200 },
  "aggregator queue": { p95: 200 },
};
const PLEDGES_PER_SECOND = 150;

export function budgets(results: Measured[], overPledged: number, inconsistent: number): Budget[] {
  const byName = new Map(results.map((result) => [result.name, result]));
  const ceiling = byName.get("static file");
  const pledge = byName.get("pledge");
  const list: Budget[] = [];
  for (const [name, budget] of Object.entries(CASE_BUDGETS)) {
    const result = byName.get(name);
    if (!result) continue;
    if (budget.share !== undefined) {
      const share = ceiling && ceiling.requestsPerSec > 0 ? result.requestsPerSec / ceiling.requestsPerSec : 0;
      list.push({
        name: `${name}: share of the static file's req/s`,
        limit: `≥ ${budget.share * 100}%`,
        actual: ceiling
          ? `${(share * 100).toFixed(1)}% (${result.requestsPerSec.toFixed(0)} of ${ceiling.requestsPerSec.toFixed(0)})`
          : "no static file measured",
        pass: share >= budget.share,
      });
    }
    if (budget.p95 !== undefined)
      list.push({
        name: `${name}: p95 at ${result.connections} connections`,
        limit: `≤ ${budget.p95} ms`,
        actual: `${result.p95.toFixed(0)} ms`,
        pass: result.requests > 0 && result.connections >= 20 && result.p95 <= budget.p95,
      });
    if (budget.kb !== undefined)
      list.push({
        name: `${name}: KB per answer`,
        limit: `≤ ${budget.kb} KB`,
        actual: `${result.kbPerAnswer?.toFixed(1) ?? "?"} KB`,
        pass: result.kbPerAnswer !== undefined && result.kbPerAnswer <= budget.kb,
      });
  }
  if (pledge) {
    list.push({
      name: "pledges created per second",
      limit: `≥ ${PLEDGES_PER_SECOND}/s`,
      actual: `${(pledge.acceptedPerSec ?? 0).toFixed(0)}/s`,
      pass: (pledge.acceptedPerSec ?? 0) >= PLEDGES_PER_SECOND,
    });
    list.push({ name: "needs pledged over target after the bench", limit: "0", actual: String(overPledged), pass: overPledged === 0 });
    list.push({ name: "needs whose totals differ from their pledges", limit: "0", actual: String(inconsistent), pass: inconsistent === 0 });
  }
  for (const result of results) {
    if (result.requests === 0)
      list.push({ name: `${result.name}: responses`, limit: "> 0", actual: "0 (none within the run)", pass: false });
    if (result.errors + result.non2xx > 0)
      list.push({ name: `${result.name}: failed requests`, limit: "0", actual: String(result.errors + result.non2xx), pass: false });
  }
  return list;
}

const pad = (value: string, width: number, right = false) => (right ? value.padStart(width) : value.padEnd(width));

export function printTable(results: (Measured | Skipped)[], list: Budget[]) {
  const header = ["case", "req/s", "% static", "p50 ms", "p95 ms", "KB/answer", "failed", "cpu ms/req", "address"];
  const widths = [31, 7, 8, 7, 7, 9, 6, 10, 0];
  const line = (cells: string[]) => console.log(cells.map((cell, i) => pad(cell, widths[i]!, i > 0 && i < 8)).join("  "));
  const ceiling = results.find((result): result is Measured => result.name === "static file" && !("skipped" in result));
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
      ceiling ? `${((100 * result.requestsPerSec) / ceiling.requestsPerSec).toFixed(1)}%` : "-",
      result.p50.toFixed(0),
      result.p95.toFixed(0),
      result.kbPerAnswer?.toFixed(1) ?? "-",
      String(result.non2xx + result.errors),
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
