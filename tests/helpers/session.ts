import { testDb } from "./db.ts";

/** Makes the next server action calls run as this user (null: signed out). */
export function actAs(userId: string | null, ip = "203.0.113.1") {
  globalThis.__ksbbTestUserId = userId;
  globalThis.__ksbbTestIp = ip;
  globalThis.__ksbbTestSessionId = undefined;
}

export async function userIdByEmail(email: string): Promise<string> {
  const [row] = await testDb().query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}
