import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client.ts";
import { readEnv } from "@/lib/env.ts";
import { connect, type DbHandle } from "./connect.ts";

declare global {
  // One connection per process, kept across hot reloads in development.
  var __ksbbDb: DbHandle | undefined;
}

export function dbHandle(): DbHandle {
  globalThis.__ksbbDb ??= connect(readEnv());
  return globalThis.__ksbbDb;
}

/**
 * The process-wide Prisma client. It connects on first use, not on import, so that
 * `next build` never opens the embedded database. Tests install their own handle on
 * globalThis.__ksbbDb before importing anything that queries.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = dbHandle().prisma;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { DbHandle };
