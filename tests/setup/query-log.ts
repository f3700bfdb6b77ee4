import type { AdapterFactory } from "@/lib/db/connect.ts";

// Every SQL statement Prisma sends through its driver adapter, in and out of
// transactions, whatever the engine (PGlite or pg). Read by tests/helpers/query-count.ts.

declare global {
  var __ksbbQueryLog: string[] | undefined;
}

type Queryable = { queryRaw(query: { sql: string }): Promise<unknown>; executeRaw(query: { sql: string }): Promise<unknown> };

function record(sql: string) {
  globalThis.__ksbbQueryLog?.push(sql);
}

function wrap<T extends object>(target: T, override: Record<string, (original: (...args: never[]) => unknown) => unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      const bound = (value as (...args: never[]) => unknown).bind(object);
      const replace = typeof property === "string" ? override[property] : undefined;
      return replace ? replace(bound) : bound;
    },
  });
}

function countingQueryable<T extends object>(queryable: T): T {
  return wrap(queryable, {
    queryRaw: (original) => (query: Parameters<Queryable["queryRaw"]>[0]) => (
      record(query.sql),
      (original as Queryable["queryRaw"])(query)
    ),
    executeRaw: (original) => (query: Parameters<Queryable["executeRaw"]>[0]) => (
      record(query.sql),
      (original as Queryable["executeRaw"])(query)
    ),
    startTransaction:
      (original) =>
      async (...args: unknown[]) =>
        countingQueryable(await (original as (...a: unknown[]) => Promise<object>)(...args)),
  });
}

export function countingAdapter(factory: AdapterFactory): AdapterFactory {
  return wrap(factory, {
    connect: (original) => async () => countingQueryable(await (original as () => Promise<object>)()),
  });
}

/** Counts the raw prepared statements the portal sends beside Prisma (e.g. the catalogue's query, lib/needs/queries.ts). */
export function countPrepared<T extends { prepared: (name: string, sql: string, params: unknown[]) => Promise<unknown> }>(handle: T): T {
  const original = handle.prepared.bind(handle);
  handle.prepared = ((name: string, sql: string, params: unknown[]) => (record(sql), original(name, sql, params))) as T["prepared"];
  return handle;
}
