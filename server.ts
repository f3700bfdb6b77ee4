// The production server (`npm start`): Next.js's request handler behind the guest page
// cache (lib/http/page-cache.ts), in WEB_CONCURRENCY worker processes. `npm run build`
// compiles this file to dist/server.mjs (scripts/build-server.mjs), which npm start runs.
//
//   npm start [-- -p 3000] [-- -H 0.0.0.0]
//   PORT, HOSTNAME           where to listen (default 3000 on every interface)
//   WEB_CONCURRENCY          worker processes sharing the port (default 1). Use one per
//                            core with DATABASE_URL; the embedded database belongs to one
//                            process, so without DATABASE_URL it is always 1.
//   PAGE_CACHE_SECONDS       how long guests may see a public page before it is rendered
//                            again (default 5; 0 turns the cache off)
//   TRUSTED_PROXY_HOPS       reverse proxies in front that append to X-Forwarded-For
//                            (default 0); decides the address the sign-in limits count
//
//   KSBB_JOBS_*, KSBB_BACKUP_DIR  the background jobs every process runs (lib/jobs/runtime.ts)
//
// See docs/decisions/0013-page-cache-and-workers.md and 0018-background-jobs-pg-boss.md.
import cluster from "node:cluster";
import http from "node:http";
import { register } from "node:module";
import next from "next";
import { readServerEnv } from "@/lib/env.ts";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/http/client-ip.ts";
import { guestCacheSeconds } from "@/lib/http/guest-pages.ts";
import { createPageCache } from "@/lib/http/page-cache.ts";
import { installJobs } from "@/lib/jobs/registry.ts";

// The job handlers are the app's own lib/ modules, which start with import "server-only":
// that package throws unless resolved under the react-server condition (as the npm
// scripts do with tsx --conditions=react-server). This process is the server, so here it
// resolves to an empty module. Next.js's own bundles handle the import themselves.
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
         return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
       }`,
    ),
);

Object.assign(process.env, {
  NODE_ENV: process.env.NODE_ENV ?? "production",
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
});

// npm start checks this in db:prepare already; server.ts started on its own must refuse too.
try {
  readServerEnv();
} catch (error) {
  console.error(`[ksbb] start-up stopped: configuration error: ${(error as Error).message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const flag = (...names: string[]) => {
  const index = args.findIndex((arg) => names.includes(arg));
  return index >= 0 ? args[index + 1] : undefined;
};
const port = Number(flag("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = flag("-H", "--hostname") ?? process.env.HOSTNAME ?? undefined;
const requested = Number(process.env.WEB_CONCURRENCY ?? 1);
const workers = process.env.DATABASE_URL ? Math.max(1, Math.floor(requested) || 1) : 1;
// The same reading proxy.ts uses to mark guest pages, so the cache and the mark always agree.
const cacheSeconds = guestCacheSeconds();
// Reverse proxies in front of the portal that append to X-Forwarded-For (default 0: the
// socket's peer is the client). The per-address limits count what this says.
const trustedHops = Math.max(0, Math.floor(Number(process.env.TRUSTED_PROXY_HOPS ?? 0)) || 0);

if (workers > 1 && cluster.isPrimary) {
  console.log(`[ksbb] starting ${workers} workers on port ${port}`);
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that stops is replaced, after a pause that doubles with each quick failure
  // (1 s, 2 s, 4 s … up to 60 s), so a worker that cannot start (database down, bad
  // configuration) does not spin; a worker that ran for a minute resets the pause.
  let pause = 0;
  const started = new Map<number, number>();
  cluster.on("fork", (worker) => started.set(worker.id, Date.now()));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const ranFor = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    pause = ranFor > 60_000 ? 0 : Math.min(60_000, Math.max(1_000, pause * 2));
    console.error(
      `[ksbb] worker ${worker.process.pid} stopped (${signal ?? code}) after ${Math.round(ranFor / 1000)} s; starting another${pause ? ` in ${pause / 1000} s` : ""}`,
    );
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, pause);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    // Workers finish their requests and running jobs first (server.ts below, up to 15 s).
    setTimeout(() => process.exit(0), 16_000).unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  if (requested > 1 && workers === 1)
    console.warn("[ksbb] WEB_CONCURRENCY ignored: the embedded database serves one process; set DATABASE_URL to run several");
  const profile = process.env.KSBB_CPU_PROFILE ? await startProfile() : null;
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  // Imported only now, after the hook above is in place. A database that cannot be
  // reached stops this process here, as it would on the first request.
  const { startJobs } = await import("@/lib/jobs/runtime.ts");
  const jobs = await startJobs();
  installJobs(jobs);
  const handle = app.getRequestHandler();
  const cache = createPageCache({ ttlMs: cacheSeconds * 1000 });
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops) ?? "";
    cache
      .handle(req, res, (request, response) => handle(request, response))
      .catch((error: unknown) => {
        console.error("[ksbb] request failed", error);
        if (!response(res)) return;
        res.statusCode = 500;
        res.end();
      });
  });
  server.listen(port, hostname, () => {
    console.log(
      `[ksbb] ${cluster.isPrimary ? "" : `worker ${process.pid} `}ready on http://${hostname ?? "localhost"}:${port} (page cache ${cacheSeconds > 0 ? `${cacheSeconds} s` : "off"})`,
    );
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (profile) await profile(process.env.KSBB_CPU_PROFILE!);
    setTimeout(() => process.exit(0), 15_000).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A running job may finish (pg-boss waits up to 10 s); one cut short is retried later.
    try {
      await jobs.stop();
    } catch (error) {
      console.error("[jobs] did not stop cleanly; unfinished jobs run again after their lease or expiry", error);
    }
    installJobs(undefined);
    await closed;
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** KSBB_CPU_PROFILE=dir: a V8 CPU profile of each worker, written to dir when it stops (for `npm run bench`). */
async function startProfile() {
  const { Session } = await import("node:inspector/promises");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async (dir: string) => {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/worker-${process.pid}.cpuprofile`, JSON.stringify(profile));
  };
}

/** True while the response can still be started. */
function response(res: http.ServerResponse) {
  return !res.headersSent && !res.writableEnded;
}
