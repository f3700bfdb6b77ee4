import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET_REQUIRED, type Env } from "@/lib/env.ts";

// A fresh clone on the embedded database has no AUTH_SECRET: it gets a random one, written
// next to the database (git-ignored) so sessions survive a restart. With DATABASE_URL
// several instances share the database and must share the secret, so none is invented:
// a file secret per instance would sign users out at random.
export function authSecretFile(env: Env): string {
  return path.resolve(path.dirname(path.resolve(env.KSBB_DATA_DIR)), "auth-secret");
}

export function ensureAuthSecret(env: Env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.DATABASE_URL) {
    // `next build` loads the Auth.js config but signs nothing, and the build machine need not hold the secret.
    if (process.env.NEXT_PHASE === "phase-production-build") return randomBytes(32).toString("base64url");
    throw new Error(`AUTH_SECRET ${AUTH_SECRET_REQUIRED}`);
  }
  const file = authSecretFile(env);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
