import { execFile } from "node:child_process";
import type { SqlSession } from "@/lib/db/connect.ts";

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name>.ts as `npm run` would (tsx), with extra environment variables. */
export function runScript(name: string, args: string[], env: Record<string, string | undefined>): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/${name}.ts`, ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Row count and md5 of every row's text (sorted) per table, and each sequence's position:
 * written apart from lib/backup/checksum.ts so a mistake there cannot hide here.
 */
export async function contentsOf(sql: SqlSession): Promise<Record<string, string>> {
  await sql.exec("SET TimeZone = 'UTC'");
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql.query<{ n: number; md5: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${name}" t`,
    );
    result[name] = `${row!.n}:${row!.md5 ?? "-"}`;
  }
  for (const { name } of await sql.query<{ name: string }>(
    `SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = 'public'`,
  )) {
    const [row] = await sql.query<{ value: string }>(`SELECT last_value::text AS value FROM "${name}"`);
    result[`sequence ${name}`] = row!.value;
  }
  return result;
}
