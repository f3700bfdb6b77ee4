import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

const SECRET = "a-test-secret-of-at-least-32-characters";
const NO_SERVER = "postgresql://nobody@127.0.0.1:1/x";

/** Runs the start-up step the way `npm start` does, with the given environment. */
function prepare(env: Record<string, string>) {
  return start(process.execPath, ["--import", "tsx", "prisma/prepare.ts", "--no-seed"], env);
}

async function start(command: string, args: string[], env: Record<string, string>, cwd = process.cwd()) {
  const inherited = { ...process.env };
  delete inherited.AUTH_SECRET;
  delete inherited.KSBB_SEED;
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...inherited, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("start-up with a bad DATABASE_URL", () => {
  it("stops with one line naming an unreachable server, and no stack trace", async () => {
    const result = await prepare({ DATABASE_URL: "postgresql://ksbb:secret@127.0.0.1:1/ksbb", AUTH_SECRET: SECRET });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "[ksbb] start-up stopped: cannot reach PostgreSQL at 127.0.0.1:1/ksbb: connection refused (is the server running?)",
    ]);
    expect(result.stderr).not.toContain("secret");
  });

  it("stops with one line naming the variable when the URL is not a PostgreSQL URL", async () => {
    const result = await prepare({ DATABASE_URL: "mysql://root@localhost/ksbb", AUTH_SECRET: SECRET });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[ksbb\] start-up stopped: configuration error: DATABASE_URL must be a postgres:\/\//);
  });
});

// A real server's instances must share one session secret; none may invent its own.
// The refusal comes before any connection, so no database is needed to see it.
describe("start-up on a PostgreSQL server without AUTH_SECRET", () => {
  const refusal = /^\[ksbb\] start-up stopped: configuration error: AUTH_SECRET is required with DATABASE_URL: .*openssl rand -base64 32/m;

  // `npm start` runs the compiled start-up of a production build. The suite must not
  // depend on a build having run before it, nor touch the repo's own dist/ and .next/, so
  // it compiles the start-up with the build's own script into a directory that looks like
  // a built checkout (next build's output is only checked for, not used, before the refusal).
  let built: string;
  beforeAll(async () => {
    built = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-start-"));
    await run(process.execPath, ["scripts/build-server.mjs", "--outdir", path.join(built, "dist")], { timeout: 60_000 });
    fs.mkdirSync(path.join(built, ".next"));
    fs.writeFileSync(path.join(built, ".next", "BUILD_ID"), "prepare-test");
    fs.copyFileSync("package.json", path.join(built, "package.json"));
    for (const linked of ["node_modules", "scripts"]) fs.symlinkSync(path.resolve(linked), path.join(built, linked));
  }, 90_000);
  afterAll(() => fs.rmSync(built, { recursive: true, force: true }));

  it("npm start refuses without a build, naming the command that makes one", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-nobuild-"));
    fs.copyFileSync("package.json", path.join(empty, "package.json"));
    fs.symlinkSync(path.resolve("scripts"), path.join(empty, "scripts"));
    const result = await start("npm", ["start", "--", "-p", "3299"], { DATABASE_URL: NO_SERVER }, empty);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("[ksbb] start-up stopped: no production build here. Run npm run build first");
  });

  it("npm start refuses with one line naming AUTH_SECRET and how to make one", async () => {
    const result = await start("npm", ["start", "--", "-p", "3299"], { DATABASE_URL: NO_SERVER }, built);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(refusal);
    expect(result.stderr).not.toContain("cannot reach");
  });

  it("db:prepare and server.ts started on its own refuse the same way", async () => {
    const results = await Promise.all([
      start("npm", ["run", "db:prepare"], { DATABASE_URL: NO_SERVER }),
      start(process.execPath, ["--import", "tsx", "server.ts", "-p", "3299"], { DATABASE_URL: NO_SERVER }),
    ]);
    for (const result of results) {
      expect(result.code).not.toBe(0);
      expect(
        result.stderr
          .trim()
          .split("\n")
          .filter((line) => line.startsWith("[ksbb]")),
      ).toEqual([expect.stringMatching(refusal)]);
    }
  });
});
