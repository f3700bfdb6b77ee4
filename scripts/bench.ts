// npm run bench [-- --build] [-- --seconds 10] [-- --connections 20] [-- --only catalogue,pledge]
// Starts the production server on the database in DATABASE_URL (filled by
// `npm run seed:scale`), loads each target with autocannon, checks that no need was
// pledged over its target, prints a table with the budgets of issue 6, and writes
// bench-results/bench-<time>.json and bench-results/latest.json. Exit code 1 when a
// budget fails. Targets can be pointed elsewhere with BENCH_*_PATH; one that answers
// 404 (a page not built yet) is skipped with a note.
import { randomBytes } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import { connectPostgres } from "@/lib/db/connect.ts";
import { readEnv } from "@/lib/env.ts";
import { findInconsistentNeeds } from "@/lib/pledges/totals.ts";
import { BENCH_DONORS, benchDonorEmail } from "@/prisma/seed/scale.ts";
import { DEMO_PASSWORD } from "@/prisma/seed/catalogue.ts";
import { pickNeeds, pledgeAccepted, pledgeActionId, pledgeRequest, signIn } from "./lib/bench-pledge.ts";
import { budgets, percentile, printTable, writeResults, type Measured, type Skipped } from "./lib/bench-report.ts";
import { ensureBuild, startServer } from "./lib/bench-server.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const seconds = Number(option("seconds", "10"));
const connections = Number(option("connections", "20"));
const only = option("only", "").split(",").filter(Boolean);
const port = Number(process.env.BENCH_PORT ?? 3205);

const url = readEnv().DATABASE_URL;
if (!url) {
  console.error(
    "[bench] DATABASE_URL is not set: point it at the database filled by npm run seed:scale, e.g.\n" +
      "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/ksbb_scale npm run bench",
  );
  process.exit(1);
}

interface Target {
  name: string;
  path: string;
  /** Requests through autocannon's hooks (pledge submission); GET otherwise. */
  pledge?: boolean;
  /** Measured on a second server with the guest page cache off: what each render costs. */
  uncached?: boolean;
}

const sql = connectPostgres(url, 2);
const count = async (query: string) => (await sql.query<{ n: number }>(query))[0]?.n ?? 0;
const database = {
  needs: await count("SELECT count(*)::int AS n FROM need"),
  organisations: await count("SELECT count(*)::int AS n FROM organisation"),
  pledges: await count("SELECT count(*)::int AS n FROM pledge"),
};
if (database.needs < 5_000)
  console.warn(`[bench] only ${database.needs} needs in this database: run npm run seed:scale for meaningful figures`);
const [busiest] = await sql.query<{ id: string }>(
  `SELECT need_id AS id FROM pledge p JOIN need n ON n.id = p.need_id WHERE n.status <> 'DRAFT' GROUP BY need_id ORDER BY count(*) DESC, need_id LIMIT 1`,
);

const catalogue = process.env.BENCH_CATALOGUE_PATH ?? "/kebutuhan?category=PANGAN&kota=31.71&q=beras";
const targets: Target[] = [
  // The reference: a page of the same app with the same layout and no database reads.
  // No page here can be prerendered (the root layout reads the language cookie), so this
  // is the fastest a page of this app can be: the cost of Next.js, React and the layout.
  { name: "static", path: process.env.BENCH_STATIC_PATH ?? "/daftar" },
  { name: "catalogue", path: catalogue },
  { name: "need page", path: process.env.BENCH_NEED_PATH ?? `/kebutuhan/${busiest?.id ?? "none"}` },
  { name: "transparency", path: process.env.BENCH_TRANSPARENCY_PATH ?? "/transparansi" },
  { name: "api", path: process.env.BENCH_API_PATH ?? "/api/v1/needs?limit=100" },
  { name: "pledge", path: "/kebutuhan/[id] (createPledgeAction)", pledge: true },
]
  .flatMap((target): Target[] =>
    // Every page a guest opens also without the page cache (server.ts), for its render cost.
    ["catalogue", "need page", "transparency"].includes(target.name)
      ? [target, { ...target, name: `${target.name} (uncached)`, uncached: true }]
      : [target],
  )
  .filter((target) => only.length === 0 || only.includes(target.name.split(" ")[0]!));

ensureBuild(args.includes("--build"));
const results: (Measured | Skipped)[] = [];
let overPledged = 0;
let inconsistent = 0;
// A scratch database: a throwaway session secret unless one is given (the server refuses to start without).
const env = {
  ...process.env,
  DATABASE_URL: url,
  KSBB_SEED: "none",
  AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64"),
};
let server = await startServer(port, env, "bench-results/server.log");
try {
  for (const target of targets.filter((target) => !target.uncached)) await measure(target);
  if (targets.some((target) => target.pledge)) {
    overPledged = await count("SELECT count(*)::int AS n FROM need WHERE pledged_quantity > target_quantity");
    inconsistent = (await findInconsistentNeeds(sql)).length;
  }
} finally {
  await server.stop();
}
if (targets.some((target) => target.uncached)) {
  server = await startServer(port, { ...env, PAGE_CACHE_SECONDS: "0" }, "bench-results/server-uncached.log");
  try {
    for (const target of targets.filter((target) => target.uncached)) await measure(target);
  } finally {
    await server.stop();
  }
}

async function measure(target: Target) {
  if (target.pledge) {
    results.push(await benchPledges(target));
    return;
  }
  const probe = await fetch(`${server.origin}${target.path}`);
  await probe.arrayBuffer();
  if (probe.status === 404) {
    console.log(`[bench] ${target.name}: ${target.path} answers 404 (not built yet?), skipped`);
    results.push({ name: target.name, path: target.path, skipped: `${target.path} answers 404` });
    return;
  }
  console.log(`[bench] ${target.name}: ${target.path} (HTTP ${probe.status})`);
  await load(target, { path: target.path }, 3);
  results.push(await load(target, { path: target.path }, seconds));
}

const measured = results.filter((result): result is Measured => !("skipped" in result));
const list = budgets(measured, overPledged, inconsistent);
console.log("");
printTable(results, list);
const file = writeResults("bench-results", {
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
  settings: { connections, seconds, port },
  database,
  results,
  checks: { overPledged, inconsistent },
  budgets: list,
});
console.log(`\n[bench] wrote ${file} and bench-results/latest.json (server output: bench-results/server.log)`);
await sql.close();
process.exit(list.every((budget) => budget.pass) ? 0 : 1);

async function load(target: Target, request: autocannon.Request, duration: number): Promise<Measured> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const cpuBefore = server.cpuMs();
  await new Promise<void>((resolve, reject) => {
    // Uncached renders of the heaviest pages can take seconds at 20 connections: wait for them.
    const timeout = target.uncached ? 60 : 10;
    const instance = autocannon({ url: server.origin, connections, duration, timeout, requests: [request] }, (error) =>
      error ? reject(error) : resolve(),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status < 200 || status >= 300) non2xx += 1;
    });
    instance.on("reqError", () => void (errors += 1));
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = server.cpuMs();
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    path: target.path,
    connections,
    seconds: Number(elapsed.toFixed(2)),
    requests: latencies.length,
    requestsPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    non2xx,
    errors,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || latencies.length === 0
        ? null
        : Number(((cpuAfter - cpuBefore) / latencies.length).toFixed(1)),
  };
}

async function benchPledges(target: Target): Promise<Measured | Skipped> {
  const actionId = pledgeActionId();
  const needs = await pickNeeds(sql);
  console.log(`[bench] pledge: signing in ${connections} donors`);
  const cookies: string[] = [];
  for (let n = 1; n <= Math.min(connections, BENCH_DONORS); n++)
    cookies.push(await signIn(server.origin, benchDonorEmail(n), DEMO_PASSWORD));
  // One submission by hand first, so a wrong action id or encoding stops here with a clear message.
  const trial = pledgeRequest(server.origin, actionId, cookies[0]!, { roomy: needs.roomy, nearlyFull: needs.roomy });
  const response = await fetch(`${server.origin}${trial.path}`, { method: "POST", headers: trial.headers, body: trial.body });
  const text = await response.text();
  if (!pledgeAccepted(text)) {
    return {
      name: target.name,
      path: target.path,
      skipped: `a trial pledge was not created (HTTP ${response.status}): ${text.slice(0, 200)}`,
    };
  }
  let accepted = 0;
  let refused = 0;
  let failed = 0;
  let nextCookie = 0;
  const request: autocannon.Request = {
    method: "POST",
    setupRequest: (req, context: { cookie?: string }) => {
      context.cookie ??= cookies[nextCookie++ % cookies.length];
      const built = pledgeRequest(server.origin, actionId, context.cookie!, needs);
      return { ...req, method: "POST", path: built.path, headers: built.headers, body: built.body };
    },
    onResponse: (status, body) => {
      if (status !== 200) return;
      if (pledgeAccepted(body)) accepted += 1;
      // The need filled up meanwhile: the form's CONFLICT state. Anything else (signed out, invalid) is a failure.
      else if (body.includes('"code":"CONFLICT"')) refused += 1;
      else failed += 1;
    },
  };
  await load(target, request, 2);
  accepted = 0;
  refused = 0;
  failed = 0;
  const before = await count("SELECT count(*)::int AS n FROM pledge");
  const result = await load(target, request, seconds);
  // Requests still in flight when the run stops may be stored after it: at most one per connection.
  const stored = (await count("SELECT count(*)::int AS n FROM pledge")) - before;
  if (stored < accepted || stored > accepted + connections)
    console.warn(`[bench] pledge: the server confirmed ${accepted} pledges but ${stored} were stored`);
  return { ...result, errors: result.errors + failed, accepted, refused, acceptedPerSec: accepted / result.seconds, stored };
}
