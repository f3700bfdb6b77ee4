import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The production server under test: server.ts, as `npm start` runs it, on the bench database, started and
// stopped by the bench itself so the figures never come from a dev server.

export function ensureBuild(force: boolean) {
  if (!force && fs.existsSync(".next/BUILD_ID") && fs.existsSync("dist/server.mjs")) return;
  console.log("[bench] building (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export interface Server {
  origin: string;
  /** CPU time (user + system, ms) used so far by the server's processes; null where /proc is missing. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

// On a shared machine wall-clock figures move with other load; the server's own CPU time
// per request does not, and says what one core can serve.
function processGroupCpuMs(group: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name: state ppid pgrp … utime (12th) stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Starts the production server; its output goes to logFile, for the errors behind a failed request. */
export async function startServer(port: number, env: NodeJS.ProcessEnv, logFile: string): Promise<Server> {
  const origin = `http://127.0.0.1:${port}`;
  const taken = await fetch(origin).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`something already answers on ${origin}: stop it or set BENCH_PORT`);
  const prepared = spawnSync(process.execPath, ["dist/prepare.mjs", "--no-seed"], { env, encoding: "utf8" });
  if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr || prepared.stdout}`);
  // As `npm start` runs it (server.ts compiled to dist/server.mjs): one worker per core unless WEB_CONCURRENCY says otherwise.
  const child: ChildProcess = spawn(process.execPath, ["dist/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { WEB_CONCURRENCY: String(os.availableParallelism()), ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/daftar`);
      if (response.status < 500) return { origin, stop, cpuMs: () => processGroupCpuMs(child.pid!) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the server did not answer on ${origin} within 60 s:\n${output}`);
}
