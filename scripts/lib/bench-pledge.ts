import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { SqlSession } from "@/lib/db/connect.ts";
import { jakartaToday } from "@/lib/dates.ts";

// Signed-in pledge submission through the real server action, as the pledge form's
// JavaScript sends it: a POST to the need page with the action's id in `Next-Action`
// and React's encoding of (previous state, form data) as multipart form data. Each
// request carries a fresh idempotency key, so each one is a new pledge.

/** The id Next.js gave createPledgeAction in this build. */
export function pledgeActionId(manifestFile = ".next/server/server-reference-manifest.json"): string {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.filename === "lib/pledges/actions.ts" && action.exportedName === "createPledgeAction",
  );
  if (!entry) throw new Error(`createPledgeAction is not in ${manifestFile}: rebuild with npm run bench -- --build`);
  return entry[0];
}

/**
 * Signs in through Auth.js's credentials endpoint, as the sign-in form does; returns the Cookie header.
 * Staff and admins give their authenticator code in the same request (the credentials
 * provider accepts it there for scripts; the form asks for it on a second page).
 */
export async function signIn(origin: string, email: string, password: string, code?: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/`, ...(code ? { code } : {}) }),
  });
  const session = response.headers.getSetCookie().find((cookie) => /^(__Secure-)?authjs\.session-token=/.test(cookie));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session.split(";")[0]!;
}

export interface BenchNeed {
  id: string;
  remaining: number;
}

/**
 * Needs to pledge to: many with room, and a few nearly full ones that fill up during the
 * run, so refusals and the over-pledge guard are exercised under concurrency.
 */
export async function pickNeeds(sql: SqlSession): Promise<{ roomy: BenchNeed[]; nearlyFull: BenchNeed[] }> {
  const where = `status = 'OPEN' AND deadline >= (now() AT TIME ZONE 'Asia/Jakarta')::date + 2`;
  const roomy = await sql.query<BenchNeed>(
    `SELECT id, target_quantity - pledged_quantity AS remaining FROM need WHERE ${where} AND target_quantity - pledged_quantity >= 100 ORDER BY id LIMIT 200`,
  );
  const nearlyFull = await sql.query<BenchNeed>(
    `SELECT id, target_quantity - pledged_quantity AS remaining FROM need WHERE ${where} AND target_quantity - pledged_quantity BETWEEN 10 AND 40 ORDER BY id LIMIT 10`,
  );
  if (roomy.length < 20 || nearlyFull.length < 1) throw new Error("not enough open needs to pledge to: run npm run seed:scale again");
  return { roomy, nearlyFull };
}

export interface PledgeRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** One pledge submission: 90% to needs with room (1–3 units), 10% to nearly full ones (1–5). */
export function pledgeRequest(
  origin: string,
  actionId: string,
  cookie: string,
  needs: { roomy: BenchNeed[]; nearlyFull: BenchNeed[] },
): PledgeRequest {
  const hot = Math.random() < 0.1;
  const list = hot ? needs.nearlyFull : needs.roomy;
  const need = list[Math.floor(Math.random() * list.length)]!;
  const quantity = 1 + Math.floor(Math.random() * (hot ? 5 : 3));
  const boundary = `----ksbbbench${randomUUID().replaceAll("-", "")}`;
  // React encodes the action's arguments: "0" is [previous state, a reference to form data 1],
  // and form data 1's fields travel with the prefix "_1_".
  const fields: [string, string][] = [
    ["_1_needId", need.id],
    ["_1_idempotencyKey", randomUUID()],
    ["_1_quantity", String(quantity)],
    ["_1_deliveryMode", "DIRECT"],
    ["_1_plannedDeliveryOn", jakartaToday()],
    ["_1_note", ""],
    ["0", '[null,"$K1"]'],
  ];
  const body =
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
    `--${boundary}--\r\n`;
  return {
    path: `/kebutuhan/${need.id}`,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      accept: "text/x-component",
      "next-action": actionId,
      origin,
      cookie,
    },
    body,
  };
}

/** A created pledge answers with the form's success state and the pledge's address; a refusal with its error state. */
export function pledgeAccepted(body: string): boolean {
  return body.includes('"ok":true') && body.includes('"href":"/janji/');
}
