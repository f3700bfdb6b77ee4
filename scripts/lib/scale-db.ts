import type { SqlSession } from "@/lib/db/connect.ts";

const SCALE_MARK = "ksbb seed:scale";

/** seed:scale marks the databases it wrote (a database comment), so it may replace them again. */
export async function isScaleSeeded(sql: SqlSession): Promise<boolean> {
  const [row] = await sql.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
  );
  return row?.comment?.startsWith(SCALE_MARK) ?? false;
}

export async function markScaleSeeded(sql: SqlSession) {
  await sql.exec(`DO $$ BEGIN
    EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '${SCALE_MARK} ' || now()::text);
  END $$`);
}
