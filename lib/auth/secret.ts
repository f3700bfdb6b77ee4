import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env.ts";

// A fresh clone has no AUTH_SECRET: it gets a random one, written next to the embedded
// database (git-ignored) so sessions survive a restart. Production sets AUTH_SECRET.
export function authSecretFile(env: Env): string {
  return path.resolve(path.dirname(path.resolve(env.KSBB_DATA_DIR)), "auth-secret");
}

export function ensureAuthSecret(env: Env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = authSecretFile(env);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
