import { z } from "zod";

// Every setting the portal reads, parsed once. A bad value stops start-up with one
// line naming the variable (see prisma/prepare.ts), never a stack dump.
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      // new URL throws for anything that is not a URL: that is exactly the refusal.
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL with a host, e.g. postgresql://user@127.0.0.1:5432/ksbb");

// Five fields (minute hour day month weekday); pg-boss checks the rest when it schedules.
const cron = z.preprocess(
  (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined),
  z
    .string()
    .regex(/^\S+( \S+){4}$/, "must be a cron expression of five fields, e.g. 15 0 * * *")
    .optional(),
);

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : undefined))
      .pipe(postgresUrl.optional()),
    /** Connections each app process keeps to PostgreSQL (instances × this ≤ the server's max_connections). */
    DATABASE_POOL_SIZE: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(500).default(10)),
    KSBB_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
    /** Unset: "demo" on the embedded database, "none" on a PostgreSQL server (see below). */
    KSBB_SEED: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["demo", "none"]).optional()),
    /** Signs session cookies. Required with DATABASE_URL; unset without: a random secret kept in <KSBB_DATA_DIR>/../auth-secret. */
    AUTH_SECRET: z.string().trim().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
    /** smtp:// or smtps:// URL of the mail server. Unset: e-mails stay in the outbox table. */
    SMTP_URL: z
      .string()
      .optional()
      .transform((value) => value?.trim() || undefined)
      .pipe(
        z
          .string()
          .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
          .optional(),
      ),
    MAIL_FROM: z.string().trim().default("KSBB Jakarta <no-reply@ksbb.invalid>"),
    /** The portal's address as people reach it; links in e-mails start with it. */
    PUBLIC_URL: z.preprocess(
      (value) => (typeof value === "string" && value.trim() ? value.trim() : undefined),
      z
        .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://ksbb.jakarta.go.id" })
        .default("http://localhost:3000"),
    ),
    /** Folder for the daily backup the app takes itself (PostgreSQL only). Unset: no scheduled backup; `npm run backup` still works. */
    KSBB_BACKUP_DIR: z.preprocess((value) => (typeof value === "string" && value.trim() ? value.trim() : undefined), z.string().optional()),
    /** When the background jobs run (cron, Asia/Jakarta): pledge expiry (default 15 0 * * *), backup (default 30 2 * * *). */
    KSBB_JOBS_EXPIRE_CRON: cron,
    KSBB_JOBS_BACKUP_CRON: cron,
    /** When the staff daily digest is queued (cron, Asia/Jakarta; default 0 7 * * *). */
    KSBB_JOBS_DIGEST_CRON: cron,
    /** How often (seconds, 1-45) each process looks at schedules and queues; tests shorten it. Unset: pg-boss's own pace. */
    KSBB_JOBS_TICK_SECONDS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(45).optional()),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** "1": cookies without Secure in production, for plain http on a host other than localhost (lib/security/cookies.ts). */
    KSBB_INSECURE_COOKIES: z.enum(["0", "1"]).optional(),
  })
  // Demo data (with its published password) only ever reaches a PostgreSQL server when
  // KSBB_SEED=demo says so; the embedded quick start keeps it with no configuration.
  .transform((env) => ({ ...env, KSBB_SEED: env.KSBB_SEED ?? (env.DATABASE_URL ? "none" : "demo") }));

export const AUTH_SECRET_REQUIRED =
  "is required with DATABASE_URL: give every instance the same secret of 32+ characters, e.g. from `openssl rand -base64 32`";

// What the server (npm start, npm run dev, db:prepare) needs beyond the tools: on a
// PostgreSQL server every instance must sign sessions with one shared secret, so none is invented.
const serverEnvSchema = envSchema.refine((env) => !env.DATABASE_URL || env.AUTH_SECRET, {
  path: ["AUTH_SECRET"],
  message: AUTH_SECRET_REQUIRED,
});

export const PUBLIC_URL_REQUIRED =
  "is required with SMTP_URL: links in e-mails must lead to the portal's public address, e.g. https://ksbb.jakarta.go.id";

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return parse(envSchema, source);
}

/** readEnv, with AUTH_SECRET required when DATABASE_URL is set and PUBLIC_URL when SMTP_URL is. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): Env {
  const env = parse(serverEnvSchema, source);
  // Mail that leaves the server must not carry links to the localhost default.
  if (env.SMTP_URL && !source.PUBLIC_URL?.trim()) throw new EnvError(`PUBLIC_URL ${PUBLIC_URL_REQUIRED}`);
  return env;
}

function parse(schema: typeof serverEnvSchema | typeof envSchema, source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path.join(".") ?? "environment";
  throw new EnvError(`${name} ${issue?.message ?? "is invalid"}`);
}
