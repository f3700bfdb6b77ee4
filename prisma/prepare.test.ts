import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

const SECRET = "a-test-secret-of-at-least-32-characters";
const NO_SERVER = "postgresql://nobody@127.0.0.1:1/x";

/** Runs the start-up step the way `npm start` does, with the given environment. */
function prepare(env: Record<string, string>) {
  return start(process.execPath, ["--import", "tsx", "prisma/prepare.ts", "--no-seed"], env);
}

async function start(command: string, args: string[], env: Record<string, string>) {
  const inherited = { ...process.env };
  delete inherited.AUTH_SECRET;
  delete inherited.KSBB_SEED;
  try {
    const { stdout, stderr } = await run(command, args, { env: { ...inherited, ...env }, timeout: 60_000 });
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

  it("npm start refuses with one line naming AUTH_SECRET and how to make one", async () => {
    const result = await start("npm", ["start", "--", "-p", "3299"], { DATABASE_URL: NO_SERVER });
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
