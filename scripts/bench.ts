// npm run bench [-- --build] [-- --seconds 10] [-- --connections 20] [-- --only catalogue,need]
// Starts the production server (2 workers on a 2-core machine) on the database in
// DATABASE_URL (filled by `npm run seed:scale`) and loads each case with autocannon, as
// users make requests: varied filters, search words, pages and need ids, as guests and
// through real signed-in sessions (donors, city staff, an aggregator), next to a static
// file of the same server in the same run. Signed-in pledging checks for over-pledging at
// the end. Prints req/s, p95, share of the static file and KB per answer against the
// budgets of issue 14, and writes bench-results/bench-<time>.json and latest.json.
// Exit code 1 when a budget fails.
import { randomBytes } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import { connectPostgres } from "@/lib/db/connect.ts";
import { readEnv } from "@/lib/env.ts";
import { findInconsistentNeeds } from "@/lib/pledges/totals.ts";
import { BENCH_DONORS, benchDonorEmail } from "@/prisma/seed/scale.ts";
import { DEMO_PASSWORD } from "@/prisma/seed/catalogue.ts";
import { DEMO_TOTP_SECRET } from "@/lib/auth/demo.ts";
import { totpCode } from "@/lib/auth/totp.ts";
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
  /** What the table shows as the address. */
  path: string;
  /** A new address for every request, as users make them: filters, search words, pages, ids. */
  next?: () => string;
  /** Signed in as this role (the guest page cache never answers a session). */
  role?: Role;
  /** Requests through autocannon's hooks (pledge submission); GET otherwise. */
  pledge?: boolean;
}

type Role = "donor" | "staff" | "aggregator";

const sql = connectPostgres(url, 2);
const count = async (query: string) => (await sql.query<{ n: number }>(query))[0]?.n ?? 0;
const database = {
  needs: await count("SELECT count(*)::int AS n FROM need"),
  organisations: await count("SELECT count(*)::int AS n FROM organisation"),
  pledges: await count("SELECT count(*)::int AS n FROM pledge"),
};
if (database.needs < 5_000)
  console.warn(`[bench] only ${database.needs} needs in this database: run npm run seed:scale for meaningful figures`);

// What the varied addresses are made of: the real regions, 2,000 public needs (a fixed
// pseudo-random sample, the same in every run) and words that occur in need names.
const codes = async (level: string) =>
  (await sql.query<{ code: string }>(`SELECT code FROM region WHERE level = '${level}' ORDER BY code`)).map((row) => row.code);
const kota = await codes("KOTA");
const kecamatan = await codes("KECAMATAN");
const kelurahan = await codes("KELURAHAN");
const needIds = (
  await sql.query<{ id: string }>(
    `SELECT n.id FROM need n JOIN program p ON p.id = n.program_id
      WHERE n.status IN ('OPEN', 'FULFILLED', 'CLOSED') AND p.status <> 'DRAFT' ORDER BY md5(n.id) LIMIT 2000`,
  )
).map((row) => row.id);
const words = ["beras", "paket", "laptop", "modal", "atap", "sembako", "minyak", "gizi", "sekolah", "air"];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const chance = (p: number) => Math.random() < p;

function catalogueAddress(): string {
  const query = new URLSearchParams();
  if (chance(0.5)) query.set("q", pick(words));
  if (chance(0.5)) query.set("category", pick(["PANGAN", "UMKM", "PENDIDIKAN", "PERMUKIMAN"]));
  const where = Math.random();
  if (where < 0.35) query.set("kota", pick(kota));
  else if (where < 0.6) query.set("kecamatan", pick(kecamatan));
  if (chance(0.15)) query.set("status", pick(["OPEN", "FULFILLED"]));
  if (chance(0.2)) query.set("sort", pick(["deadline", "newest"]));
  query.set("page", String(1 + Math.floor(Math.random() * (query.size > 1 ? 3 : 20))));
  return `/kebutuhan?${query}`;
}

const needAddress = () => `/kebutuhan/${pick(needIds)}`;
const reviewAddress = () =>
  `/staf/janji?status=${pick(["SUBMITTED", "APPROVED", "SCHEDULED", "DELIVERED", "CONFIRMED"])}` +
  (chance(0.4) ? `&kota=${pick(kota)}` : "") +
  `&page=${1 + Math.floor(Math.random() * 3)}`;
const queueAddress = () =>
  `/agregator/penyaluran?tab=${pick(["schedule", "today", "in-delivery", "waiting", "done"])}&page=${1 + Math.floor(Math.random() * 3)}`;

const targets = (
  [
    // The ceiling: a static file of the same server (public/, through the same proxy and handler).
    { name: "static file", path: process.env.BENCH_STATIC_PATH ?? "/robots.txt" },
    { name: "catalogue, one address (cache)", path: "/kebutuhan?category=PANGAN&kota=31.71&q=beras" },
    { name: "catalogue, varied", path: "/kebutuhan?<filters, search, page>", next: catalogueAddress },
    { name: "catalogue, varied, donor", path: "/kebutuhan?<filters, search, page>", next: catalogueAddress, role: "donor" },
    { name: "need page, varied", path: `/kebutuhan/<${needIds.length} needs>`, next: needAddress },
    { name: "need page, varied, donor", path: `/kebutuhan/<${needIds.length} needs>`, next: needAddress, role: "donor" },
    {
      name: "transparency, kelurahan",
      path: `/transparansi/kelurahan/<${kelurahan.length} kelurahan>`,
      next: () => `/transparansi/kelurahan/${pick(kelurahan)}`,
    },
    { name: "transparency overview", path: "/transparansi" },
    { name: "staff review list", path: "/staf/janji?status=<status>&kota=<kota>&page=<n>", next: reviewAddress, role: "staff" },
    { name: "aggregator queue", path: "/agregator/penyaluran?tab=<tab>&page=<n>", next: queueAddress, role: "aggregator" },
    {
      name: "api, needs by kelurahan",
      path: "/api/v1/needs?kelurahan=<code>&limit=100",
      next: () => `/api/v1/needs?kelurahan=${pick(kelurahan)}&limit=100`,
    },
    { name: "pledge", path: "/kebutuhan/[id] (createPledgeAction)", pledge: true, role: "donor" },
  ] satisfies Target[] as Target[]
).filter((target) => only.length === 0 || only.some((word) => target.name.startsWith(word)));

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
const server = await startServer(port, env, "bench-results/server.log");
const sessions = new Map<Role, string[]>();
try {
  await signInRoles();
  for (const target of targets) await measure(target);
  if (targets.some((target) => target.pledge)) {
    overPledged = await count("SELECT count(*)::int AS n FROM need WHERE pledged_quantity > target_quantity");
    inconsistent = (await findInconsistentNeeds(sql)).length;
  }
} finally {
  await server.stop();
}

/** Sessions through the real sign-in: one per bench donor (up to one per connection), the demo staff and aggregator. */
async function signInRoles() {
  const roles = new Set(targets.flatMap((target) => (target.role ? [target.role] : [])));
  if (roles.has("donor")) {
    const cookies: string[] = [];
    for (let n = 1; n <= Math.min(connections, BENCH_DONORS); n++)
      cookies.push(await signIn(server.origin, benchDonorEmail(n), DEMO_PASSWORD));
    sessions.set("donor", cookies);
  }
  if (roles.has("staff")) sessions.set("staff", [await signIn(server.origin, "staf@ksbb.test", DEMO_PASSWORD, totpCode(DEMO_TOTP_SECRET))]);
  if (roles.has("aggregator")) sessions.set("aggregator", [await signIn(server.origin, "agregator@ksbb.test", DEMO_PASSWORD)]);
}

async function measure(target: Target) {
  if (target.pledge) {
    results.push(await benchPledges(target));
    return;
  }
  const cookies = target.role ? sessions.get(target.role)! : [];
  const headers = (n: number): Record<string, string> => (cookies.length ? { cookie: cookies[n % cookies.length]! } : {});
  // What one answer weighs: the HTML with its inline RSC payload (or the JSON), uncompressed,
  // averaged over addresses of the kind the run requests.
  const samples = target.next ? Array.from({ length: 20 }, target.next) : [target.path];
  let bytes = 0;
  for (const [n, address] of samples.entries()) {
    const probe = await fetch(`${server.origin}${address}`, { headers: { ...headers(n), "accept-encoding": "identity" } });
    const body = await probe.arrayBuffer();
    if (probe.status === 404 && !target.next) {
      console.log(`[bench] ${target.name}: ${address} answers 404 (not built yet?), skipped`);
      results.push({ name: target.name, path: target.path, skipped: `${address} answers 404` });
      return;
    }
    if (probe.status !== 200 && probe.status !== 404)
      throw new Error(`${target.name}: ${address} answered HTTP ${probe.status}${target.role ? ` signed in as ${target.role}` : ""}`);
    if (target.role && new URL(probe.url).pathname.startsWith("/masuk"))
      throw new Error(`${target.name}: the ${target.role} session was refused`);
    bytes += body.byteLength;
  }
  console.log(`[bench] ${target.name}: ${target.path}`);
  let connection = 0;
  const request: autocannon.Request = {
    path: target.path,
    setupRequest: (req, context: { headers?: Record<string, string> }) => {
      context.headers ??= headers(connection++);
      return { ...req, path: target.next ? target.next() : target.path, headers: { ...req.headers, ...context.headers } };
    },
  };
  await load(target, request, 3);
  results.push({ ...(await load(target, request, seconds)), kbPerAnswer: Number((bytes / samples.length / 1024).toFixed(1)) });
}

const measured = results.filter((result): result is Measured => !("skipped" in result));
const list = budgets(measured, overPledged, inconsistent);
console.log("");
printTable(results, list);
const file = writeResults("bench-results", {
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
  settings: { connections, seconds, port, workers: Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()) },
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
    const instance = autocannon({ url: server.origin, connections, duration, timeout: 30, requests: [request] }, (error) =>
      error ? reject(error) : resolve(),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      // A varied need address may name a need that closed meanwhile: a 404 is an answer too.
      if (status < 200 || (status >= 300 && !(target.next && status === 404))) non2xx += 1;
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
  const cookies = sessions.get("donor")!;
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
