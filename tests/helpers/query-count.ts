/** The SQL statements Prisma sent while fn ran (tests/setup/query-log.ts records them). */
export async function queriesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const log: string[] = [];
  globalThis.__ksbbQueryLog = log;
  try {
    return { result: await fn(), statements: log };
  } finally {
    globalThis.__ksbbQueryLog = undefined;
  }
}
