import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client.ts";
import type { Env } from "@/lib/env.ts";

/** Raw SQL on one connection. */
export interface SqlSession {
  /** Runs one or more statements with the simple query protocol (migration files). */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** Raw SQL on the process's connection, as a named prepared statement where the engine keeps them. */
export interface PreparedQuery {
  prepared<Row = Record<string, unknown>>(name: string, sql: string, params: unknown[]): Promise<Row[]>;
}

/** A database connection: the Prisma client plus raw SQL for migrations and tests. */
export interface DbHandle extends SqlSession, PreparedQuery {
  engine: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Runs fn on one dedicated connection (session-level locks need that). */
  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type AdapterFactory = NonNullable<NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"]>;

export interface ConnectOptions {
  /** Wraps Prisma's driver adapter, e.g. to count the SQL statements a page sends (tests). */
  wrapAdapter?: (adapter: AdapterFactory) => AdapterFactory;
}

// Prisma's defaults (2 s to get a connection, 5 s to finish) turn a busy moment into
// failed pledges (P2028) as soon as more transactions run than the pool has connections.
// Waiting longer is better: each transaction is short, the queue drains.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function connectPostgres(connectionString: string, poolSize = 10, options: ConnectOptions = {}): DbHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL client error: ${error.message}`));
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({
    adapter: options.wrapAdapter ? options.wrapAdapter(adapter) : adapter,
    transactionOptions: TRANSACTION_OPTIONS,
  });
  return {
    engine: "postgres",
    prisma,
    async exec(sql) {
      await pool.query(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    // Each pooled connection parses and plans the statement once, not on every call.
    async prepared<Row>(name: string, sql: string, params: unknown[]) {
      return (await pool.query({ name, text: sql, values: params })).rows as Row[];
    },
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          async exec(sql) {
            await client.query(sql);
          },
          async query<Row>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as Row[];
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export function connectPGlite(pglite: PGlite, options: ConnectOptions = {}): DbHandle {
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({
    adapter: options.wrapAdapter ? options.wrapAdapter(adapter) : adapter,
    transactionOptions: TRANSACTION_OPTIONS,
  });
  const handle: DbHandle = {
    engine: "pglite",
    prisma,
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    async prepared<Row>(_name: string, sql: string, params: unknown[]) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    // PGlite is a single connection already.
    session: (fn) => fn(handle),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
  return handle;
}

/** Names the process that opened the embedded database last; backup and restore refuse while it runs. */
export function embeddedOwnerFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.pid`;
}

export function openEmbedded(dataDir: string): PGlite {
  const absolute = path.resolve(dataDir);
  // PGlite does not create missing parent folders itself.
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(embeddedOwnerFile(absolute), String(process.pid));
  return new PGlite(absolute);
}

/** The connection the configuration asks for: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function connect(env: Env): DbHandle {
  return env.DATABASE_URL ? connectPostgres(env.DATABASE_URL, env.DATABASE_POOL_SIZE) : connectPGlite(openEmbedded(env.KSBB_DATA_DIR));
}
