// Start the production build on its own port and data directory, for the measuring
// scripts (budget, lighthouse). Each run gets a fresh embedded database unless
// DATABASE_URL is given.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface Served {
  base: string;
  stop: () => void;
}

export function buildIfAsked(args: string[]): void {
  if (args.includes("--no-build") && fs.existsSync(".next/BUILD_ID")) return;
  console.log("[ksbb] building the production app (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export async function serve(port: number, dataDir: string): Promise<Served> {
  if (!process.env.DATABASE_URL) fs.rmSync(dataDir, { recursive: true, force: true });
  const child: ChildProcess = spawn("npm", ["start", "--", "-p", String(port)], {
    env: { ...process.env, KSBB_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? "" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(base, { redirect: "manual" });
      if (response.status < 500) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`the server did not answer at ${base} within 180 s`);
}

/** The first link on a page matching a pattern, e.g. a need's page from the catalogue. */
export async function firstLink(base: string, path: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(base + path)).text();
  for (const match of html.matchAll(/href="([^"]+)"/g)) {
    const href = match[1]!.replaceAll("&amp;", "&");
    if (pattern.test(href)) return href;
  }
  throw new Error(`no link matching ${pattern} on ${path}`);
}
