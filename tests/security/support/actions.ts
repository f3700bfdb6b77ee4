import type { z } from "zod";
import type { Access } from "@/lib/actions/define.ts";
import type { ActionState, ErrorCode } from "@/lib/actions/state.ts";
import { testDb } from "@/tests/helpers/db.ts";
import { userIdByEmail } from "@/tests/helpers/session.ts";

// Every server action, found the way the authorization matrix finds them: each export of
// lib/**/actions.ts. defineAction puts the access rule and the zod schema on the function.

export interface DiscoveredAction {
  key: string;
  fn: (...args: unknown[]) => Promise<unknown>;
  access: Access;
  schema: z.ZodType | undefined;
}

const modules = import.meta.glob("/lib/**/actions.ts", { eager: true }) as Record<string, Record<string, unknown>>;

export const ACTIONS: DiscoveredAction[] = Object.entries(modules)
  .flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === "function")
      .map(([name, value]) => {
        const fn = value as DiscoveredAction["fn"] & { access?: Access; schema?: z.ZodType };
        return { key: `${file.replace(/^\//, "")}#${name}`, fn, access: fn.access ?? "public", schema: fn.schema };
      }),
  )
  .sort((a, b) => a.key.localeCompare(b.key));

/** Shard i of n (1-based), so two test files can fuzz on two workers. */
export const shard = (index: number, of: number) => ACTIONS.filter((_, i) => i % of === index - 1);

export type Identity = "anonymous" | "DONOR" | "AGGREGATOR" | "CITY_STAFF" | "ADMIN";
const DEMO_BY_ROLE = {
  DONOR: "donor@ksbb.test",
  AGGREGATOR: "agregator@ksbb.test",
  CITY_STAFF: "staf@ksbb.test",
  ADMIN: "admin@ksbb.test",
} as const;

/** Who may call the action: guests and a donor for public actions, every role for "user", else the listed roles. */
export function allowedIdentities(access: Access): Identity[] {
  if (access === "public") return ["anonymous", "DONOR"];
  if (access === "user") return ["DONOR", "AGGREGATOR", "CITY_STAFF", "ADMIN"];
  return access.roles.filter((role): role is keyof typeof DEMO_BY_ROLE => role in DEMO_BY_ROLE);
}

export async function demoActors(): Promise<Record<Identity, { userId: string | null; organisationId: string | null }>> {
  const actors = { anonymous: { userId: null, organisationId: null } } as Record<
    Identity,
    { userId: string | null; organisationId: string | null }
  >;
  for (const [role, email] of Object.entries(DEMO_BY_ROLE)) {
    const userId = await userIdByEmail(email);
    const [row] = await testDb().query<{ o: string }>(`SELECT organisation_id AS o FROM app_user WHERE id = $1`, [userId]);
    actors[role as Identity] = { userId, organisationId: row!.o };
  }
  return actors;
}

/**
 * Real values from the database, so generated ids, codes and "id:version" pairs hit real
 * rows: up to 25 of every id, code, slug and reference column of every table; and dates
 * around today. The acting
 * users and their organisations are left out, so the fuzz cannot deactivate or demote them.
 */
export async function databasePool(exclude: ReadonlySet<string>): Promise<string[]> {
  const db = testDb();
  const columns = await db.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('id', 'code', 'slug', 'reference', 'version')
        AND table_name NOT LIKE '\\_prisma%' ORDER BY 1, 2`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const { t, c } of columns) byTable.set(t, (byTable.get(t) ?? new Set()).add(c));
  const pool = new Set<string>(["0", "1", "2", "3"]);
  // Calendar dates around today, for date fields.
  for (let days = -10; days <= 60; days += 1) pool.add(new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
  for (const [table, cols] of byTable) {
    for (const column of cols) {
      if (column === "version") continue;
      const rows = await db.query<{ v: string; version: number | null }>(
        `SELECT "${column}"::text AS v, ${cols.has("version") ? `"version"` : "NULL"}::int AS version FROM "${table}" ORDER BY random() LIMIT 25`,
      );
      for (const { v, version } of rows) {
        if (exclude.has(v)) continue;
        pool.add(v);
        if (version !== null) pool.add(`${v}:${version}`).add(String(version));
      }
    }
  }
  return [...pool];
}

const ERROR_CODES: readonly ErrorCode[] = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "SUSPENDED",
  "INVALID",
  "CONFLICT",
  "RATE_LIMITED",
  "ERROR",
];

/** Next.js's redirect() and notFound() work by throwing; those are answers, not failures. */
export function isControlFlow(error: unknown): boolean {
  const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest.startsWith("NEXT_NOT_FOUND");
}

/** What is wrong with an action's answer, or null when it is a well-formed ActionState. */
export function stateProblem(result: unknown): string | null {
  if (result === null || result === undefined) return null;
  const state = result as Exclude<ActionState, null>;
  if (typeof state !== "object" || typeof state.ok !== "boolean") return `not an ActionState: ${JSON.stringify(result)?.slice(0, 200)}`;
  if (state.ok) return null;
  if (!ERROR_CODES.includes(state.code)) return `unknown error code ${String(state.code)}`;
  if (state.code === "ERROR") return `unexpected error (the action logged it and answered ERROR): ${state.message}`;
  if (typeof state.message !== "string" || !state.message) return "refusal without a message";
  for (const [field, message] of Object.entries(state.fieldErrors ?? {})) {
    if (typeof message !== "string" || !message || /^[A-Za-z]+(\.[A-Za-z0-9]+)+$/.test(message))
      return `untranslated field error on ${field}: ${message}`;
  }
  for (const [field, value] of Object.entries(state.values ?? {})) {
    if (/password|token/i.test(field)) return `secret field ${field} echoed back`;
    if (typeof value !== "string" && !(Array.isArray(value) && value.every((v) => typeof v === "string")))
      return `echoed value of ${field} is not text`;
  }
  return null;
}

/** Short name of an answer, for the outcome table each fuzz prints. */
export function outcomeName(result: unknown): string {
  if (result === null || result === undefined) return "void";
  const state = result as Exclude<ActionState, null>;
  return state.ok ? "ok" : state.code;
}

export function polluted(): string | null {
  const keys = Object.getOwnPropertyNames(Object.prototype).filter((key) => !BUILTIN_OBJECT_KEYS.has(key));
  return keys.length ? `Object.prototype gained ${keys.join(", ")}` : null;
}
const BUILTIN_OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
