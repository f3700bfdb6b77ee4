import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Runs the start-up step the way `npm start` does, with the given environment. */
async function prepare(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "prisma/prepare.ts", "--no-seed"], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("start-up with a bad DATABASE_URL", () => {
  it("stops with one line naming an unreachable server, and no stack trace", async () => {
    const result = await prepare({ DATABASE_URL: "postgresql://ksbb:secret@127.0.0.1:1/ksbb" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "[ksbb] start-up stopped: cannot reach PostgreSQL at 127.0.0.1:1/ksbb: connection refused (is the server running?)",
    ]);
    expect(result.stderr).not.toContain("secret");
  });

  it("stops with one line naming the variable when the URL is not a PostgreSQL URL", async () => {
    const result = await prepare({ DATABASE_URL: "mysql://root@localhost/ksbb" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^\[ksbb\] start-up stopped: configuration error: DATABASE_URL must be a postgres:\/\//);
  });
});
