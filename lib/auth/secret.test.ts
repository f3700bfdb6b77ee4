import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readEnv, readServerEnv } from "@/lib/env.ts";
import { authSecretFile, ensureAuthSecret } from "./secret.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-secret-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const SERVER = "postgresql://ksbb@db.internal:5432/ksbb";

describe("configuration for a PostgreSQL server versus the embedded quick start", () => {
  it("never invents a session secret with DATABASE_URL, and writes no file", () => {
    const env = readEnv({ DATABASE_URL: SERVER, KSBB_DATA_DIR: path.join(dir, "pg", "pglite") });
    expect(() => ensureAuthSecret(env)).toThrow(/^AUTH_SECRET is required with DATABASE_URL.*openssl rand -base64 32/);
    expect(fs.existsSync(authSecretFile(env))).toBe(false);
    expect(() => readServerEnv({ DATABASE_URL: SERVER })).toThrow(/^AUTH_SECRET is required/);
    // Mail with links to the localhost default would reach nobody's portal.
    expect(() => readServerEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/^PUBLIC_URL is required with SMTP_URL/);
    expect(readServerEnv({ SMTP_URL: "smtp://127.0.0.1:2525", PUBLIC_URL: "https://ksbb.example" }).PUBLIC_URL).toBe(
      "https://ksbb.example",
    );
    const secret = "s".repeat(32);
    expect(ensureAuthSecret(readServerEnv({ DATABASE_URL: SERVER, AUTH_SECRET: secret }))).toBe(secret);
  });

  it("lets `next build` load the Auth.js config without the secret, and keeps nothing", () => {
    const env = readEnv({ DATABASE_URL: SERVER, KSBB_DATA_DIR: path.join(dir, "build", "pglite") });
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    try {
      expect(ensureAuthSecret(env)).not.toBe(ensureAuthSecret(env));
    } finally {
      vi.unstubAllEnvs();
    }
    expect(fs.existsSync(authSecretFile(env))).toBe(false);
  });

  it("keeps a random secret in a file for the embedded database, the same on every start", () => {
    const env = readServerEnv({ KSBB_DATA_DIR: path.join(dir, "embedded", "pglite") });
    const first = ensureAuthSecret(env);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ensureAuthSecret(env)).toBe(first);
  });

  it("loads demo data by default only on the embedded database", () => {
    expect(readEnv({}).KSBB_SEED).toBe("demo");
    expect(readEnv({ DATABASE_URL: SERVER }).KSBB_SEED).toBe("none");
    expect(readEnv({ DATABASE_URL: SERVER, KSBB_SEED: "" }).KSBB_SEED).toBe("none");
    expect(readEnv({ DATABASE_URL: SERVER, KSBB_SEED: "demo" }).KSBB_SEED).toBe("demo");
    expect(readEnv({ KSBB_SEED: "none" }).KSBB_SEED).toBe("none");
  });
});
